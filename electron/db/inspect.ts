import { closeSync, openSync, readSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { SCHEMA_VERSION, schemaVersion } from './migrate.ts';

/** What can be wrong with a file someone asks Kuulo to open or restore. */
export type Problem =
  | { kind: 'not-sqlite' }
  | { kind: 'foreign' }
  | { kind: 'newer'; version: number }
  | { kind: 'damaged'; detail: string };

const SQLITE_HEADER = 'SQLite format 3\0';

/** Reads only the first 16 bytes, so a stray document is never handed to SQLite (which could write to it). */
export function hasSqliteHeader(path: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1') === SQLITE_HEADER;
}

/**
 * Checks an open connection without writing to it: schema version, Kuulo's own tables and SQLite's own
 * consistency check. `thorough` runs `integrity_check` (also cross-checks indexes, O(n log n)); otherwise
 * `quick_check` (O(n)), cheap enough for every start.
 */
export function inspectWorkspace(db: Database, thorough = false): Problem | null {
  try {
    const version = schemaVersion(db);
    if (version > SCHEMA_VERSION) return { kind: 'newer', version };
    const tables = new Set(
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[],
    );
    // Version 0 with tables is another program's database: migrating would write Kuulo's tables into it.
    if (version === 0 ? tables.size > 0 : !tables.has('engagements') || !tables.has('notes'))
      return { kind: 'foreign' };
    const check = db.pragma(`${thorough ? 'integrity_check' : 'quick_check'}(3)`, { simple: false }) as {
      [column: string]: string;
    }[];
    const findings = check.map((row) => Object.values(row)[0]);
    if (findings.length !== 1 || findings[0] !== 'ok')
      return { kind: 'damaged', detail: oneLine(findings.join('; ')) };
    return null;
  } catch (error) {
    if (isCorruption(error)) return { kind: 'damaged', detail: oneLine((error as Error).message) };
    throw error;
  }
}

/** SQLite's findings span lines; the CLI and dialogs show one. */
const oneLine = (text: string): string =>
  text
    .replace(/\*\*\* in database main \*\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 160);

export function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}
