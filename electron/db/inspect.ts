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
    const findings = thorough ? checkAll(db, 'integrity_check(3)') : quickCheckTables(db);
    if (findings.length !== 1 || findings[0] !== 'ok')
      return { kind: 'damaged', detail: oneLine(findings.join('; ')) };
    return null;
  } catch (error) {
    if (isCorruption(error)) return { kind: 'damaged', detail: oneLine((error as Error).message) };
    throw error;
  }
}

function checkAll(db: Database, pragma: string): string[] {
  return (db.pragma(pragma, { simple: false }) as { [column: string]: string }[]).map(
    (row) => Object.values(row)[0]!,
  );
}

/**
 * `quick_check` of the schema and every ordinary table, one at a time. A check of the whole file would
 * also run each virtual table's own check, and FTS5's (the search index) re-reads every term of the
 * index: seconds on a large workspace, at every start. Its shadow tables are still checked here as the
 * b-trees they are; the thorough check (before a restore) runs FTS5's own check too.
 */
function quickCheckTables(db: Database): string[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`)
    .pluck()
    .all() as string[];
  const problems = ['sqlite_schema', ...tables]
    .flatMap((table) => checkAll(db, `quick_check("${table.replaceAll('"', '""')}")`))
    .filter((finding) => finding !== 'ok');
  return problems.length ? problems.slice(0, 3) : ['ok'];
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
