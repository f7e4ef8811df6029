import type { Database } from 'better-sqlite3';
import { isSearchIndexTable, SEARCH_REBUILD_MARKER, VACUUM_OWED_MARKER } from '../../db/inspect.ts';
import type { ServiceContext } from '../context.ts';
import { reindexNotes } from './indexing.ts';
import { createSearchIndex } from './schema.ts';

/**
 * Rebuilds a damaged search index. The index is half the workspace file but derived data, so the
 * open-time check leaves its tables out (db/inspect.ts); the core host checks them after the first
 * screen on a connection and thread of its own (core/indexCheck.ts) and, if they are damaged or missing,
 * runs this. Only then is the consultant told (`searchIndexRepair` events).
 *
 * Each `yield` is a point where the host answers waiting calls: the first step (taking out the old
 * index, VACUUM, the new empty one) is one piece; the notes are then indexed a few interviews per step.
 */

/** A step of indexing notes stops after the interview that takes it past this long. */
const STEP_MS = 50;

export function* repairSearchIndex(ctx: ServiceContext): Generator<void> {
  ctx.emit('searchIndexRepair', { done: false, failed: false });
  try {
    yield* rebuildSearchIndex(ctx.db);
  } catch (error) {
    ctx.emit('searchIndexRepair', { done: true, failed: true });
    throw error;
  }
  ctx.emit('searchIndexRepair', { done: true, failed: false });
}

/**
 * Replaces the index with a new one. A damaged b-tree cannot be dropped or emptied (SQLite reads every
 * page it frees, and fails on the damaged one), so the index's entries are taken out of the schema and
 * VACUUM writes the file anew without their pages: nothing of the old index, nor of text deleted since,
 * stays on disk. The empty index, its triggers and the rows they keep are made in the same step, so a
 * call never meets the schema without them. A save meanwhile indexes its own notes; the later steps skip
 * interviews that already have a layout. Each step commits on its own, so the first also sets a marker
 * (SEARCH_REBUILD_MARKER) that only the last clears: a start after a quit half-way rebuilds again.
 */
export function* rebuildSearchIndex(db: Database): Generator<void> {
  forgetSearchIndex(db);
  let vacuumed = true;
  try {
    db.exec('VACUUM');
  } catch {
    // (Another connection busy, a full disk.) The old pages then stay unreferenced until a later VACUUM
    // (retryOwedVacuum, at the next start); the new index must be made all the same, or every save would
    // fail for want of its tables.
    vacuumed = false;
  }
  db.transaction(() => {
    createSearchIndex(db);
    // Until the last step drops it, the marker tells a later start that the rebuild is to be finished.
    db.exec(`CREATE TABLE IF NOT EXISTS ${SEARCH_REBUILD_MARKER} (started TEXT NOT NULL)`);
    db.prepare(`INSERT INTO ${SEARCH_REBUILD_MARKER} (started) VALUES (?)`).run(new Date().toISOString());
    if (!vacuumed) db.exec(`CREATE TABLE IF NOT EXISTS ${VACUUM_OWED_MARKER} (x)`);
  })();
  const interviews = db
    .prepare('SELECT interview_id FROM notes ORDER BY interview_id')
    .pluck()
    .all() as string[];
  const indexed = db.prepare('SELECT 1 FROM search_notes WHERE interview_id = ?').pluck();
  let next = 0;
  const step = db.transaction(() => {
    const started = performance.now();
    while (next < interviews.length && performance.now() - started < STEP_MS) {
      const id = interviews[next++]!;
      if (indexed.get(id) === undefined) reindexNotes(db, id);
    }
  });
  while (next < interviews.length) {
    yield;
    step();
  }
  db.exec(`DROP TABLE ${SEARCH_REBUILD_MARKER}`);
}

/**
 * Runs the VACUUM a rebuild could not (its marker says so), so the old index's pages leave the file:
 * they hold old text, and a whole-file check counts them as never used. The core host calls it at the
 * start, before that check; it blocks calls while it runs, but is owed only after a failure.
 */
export function retryOwedVacuum(db: Database): boolean {
  const owed = db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').pluck().get(VACUUM_OWED_MARKER);
  if (owed === undefined) return false;
  db.exec('VACUUM');
  db.exec(`DROP TABLE ${VACUUM_OWED_MARKER}`);
  return true;
}

/**
 * Takes the index's tables, indexes and triggers out of the schema, leaving their pages unreferenced
 * (VACUUM drops them). `writable_schema` is needed because DROP TABLE would read the damaged pages.
 */
function forgetSearchIndex(db: Database): void {
  const tables = (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[]
  ).filter((name) => name === 'search_fts' || isSearchIndexTable(name));
  // The index's triggers sit on the consultant's tables too (notes, codings, findings …): known by what they write.
  const triggers = (
    db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'`).all() as {
      name: string;
      sql: string;
    }[]
  )
    .filter((trigger) => /\bsearch_(docs|notes|fts)\b/.test(trigger.sql))
    .map((trigger) => trigger.name);
  // better-sqlite3's safe mode refuses writes to the schema table.
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  try {
    db.transaction(() => {
      const remove = db.prepare('DELETE FROM sqlite_schema WHERE (type = ? AND name = ?) OR tbl_name = ?');
      for (const name of tables) remove.run('table', name, name);
      for (const name of triggers) remove.run('trigger', name, '');
    })();
  } finally {
    db.pragma('writable_schema = RESET');
    db.unsafeMode(false);
  }
}
