/**
 * Text as the identity engine compares it: NFC (a Mac's "A" + combining ring is "Å"), without soft
 * hyphens, zero-width characters or bidi marks (pasted from Word or the web, they hide inside names).
 * `toOriginal(i)` is where character i of the normalised text starts in the original, and
 * `toOriginal(text.length)` is the original's length, so a match maps back to exactly the original
 * characters it covers, invisible ones included.
 */
export interface NormalizedText {
  text: string;
  toOriginal: (index: number) => number;
}

/** Invisible characters that can sit inside a word without changing how it reads. */
export const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]|\u034F|[\uFE00-\uFE0F]/u;
const INVISIBLE_GLOBAL = new RegExp(INVISIBLE.source, 'gu');

/** Typographic apostrophes (Word types ’ in O’Neill): compared as the plain one, one for one. */
const APOSTROPHES = /[\u2019\u02BC]/gu;

/** Runs of what normalising rebuilds: invisible characters and combining marks (one class: fast to scan). */
const CHANGES = /[\p{M}\u00AD\u061C\u115F\u1160\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]+/gu;
const MARK = /\p{M}/u;

export function normalizeForMatching(original: string): NormalizedText {
  // Only the places that change are rebuilt; the text between them is copied as it is. Each rebuilt
  // piece maps to where it starts in the original; copied text maps one to one.
  const parts: string[] = [];
  const pieces: { from: number; origin: number; copied: boolean }[] = [];
  let at = 0;
  let length = 0;
  let rebuilt = false;
  const add = (text: string, origin: number, copied: boolean) => {
    if (!text) return;
    pieces.push({ from: length, origin, copied });
    parts.push(text);
    length += text.length;
  };
  for (const match of original.matchAll(CHANGES)) {
    rebuilt = true;
    let start = match.index;
    // Combining marks compose with the character before the run (a surrogate pair counts as one),
    // also across an invisible character between them.
    if (MARK.test(match[0]) && start > at) {
      const pair =
        start - 2 >= at &&
        /[\uDC00-\uDFFF]/.test(original[start - 1]!) &&
        /[\uD800-\uDBFF]/.test(original[start - 2]!);
      start -= pair ? 2 : 1;
    }
    add(original.slice(at, start), at, true);
    const changed = original.slice(start, match.index + match[0].length);
    add(changed.replace(INVISIBLE_GLOBAL, '').normalize('NFC'), start, false);
    at = match.index + match[0].length;
  }
  // Apostrophes are swapped one character for one, so they change no offsets.
  if (!rebuilt) return { text: original.replace(APOSTROPHES, "'"), toOriginal: (index) => index };
  add(original.slice(at), at, true);
  const text = parts.join('').replace(APOSTROPHES, "'");
  return {
    text,
    toOriginal: (index) => {
      if (index >= text.length) return original.length;
      if (!pieces.length) return original.length; // only invisible characters
      // The last piece starting at or before the index.
      let low = 0;
      let high = pieces.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (pieces[mid]!.from <= index) low = mid;
        else high = mid - 1;
      }
      const piece = pieces[low]!;
      return piece.copied ? piece.origin + index - piece.from : piece.origin;
    },
  };
}

/** A name as the register keeps it for comparison. */
export function normalizeName(name: string): string {
  return name
    .replace(INVISIBLE_GLOBAL, '')
    .replace(APOSTROPHES, "'")
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters that carry no combining mark to strip, written as keyboards without them write them. */
const FOLDED_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
};
const UNMARKED = /[øæœßłđðþ]/gu;
const ASCII = /^[\x20-\x7E]*$/;

/**
 * A name for telling whether two spellings are one, never for showing or storing: lower case, its
 * accents and Nordic letters folded ("Hämäläinen", "Hamalainen" and "HÄMÄLÄINEN"; "Åberg" and
 * "Aberg"; "Søren" and "Soren"), since lists and e-mail systems often drop them.
 */
export function foldForMatching(name: string): string {
  // Plain ASCII, most of a client's list, needs none of the passes below.
  if (ASCII.test(name)) return name.replace(/\s+/g, ' ').trim().toLowerCase();
  return name
    .normalize('NFKD')
    .replace(CHANGES, '') // combining marks (NFKD split them off) and invisible characters
    .replace(APOSTROPHES, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(UNMARKED, (letter) => FOLDED_LETTERS[letter] ?? letter);
}
