import { expect, test } from 'vitest';
import { cleanText, decodeEntities, normaliseSpeaker } from '../../electron/services/import/clean.ts';
import { parseTimestamp } from '../../electron/services/import/timestamps.ts';

test('speaker names: "Last, First" turned, an organisation note left off, NBSP and spaces tidied, odd ones left as written', () => {
  expect(
    [
      'Virtanen, Matti',
      '  Korhonen,\u00a0Anna-Liisa ',
      'Mäkelä, Liisa [EXT]',
      'Salo, Jukka (Acme Oy)',
      'Oy Ab, Asiakas, Toinen',
      'Matti\u00a0Virtanen',
      ', Matti',
      'Jussi &amp; Jaana',
    ].map(normaliseSpeaker),
  ).toEqual([
    'Matti Virtanen',
    'Anna-Liisa Korhonen',
    'Liisa Mäkelä',
    'Jukka Salo',
    'Oy Ab, Asiakas, Toinen',
    'Matti Virtanen',
    ', Matti',
    'Jussi & Jaana',
  ]);
});

test('timestamps: padded, unpadded, hour-less, comma, long fractions, odd seconds', () => {
  const ms = (t: string) => parseTimestamp(t)?.ms ?? null;
  expect(
    ['00:00:01.000', '0:0:4.5', '0:0:4.05', '01:02.500', '00:00:01,250', '1:02:03.0049', '0:0:0'].map(ms),
  ).toEqual([1000, 4500, 4050, 62_500, 1250, 3_723_004, 0]);
  expect(parseTimestamp('0:0:75.5')).toEqual({ ms: 75_500, odd: true });
  expect(parseTimestamp('00:75.5')).toEqual({ ms: 75_500, odd: true });
  expect(parseTimestamp('1:75:00')).toEqual({ ms: 8_100_000, odd: true });
  expect(['', '12', 'a:b:c', '1:2:3:4', '00:00:01.000 x'].map(ms)).toEqual([null, null, null, null, null]);
});

test('entities decode once; tags go but a lone < or > in sloppy text stays', () => {
  expect(decodeEntities('&amp;lt; &#228; &#xE4; &auml; &#0; &#xD800; &bogus; & x')).toBe(
    '&lt; ä ä ä &#0; &#xD800; &bogus; & x',
  );
  expect(cleanText('<b>Hinta</b> < 5 € ja laatu > odotukset, <3 tiimiä <00:00:01.500>kiitos<i/>')).toBe(
    'Hinta < 5 € ja laatu > odotukset, <3 tiimiä kiitos',
  );
});
