import type { Database } from 'better-sqlite3';
import type { DocNode } from '../../../shared/domain.ts';
import { type DerivedNotes, deriveNotes } from '../../../shared/notes.ts';
import type { RowChange } from '../../db/changes.ts';
import { statement } from '../statements.ts';

/**
 * The notes part of the search index: one `search_docs` row per non-empty text block of an interview's
 * notes, and in `search_notes` one layout per interview: each block's row, code-point start and UTF-16
 * place in the plain text. Memos, findings, people and accounts are indexed by triggers (migration 12);
 * notes need the document split into blocks.
 *
 * A save rewrites only the blocks between the first and the last change; those after it move in the
 * layout alone (one small row), so an autosave of a long note costs about as much as the paragraph typed
 * in. The old blocks' texts are read from the old plain text through the layout, not from the rows.
 */

type Block = DerivedNotes['blocks'][number];

/** [search_docs id (0: an empty block), code-point start, UTF-16 start, UTF-16 length]. */
export type LayoutEntry = [id: number, start: number, u16Start: number, u16Length: number];

export function readLayout(db: Database, interviewId: string): LayoutEntry[] {
  const json = statement(db, 'SELECT blocks FROM search_notes WHERE interview_id = ?')
    .pluck()
    .get(interviewId) as string | undefined;
  return json ? (JSON.parse(json) as LayoutEntry[]) : [];
}

/**
 * Brings the interview's rows and layout in line with its blocks (deriveNotes of the document being
 * saved). `oldText` is the plain text the layout was written for (the notes row before this save).
 * Runs inside the caller's transaction.
 */
export function indexNoteBlocks(
  db: Database,
  interviewId: string,
  blocks: readonly Block[],
  oldText: string,
): void {
  let old = readLayout(db, interviewId);
  const last = old.at(-1);
  // A layout that does not fit the old text (never expected) is not trusted: every block is rewritten.
  if (last && last[2] + last[3] > oldText.length) old = [];
  const oldTextOf = (entry: LayoutEntry) => oldText.slice(entry[2], entry[2] + entry[3]);

  let head = 0;
  while (head < old.length && head < blocks.length && oldTextOf(old[head]!) === blocks[head]!.text) head++;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < blocks.length - head &&
    oldTextOf(old[old.length - 1 - tail]!) === blocks[blocks.length - 1 - tail]!.text
  )
    tail++;

  const insert = statement(
    db,
    `INSERT INTO search_docs (kind, source_id, interview_id, text) VALUES ('note', ?, ?, ?) RETURNING id`,
  );
  const rewrite = statement(db, 'UPDATE search_docs SET text = ? WHERE id = ?');
  const remove = statement(db, 'DELETE FROM search_docs WHERE id = ?');
  // Rows of the changed middle are reused in order, so a paragraph typed in keeps its row.
  const spare = old
    .slice(head, old.length - tail)
    .map((entry) => entry[0])
    .filter((id) => id !== 0);
  const ids = blocks.map((block, i): number => {
    if (i < head) return old[i]![0];
    if (i >= blocks.length - tail) return old[old.length - (blocks.length - i)]![0];
    if (!block.text) return 0;
    const reused = spare.shift();
    if (reused === undefined) return (insert.get(interviewId, interviewId, block.text) as { id: number }).id;
    rewrite.run(block.text, reused);
    return reused;
  });
  for (const id of spare) remove.run(id);
  writeLayout(db, interviewId, blocks, ids);
}

/** Notes without any text (an interview not started) have no layout. */
function writeLayout(
  db: Database,
  interviewId: string,
  blocks: readonly Block[],
  ids: readonly number[],
): void {
  if (!ids.some((id) => id !== 0)) {
    statement(db, 'DELETE FROM search_notes WHERE interview_id = ?').run(interviewId);
    return;
  }
  let u16 = 0;
  const entries = blocks.map((block, i): LayoutEntry => {
    if (i > 0) u16 += 1; // the newline between blocks
    const entry: LayoutEntry = [ids[i]!, block.start, u16, block.text.length];
    u16 += block.text.length;
    return entry;
  });
  statement(
    db,
    `INSERT INTO search_notes (interview_id, blocks) VALUES (?, ?)
     ON CONFLICT (interview_id) DO UPDATE SET blocks = excluded.blocks`,
  ).run(interviewId, JSON.stringify(entries));
}

/** Rewrites every row of the interview's notes from the stored document (after an undo, a rebuild). */
export function reindexNotes(db: Database, interviewId: string): void {
  db.prepare(`DELETE FROM search_docs WHERE source_id = ? AND kind = 'note'`).run(interviewId);
  db.prepare('DELETE FROM search_notes WHERE interview_id = ?').run(interviewId);
  const doc = db.prepare('SELECT doc FROM notes WHERE interview_id = ?').pluck().get(interviewId) as
    | string
    | undefined;
  if (doc === undefined) return;
  indexNoteBlocks(db, interviewId, deriveNotes(JSON.parse(doc) as DocNode).blocks, '');
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

/**
 * Indexes every interview's notes again from its document. For notes written around the notes service
 * (the benchmark's generator inserts rows directly); the app's own writes never need it.
 */
export function reindexAllNotes(db: Database): void {
  const ids = db.prepare('SELECT interview_id FROM notes').pluck().all() as string[];
  db.transaction(() => {
    for (const id of ids) reindexNotes(db, id);
  })();
}

/**
 * Removes what deleted and rewritten rows left in the full-text index. FTS5 deletes lazily: a row's
 * old entries stay in older segments, cancelled by markers, until segments are merged; they hold the
 * text's trigrams with their positions, enough to read it back. Merging every segment into one drops
 * them, and the pages they were on are overwritten (`PRAGMA secure_delete`). Run where text must be
 * gone from the disk: an erasure, and deleting from the Trash for good. (FTS5's own `secure-delete`
 * option does this on every delete, but it made each autosave several milliseconds slower.)
 */
export function purgeDeletedText(db: Database): void {
  db.prepare(`INSERT INTO search_fts(search_fts) VALUES ('optimize')`).run();
}
