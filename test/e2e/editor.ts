/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/**
 * Selects the first occurrence of `text` in the notes the way a mouse would, through the DOM
 * selection: `length` characters from its start, or with `cursorOnly` just the cursor at start +
 * length (by default: right after the text).
 */
export async function selectIn(
  page: Page,
  text: string,
  { length = text.length, cursorOnly = false }: { length?: number; cursorOnly?: boolean } = {},
): Promise<void> {
  // A click first, as a person would: the editor has the focus and its own selection is collapsed.
  await page.locator('.notes-editor p').last().click();
  await page.evaluate(
    ({ text, length, cursorOnly }) => {
      const root = document.querySelector('.notes-editor')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const full = nodes.map((n) => n.data).join('');
      const start = full.indexOf(text);
      if (start < 0) throw new Error(`not in the notes: ${text}`);
      // At a boundary between text nodes, a start belongs to the next node and an end to the previous
      // one: else a selection from the start of a paragraph would begin at the end of the one before.
      const locate = (offset: number, isStart: boolean): [Text, number] => {
        let seen = 0;
        for (const node of nodes) {
          const end = seen + node.data.length;
          if (offset < end || (offset === end && !isStart)) return [node, offset - seen];
          seen = end;
        }
        throw new Error('offset out of range');
      };
      const range = document.createRange();
      const end = locate(start + length, false);
      range.setStart(...(cursorOnly ? end : locate(start, true)));
      range.setEnd(...end);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      // ProseMirror reads the DOM selection on selectionchange; announce it now rather than later.
      document.dispatchEvent(new Event('selectionchange'));
    },
    { text, length, cursorOnly },
  );
  await page.waitForTimeout(100);
}
