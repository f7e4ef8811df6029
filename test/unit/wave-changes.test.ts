import { describe, expect, test } from 'vitest';
import {
  fisherExact,
  meanChange,
  npsChange,
  npsMargin,
  npsVariance,
  scaleChange,
  shareChange,
  waveNumbers,
} from '../../shared/waves.ts';

/** The change-marking rule of shared/waves.ts on cases worked out by hand. */
describe("Fisher's exact test", () => {
  test('1 of 5 then, 5 of 5 now: the two extreme tables, 5/210 each, p = 10/210', () => {
    // Margins: 6 hits of 10, 5 per wave. P(x hits then) = C(5,x)·C(5,6−x)/C(10,6) = 5, 50, 100, 50, 5 (/210)
    // for x = 1…5; the observed x = 1 (5/210) is matched in likelihood only by x = 5.
    expect(fisherExact(1, 5, 5, 5)).toBeCloseTo(10 / 210, 12);
  });
  test('0 of 5 then, 5 of 5 now: p = 2/252', () => {
    // C(10,5) = 252 tables; only x = 0 and x = 5 are as unlikely (1/252 each).
    expect(fisherExact(0, 5, 5, 5)).toBeCloseTo(2 / 252, 12);
  });
  test('the textbook 8 of 10 vs 1 of 10: p = 0.00548', () => {
    expect(fisherExact(8, 10, 1, 10)).toBeCloseTo(0.005477, 5);
  });
  test('no hits, all hits or an empty base: nothing to test, p = 1', () => {
    expect(fisherExact(0, 5, 0, 7)).toBe(1);
    expect(fisherExact(5, 5, 7, 7)).toBe(1);
    expect(fisherExact(0, 0, 3, 7)).toBe(1);
  });
  test('symmetric: swapping the waves or hits and misses gives the same p', () => {
    expect(fisherExact(3, 12, 9, 12)).toBeCloseTo(fisherExact(9, 12, 3, 12), 12);
    expect(fisherExact(3, 12, 9, 12)).toBeCloseTo(fisherExact(12 - 3, 12, 12 - 9, 12), 12);
  });
});

describe('a share is marked only when both bases allow it', () => {
  test('p = 0.0476 < 0.05 with bases of 5: marked, in its direction', () => {
    expect(shareChange(1, 5, 5, 5)).toBe('up');
    expect(shareChange(5, 5, 1, 5)).toBe('down');
  });
  test('2 of 10 → 5 of 10 (p = 0.350): no clear change', () => {
    expect(fisherExact(2, 10, 5, 10)).toBeCloseTo(0.3498, 4);
    expect(shareChange(2, 10, 5, 10)).toBe('unclear');
  });
  test('a base under SMALL_N (5) is never marked, however large the swing', () => {
    expect(shareChange(0, 4, 4, 4)).toBe('smallBase');
    expect(shareChange(0, 40, 4, 4)).toBe('smallBase');
  });
});

describe('an NPS is marked only beyond its rough 95% margin and with n ≥ 10 on both sides', () => {
  test('variance of one NPS: (p+ + p−) − (p+ − p−)²', () => {
    // 10 promoters, 4 detractors of 20: 0.5 + 0.2 − 0.3² = 0.61.
    expect(npsVariance(10, 4, 20)).toBeCloseTo(0.61, 12);
    expect(npsVariance(0, 0, 0)).toBe(0);
  });
  test('NPS 30 → −30 (n 20 each): margin 1.96·√(0.61/20 + 0.61/20)·100 = 48.4, difference 60: down', () => {
    const then = { n: 20, promoters: 10, detractors: 4 };
    const now = { n: 20, promoters: 4, detractors: 10 };
    expect(npsMargin(then, now)).toBeCloseTo(48.41, 2);
    expect(npsChange(then, now)).toBe('down');
    expect(npsChange(now, then)).toBe('up');
  });
  test('NPS 30 → 10: margin 1.96·√(0.61/20 + 0.69/20)·100 = 50.0, difference 20: no clear change', () => {
    const then = { n: 20, promoters: 10, detractors: 4 };
    const now = { n: 20, promoters: 8, detractors: 6 };
    expect(npsMargin(then, now)).toBeCloseTo(49.97, 2);
    expect(npsChange(then, now)).toBe('unclear');
  });
  test('n under SMALL_NPS_N (10) on either side: base too small', () => {
    expect(npsChange({ n: 9, promoters: 9, detractors: 0 }, { n: 20, promoters: 0, detractors: 20 })).toBe(
      'smallBase',
    );
  });
  test('scale answers on 0–10 go by the NPS rule', () => {
    const promoters = Array(10).fill(10);
    const detractors = Array(10).fill(0);
    // All promoters (NPS 100, variance 0) vs all detractors (−100, variance 0): margin 0.
    expect(scaleChange('nps', promoters, detractors)).toBe('down');
    expect(scaleChange('nps', promoters.slice(0, 9), detractors)).toBe('smallBase');
  });
});

describe('a 1–5 mean and a yes/no share', () => {
  test('1.4 → 4.6 (variance 0.3 each, n 5): margin 1.96·√(0.06 + 0.06) = 0.68: up', () => {
    expect(meanChange([1, 2, 1, 2, 1], [5, 4, 5, 4, 5])).toBe('up');
  });
  test('3.0 → 3.2 with a spread of answers: no clear change; n 4: base too small', () => {
    expect(meanChange([1, 5, 3, 1, 5], [2, 4, 3, 5, 2])).toBe('unclear');
    expect(meanChange([1, 1, 1, 1], [5, 5, 5, 5])).toBe('smallBase');
  });
  test('yes/no as the share of yes: 1 of 5 → 5 of 5 is marked (p = 10/210)', () => {
    expect(scaleChange('yesno', [1, 0, 0, 0, 0], [1, 1, 1, 1, 1])).toBe('up');
  });
});

describe('wave numbers', () => {
  test('count the previous links present in the list; a loop or a missing link stops the count', () => {
    const numbers = waveNumbers([
      { id: 'a', previousEngagementId: null },
      { id: 'b', previousEngagementId: 'a' },
      { id: 'c', previousEngagementId: 'b' },
      { id: 'd', previousEngagementId: 'gone' },
      { id: 'x', previousEngagementId: 'y' },
      { id: 'y', previousEngagementId: 'x' },
    ]);
    expect(Object.fromEntries(numbers)).toEqual({ a: 1, b: 2, c: 3, d: 1, x: 2, y: 2 });
  });
});
