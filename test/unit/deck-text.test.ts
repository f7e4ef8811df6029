import { describe, expect, test } from 'vitest';
import { splitRows } from '../../electron/report/deck.ts';
import {
  clampLines,
  fitBox,
  fontToFit,
  linesIn,
  textWidth,
  wrap,
  xmlSafe,
} from '../../electron/report/deckText.ts';

describe('text measured for a slide', () => {
  test('capitals and m are wider than i and l; width grows with the font size', () => {
    expect(textWidth('MMMM', 12)).toBeGreaterThan(textWidth('iiii', 12));
    expect(textWidth('Asiakas', 24)).toBeCloseTo(textWidth('Asiakas', 12) * 2, 6);
    // Arial's average at 12 pt is about 0.08 in a character: a 100-character sentence is 7–9 in.
    const sentence =
      'Kahdessa kolmesta avainasiakkaasta asiakas tuntee vain yhden ihmisen teiltä, eikä muita ole.';
    expect(textWidth(sentence, 12)).toBeGreaterThan(5.5);
    expect(textWidth(sentence, 12)).toBeLessThan(8.5);
  });

  test('wrap breaks at words, keeps paragraphs and cuts a word longer than the line', () => {
    expect(wrap('yksi kaksi kolme', 100, 12)).toEqual(['yksi kaksi kolme']);
    expect(wrap('yksi\nkaksi', 100, 12)).toEqual(['yksi', 'kaksi']);
    const lines = wrap('asiakkuudenhallintajärjestelmäintegraatio', 1, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(1);
  });

  test('clampLines leaves text that fits alone and cuts the rest at a word with an ellipsis', () => {
    const text = 'Nimeä jokaiselle avainasiakkaalle vähintään kaksi yhteyshenkilöä eri tasoilta.';
    expect(clampLines(text, 20, 12, 1)).toBe(text);
    const cut = clampLines(`${text} ${text} ${text}`, 3, 12, 2);
    expect(cut.endsWith('…')).toBe(true);
    expect(wrap(cut, 3, 12).length).toBeLessThanOrEqual(2);
    // Whole words only: what comes before the ellipsis starts the original text and ends at a word.
    const kept = cut.slice(0, -1);
    expect(`${text} ${text}`.startsWith(kept)).toBe(true);
    expect(text.split(' ')).toContain(kept.split(' ').at(-1));
  });

  test('a 3,000-character quote in a box is cut to the lines the box holds', () => {
    const quote = 'Kun sopimus aikanaan allekirjoitettiin, meille luvattiin nimetty yhteyshenkilö. '.repeat(
      40,
    );
    const boxed = fitBox(quote, 6, 2, 13);
    expect(wrap(boxed, 6, 13).length).toBeLessThanOrEqual(linesIn(2, 13));
    expect(boxed.length).toBeLessThan(quote.length / 4);
  });

  test('fontToFit picks the largest size at which a title takes the lines it may', () => {
    expect(fontToFit('Lyhyt otsikko', 12, 2, [26, 24, 22, 20])).toBe(26);
    const long =
      'Asiakkaat eivät tunne toimitusorganisaatiota lainkaan, ja yhteyshenkilön vaihtuminen katkaisee asiakassuhteen jatkuvuuden';
    const pt = fontToFit(long, 11, 2, [26, 24, 22, 20]);
    expect(pt).toBeLessThan(26);
    expect(wrap(long, 11, pt).length).toBeLessThanOrEqual(2);
  });
});

describe('splitRows', () => {
  test('rows that fit stay on one slide', () => {
    expect(splitRows([1, 1, 1], 4)).toEqual([[0, 3]]);
  });

  test('rows run onto more slides, evened out so the last does not carry one row alone', () => {
    // Greedy would give 8 + 1; evened out it is 5 + 4.
    expect(splitRows(Array(9).fill(0.5), 4)).toEqual([
      [0, 5],
      [5, 9],
    ]);
  });

  test('a row taller than a slide still gets a slide of its own', () => {
    expect(splitRows([5, 1], 4)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});

describe('xmlSafe', () => {
  test('removes what XML 1.0 cannot hold from every string, keeping emoji, functions and numbers', () => {
    const format = (v: number) => `${v} %`;
    const value = xmlSafe({
      a: 'Laskutus\u0007 on sekava\u000B ja hidas 👍',
      b: ['half \uD83D emoji', 3],
      c: { format, tab: 'a\tb\nc' },
    });
    expect(value.a).toBe('Laskutus on sekava ja hidas 👍');
    expect(value.b).toEqual(['half  emoji', 3]);
    expect(value.c.format).toBe(format);
    expect(value.c.tab).toBe('a\tb\nc');
  });
});
