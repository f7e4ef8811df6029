import { candidatePatterns, isFormOf, type SearchLanguage, splitWords, type TextWord } from './morphology.ts';
import type { Clause, ParsedQuery, Term } from './query.ts';

/** A matched word or phrase, in code points of the text matched. */
export interface Span {
  start: number;
  end: number;
}

export interface TextMatch {
  /** Every matched word or phrase of the query's wanted clauses, in text order. */
  spans: Span[];
  score: number;
}

/** Lower case and composed: "ä" typed or pasted as a + combining diaeresis (NFD) is the same letter. */
const lower = (text: string) => {
  const low = text.toLowerCase();
  return /[\u0300-\u036f]/.test(low) ? low.normalize('NFC') : low;
};

/**
 * A pattern as it may be stored: composed, and decomposed where that differs (text pasted from a PDF or
 * a Mac file name keeps its letters decomposed, and the index holds the text as it was written).
 */
const spellings = (pattern: string): string[] => {
  const decomposed = pattern.normalize('NFD');
  return decomposed === pattern ? [pattern] : [pattern, decomposed];
};

/** The trigram patterns of a term: a text without any of them cannot match it. Empty: unknown. */
export function termPatterns(term: Term, languages: readonly SearchLanguage[][]): string[][] {
  switch (term.type) {
    case 'word': {
      const patterns = new Set(languages.flatMap((l) => candidatePatterns(term.text, l)));
      const usable = [...patterns].filter((p) => [...p].length >= 3);
      // A pattern too short for trigrams could match anything: the term does not narrow the search.
      return usable.length === patterns.size ? [usable.flatMap(spellings)] : [];
    }
    case 'prefix':
      return [...term.text].length >= 3 ? [spellings(term.text)] : [];
    case 'phrase': {
      // Its words are one space apart (as the matcher wants them). The index is asked for the joins
      // between them (three letters each side): a long phrase of common trigrams costs the index far
      // more to match whole, and the joins are hardly less selective.
      const { words } = term;
      if (words.length === 1) return [...words[0]!].length >= 3 ? [[words[0]!]] : [];
      return words
        .slice(1)
        .map((word, i) =>
          spellings(`${[...words[i]!].slice(-3).join('')} ${[...word].slice(0, 3).join('')}`),
        );
    }
  }
}

/**
 * An FTS5 trigram expression that every matching text satisfies, or null when the query cannot be
 * narrowed that way (every wanted clause has a word under three letters).
 */
export function ftsExpression(query: ParsedQuery, languages: readonly SearchLanguage[][]): string | null {
  const quote = (pattern: string) => `"${pattern.replaceAll('"', '""')}"`;
  const clauses: string[] = [];
  for (const clause of query.clauses) {
    if (clause.negated) continue;
    const terms: string[] = [];
    for (const term of clause.terms) {
      const groups = termPatterns(term, languages);
      if (!groups.length || groups.some((g) => !g.length)) {
        terms.length = 0;
        break;
      }
      terms.push(`(${groups.map((g) => `(${g.map(quote).join(' OR ')})`).join(' AND ')})`);
    }
    // One term without patterns leaves its whole OR clause unnarrowed.
    if (terms.length === clause.terms.length) clauses.push(`(${terms.join(' OR ')})`);
  }
  return clauses.length ? clauses.join(' AND ') : null;
}

/**
 * Matches a text against a query, for one language order (the text's engagement's language first).
 * Built once per query and language; `match` runs for every candidate text, so the words of a text are
 * split once and a word is judged by the morphology only if it holds one of the word's patterns.
 */
export function matcher(query: ParsedQuery, languages: readonly SearchLanguage[]) {
  const wordPatterns = new Map<string, string[]>();
  const typed = new Map<string, string>();
  for (const clause of query.clauses)
    for (const term of clause.terms)
      if (term.type === 'word' && !wordPatterns.has(term.text)) {
        typed.set(term.text, lower(term.text));
        wordPatterns.set(
          term.text,
          candidatePatterns(term.text, languages).map((p) => p.toLowerCase()),
        );
      }

  /** `exact`: the word as typed, or a phrase (they count for more than other forms). */
  const spansOf = (
    term: Term,
    words: readonly TextWord[],
    lowered: readonly string[],
    chars: readonly string[],
  ): (Span & { exact: boolean })[] => {
    const spans: (Span & { exact: boolean })[] = [];
    switch (term.type) {
      case 'word': {
        const patterns = wordPatterns.get(term.text)!;
        words.forEach((word, i) => {
          const low = lowered[i]!;
          if (patterns.some((p) => low.includes(p)) && isFormOf(word.text, term.text, languages))
            spans.push({ start: word.start, end: word.end, exact: low === typed.get(term.text) });
        });
        return spans;
      }
      case 'prefix':
        words.forEach((word, i) => {
          if (lowered[i]!.startsWith(term.text))
            spans.push({ start: word.start, end: word.end, exact: false });
        });
        return spans;
      case 'phrase': {
        // Consecutive words, one space between each: what the index's substring finds.
        const n = term.words.length;
        for (let i = 0; i + n <= words.length; i++) {
          let k = 0;
          while (
            k < n &&
            lowered[i + k] === term.words[k] &&
            (k === 0 ||
              (words[i + k]!.start === words[i + k - 1]!.end + 1 && chars[words[i + k - 1]!.end] === ' '))
          )
            k++;
          if (k === n) spans.push({ start: words[i]!.start, end: words[i + n - 1]!.end, exact: true });
        }
        return spans;
      }
    }
  };

  const clauseSpans = (
    clause: Clause,
    words: readonly TextWord[],
    lowered: readonly string[],
    chars: readonly string[],
  ) => clause.terms.flatMap((term) => spansOf(term, words, lowered, chars));

  const phrases = query.clauses.some((c) => c.terms.some((t) => t.type === 'phrase'));
  // Substrings every matching word holds (none has white space): only the words around them are split
  // and judged, which for a long text is most of the work saved. A phrase needs all words in order.
  let narrowed: string[] | null = phrases ? null : [];
  for (const clause of query.clauses)
    for (const term of clause.terms) {
      const found =
        term.type === 'word' ? wordPatterns.get(term.text)! : term.type === 'prefix' ? [term.text] : [];
      if (!found.length || found.some((p) => !p || /\s/u.test(p))) narrowed = null;
      else narrowed?.push(...found.flatMap(spellings));
    }
  const needles = narrowed;

  return (text: string): TextMatch | null => {
    const words = needles ? wordsAround(text, needles) : splitWords(text);
    if (words === null) return null;
    // What lies between words matters only to phrases.
    const chars = phrases ? [...text] : [];
    const lowered = words.map((w) => lower(w.text));
    const spans: Span[] = [];
    let score = 0;
    for (const clause of query.clauses) {
      const found = clauseSpans(clause, words, lowered, chars);
      if (clause.negated) {
        if (found.length) return null;
        continue;
      }
      if (!found.length) return null;
      // Each wanted clause adds more for more matches, less for each one more; a phrase and a word
      // written exactly as typed count for more than a form of it.
      score += (1 + Math.log(found.length)) * (found.some((s) => s.exact) ? 1.5 : 1);
      for (const { start, end } of found) spans.push({ start, end });
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    // A long text holding the words once is less about them than a short one.
    score /= 1 + Math.log(1 + roughWordCount(text) / 40);
    return { spans: withoutOverlaps(spans), score: Math.round(score * 1000) / 1000 };
  };
}

function withoutOverlaps(sorted: readonly Span[]): Span[] {
  const kept: Span[] = [];
  for (const span of sorted) {
    const last = kept.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      continue;
    }
    kept.push({ ...span });
  }
  return kept;
}

/** Words counted by the white space between them: cheap, and the same whichever way a text was split. */
function roughWordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/gu)) n++;
  return n;
}

/**
 * The words (splitWords, with code-point offsets in the whole text) of the runs of text between white
 * space that hold one of the needles, case-insensitively; null when none does. A word never holds white
 * space, so every word that holds a needle is among them.
 */
function wordsAround(text: string, needles: readonly string[]): TextWord[] | null {
  const low = text.toLowerCase();
  // Lower-casing that changes the length (rare letters) would shift the offsets: split it all instead.
  if (low.length !== text.length) return splitWords(text);
  const runs = new Map<number, number>();
  for (const needle of needles) {
    for (let at = low.indexOf(needle); at !== -1; at = low.indexOf(needle, at + 1)) {
      let from = at;
      while (from > 0 && !/\s/u.test(text[from - 1]!)) from--;
      if (runs.has(from)) continue;
      let to = at + needle.length;
      while (to < text.length && !/\s/u.test(text[to]!)) to++;
      runs.set(from, to);
    }
  }
  if (!runs.size) return null;
  // Without the u flag: a pair of surrogates is then two matches, not one code point.
  const astral = /[\uD800-\uDFFF]/.test(text);
  const words: TextWord[] = [];
  for (const from of [...runs.keys()].sort((a, b) => a - b)) {
    const shift = astral ? [...text.slice(0, from)].length : from;
    for (const word of splitWords(text.slice(from, runs.get(from))))
      words.push({ text: word.text, start: word.start + shift, end: word.end + shift });
  }
  return words;
}
