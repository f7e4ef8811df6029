import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { KuuloError } from '../services/errors.ts';
import { migrate, SCHEMA_VERSION, schemaVersion } from './migrate.ts';

const SQLITE_HEADER = 'SQLite format 3\0';

export interface OpenOptions {
  /** Called with a path for a copy of the file before an existing file is migrated. */
  backupBeforeMigrate?: (db: Database) => void;
}

/**
 * Opens (or creates) a workspace file with the pragmas Kuulo relies on and migrates it.
 * A file that is not a Kuulo database, or is from a newer Kuulo, is refused untouched.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  assertLooksLikeSqlite(path);
  let db: Database;
  try {
    db = new BetterSqlite3(path);
  } catch (error) {
    throw new KuuloError('invalid_input', `Cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    const version = schemaVersion(db);
    if (version > SCHEMA_VERSION) {
      throw new KuuloError(
        'conflict',
        `${path} was saved by a newer version of Kuulo (schema ${version}); update Kuulo to open it.`,
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (version > 0 && version < SCHEMA_VERSION) options.backupBeforeMigrate?.(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertLooksLikeSqlite(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new KuuloError(
      'invalid_input',
      `${path} is not a Kuulo workspace (not an SQLite database). It was left unchanged.`,
    );
  }
}
