import type { Database } from 'better-sqlite3';
import type { DocNode } from '../../../shared/domain.ts';
import { type DerivedNotes, deriveNotes } from '../../../shared/notes.ts';
import type { RowChange } from '../../db/changes.ts';

/**
 * The notes part of the search index: one `search_docs` row per non-empty text block of an interview's
 * notes, with the block's number and its code-point start in the plain text. Memos, findings, people
 * and accounts are indexed by triggers (migration 12); notes need the document split into blocks.
 *
 * A save rewrites only the blocks that changed: the blocks before the first change and after the last
 * keep their rows, those after it only move (number and start: no full-text work), so an autosave of a
 * long note costs about as much as the paragraph typed in.
 */

type Block = DerivedNotes['blocks'][number];

interface Row {
  id: number;
  paragraph: number;
  start: number;
  text: string;
}

/**
 * Brings the interview's rows in line with its blocks (from deriveNotes of the document being saved).
 * Runs inside the caller's transaction.
 */
export function indexNoteBlocks(db: Database, interviewId: string, blocks: readonly Block[]): void {
  const rows = db
    .prepare(
      `SELECT id, paragraph, start, text FROM search_docs WHERE source_id = ? AND kind = 'note' ORDER BY paragraph`,
    )
    .all(interviewId) as Row[];
  // The old blocks as the rows say (empty blocks have no row, and any trailing ones are not known:
  // they cost nothing to treat as changed).
  const old: (Row | null)[] = [];
  for (const row of rows) {
    while (old.length < row.paragraph) old.push(null);
    old.push(row);
  }
  const same = (row: Row | null | undefined, block: Block | undefined): boolean =>
    row !== undefined && block !== undefined && (row ? row.text === block.text : block.text === '');

  let head = 0;
  while (
    head < old.length &&
    head < blocks.length &&
    same(old[head], blocks[head]) &&
    (old[head]?.start ?? blocks[head]!.start) === blocks[head]!.start
  )
    head++;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < blocks.length - head &&
    same(old[old.length - 1 - tail], blocks[blocks.length - 1 - tail])
  )
    tail++;

  // The blocks after the change move together, by the same number of blocks and code points; done
  // first, so the rows the middle inserts (numbered the new way) are not moved with them.
  const firstKept = old.length - tail;
  const byParagraphs = blocks.length - old.length;
  for (let i = firstKept; i < old.length; i++) {
    const row = old[i];
    if (!row) continue;
    const byChars = blocks[i + byParagraphs]!.start - row.start;
    if (byParagraphs || byChars)
      db.prepare(
        `UPDATE search_docs SET paragraph = paragraph + ?, start = start + ?
         WHERE source_id = ? AND kind = 'note' AND paragraph >= ?`,
      ).run(byParagraphs, byChars, interviewId, firstKept);
    break;
  }

  const remove = db.prepare('DELETE FROM search_docs WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO search_docs (kind, source_id, interview_id, paragraph, start, text) VALUES ('note', ?, ?, ?, ?, ?)`,
  );
  const rewrite = db.prepare('UPDATE search_docs SET paragraph = ?, start = ?, text = ? WHERE id = ?');
  const oldMiddle = old.slice(head, firstKept).filter((row): row is Row => row !== null);
  const newMiddle = blocks
    .slice(head, blocks.length - tail)
    .map((block, i) => ({ ...block, paragraph: head + i }))
    .filter((block) => block.text !== '');
  newMiddle.forEach((block, i) => {
    const row = oldMiddle[i];
    if (row) rewrite.run(block.paragraph, block.start, block.text, row.id);
    else insert.run(interviewId, interviewId, block.paragraph, block.start, block.text);
  });
  for (const row of oldMiddle.slice(newMiddle.length)) remove.run(row.id);
}

/** Rewrites every row of the interview's notes from the stored document (after an undo, a rebuild). */
export function reindexNotes(db: Database, interviewId: string): void {
  db.prepare(`DELETE FROM search_docs WHERE source_id = ? AND kind = 'note'`).run(interviewId);
  const doc = db.prepare('SELECT doc FROM notes WHERE interview_id = ?').pluck().get(interviewId) as
    | string
    | undefined;
  if (doc === undefined) return;
  indexNoteBlocks(db, interviewId, deriveNotes(JSON.parse(doc) as DocNode).blocks);
}

/**
 * After an undo from the Trash: the notes it put back are indexed again. (The other texts came back
 * through their tables' triggers; the index tables themselves are never recorded, see db/changes.ts.)
 */
export function reindexAfterUndo(db: Database, changes: readonly RowChange[]): void {
  const interviews = new Set(
    changes.filter((c) => c.table === 'notes').map((c) => String((c.old ?? c.new)!.interview_id)),
  );
  for (const interviewId of interviews) reindexNotes(db, interviewId);
}
