import type { BackupEntry, BackupReason, RestoreResult } from '../../shared/contract.ts';
import { errorMessage } from '../../shared/errors.ts';
import { KuuloError } from '../base/errors.ts';
import { DEFAULT_KEEP, listBackupFiles, pruneBackupFiles, writeBackup } from '../db/backups.ts';
import { openDatabase } from '../db/connection.ts';
import { acquireWriterLock } from '../db/lock.ts';
import { listedBackup, swapIn, verifyBackup } from '../db/restore.ts';
import type { ServiceContext } from './context.ts';
import { getSettings } from './settings.ts';

/** Backups of the open workspace: taking, listing, pruning and restoring them. */

const DAY_MS = 24 * 60 * 60 * 1000;

export function listBackups(ctx: ServiceContext): BackupEntry[] {
  return listBackupFiles(ctx.dbPath);
}

/**
 * Takes a backup now, then keeps only the newest `keep`. Its start and end are announced as events:
 * the core host sends the start before the copy begins, so the window can say a backup is under way.
 */
export function createBackup(
  ctx: ServiceContext,
  reason: BackupReason = 'manual',
  keep = DEFAULT_KEEP,
): BackupEntry {
  ctx.emit('backupProgress', { reason, done: false, entry: null, failure: null });
  try {
    const entry = writeBackup(ctx.db, ctx.dbPath, reason, new Date(ctx.now()));
    pruneBackupFiles(ctx.dbPath, keep);
    ctx.emit('backupProgress', { reason, done: true, entry, failure: null });
    return entry;
  } catch (error) {
    const failure = error instanceof KuuloError ? error.detail : errorMessage('unexpected');
    ctx.emit('backupProgress', { reason, done: true, entry: null, failure });
    throw error;
  }
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
