import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * Where a span of the notes' plain text lies in the editor's document. The plain text (deriveNotes)
 * counts Unicode code points, one line per text block and a hard break as a newline; ProseMirror
 * counts UTF-16 units plus node boundaries. Search hits, and anything else given as plain-text
 * offsets, are selected in the editor through this one mapping.
 */
export interface DocRange {
  from: number;
  to: number;
}

/**
 * The document range of the code points [start, end) of the plain text, or null when `start` is past
 * the end of the text. An `end` past the end is clamped. A span starting on the newline between two
 * blocks starts at the end of the first; one ending on it ends there too.
 */
export function textToDocRange(doc: PMNode, start: number, end: number): DocRange | null {
  let offset = 0;
  let blocks = 0;
  let from: number | null = null;
  let to: number | null = null;
  let last = 0;
  /** One code point of the plain text lies at document positions [pos, pos + size). */
  const visit = (pos: number, size: number): boolean => {
    if (offset === start) from = pos;
    if (offset === end - 1) to = pos + size;
    last = pos + size;
    offset++;
    return offset >= end && from !== null;
  };
  let done = false;
  doc.descendants((block, blockPos) => {
    if (done) return false;
    if (!block.isTextblock) return true;
    const contentStart = blockPos + 1;
    // The newline that joins this block's line to the one before: no position of its own.
    if (blocks++ > 0 && visit(last, 0)) {
      done = true;
      return false;
    }
    last = contentStart;
    block.forEach((child, childOffset) => {
      if (done) return;
      const pos = contentStart + childOffset;
      if (child.isText) {
        const text = child.text ?? '';
        for (let i = 0; i < text.length && !done; ) {
          const size = text.codePointAt(i)! > 0xffff ? 2 : 1;
          done = visit(pos + i, size);
          i += size;
        }
      } else if (child.type.name === 'hardBreak') {
        done = visit(pos, child.nodeSize);
      }
      // Other inline nodes add nothing to the plain text.
    });
    last = contentStart + block.content.size;
    return false;
  });
  if (from === null) {
    if (offset !== start) return null;
    from = last; // the span starts at the very end of the text
  }
  if (end <= start) return { from, to: from };
  return { from, to: to ?? last };
}
