import type { Database } from 'better-sqlite3';

/**
 * Empties the write-ahead log into the file, so that old versions of deleted or erased pages leave
 * the disk now rather than at the next clean close (or never, after a crash). Another connection
 * reading the file blocks this: false then, and the journal is emptied later.
 */
export function emptyJournal(db: Database): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as {
    busy: number;
    log: number;
    checkpointed: number;
  }[];
  return !!result && result.busy === 0 && result.log === result.checkpointed;
}
