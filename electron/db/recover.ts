import type { Database } from 'better-sqlite3';
import type { BackupEntry } from '../../shared/contract.ts';
import { KuuloError } from '../base/errors.ts';
import { listBackupFiles } from './backups.ts';
import { openDatabase } from './connection.ts';
import { acquireWriterLock } from './lock.ts';
import { restoreClosedWorkspace } from './restore.ts';

/**
 * Opens the workspace; if it is damaged and a backup exists, asks whether to restore the latest
 * one (the damaged file is kept as a backup itself) and opens that. Any other problem — or a "no" —
 * is passed on unchanged.
 */
export function openWithRecovery(
  path: string,
  askToRestore: (problem: KuuloError, latest: BackupEntry) => boolean,
): Database {
  // Held through the restore too: the file is replaced only while no other process has it open.
  const lock = acquireWriterLock(path, 'Kuulo');
  try {
    return openDatabase(path);
  } catch (error) {
    const damaged = error instanceof KuuloError && error.key === 'workspaceDamaged';
    const latest = damaged ? listBackupFiles(path)[0] : undefined;
    if (!latest || !askToRestore(error as KuuloError, latest)) throw error;
    restoreClosedWorkspace(path, latest.path);
    return openDatabase(path);
  } finally {
    lock.release();
  }
}
