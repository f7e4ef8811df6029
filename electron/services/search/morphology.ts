/**
 * Which words of a text are forms of a query word. The index finds candidate passages by substrings
 * (a trigram index); this module says which substrings to look for and which words really match.
 *
 * PLACEHOLDER: lowercase substring matching only. The real Finnish and English morphology (inflection,
 * consonant gradation, compound parts) replaces the bodies; the signatures stay.
 */

export type SearchLanguage = 'fi' | 'en';

/** One word of a text; start and end in Unicode code points (the notes' offset convention). */
export interface TextWord {
  text: string;
  start: number;
  end: number;
}

/** The words of a text in order, with their code-point offsets. */
export function splitWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  let offset = 0;
  let current: TextWord | null = null;
  for (const ch of text) {
    if (/[\p{L}\p{N}]/u.test(ch) || (current && /['’-]/u.test(ch))) {
      current ??= { text: '', start: offset, end: offset };
      current.text += ch;
      current.end = offset + 1;
    } else if (current) {
      words.push(current);
      current = null;
    }
    offset++;
  }
  if (current) words.push(current);
  return words;
}

/**
 * Lowercase substrings, each at least three code points long, of which a text must contain at least
 * one to possibly hold a form of the query word: what the trigram index is asked for.
 */
export function candidatePatterns(queryWord: string, _languages: readonly SearchLanguage[]): string[] {
  return [queryWord.toLocaleLowerCase('fi')];
}

/** Whether a word of a text is a form of the query word (an inflected form, or a compound containing it). */
export function isFormOf(
  textWord: string,
  queryWord: string,
  _languages: readonly SearchLanguage[],
): boolean {
  return textWord.toLocaleLowerCase('fi').includes(queryWord.toLocaleLowerCase('fi'));
}
