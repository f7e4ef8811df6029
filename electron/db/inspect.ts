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
 * `quick_check` of the schema and every ordinary table of the consultant's data, one at a time. A check
 * of the whole file would also run each virtual table's own check, and FTS5's (the search index)
 * re-reads every term of the index: seconds on a large workspace, at every start. The search index's
 * own tables are half the file but derived data: the core host checks them once it is ready, on a
 * connection and thread of their own (core/indexCheck.ts), and rebuilds the index if one is damaged
 * (services/search/upkeep.ts). The thorough check (before a restore) still checks everything, FTS5's
 * own check included.
 */
function quickCheckTables(db: Database): string[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`)
    .pluck()
    .all() as string[];
  const problems = ['sqlite_schema', ...tables.filter((table) => !isSearchIndexTable(table))]
    .flatMap((table) => quickCheckTable(db, table))
    .filter((finding) => finding !== 'ok');
  return problems.length ? problems.slice(0, 3) : ['ok'];
}

/** The index's tables that must exist; FTS5 makes its other shadow tables (idx, docsize, config) itself. */
const SEARCH_INDEX_REQUIRED = ['search_docs', 'search_notes', 'search_fts', 'search_fts_data'] as const;

/**
 * What is wrong with the search index's tables (the table and SQLite's first findings), or null when
 * they are sound. Missing tables count: a rebuild that stopped half-way (the app closed) leaves none.
 * Reads only: the core host runs it on a connection of its own, off the thread that answers calls.
 */
export function searchIndexDamage(db: Database): string | null {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[];
  const missing = SEARCH_INDEX_REQUIRED.filter((name) => !tables.includes(name));
  if (missing.length > 0) return `missing: ${missing.join(', ')}`;
  // Each step of a rebuild commits on its own: a quit (or a full disk) between them leaves the index
  // sound but missing notes, which only this marker tells.
  if (tables.includes(SEARCH_REBUILD_MARKER)) return 'rebuild unfinished';
  for (const table of tables.filter(isSearchIndexTable)) {
    const findings = quickCheckTable(db, table).filter((finding) => finding !== 'ok');
    if (findings.length > 0) return `${table}: ${oneLine(findings.slice(0, 3).join('; '))}`;
  }
  return null;
}

/** A one-row table that exists while a rebuild of the search index is under way (services/search/upkeep.ts). */
export const SEARCH_REBUILD_MARKER = 'search_rebuild_unfinished';

/**
 * A one-row table that exists while a rebuild's VACUUM is owed (it failed: a full disk, say). The old
 * index's pages are then in the file but in no table, and read as "never used" to a whole-file check.
 */
export const VACUUM_OWED_MARKER = 'search_vacuum_owed';

/** How SQLite's check names a page that no table and not the free list holds. */
const NEVER_USED = /^Page \d+: never used$/;

/**
 * What a whole-file `quick_check` finds that the per-table checks cannot (a page used twice, the free
 * list handing out a page in use), or null when the file is sound. Without it, such a file opens and later
 * writes overwrite notes. Slow on a large workspace: the core host runs it on a thread of its own
 * (core/indexCheck.ts). Pages a failed VACUUM left unreferenced are not damage while the VACUUM is owed.
 */
export function fileDamage(db: Database): string | null {
  let findings: string[];
  try {
    findings = checkAll(db, 'quick_check(100000)')
      .flatMap((finding) => finding.split('\n'))
      .map((finding) => finding.replace(/\*\*\* in database main \*\*\*/, '').trim())
      .filter((finding) => finding !== '' && finding !== 'ok');
  } catch (error) {
    if (isCorruption(error)) return oneLine((error as Error).message);
    throw error;
  }
  const owed = db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').pluck().get(VACUUM_OWED_MARKER);
  if (owed !== undefined) findings = findings.filter((finding) => !NEVER_USED.test(finding));
  return findings.length > 0 ? oneLine(findings.slice(0, 3).join('; ')) : null;
}

/** The search index's tables (migration 12): derived from the notes and other texts, rebuilt if damaged. */
export function isSearchIndexTable(name: string): boolean {
  return name === 'search_docs' || name === 'search_notes' || name.startsWith('search_fts_');
}

/**
 * `quick_check` of one table and its indexes: `['ok']` or SQLite's findings. A page so damaged that
 * SQLite gives up is reported as a finding too, not thrown. Checking one table at a time leaves out what
 * only a whole-file pass sees (pages used twice across tables, the free-page list): `fileDamage` checks
 * that after the start, and the core host stops writing if it finds any.
 */
export function quickCheckTable(db: Database, table: string): string[] {
  try {
    return checkAll(db, `quick_check("${table.replaceAll('"', '""')}")`);
  } catch (error) {
    if (isCorruption(error)) return [oneLine((error as Error).message)];
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
