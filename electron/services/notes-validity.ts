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
  /** Its size in UTF-8 bytes, as stored. */
  bytes: number;
}

/**
 * A document over `maxBytes` is not checked block by block (its problem is null): the caller refuses
 * it by its size, without spending seconds on a document it will not store.
 */
export function checkNotes(
  interviewId: string,
  doc: DocNode,
  maxBytes = Number.POSITIVE_INFINITY,
): NotesCheck {
  const keys = Object.keys(doc);
  const plain = doc.type === 'doc' && keys.every((k) => k === 'type' || k === 'content');
  if (!plain || !doc.content?.length) {
    const json = JSON.stringify(doc);
    const bytes = Buffer.byteLength(json);
    return { problem: bytes > maxBytes ? null : notesDocProblem(doc), json, bytes };
  }
  const known = validBlocks.get(interviewId);
  const blocks = doc.content.map((block) => JSON.stringify(block));
  const json = `{"type":"doc","content":[${blocks.join(',')}]}`;
  const bytes = Buffer.byteLength(json);
  if (bytes > maxBytes) return { problem: null, json, bytes };
  for (let i = 0; i < blocks.length; i++) {
    if (known?.has(blocks[i]!)) continue;
    const problem = notesDocProblem({ type: 'doc', content: [doc.content[i]!] });
    if (problem) return { problem, json: '', bytes };
  }
  validBlocks.delete(interviewId);
  validBlocks.set(interviewId, new Set(blocks));
  if (validBlocks.size > REMEMBERED) validBlocks.delete(validBlocks.keys().next().value!);
  return { problem: null, json, bytes };
}
