import { describe, expect, test } from 'vitest';
import { misrounded, ratioFigures, roundedOnce } from '../helpers/pdfFigures.ts';

describe('reading figures from report text', () => {
  test('both orders, both languages, across PDF line breaks', () => {
    const text = `87 % HAASTATTELUISTA (13/15) 87% OF INTERVIEWS (13 OF 15)\n 13/15 haastattelusta (87\u00a0%), 6 asiakasta
      5 of 12 key-account interviews raised\nkey-person risk as a problem (42%)`;
    expect(ratioFigures(text).map((f) => [f.percent, f.part, f.whole])).toEqual([
      [87, 13, 15],
      [87, 13, 15],
      [87, 13, 15],
      [42, 5, 12],
    ]);
  });

  test('decimals in either notation', () => {
    const [fi] = ratioFigures('12,5 % (1/8)');
    const [en] = ratioFigures('1/8 (12.5%)');
    expect([fi!.percent, fi!.decimals, en!.percent, en!.decimals]).toEqual([12.5, 1, 12.5, 1]);
  });

  test('rounding once, half up, exactly', () => {
    expect(roundedOnce(5, 11, 0)).toBe(45); // 45.45… — not 46 (rounded twice via 45.5)
    expect(roundedOnce(1, 8, 0)).toBe(13);
    expect(roundedOnce(1, 8, 1)).toBe(12.5);
    expect(roundedOnce(2, 3, 1)).toBe(66.7);
    expect(misrounded(ratioFigures('46 % (5/11); 45 % (5/11); 5/0 (0 %)')).map((f) => f.text)).toEqual([
      '46 % (5/11)',
      '5/0 (0 %)',
    ]);
  });

  test('dates, page numbers and unrelated brackets are not figures', () => {
    expect(ratioFigures('30.11.2026 (sivu 3/17) ja 2024/2025')).toEqual([]);
    // A chart's source line before a figure: its months are not the figure's counts.
    expect(
      ratioFigures('coding 02/2026–03/2026 1. Title 4 of 10 interviews (40%)').map((f) => f.text),
    ).toEqual(['4 of 10 interviews (40%)']);
  });
});
