import { describe, expect, test } from 'vitest';
import { gridIndex } from '../../renderer/src/components/roving.ts';

// A heat map as the table shows it: x holds a figure to open, . is "–" or the diagonal.
const grid = (...rows: string[]) => rows.map((r) => [...r].map((c) => c === 'x'));

describe('a heat map is walked by arrows, Home and End', () => {
  const map = grid('x.x', '.xx', 'x..');

  test('arrows skip the empty cells and stop at the edge', () => {
    expect(gridIndex('ArrowRight', false, { row: 0, col: 0 }, map)).toEqual({ row: 0, col: 2 });
    expect(gridIndex('ArrowRight', false, { row: 0, col: 2 }, map)).toEqual({ row: 0, col: 2 });
    expect(gridIndex('ArrowLeft', false, { row: 1, col: 2 }, map)).toEqual({ row: 1, col: 1 });
    expect(gridIndex('ArrowLeft', false, { row: 1, col: 1 }, map)).toEqual({ row: 1, col: 1 });
    expect(gridIndex('ArrowDown', false, { row: 0, col: 0 }, map)).toEqual({ row: 2, col: 0 });
    expect(gridIndex('ArrowDown', false, { row: 0, col: 2 }, map)).toEqual({ row: 1, col: 2 });
    expect(gridIndex('ArrowUp', false, { row: 2, col: 0 }, map)).toEqual({ row: 0, col: 0 });
    expect(gridIndex('ArrowUp', false, { row: 1, col: 1 }, map)).toEqual({ row: 1, col: 1 });
  });

  test('Home and End go to the ends of the row, with Ctrl of the table', () => {
    expect(gridIndex('Home', false, { row: 1, col: 2 }, map)).toEqual({ row: 1, col: 1 });
    expect(gridIndex('End', false, { row: 0, col: 0 }, map)).toEqual({ row: 0, col: 2 });
    expect(gridIndex('Home', true, { row: 1, col: 2 }, map)).toEqual({ row: 0, col: 0 });
    expect(gridIndex('End', true, { row: 0, col: 0 }, map)).toEqual({ row: 2, col: 0 });
  });

  test('other keys are left alone', () => {
    expect(gridIndex('Enter', false, { row: 0, col: 0 }, map)).toBeNull();
    expect(gridIndex('PageDown', false, { row: 0, col: 0 }, map)).toBeNull();
  });
});
