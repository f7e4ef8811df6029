import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupEntry, BackupReason } from '../../shared/contract.ts';
import { KuuloError } from '../base/errors.ts';

export const BACKUP_REASONS = [
  'start',
  'migration',
  'manual',
  'pre-restore',
] as const satisfies readonly BackupReason[];
export const DEFAULT_KEEP = 10;

/** Backups live beside the workspace, so they move, sync and get deleted together with it. */
export function backupFolder(dbPath: string): string {
  return join(dirname(resolve(dbPath)), 'backups');
}

/** `kuulo.db` → `kuulo-`: the file's own name keeps the backups of two workspaces in one folder apart. */
const prefixOf = (dbPath: string): string => `${basename(dbPath, extname(dbPath))}-`;

const STAMP = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z-([a-z-]+)\.db$/;

/** Colons are not allowed in Windows file names; milliseconds keep two backups in one second apart. */
function fileName(dbPath: string, at: Date, reason: BackupReason): string {
  return `${prefixOf(dbPath)}${at.toISOString().replace(/:/g, '-').replace('.', '-')}-${reason}.db`;
}

function parse(dbPath: string, name: string): Omit<BackupEntry, 'path' | 'size'> | null {
  const prefix = prefixOf(dbPath);
  if (!name.startsWith(prefix)) return null;
  const match = STAMP.exec(name.slice(prefix.length));
  if (!match) return null;
  const [, day, h, m, s, ms, reason] = match;
  if (!BACKUP_REASONS.includes(reason as BackupReason)) return null;
  return { createdAt: `${day}T${h}:${m}:${s}.${ms}Z`, reason: reason as BackupReason };
}

/** The workspace's backups, newest first. Other files in the folder are ignored. */
export function listBackupFiles(dbPath: string): BackupEntry[] {
  const folder = backupFolder(dbPath);
  // Something else by that name holds no backups (and taking one says why it cannot).
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parse(dbPath, name);
    if (!parsed) continue;
    const path = join(folder, name);
    const stat = statSync(path);
    if (stat.isFile()) entries.push({ path, size: stat.size, ...parsed });
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.path.localeCompare(a.path));
}

/** A free file name for a backup taken at `at`. */
export function newBackupPath(dbPath: string, reason: BackupReason, at: Date): string {
  const folder = backupFolder(dbPath);
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    throw new KuuloError('backupFolderUnusable', { folder });
  }
  for (let t = at.getTime(); ; t++) {
    const path = join(folder, fileName(dbPath, new Date(t), reason));
    if (!existsSync(path)) return path;
  }
}

/**
 * Copies the open workspace into a new backup file.
 *
 * `VACUUM INTO` rather than better-sqlite3's `db.backup()`: it is synchronous, and both callers are
 * (the dispatcher's handlers and `openDatabase`, which must back up before it migrates). It reads one
 * consistent snapshot in a single read transaction, writes a compact file in rollback-journal mode (so
 * the copy opens on its own with no -wal beside it), and syncs it as the source connection's
 * `synchronous` setting says (FULL for workspaces). A half-written copy is removed.
 */
export function writeBackup(
  db: Database,
  dbPath: string,
  reason: BackupReason,
  at = new Date(),
): BackupEntry {
  const path = newBackupPath(dbPath, reason, at);
  try {
    db.prepare('VACUUM INTO ?').run(path);
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  return { path, size: statSync(path).size, ...parse(dbPath, basename(path))! };
}

/** Removes all but the newest `keep` backups (at least one is always kept). Returns the removed paths. */
export function pruneBackupFiles(dbPath: string, keep = DEFAULT_KEEP): string[] {
  const removed = listBackupFiles(dbPath)
    .slice(Math.max(1, Math.floor(keep)))
    .map((entry) => entry.path);
  // A damaged file kept byte-for-byte may have its WAL beside it (see restore).
  for (const path of removed) for (const suffix of ['', '-wal']) rmSync(`${path}${suffix}`, { force: true });
  return removed;
}
