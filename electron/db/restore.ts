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
import type { BackupEntry, RestoreResult } from '../../shared/contract.ts';
import { KuuloError } from '../base/errors.ts';
import { listBackupFiles, newBackupPath, writeBackup } from './backups.ts';
import { hasSqliteHeader, inspectWorkspace, type Problem } from './inspect.ts';

/** Putting a backup in place of a workspace file: checked first, swapped atomically, the old file kept. */

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
export function listedBackup(dbPath: string, requestedPath: string): BackupEntry {
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
export function swapIn(dbPath: string, backupPath: string): void {
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
