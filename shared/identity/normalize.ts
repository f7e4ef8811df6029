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

/** A base character with the combining marks after it: the unit NFC composes. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

export function normalizeForMatching(original: string): NormalizedText {
  // Fast path: nothing to remove and nothing to compose.
  if (!INVISIBLE.test(original) && original.normalize('NFC') === original) {
    const origin = Array.from({ length: original.length + 1 }, (_, i) => i);
    return { text: original, origin };
  }
  let text = '';
  const origin: number[] = [];
  for (const match of original.matchAll(CLUSTER)) {
    const cluster = match[0].replace(INVISIBLE_GLOBAL, '');
    if (!cluster) continue;
    const composed = cluster.normalize('NFC');
    for (let i = 0; i < composed.length; i++) origin.push(match.index);
    text += composed;
  }
  origin.push(original.length);
  return { text, origin };
}

/** A name as the register keeps it for comparison. */
export function normalizeName(name: string): string {
  return name.replace(INVISIBLE_GLOBAL, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}
