import { existsSync, rmSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { fileDamage, isCorruption, type Problem } from './inspect.ts';

/**
 * `<file>.damaged`, beside the workspace: the core host found damage that the open-time check (table
 * by table) cannot see, and stopped writing. The next open runs the whole-file check first, so a damaged
 * file is refused and its latest backup offered, as for damage found at open. The file cannot hold this
 * mark itself: writing to it is what the damage makes unsafe.
 */

export const damageMarkPath = (dbPath: string): string => `${dbPath}.damaged`;

/** Holds SQLite's finding only (page numbers), nothing of the consultant's data. */
export function markDamaged(dbPath: string, detail: string): void {
  writeFileSync(damageMarkPath(dbPath), `${JSON.stringify({ detail, found: new Date().toISOString() })}\n`);
}

export function clearDamageMark(dbPath: string): void {
  rmSync(damageMarkPath(dbPath), { force: true });
}

/**
 * For a workspace marked damaged: the whole-file check on a read-only connection, before anything
 * writes. Still damaged: the problem; sound (restored or repaired since): the mark goes.
 */
export function markedDamage(dbPath: string): Problem | null {
  if (!existsSync(damageMarkPath(dbPath))) return null;
  let detail: string | null;
  try {
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      detail = fileDamage(db);
    } finally {
      db.close();
    }
  } catch (error) {
    // Another reason not to read it (a missing file, say) is openDatabase's to report; the mark stays.
    if (!isCorruption(error)) return null;
    detail = (error as Error).message;
  }
  if (detail !== null) return { kind: 'damaged', detail };
  clearDamageMark(dbPath);
  return null;
}
