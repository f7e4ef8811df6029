import { accessSync, constants, existsSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { writeBackup } from './backups.ts';
import { hasSqliteHeader, inspectWorkspace, type Problem } from './inspect.ts';
import { acquireWriterLock, type WriterLock } from './lock.ts';
import { migrate, SCHEMA_VERSION, schemaVersion } from './migrate.ts';
import {
  cannotCreate,
  explainOpenFailure,
  notAFile,
  noWorkspace,
  problemError,
  readOnlyFile,
  readOnlyFolder,
  unreadable,
} from './openErrors.ts';
import { makePrivate } from './private.ts';

export interface OpenOptions {
  /**
   * Runs before an existing file is migrated; by default a `migration` copy in the backups folder.
   * `false` skips it (only for building test fixtures).
   */
  backupBeforeMigrate?: ((db: Database) => void) | false;
  /** Names this process in the writer lock, for the message another process shows (see lock.ts). */
  program?: string;
}

const SIDECARS = ['-wal', '-shm'] as const;

/** A path that does not exist yet, an empty file (SQLite treats it as a new database), or a real file. */
type Found = 'none' | 'empty' | 'file';

/**
 * Opens (or creates) a workspace file with the pragmas Kuulo relies on and migrates it.
 * A file that is not a healthy Kuulo workspace, is from a newer Kuulo, is read-only or sits on a full
 * disk is refused with a message that says what to do, and left exactly as it was.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  const found = checkBeforeOpening(path);
  const lock = acquireWriterLock(path, options.program ?? 'Kuulo');
  const sidecarsBefore = SIDECARS.filter((suffix) => existsSync(`${path}${suffix}`));
  let db: Database | undefined;
  try {
    // An existing file is inspected on a read-only connection first: SQLite's check of every page takes
    // about half the time there (160 against 300 ms CPU on the bench workspace, measured).
    const early = found === 'file' ? inspectReadOnly(path) : 'unavailable';
    if (early !== 'unavailable' && early !== null) throw problemError(path, early);
    db = new BetterSqlite3(path, { fileMustExist: found !== 'none' });
    // Nothing is written until the file has passed inspection (journal_mode=WAL rewrites the header).
    const problem = early === 'unavailable' ? inspectWorkspace(db) : null;
    if (problem) throw problemError(path, problem);
    const version = schemaVersion(db);
    // SQLite gives the -wal and -shm it creates the workspace's mode: make that private first.
    makePrivate(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted notes and erased names are overwritten on disk, not left in free pages.
    db.pragma('secure_delete = ON');
    if (version > 0 && version < SCHEMA_VERSION) {
      const backup =
        options.backupBeforeMigrate ?? ((open: Database) => writeBackup(open, path, 'migration'));
      if (backup) backup(db);
    }
    migrate(db);
    for (const suffix of ['', ...SIDECARS]) makePrivate(`${path}${suffix}`);
    return releasingOnClose(db, lock);
  } catch (error) {
    closeQuietly(db);
    removeLeftovers(path, found, sidecarsBefore);
    lock.release();
    throw explainOpenFailure(path, error);
  }
}

/**
 * Opens an existing workspace for reading only: no writer lock, no migration, nothing created, so a
 * listing works beside the app that has the file open. A file from an older Kuulo needs migrating, which
 * writes; it is opened for writing instead (and so takes the lock, or says who holds it).
 */
export function openDatabaseReadOnly(path: string, options: OpenOptions = {}): Database {
  if (!existsSync(path)) throw noWorkspace(path);
  const stat = statSync(path);
  if (!stat.isFile()) throw notAFile(path);
  if (stat.size === 0) throw noWorkspace(path);
  if (!readableSqlite(path)) throw problemError(path, { kind: 'not-sqlite' });
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const problem = inspectWorkspace(db);
    if (problem) throw problemError(path, problem);
    if (schemaVersion(db) < SCHEMA_VERSION) {
      db.close();
      return openDatabase(path, options);
    }
    db.pragma('busy_timeout = 5000');
    makePrivate(path);
    return db;
  } catch (error) {
    closeQuietly(db);
    throw explainOpenFailure(path, error);
  }
}

/**
 * `inspectWorkspace` on a read-only connection of its own; 'unavailable' when that connection cannot
 * open or read the file for another reason than damage (the writing connection then inspects it).
 */
function inspectReadOnly(path: string): Problem | null | 'unavailable' {
  let reader: Database;
  try {
    reader = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch {
    return 'unavailable';
  }
  try {
    return inspectWorkspace(reader);
  } catch {
    return 'unavailable';
  } finally {
    reader.close();
  }
}

/** The lock goes with the connection: every caller that closes the database releases it. */
function releasingOnClose(db: Database, lock: WriterLock): Database {
  const close = db.close.bind(db);
  db.close = () => {
    try {
      return close();
    } finally {
      lock.release();
    }
  };
  return db;
}

/** Refuses what can be told from the outside, before SQLite touches anything. */
function checkBeforeOpening(path: string): Found {
  if (!existsSync(path)) {
    if (!writable(dirname(path))) throw cannotCreate(path);
    return 'none';
  }
  const stat = statSync(path);
  if (!stat.isFile()) throw notAFile(path);
  if (stat.size > 0 && !readableSqlite(path)) throw problemError(path, { kind: 'not-sqlite' });
  // SQLite would quietly open a read-only file read-only and leave -wal/-shm behind; say so instead.
  if (!writable(dirname(path))) throw readOnlyFolder(path);
  if (!writable(path)) throw readOnlyFile(path);
  return stat.size > 0 ? 'file' : 'empty';
}

function readableSqlite(path: string): boolean {
  try {
    return hasSqliteHeader(path);
  } catch {
    throw unreadable(path);
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function closeQuietly(db: Database | undefined): void {
  try {
    db?.close();
  } catch {
    // Already failing: the original error is the one worth reporting.
  }
}

/**
 * After a failed open, removes only what this attempt created and that holds nothing of the user's: a
 * new file that never became a workspace, or an empty -wal and its -shm index. A -wal with frames of an
 * existing file may hold committed notes and always stays.
 */
function removeLeftovers(path: string, found: Found, sidecarsBefore: readonly string[]): void {
  const created = SIDECARS.filter((suffix) => !sidecarsBefore.includes(suffix));
  if (found === 'none') {
    for (const suffix of ['', ...created]) rmSync(`${path}${suffix}`, { force: true });
    return;
  }
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return;
  for (const suffix of created) rmSync(`${path}${suffix}`, { force: true });
}
