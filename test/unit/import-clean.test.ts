import { expect, test } from 'vitest';
import {
  cleanCaption,
  cleanText,
  decodeEntities,
  normaliseSpeaker,
  speakerSuffix,
} from '../../electron/services/import/clean.ts';
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

test('a bracket after a label goes only when it notes an organisation; a name in brackets stays in the label', () => {
  const cases: [string, string, string | null][] = [
    ['Haastattelija (Matti)', 'Haastattelija (Matti)', null],
    ['Speaker 2 (Liisa Korhonen)', 'Speaker 2 (Liisa Korhonen)', null],
    ['Matti Virtanen (Acme Oy)', 'Matti Virtanen', 'Acme Oy'],
    ['Matti Virtanen (Guest)', 'Matti Virtanen', 'Guest'],
    ['Anna (External)', 'Anna', 'External'],
    ['Anna (Vieras)', 'Anna', 'Vieras'],
    ['Liisa Mäkelä [EXT]', 'Liisa Mäkelä', 'EXT'],
    ['Salo, Jukka (Sarastus)', 'Jukka Salo', 'Sarastus'],
  ];
  for (const [raw, name, organisation] of cases) {
    expect(normaliseSpeaker(raw), raw).toBe(name);
    expect(speakerSuffix(raw), raw).toBe(organisation);
  }
});

test('"Last, First" is turned only for one word before the comma and one or two name words after it', () => {
  expect(normaliseSpeaker('Virtanen, Matti Juhani')).toBe('Matti Juhani Virtanen');
  expect(normaliseSpeaker('Liisa Korhonen, Acme Oy')).toBe('Liisa Korhonen');
  expect(speakerSuffix('Liisa Korhonen, Acme Oy')).toBe('Acme Oy');
  expect(normaliseSpeaker('Liisa Korhonen, toimitusjohtaja')).toBe('Liisa Korhonen, toimitusjohtaja');
  expect(normaliseSpeaker('Korhonen, Liisa Maria Anneli')).toBe('Korhonen, Liisa Maria Anneli');
  expect(normaliseSpeaker('Korhonen, toimitusjohtaja')).toBe('Korhonen, toimitusjohtaja');
  // A surname with its particles, as Teams writes Dutch, German and Swedish names.
  expect(normaliseSpeaker('van der Berg, Jan')).toBe('Jan van der Berg');
  expect(normaliseSpeaker('af Klercker, Anna (Acme AB)')).toBe('Anna af Klercker');
  expect(normaliseSpeaker('von Wright, Georg Henrik')).toBe('Georg Henrik von Wright');
  expect(normaliseSpeaker('Anna van Berg, Acme Consulting')).toBe('Anna van Berg');
  expect(speakerSuffix('Haastattelija (Kuulo Consulting)')).toBe('Kuulo Consulting');
  expect(normaliseSpeaker('Haastattelija (Kuulo Consulting)')).toBe('Haastattelija');
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
  expect(cleanCaption('<b>Hinta</b> < 5 € ja laatu > odotukset, <3 tiimiä <00:00:01.500>kiitos<i/>')).toBe(
    'Hinta < 5 € ja laatu > odotukset, <3 tiimiä kiitos',
  );
});

test('only caption tags go, and only from captions: angle-bracketed words people typed stay', () => {
  expect(
    cleanCaption(
      '<i>Hei</i> <c.yellow.bg_black>sinä</c> <u>ja</u> <lang fi-FI>me</lang> <ruby>漢<rt>kan</rt></ruby> ' +
        '<font color="#ff0000">punainen</font> <span class=x>x</span><00:00:01.000>, <v.loud Anna>no</v>',
    ),
  ).toBe('Hei sinä ja me 漢kan punainen x, no');
  for (const typed of ['<inaudible>', '<laughs>', 'the <Acme> deal', 'a<b but c>d', '<b c>', '<i am here>'])
    expect(cleanCaption(typed), typed).toBe(typed);
  // Plain text and Word hold no markup: a tag-like word there is what the writer typed.
  expect(cleanText('<b>Hinta</b> <inaudible> <00:00:01.000>')).toBe(
    '<b>Hinta</b> <inaudible> <00:00:01.000>',
  );
});
