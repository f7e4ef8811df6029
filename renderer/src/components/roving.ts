/**
 * Where an arrow, Home or End key moves in a row of tabs (wrapping at the ends, as the ARIA tabs
 * pattern has it); null for any other key, which the tabs leave alone.
 */
export function rovingIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export interface GridCell {
  row: number;
  col: number;
}

/**
 * Where a key moves in a table whose cells only some of which hold a figure to open (a heat map:
 * "–" and the diagonal hold none): arrows go to the next such cell that way, skipping empty ones,
 * and stop at the edge (a grid does not wrap); Home and End go to the row's first and last, with
 * Ctrl the table's. The same cell when nothing lies that way; null for a key the grid leaves alone.
 */
export function gridIndex(
  key: string,
  ctrl: boolean,
  at: GridCell,
  filled: readonly (readonly boolean[])[],
): GridCell | null {
  const has = (row: number, col: number) => filled[row]?.[col] === true;
  const scan = (from: GridCell, dRow: number, dCol: number): GridCell => {
    for (let row = from.row + dRow, col = from.col + dCol; row >= 0 && row < filled.length; ) {
      if (col < 0 || col >= (filled[row]?.length ?? 0)) break;
      if (has(row, col)) return { row, col };
      row += dRow;
      col += dCol;
    }
    return at;
  };
  const all = filled.flatMap((cells, row) => cells.flatMap((f, col) => (f ? [{ row, col }] : [])));
  const inRow = all.filter((c) => c.row === at.row);
  switch (key) {
    case 'ArrowRight':
      return scan(at, 0, 1);
    case 'ArrowLeft':
      return scan(at, 0, -1);
    case 'ArrowDown':
      return scan(at, 1, 0);
    case 'ArrowUp':
      return scan(at, -1, 0);
    case 'Home':
      return (ctrl ? all[0] : inRow[0]) ?? at;
    case 'End':
      return (ctrl ? all.at(-1) : inRow.at(-1)) ?? at;
    default:
      return null;
  }
}
