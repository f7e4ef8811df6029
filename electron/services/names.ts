/**
 * How a person's or company's name is found in free text — one rule for erasure and for report
 * anonymisation, so what one removes the other would also hide.
 */

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const INFLECTION = "[\\p{L}:'’]*";

/** Regex sources for a name: the whole name and each part of three letters or more, with endings. */
export function nameAlternatives(name: string): string[] {
  const full = name.trim().replace(/\s+/g, ' ');
  if (!full) return [];
  const parts = full.split(' ').filter((p) => p.length >= 3);
  const sources = [escapeRegExp(full).replace(/ /g, '\\s+')];
  for (const part of parts) {
    // Four letters or more also hide inflected forms: Stefan → Stefanin, Karin → Karinin.
    sources.push(`${escapeRegExp(part)}${part.length >= 4 ? INFLECTION : ''}`);
    // Finnish -nen names change their stem: Ahonen → Ahosen, Ahosta.
    if (/nen$/i.test(part) && part.length >= 6)
      sources.push(`${escapeRegExp(part.slice(0, -3))}s${INFLECTION}`);
  }
  return sources;
}

/** `sources` in the order to try them: at any position the first that matches wins. */
function wholeWords(sources: string[]): RegExp | null {
  const unique = [...new Set(sources)];
  if (!unique.length) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${unique.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** One case-insensitive pattern for people's names, whole words only, with inflected forms. */
export function namePattern(names: readonly string[]): RegExp | null {
  // Whole names before their parts, so "Aino Ahonen" is replaced once, not as "Aino" and "Ahonen".
  const alternatives = names.map(nameAlternatives);
  const byLength = (a: string, b: string) => b.length - a.length;
  const wholes = alternatives.flatMap((a) => a.slice(0, 1)).sort(byLength);
  return wholeWords([...wholes, ...alternatives.flatMap((a) => a.slice(1)).sort(byLength)]);
}

/** Exactly these words or phrases (e.g. a company's names), whole words only, any case. */
export function wordsPattern(words: readonly string[]): RegExp {
  return (
    wholeWords(words.filter(Boolean).map((w) => escapeRegExp(w.trim()).replace(/\s+/g, '\\s+'))) ?? /$^/u
  );
}
