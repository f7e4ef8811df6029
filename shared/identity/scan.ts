/**
 * Fast scanning for the identity engine: the same results as the Unicode patterns they replace
 * (the tests compare them), at a fraction of the cost on long notes.
 */

/** A word of a text: letters and digits, with the apostrophes inside names and the endings after a colon (ABB:n, O'Brien, Tom's). */
export interface Word {
  start: number;
  end: number;
  word: string;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;
const LOWER = /^\p{Ll}$/u;
/** What each UTF-16 code is, found once: 0 unknown, 1 letter (not lower case), 2 number, 3 neither, 4 lower-case letter. */
const kinds = new Uint8Array(0x10000);

const classify = (char: string) =>
  LOWER.test(char) ? 4 : LETTER.test(char) ? 1 : LETTER_OR_NUMBER.test(char) ? 2 : 3;
const isLetter = (kind: number) => kind === 1 || kind === 4;

function kindOf(text: string, at: number): { kind: number; size: number } {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
    const char = String.fromCodePoint(text.codePointAt(at)!);
    return { kind: classify(char), size: char.length };
  }
  let kind = kinds[code]!;
  if (!kind) {
    kind = classify(String.fromCharCode(code));
    kinds[code] = kind;
  }
  return { kind, size: 1 };
}

/** The longest ending written after a colon: "ABB:ssakaan", "SAP:iksikaan". */
const COLON_ENDING = 8;

/**
 * Where the ending after a colon at `at` ends: 1–8 lower-case letters and then no letter or digit
 * ("ABB:n", "SAP:lle"); -1 if what follows is no such ending ("Yhteyshenkilö:Kallio" is two words).
 */
function colonEnding(text: string, at: number): number {
  let end = at + 1;
  let letters = 0;
  while (end < text.length) {
    const next = kindOf(text, end);
    if (next.kind !== 4) {
      if (next.kind !== 3) return -1;
      break;
    }
    end += next.size;
    if (++letters > COLON_ENDING) return -1;
  }
  return letters ? end : -1;
}

const isApostrophe = (c: string | undefined) => c === "'" || c === '’';

/**
 * The words of a text, as
 * `/[\p{L}\p{N}]+(?:['’]\p{L}+|:\p{Ll}{1,8}(?![\p{L}\p{N}]))*(?:(?<=s)['’](?![\p{L}\p{N}]))?/gu` finds
 * them: a run of letters and digits, then pieces of letters after an apostrophe ("O'Brien"), or a
 * short lower-case ending after a colon ("ABB:n"), then the apostrophe of an English plural
 * possessive ("the Smiths'"). Anything else after a colon starts a new word: notes written
 * "Yhteyshenkilö:Kallio" name Kallio, and masking or erasing must take him alone.
 */
export function words(text: string): Word[] {
  const found: Word[] = [];
  let at = 0;
  while (at < text.length) {
    let { kind, size } = kindOf(text, at);
    if (kind === 3) {
      at += size;
      continue;
    }
    const start = at;
    while (kind !== 3) {
      at += size;
      if (at >= text.length) break;
      ({ kind, size } = kindOf(text, at));
    }
    // Pieces after an apostrophe (letters only) or a colon (a short lower-case ending only).
    while (at + 1 < text.length) {
      if (text[at] === ':') {
        const end = colonEnding(text, at);
        if (end < 0) break;
        at = end;
        continue;
      }
      if (!isApostrophe(text[at]) || !isLetter(kindOf(text, at + 1).kind)) break;
      at++;
      while (at < text.length) {
        const next = kindOf(text, at);
        if (!isLetter(next.kind)) break;
        at += next.size;
      }
    }
    if (
      text[at - 1] === 's' &&
      isApostrophe(text[at]) &&
      (at + 1 >= text.length || kindOf(text, at + 1).kind === 3)
    )
      at++;
    found.push({ start, end: at, word: text.slice(start, at) });
  }
  return found;
}

/** What may stand between a sentence's end and its first word: spaces, quotes, brackets, bullets, dashes. */
const OPENING = new Set([
  ...' \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u1680"\'“”‘’«»()[]*•–—-',
]);
const SENTENCE_END = new Set([...'.!?…:;']);
/** How far back a sentence's end is looked for. */
const LOOK_BACK = 40;

/** Whether the word starting at `start` opens a sentence (or a line, or the text). */
export function opensSentence(text: string, start: number): boolean {
  const limit = Math.max(0, start - LOOK_BACK);
  let i = start - 1;
  while (i >= limit && OPENING.has(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < limit || SENTENCE_END.has(text[i]!);
}

/**
 * The matches of `pattern` (global) in `text`, looking only at the words around each `hint`: from the
 * whitespace before the word holding it (and one more word across a single space, for "matti (at)
 * firma.fi") to the whitespace after. The same matches as `text.matchAll(pattern)` for any pattern
 * that needs its hint and spans at most one single space on either side of it.
 */
export function matchAround(text: string, pattern: RegExp, hint: RegExp): { 0: string; index: number }[] {
  const found: { 0: string; index: number }[] = [];
  const blank = (i: number) => i >= 0 && i < text.length && /\s/.test(text[i]!);
  const windows: [number, number][] = [];
  for (const h of text.matchAll(hint)) {
    let start = h.index;
    if (blank(start - 1) && !blank(start - 2)) start--;
    while (start > 0 && !blank(start - 1)) start--;
    let end = h.index + h[0].length;
    if (blank(end) && !blank(end + 1)) end++;
    while (end < text.length && !blank(end)) end++;
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  for (const [start, end] of windows)
    for (const m of text.slice(start, end).matchAll(pattern)) found.push({ 0: m[0], index: start + m.index });
  return found;
}
