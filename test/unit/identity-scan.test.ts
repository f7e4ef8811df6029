import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EMAIL, EMAIL_HINT, URL, URL_HINT } from '../../shared/identity/detect.ts';
import { matchAround, opensSentence, words } from '../../shared/identity/scan.ts';
import { PASSAGES, parsePassage } from '../fixtures/identity/corpus.ts';

/** The patterns the fast scanners stand in for: they must agree everywhere. */
const TOKEN = /[\p{L}\p{N}]+(?:['’]\p{L}+|:\p{Ll}{1,8}(?![\p{L}\p{N}]))*(?:(?<=s)['’](?![\p{L}\p{N}]))?/gu;
const SENTENCE_END = /(?:^|[.!?…:;]|\n)[\s"'“”‘’«»()[\]*•–—-]*$/u;

const corpus = PASSAGES.map((p) => parsePassage(p).text);

/** Strings made of the characters where scanning can go wrong. */
const tricky = (pieces: string[]) =>
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
const NAME_PIECES = [
  'a',
  'S',
  's',
  'ä',
  'Ö',
  '7',
  '²',
  "'",
  '’',
  ':',
  '-',
  '.',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '“',
  '(',
  '•',
  '!',
  '…',
  'ABB',
  'n',
  '𝒜',
  '😀',
  '\u0301',
  '\u00ad',
  'Tom',
  'Smiths',
  'ª',
  'K',
  'llakin',
  'abcdefghi',
  '𝒶',
];
const ADDRESS_PIECES = [
  'matti',
  '.',
  'x',
  '@',
  '(at)',
  '[at]',
  ' ',
  '\n',
  '-',
  '_',
  'fi',
  'com',
  'www.',
  'https://',
  'ä',
  'firma',
  '/',
  '?',
  '(',
  ')',
  ',',
  'at',
  '.fi',
  '.com',
  '+',
  "'",
  '7',
];

describe('fast scanning agrees with the patterns it replaces', () => {
  const reference = (text: string) =>
    [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));

  test('words: on the identity corpus and on generated strings', () => {
    for (const text of corpus) expect(words(text)).toEqual(reference(text));
    fc.assert(
      fc.property(tricky(NAME_PIECES), (text) => {
        expect(words(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  test('a colon joins only a short lower-case ending to the word before it', () => {
    const of = (text: string) => words(text).map((w) => w.word);
    expect(of('ABB:n ja SAP:lle, ABB:llakin')).toEqual(['ABB:n', 'ja', 'SAP:lle', 'ABB:llakin']);
    expect(of('Yhteyshenkilö:Kallio soitti')).toEqual(['Yhteyshenkilö', 'Kallio', 'soitti']);
    expect(of('Contact:Tom’s desk')).toEqual(['Contact', 'Tom’s', 'desk']);
    expect(of('Huom:vastuuhenkilö')).toEqual(['Huom', 'vastuuhenkilö']);
    expect(of('klo 12:30')).toEqual(['klo', '12', '30']);
  });

  test('opensSentence: at every word start', () => {
    const check = (text: string) => {
      for (const { start } of reference(text))
        expect(opensSentence(text, start), JSON.stringify([text, start])).toBe(
          SENTENCE_END.test(text.slice(Math.max(0, start - 40), start)),
        );
    };
    corpus.forEach(check);
    fc.assert(fc.property(tricky(NAME_PIECES), check), { numRuns: 3000 });
  });

  test('e-mail addresses and URLs found only around their hints are the same as a full scan', () => {
    const same = (text: string) => {
      for (const [pattern, hint] of [
        [EMAIL, EMAIL_HINT],
        [URL, URL_HINT],
      ] as const) {
        const fast = matchAround(text, pattern, hint).map((m) => [m.index, m[0]]);
        const full = [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);
        expect(fast, JSON.stringify(text)).toEqual(full);
      }
    };
    corpus.forEach(same);
    fc.assert(fc.property(tricky(ADDRESS_PIECES), same), { numRuns: 5000 });
  });
});
