import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { searchIndexDamage } from '../db/inspect.ts';

/**
 * Checks the search index's tables on a read-only connection of its own, on a thread of its own: the
 * check reads half the workspace file (~0.2 s on the bench workspace, seconds on a loaded machine), and
 * the core host keeps answering calls meanwhile (WAL lets this reader and the host's writes run side by
 * side). Answers `{ damage }`: null, or what is wrong; the core host rebuilds the index if needed.
 */

export interface IndexCheckData {
  dbPath: string;
}

export type IndexCheckAnswer = { damage: string | null } | { error: string };

if (!parentPort) throw new Error('The index check runs as a worker thread.');
const { dbPath } = workerData as IndexCheckData;
let answer: IndexCheckAnswer;
try {
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    answer = { damage: searchIndexDamage(db) };
  } finally {
    db.close();
  }
} catch (error) {
  answer = { error: error instanceof Error ? error.message : String(error) };
}
parentPort.postMessage(answer);
