import { describe, expect, test } from 'vitest';
import type { ScoreGroup } from '../../shared/analysis.ts';
import { npsChart, OTHERS_GREY, PALETTE } from '../../shared/charts.ts';
import { contrastRatio, parseHex } from '../../shared/contrast.ts';
import { CHANGE_COLOURS } from '../../shared/polarity.ts';

const WHITE = '#ffffff';
const PAGE = '#f6f5f1';

/**
 * Machado, Oliveira & Fernandes (2009) full-severity simulation matrices, applied in linear RGB:
 * how a protanope, a deuteranope and a tritanope see a colour.
 */
const VISION: Record<string, number[][]> = {
  typical: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const linear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
/** CIE L*a*b* (D65) of a colour as seen with the given vision. */
function lab(hex: string, matrix: number[][]): [number, number, number] {
  const rgb = parseHex(hex).map(linear);
  const [r, g, b] = matrix.map((row) =>
    Math.min(1, Math.max(0, row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!)),
  ) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

describe('chart colours', () => {
  test.each([...PALETTE, OTHERS_GREY, ...Object.values(CHANGE_COLOURS)])(
    '%s stands 3:1 against white (the charts, the report) and the page',
    (colour) => {
      expect(contrastRatio(colour, WHITE)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, PAGE)).toBeGreaterThanOrEqual(3);
    },
  );

  test('every pair of series colours stays apart in typical, protan, deutan and tritan vision', () => {
    // ΔE*ab 15: well past "clearly different"; Okabe–Ito itself, undarkened, has 16 at its closest.
    for (const [vision, matrix] of Object.entries(VISION))
      for (let i = 0; i < PALETTE.length; i++)
        for (let j = i + 1; j < PALETTE.length; j++)
          expect(
            deltaE(lab(PALETTE[i]!, matrix), lab(PALETTE[j]!, matrix)),
            `${PALETTE[i]} / ${PALETTE[j]} in ${vision} vision`,
          ).toBeGreaterThan(15);
  });

  test('the simulation tells apart what a deuteranope confuses', () => {
    // Red and green of equal lightness: plainly different to typical eyes, close for a deuteranope.
    const [red, green] = ['#c25700', '#5d8a00'];
    expect(deltaE(lab(red, VISION.typical!), lab(green, VISION.typical!))).toBeGreaterThan(40);
    expect(deltaE(lab(red, VISION.deutan!), lab(green, VISION.deutan!))).toBeLessThan(15);
  });

  test('a bar resting on few answers is hatched in its full colour, never faded under 3:1', () => {
    const group = (g: string, smallN: boolean) =>
      ({ group: g, n: smallN ? 4 : 14, nps: -25, smallN }) as ScoreGroup;
    const spec = npsChart([group('all', false), group('named', true)], 'en');
    const series = (spec.option.series as { data: { itemStyle: Record<string, unknown> }[] }[])[0]!;
    const [full, few] = series.data.map((d) => d.itemStyle);
    expect(few!.color).toBe(full!.color);
    expect(contrastRatio(String(few!.color), WHITE)).toBeGreaterThanOrEqual(3);
    expect(few!.opacity ?? 1).toBe(1);
    expect(few!.decal).toBeDefined();
    expect(full!.decal).toBeUndefined();
  });
});
