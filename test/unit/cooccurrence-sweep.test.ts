import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { passagePairs } from '../../electron/services/analysis/cooccurrence.ts';

type Span = [string, string, number, number];

/** The definition, pair by pair: overlapping codings of two different codes in one interview. */
function naive(spans: readonly Span[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const x of spans) {
    add(`${x[1]}|${x[1]}`);
    for (const y of spans) {
      if (x[0] === y[0] && x[1] !== y[1] && y[2] < x[3] && y[3] > x[2]) add(`${x[1]}|${y[1]}`);
    }
  }
  return counts;
}

const asMap = (rows: { a: string; b: string; n: number }[]) =>
  new Map(rows.filter((r) => r.n > 0).map((r) => [`${r.a}|${r.b}`, r.n]));

const span = fc
  .tuple(
    fc.constantFrom('i1', 'i2'),
    fc.constantFrom('a', 'b', 'c', 'd'),
    fc.nat(60),
    fc.integer({ min: 1, max: 30 }),
  )
  .map(([interview, code, start, length]): Span => [interview, code, start, start + length]);

describe('passage co-occurrence sweep', () => {
  test('counts exactly the overlapping pairs the definition does', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 80 }), (spans) => {
        const sorted = [...spans].sort((x, y) => x[0].localeCompare(y[0]) || x[2] - y[2]);
        expect(asMap(passagePairs(sorted))).toEqual(naive(sorted));
      }),
      { numRuns: 300 },
    );
  });

  test('touching is not overlapping; nesting and equal spans are', () => {
    const rows = asMap(
      passagePairs([
        ['i', 'a', 0, 10],
        ['i', 'b', 0, 10],
        ['i', 'c', 2, 4],
        ['i', 'd', 10, 12],
      ]),
    );
    expect(rows.get('a|b')).toBe(1);
    expect(rows.get('a|c')).toBe(1);
    expect(rows.get('c|b')).toBe(1);
    expect(rows.has('a|d')).toBe(false);
  });
});
