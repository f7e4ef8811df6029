import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { KuuloError } from '../base/errors.ts';
import { backupFolder, listBackupFiles } from './backups.ts';
import { type Problem, sqliteCode } from './inspect.ts';

/** Errors for a workspace that cannot be opened: what is wrong, what to do, and that the file is safe (texts in shared/i18n/errors.ts). */

function latestBackup(path: string): { path: string; createdAt: string } | null {
  const latest = listBackupFiles(path)[0];
  return latest ? { path: latest.path, createdAt: latest.createdAt } : null;
}

export function problemError(path: string, problem: Problem): KuuloError {
  switch (problem.kind) {
    case 'not-sqlite':
      return new KuuloError('workspaceNotSqlite', { path });
    case 'foreign':
      return new KuuloError('workspaceForeign', { path });
    case 'newer':
      return new KuuloError('workspaceNewer', { path, version: problem.version });
    case 'damaged':
      return new KuuloError('workspaceDamaged', {
        path,
        detail: problem.detail,
        backupFolder: backupFolder(path),
        latest: latestBackup(path),
      });
  }
}

export const readOnlyFile = (path: string): KuuloError => new KuuloError('workspaceReadOnly', { path });

export const readOnlyFolder = (path: string): KuuloError =>
  new KuuloError('folderReadOnly', { folder: dirname(path) });

export const cannotCreate = (path: string): KuuloError => new KuuloError('cannotCreateWorkspace', { path });

export const unreadable = (path: string): KuuloError => new KuuloError('workspaceUnreadable', { path });

export const notAFile = (path: string): KuuloError => new KuuloError('workspaceIsFolder', { path });

/** Less than this much free space counts as a full disk (SQLite reports it as a plain I/O error). */
const NEARLY_FULL = 1024 * 1024;

function diskIsFull(path: string, code: string): boolean {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return true;
  if (!code.startsWith('SQLITE_IOERR')) return false;
  try {
    const { bavail, bsize } = statfsSync(dirname(path));
    return bavail * bsize < NEARLY_FULL;
  } catch {
    return false;
  }
}

/** Turns what SQLite or the file system threw while opening into a message a consultant can act on. */
export function explainOpenFailure(path: string, error: unknown): KuuloError {
  if (error instanceof KuuloError) return error;
  const code = sqliteCode(error);
  if (diskIsFull(path, code)) return new KuuloError('workspaceDiskFull', { path });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new KuuloError('workspaceInUse', { path });
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return readOnlyFile(path);
  const reason = error instanceof Error ? error.message : String(error);
  return new KuuloError('workspaceOpenFailed', { path, reason });
}

export const noWorkspace = (path: string): KuuloError => new KuuloError('cliNoWorkspace', { path });
