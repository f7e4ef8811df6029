import type { DocNode } from '../../shared/domain.ts';
import { notesDocProblem } from '../../shared/editor/schema.ts';

/**
 * Whether the editor can open a notes document, checked block by block: an autosave of a long note
 * changes a paragraph or two, and a block's validity depends only on its own JSON, so blocks seen
 * valid in the last check of the same interview are not checked again.
 */
const validBlocks = new Map<string, Set<string>>();
/** Interviews whose blocks are remembered (the open one and a few recent). */
const REMEMBERED = 16;

export interface NotesCheck {
  problem: string | null;
  /** The document as stored: the blocks' JSON joined, so it is serialised once. */
  json: string;
}

export function checkNotes(interviewId: string, doc: DocNode): NotesCheck {
  const keys = Object.keys(doc);
  const plain = doc.type === 'doc' && keys.every((k) => k === 'type' || k === 'content');
  if (!plain || !doc.content?.length) return { problem: notesDocProblem(doc), json: JSON.stringify(doc) };
  const known = validBlocks.get(interviewId);
  const blocks = doc.content.map((block) => JSON.stringify(block));
  for (let i = 0; i < blocks.length; i++) {
    if (known?.has(blocks[i]!)) continue;
    const problem = notesDocProblem({ type: 'doc', content: [doc.content[i]!] });
    if (problem) return { problem, json: '' };
  }
  validBlocks.delete(interviewId);
  validBlocks.set(interviewId, new Set(blocks));
  if (validBlocks.size > REMEMBERED) validBlocks.delete(validBlocks.keys().next().value!);
  return { problem: null, json: `{"type":"doc","content":[${blocks.join(',')}]}` };
}
