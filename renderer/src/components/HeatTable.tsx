import { type KeyboardEvent, type TableHTMLAttributes, useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type GridCell, gridIndex } from './roving.ts';

/** The figure buttons of the table body, by row and cell (null where a cell holds none). */
function buttonsOf(table: HTMLTableElement): (HTMLButtonElement | null)[][] {
  return [...(table.tBodies[0]?.rows ?? [])].map((row) =>
    [...row.cells].map((cell) => cell.querySelector('button')),
  );
}

function positionOf(grid: (HTMLButtonElement | null)[][], button: Element | null): GridCell | null {
  for (let row = 0; row < grid.length; row++) {
    const col = grid[row]!.indexOf(button as HTMLButtonElement);
    if (col >= 0) return { row, col };
  }
  return null;
}

/**
 * A heat map whose figures open their quotes: one Tab stop for the whole table, not one per figure
 * (the co-occurrence matrix alone had some 200), and the arrow keys, Home and End move between the
 * figures, as in a grid (roving tabindex). Enter opens a figure as a click does; its button keeps its
 * name. The cells render no tabIndex of their own: it is set here after every render, so a table
 * redrawn with other columns still has exactly one stop.
 */
export function HeatTable({ children, ...rest }: TableHTMLAttributes<HTMLTableElement>) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTableElement>(null);
  const hint = useId();
  // The figure last focused, so Tab comes back to where the reader left the table.
  const last = useRef<{ button: HTMLButtonElement | null; at: GridCell | null }>({ button: null, at: null });

  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    const grid = buttonsOf(table);
    const buttons = grid.flat().filter((b): b is HTMLButtonElement => b !== null);
    const { button, at } = last.current;
    const stop =
      (button?.isConnected && buttons.includes(button) ? button : null) ??
      (at ? grid[at.row]?.[at.col] : null) ??
      buttons[0];
    for (const b of buttons) b.tabIndex = b === stop ? 0 : -1;
  });

  const onFocus = (e: React.FocusEvent<HTMLTableElement>) => {
    const table = ref.current;
    if (!table || !(e.target instanceof HTMLButtonElement)) return;
    const grid = buttonsOf(table);
    const at = positionOf(grid, e.target);
    if (!at) return;
    last.current = { button: e.target, at };
    for (const b of grid.flat()) if (b) b.tabIndex = b === e.target ? 0 : -1;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const table = ref.current;
    if (!table || e.altKey || e.shiftKey || e.metaKey) return;
    const grid = buttonsOf(table);
    const at = positionOf(grid, e.target as Element);
    if (!at) return;
    const next = gridIndex(
      e.key,
      e.ctrlKey,
      at,
      grid.map((row) => row.map((b) => b !== null)),
    );
    if (!next) return;
    e.preventDefault();
    grid[next.row]?.[next.col]?.focus();
  };

  return (
    <>
      <table ref={ref} aria-describedby={hint} onFocus={onFocus} onKeyDown={onKeyDown} {...rest}>
        {children}
      </table>
      <p id={hint} className="visually-hidden">
        {t('a11y.gridHint')}
      </p>
    </>
  );
}
