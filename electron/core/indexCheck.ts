import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { fileDamage, searchIndexDamage } from '../db/inspect.ts';

/**
 * Checks the search index's tables on a read-only connection of its own, on a thread of its own: the
 * check reads half the workspace file (~0.2 s on the bench workspace, seconds on a loaded machine), and
 * the core host keeps answering calls meanwhile (WAL lets this reader and the host's writes run side by
 * side). Answers `{ damage }`: null, or what is wrong; the core host rebuilds the index if needed.
 *
 * A sound index is followed by the whole-file check (`fileDamage`, answered as `fileDamage`): the
 * open-time check goes table by table and misses a page used twice or a bad free list, which later
 * writes would turn into lost notes. The core host then stops all writes. (With the index damaged, the
 * whole-file check would only report that again; the host runs this check again after the rebuild.)
 */

export interface IndexCheckData {
  dbPath: string;
}

export type IndexCheckAnswer = { damage: string | null; fileDamage: string | null } | { error: string };

if (!parentPort) throw new Error('The index check runs as a worker thread.');
const { dbPath } = workerData as IndexCheckData;
let answer: IndexCheckAnswer;
try {
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const damage = searchIndexDamage(db);
    answer = { damage, fileDamage: damage === null ? fileDamage(db) : null };
  } finally {
    db.close();
  }
} catch (error) {
  answer = { error: error instanceof Error ? error.message : String(error) };
}
parentPort.postMessage(answer);
