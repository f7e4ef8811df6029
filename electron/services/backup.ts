import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupEntry, BackupReason, RestoreResult } from '../../shared/contract.ts';
import {
  DEFAULT_KEEP,
  listBackupFiles,
  newBackupPath,
  pruneBackupFiles,
  writeBackup,
} from '../db/backups.ts';
import { openDatabase } from '../db/connection.ts';
import { hasSqliteHeader, inspectWorkspace, type Problem } from '../db/inspect.ts';
import { acquireWriterLock } from '../db/lock.ts';
import type { ServiceContext } from './context.ts';
import { KuuloError } from './errors.ts';
import { getSettings } from './settings.ts';

/** Backups of the open workspace: taking, listing, pruning and restoring them. */

const DAY_MS = 24 * 60 * 60 * 1000;

export function listBackups(ctx: ServiceContext): BackupEntry[] {
  return listBackupFiles(ctx.dbPath);
}

/** Takes a backup now, then keeps only the newest `keep`. */
export function createBackup(
  ctx: ServiceContext,
  reason: BackupReason = 'manual',
  keep = DEFAULT_KEEP,
): BackupEntry {
  const entry = writeBackup(ctx.db, ctx.dbPath, reason, new Date(ctx.now()));
  pruneBackupFiles(ctx.dbPath, keep);
  return entry;
}

export function pruneBackups(ctx: ServiceContext, keep = DEFAULT_KEEP): string[] {
  return pruneBackupFiles(ctx.dbPath, keep);
}

/** At most one `start` backup a day: returns the new backup, or null when a recent one exists. */
export function backupOnStart(ctx: ServiceContext, keep = DEFAULT_KEEP): BackupEntry | null {
  const now = Date.parse(ctx.now());
  const recent = listBackupFiles(ctx.dbPath).some(
    (entry) => entry.reason === 'start' && now - Date.parse(entry.createdAt) < DAY_MS,
  );
  return recent ? null : createBackup(ctx, 'start', keep);
}

/**
 * Replaces the open workspace with one of its backups. The current content is first saved as a
 * `pre-restore` backup.
 *
 * The swap happens with the connection closed: close (which checkpoints and removes the -wal), put the
 * backup in place with one atomic rename, open again. Copying pages into the live connection would need
 * SQLite's backup API writing *into* a WAL database, which better-sqlite3 only offers asynchronously and
 * only *from* the open connection; the dispatcher is synchronous. Services therefore must read `ctx.db`
 * on every call (they do) rather than keep the connection.
 */
export function restoreBackup(ctx: ServiceContext, requestedPath: string): RestoreResult {
  const backup = listedBackup(ctx.dbPath, requestedPath);
  verifyBackup(backup.path);
  const safety = writeBackup(ctx.db, ctx.dbPath, 'pre-restore', new Date(ctx.now()));
  // The writer lock stays with this process while the connection is closed for the swap.
  const lock = acquireWriterLock(ctx.dbPath, 'Kuulo');
  ctx.db.close();
  try {
    swapIn(ctx.dbPath, backup.path);
  } finally {
    // Whether or not the swap happened, the workspace must be open again for the next call.
    try {
      ctx.db = openDatabase(ctx.dbPath);
    } finally {
      lock.release();
    }
  }
  // The restored file has its own settings (its language): whoever shows them follows.
  ctx.emit('settingsChanged', getSettings(ctx));
  return { restoredFrom: backup.path, safetyBackup: safety.path };
}

/**
 * The same restore for a workspace that is not open, and may not open at all (the reason to restore).
 * A file SQLite cannot copy is kept byte-for-byte, with its WAL, as the `pre-restore` backup.
 */
export function restoreClosedWorkspace(
  dbPath: string,
  requestedPath: string,
  now = new Date(),
): RestoreResult {
  const backup = listedBackup(dbPath, requestedPath);
  verifyBackup(backup.path);
  const safetyBackup = existsSync(dbPath) && statSync(dbPath).size > 0 ? keepCurrentFile(dbPath, now) : null;
  swapIn(dbPath, backup.path);
  return { restoredFrom: backup.path, safetyBackup };
}

/** Only a file `listBackups` shows for this workspace can be restored: never an arbitrary path. */
function listedBackup(dbPath: string, requestedPath: string): BackupEntry {
  const wanted = resolve(requestedPath);
  const entry = listBackupFiles(dbPath).find((candidate) => candidate.path === wanted);
  if (!entry) throw new KuuloError('backupNotListed');
  return entry;
}

/** Checks the whole backup (`integrity_check`) before anything is replaced. */
export function verifyBackup(path: string): void {
  const refuse = (problem: Problem['kind']) => new KuuloError('backupRefused', { path, problem });
  if (!hasSqliteHeader(path)) throw refuse('not-sqlite');
  let problem: Problem | null;
  try {
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      problem = inspectWorkspace(db, true);
    } finally {
      db.close();
    }
  } catch (error) {
    problem = { kind: 'damaged', detail: (error as Error).message };
  }
  if (problem) throw refuse(problem.kind);
}

/**
 * Saves the closed current file as a backup before something replaces it (a restore, new sample data):
 * a clean copy if SQLite can read it, else its raw bytes.
 */
export function keepCurrentFile(dbPath: string, now: Date): string {
  try {
    const db = new BetterSqlite3(dbPath, { fileMustExist: true });
    try {
      db.pragma('synchronous = FULL');
      return writeBackup(db, dbPath, 'pre-restore', now).path;
    } finally {
      db.close();
    }
  } catch {
    const path = newBackupPath(dbPath, 'pre-restore', now);
    try {
      copyFileSync(dbPath, path);
      if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${path}-wal`);
    } catch (error) {
      for (const suffix of ['', '-wal']) rmSync(`${path}${suffix}`, { force: true });
      throw error;
    }
    return path;
  }
}

/**
 * Puts a verified copy of the backup at `dbPath` with one rename, so a crash leaves either the old or the
 * restored file, never a mix. The old -wal goes first: SQLite would replay it onto the restored file.
 */
function swapIn(dbPath: string, backupPath: string): void {
  const staging = `${dbPath}.restoring`;
  rmSync(staging, { force: true });
  const source = new BetterSqlite3(backupPath, { readonly: true, fileMustExist: true });
  try {
    source.pragma('synchronous = FULL');
    source.prepare('VACUUM INTO ?').run(staging);
  } catch (error) {
    rmSync(staging, { force: true });
    throw error;
  } finally {
    source.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  renameSync(staging, dbPath);
  syncFolder(dirname(dbPath));
}

/** Makes the rename itself durable (POSIX); Windows cannot open folders and does not need it. */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
