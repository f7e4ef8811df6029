import type { Editor } from '@tiptap/react';
import { textToDocRange } from '../../../shared/editor/textPositions.ts';

/**
 * Selects the code points [start, end) of the notes' plain text in the editor and brings them to the
 * middle of the view (a search hit opened). False when the span is not in the document (it changed).
 */
export function selectText(editor: Editor, start: number, end: number): boolean {
  const range = textToDocRange(editor.state.doc, start, end);
  if (!range) return false;
  editor.chain().focus().setTextSelection(range).run();
  const { node } = editor.view.domAtPos(range.from);
  const element = node instanceof Element ? node : node.parentElement;
  // The middle, not the edge where scrollIntoView leaves it: the words are read with what surrounds them.
  element?.scrollIntoView({ block: 'center' });
  return true;
}
