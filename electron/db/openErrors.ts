import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { KuuloError } from '../services/errors.ts';
import { backupFolder, listBackupFiles } from './backups.ts';
import { type Problem, sqliteCode } from './inspect.ts';

/** Messages for a workspace that cannot be opened: what is wrong, what to do, and that the file is safe. */

const UNCHANGED = 'It was left unchanged.';

function restoreHint(path: string): string {
  const latest = listBackupFiles(path)[0];
  if (!latest) return `There is no backup of it in ${backupFolder(path)}; keep the file and ask for help.`;
  return `Its latest backup is ${latest.path} (${latest.createdAt}): restore it with "npm run kuulo -- restore --db ${path} --from ${latest.path}".`;
}

export function problemError(path: string, problem: Problem): KuuloError {
  switch (problem.kind) {
    case 'not-sqlite':
      return new KuuloError(
        'invalid_input',
        `${path} is not a Kuulo workspace (not an SQLite database). ${UNCHANGED} Choose your workspace file, usually kuulo.db.`,
      );
    case 'foreign':
      return new KuuloError(
        'invalid_input',
        `${path} is not a Kuulo workspace (it is another program's database). ${UNCHANGED} Choose your workspace file, usually kuulo.db.`,
      );
    case 'newer':
      return new KuuloError(
        'conflict',
        `${path} was saved by a newer version of Kuulo (schema ${problem.version}); update Kuulo to open it. ${UNCHANGED}`,
      );
    case 'damaged':
      return new KuuloError(
        'invalid_input',
        `${path} is damaged and cannot be opened safely (${problem.detail}). ${UNCHANGED} ${restoreHint(path)}`,
      );
  }
}

export const readOnlyFile = (path: string): KuuloError =>
  new KuuloError(
    'invalid_input',
    `${path} is read-only, so Kuulo could not save notes into it. ${UNCHANGED} Make the file writable, or copy it into a folder of your own, and open it again.`,
  );

export const readOnlyFolder = (path: string): KuuloError =>
  new KuuloError(
    'invalid_input',
    `The folder ${dirname(path)} is read-only: Kuulo needs to create small working files (-wal, -shm) beside the workspace while it is open. The workspace was left unchanged. Copy it into a folder you can write to, such as Documents, and open it there.`,
  );

export const cannotCreate = (path: string): KuuloError =>
  new KuuloError(
    'invalid_input',
    `Kuulo cannot create a workspace at ${path}: the folder does not exist or is read-only. Choose a folder you can write to.`,
  );

export const unreadable = (path: string): KuuloError =>
  new KuuloError(
    'invalid_input',
    `Kuulo is not allowed to read ${path}. ${UNCHANGED} Check the file's permissions, or copy it into a folder of your own.`,
  );

export const notAFile = (path: string): KuuloError =>
  new KuuloError(
    'invalid_input',
    `${path} is a folder, not a workspace file. Choose the workspace file itself.`,
  );

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
  if (diskIsFull(path, code))
    return new KuuloError(
      'conflict',
      `There is not enough free disk space to open ${path}. ${UNCHANGED} Free some space and open it again.`,
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new KuuloError(
      'conflict',
      `${path} is in use by another program (is Kuulo already open?). ${UNCHANGED} Close the other program and try again.`,
    );
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return readOnlyFile(path);
  const reason = error instanceof Error ? error.message : String(error);
  return new KuuloError('internal', `Kuulo could not open ${path} (${reason}). ${UNCHANGED}`);
}

export const noWorkspace = (path: string): KuuloError =>
  new KuuloError(
    'not_found',
    `There is no workspace at ${path}. Check the path, or make a sample one with "kuulo demo --db FILE".`,
  );
