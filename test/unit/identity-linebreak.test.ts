import { describe, expect, test } from 'vitest';
import { IdentityMatcher } from '../../shared/identity/detect.ts';

const matcher = new IdentityMatcher([
  { id: 'seppo', kind: 'person', names: ['Seppo Kallio'] },
  { id: 'mikko', kind: 'person', names: ['Mikko Virtanen'] },
  { id: 'merikarhu', kind: 'org', names: ['Merikarhu Oy'] },
]);
const spans = (text: string) =>
  matcher.find(text, { candidates: false }).map((s) => [s.text, s.identityIds.join(',')]);

describe('names split by a hyphen at a line break (text pasted from a PDF)', () => {
  test('the two pieces are one name, in any form and in lower case too', () => {
    expect(spans('Laskut menevät Kal-\nliolle, ja Mik- kolle ei kerrottu.')).toEqual([
      ['Kal-\nliolle', 'seppo'],
      ['Mik- kolle', 'mikko'],
    ]);
    expect(spans('soitettiin vir-\r\ntaselle ja se-\npolle')).toEqual([
      ['vir-\r\ntaselle', 'mikko'],
      ['se-\npolle', 'seppo'],
    ]);
  });

  test('ordinary hyphenated words stay apart, and a name before a compound tail is still found alone', () => {
    expect(spans('Oy-yhtiö ja asiakas-\nkokemus, kallio-\nperä ja Kallio-\nperä')).toEqual([
      ['Kallio', 'seppo'],
    ]);
    expect(spans('Merikarhu-\nsopimus uusitaan.')).toEqual([['Merikarhu', 'merikarhu']]);
  });

  test('a hyphen without a line break or space joins nothing: "Kal-lio" is two words', () => {
    expect(spans('Kal-lio')).toEqual([]);
  });
});
