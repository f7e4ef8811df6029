import type { Editor } from '@tiptap/react';
import { useCodings } from '../store/codings.ts';
import { addCodingMark, codingRanges, removeCodingMark, targetRange } from './coding.ts';

/**
 * Codes the selection (or, with nothing selected, the paragraph at the cursor) with a code. The
 * cursor and focus stay put, so this works while typing live. Returns the new coding's id.
 */
export function codeSelection(editor: Editor, codeId: string): string | null {
  const range = targetRange(editor.view);
  if (!range) return null;
  // The same code on the same words again (Ctrl+1 pressed twice) is the coding already there.
  const { codings } = useCodings.getState();
  for (const [existing, at] of codingRanges(editor.state.doc))
    if (at.from === range.from && at.to === range.to && codings[existing]?.codeId === codeId) return existing;
  const id = crypto.randomUUID();
  // The mark first: adding the row triggers an immediate save, which must already see the mark.
  addCodingMark(editor.view, range, id);
  useCodings.getState().add({ id, codeId, sentiment: null, severity: null, memo: '', star: false });
  return id;
}

/** Removes a coding's marks as one undoable edit; the save that follows retires its row. */
export function uncode(editor: Editor, id: string): void {
  removeCodingMark(editor.view, id);
  useCodings.setState((s) => ({ selected: s.selected.filter((x) => x !== id) }));
}
