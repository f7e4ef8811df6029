/**
 * Text as the identity engine compares it: NFC (a Mac's "A" + combining ring is "Å"), without soft
 * hyphens, zero-width characters or bidi marks (pasted from Word or the web, they hide inside names).
 * `origin[i]` is where character i of the normalised text starts in the original, and
 * `origin[text.length]` is the original's length, so a match maps back to exactly the original
 * characters it covers, invisible ones included.
 */
export interface NormalizedText {
  text: string;
  origin: number[];
}

/** Invisible characters that can sit inside a word without changing how it reads. */
export const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]|\u034F|[\uFE00-\uFE0F]/u;
const INVISIBLE_GLOBAL = new RegExp(INVISIBLE.source, 'gu');

/** What normalising changes: an invisible character, or a character with combining marks after it. */
const CHANGES = new RegExp(`(?:${INVISIBLE.source})|\\P{M}?\\p{M}+`, 'gu');

export function normalizeForMatching(original: string): NormalizedText {
  // Only the places that change are rebuilt; the text between them is copied as it is.
  const parts: string[] = [];
  const origin: number[] = [];
  let at = 0;
  const copy = (to: number) => {
    parts.push(original.slice(at, to));
    for (let i = at; i < to; i++) origin.push(i);
  };
  for (const match of original.matchAll(CHANGES)) {
    copy(match.index);
    const composed = match[0].replace(INVISIBLE_GLOBAL, '').normalize('NFC');
    for (let i = 0; i < composed.length; i++) origin.push(match.index);
    parts.push(composed);
    at = match.index + match[0].length;
  }
  copy(original.length);
  origin.push(original.length);
  return { text: parts.join(''), origin };
}

/** A name as the register keeps it for comparison. */
export function normalizeName(name: string): string {
  return name.replace(INVISIBLE_GLOBAL, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}
