import { expect, test } from 'vitest';
import { timeWeightedP95, weightedP95 } from '../helpers/eventLoop.ts';

test('the time-weighted wait counts a stall for as long as it lasted', () => {
  // 900 ticks of 1 ms and one stall of 100 ms: 10 % of the time is inside the stall.
  const gaps = [...Array.from({ length: 900 }, () => 1), 100];
  expect(timeWeightedP95(gaps, 1000)).toBeCloseTo(50, 5);
  // The same stall in a run twenty times as long is under 5 % of the time: waits stay within a tick.
  const long = [...Array.from({ length: 19_900 }, () => 1), 100];
  expect(timeWeightedP95(long, 20_000)).toBeLessThanOrEqual(1);
  expect(
    timeWeightedP95(
      Array.from({ length: 100 }, () => 1),
      100,
    ),
  ).toBeCloseTo(0.95, 5);
});

test('own work is weighted by its length: one long stretch among many short ones sets the p95', () => {
  expect(weightedP95([...Array.from({ length: 100 }, () => 0.02), 150])).toBe(150);
  expect(weightedP95([...Array.from({ length: 1000 }, () => 0.02), 5, 0.5])).toBe(5);
  expect(weightedP95(Array.from({ length: 1000 }, () => 0.02))).toBeCloseTo(0.02, 5);
});
