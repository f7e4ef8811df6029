import type { Database } from 'better-sqlite3';
import { KuuloError } from '../base/errors.ts';

/**
 * Records every row an operation changes — including what foreign keys cascade — so that it can be
 * undone exactly. Temporary triggers on each table (this connection only) log the old and new row as
 * JSON while a capture is on; reverting replays the log backwards. Found from the schema, so a table
 * added later is covered without a line here.
 */
export interface RowChange {
  table: string;
  op: 'insert' | 'update' | 'delete';
  old: Row | null;
  new: Row | null;
}
type Row = Record<string, unknown>;

/** Tables whose rows are never part of an undo: the Trash itself. */
const NOT_RECORDED = new Set(['trash']);
/**
 * Nor the search index (migration 12): it is derived from the rows it indexes, and the search service
 * brings it in step with whatever an undo puts back (its full-text tables cannot take triggers anyway).
 */
export const isSearchIndex = (table: string): boolean => table.startsWith('search_');

/**
 * Columns that say when or how often, or that are derived from another column, per table: a row that
 * differs only in them has not been changed since (an erasure re-saves notes; the text follows the
 * document). A `revision` only ever grows, so an editor with an older copy is still refused.
 */
const BOOKKEEPING: Record<string, readonly string[]> = {
  '*': ['updated_at'],
  notes: ['revision', 'text', 'word_count'],
};

const prepared = new WeakSet<Database>();

function tables(db: Database): string[] {
  return db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
}

const columns = (db: Database, table: string): { name: string; pk: number }[] =>
  db.pragma(`table_info("${table}")`) as { name: string; pk: number }[];

function installTriggers(db: Database): void {
  // Created inside the caller's transaction: one that then fails rolls the temporary tables and
  // triggers back too, so their presence is checked, not only remembered.
  if (prepared.has(db) && db.prepare(`SELECT 1 FROM temp.sqlite_master WHERE name = 'change_log'`).get())
    return;
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS change_log (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, old TEXT, new TEXT);
           CREATE TEMP TABLE IF NOT EXISTS change_capture (active INTEGER)`);
  const when = 'WHEN EXISTS (SELECT 1 FROM temp.change_capture)';
  for (const table of tables(db)) {
    if (NOT_RECORDED.has(table) || isSearchIndex(table)) continue;
    const json = (alias: string) =>
      `json_object(${columns(db, table)
        .map((c) => `'${c.name}', ${alias}."${c.name}"`)
        .join(', ')})`;
    const log = (op: string, old: string, now: string) =>
      `INSERT INTO temp.change_log (tbl, op, old, new) VALUES ('${table}', '${op}', ${old}, ${now});`;
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS "undo_${table}_insert" AFTER INSERT ON main."${table}" ${when}
        BEGIN ${log('insert', 'NULL', json('NEW'))} END;
      CREATE TEMP TRIGGER IF NOT EXISTS "undo_${table}_update" AFTER UPDATE ON main."${table}" ${when}
        BEGIN ${log('update', json('OLD'), json('NEW'))} END;
      CREATE TEMP TRIGGER IF NOT EXISTS "undo_${table}_delete" AFTER DELETE ON main."${table}" ${when}
        BEGIN ${log('delete', json('OLD'), 'NULL')} END;`);
  }
  prepared.add(db);
}

/** Runs `work` (inside the caller's transaction) and returns every row change it made. */
export function recordChanges<T>(db: Database, work: () => T): { result: T; changes: RowChange[] } {
  installTriggers(db);
  db.exec('DELETE FROM temp.change_log; INSERT INTO temp.change_capture VALUES (1)');
  try {
    const result = work();
    const logged = db.prepare('SELECT tbl, op, old, new FROM temp.change_log ORDER BY seq').all() as {
      tbl: string;
      op: RowChange['op'];
      old: string | null;
      new: string | null;
    }[];
    const changes = logged.map((r) => ({
      table: r.tbl,
      op: r.op,
      old: r.old === null ? null : (JSON.parse(r.old) as Row),
      new: r.new === null ? null : (JSON.parse(r.new) as Row),
    }));
    return { result, changes };
  } finally {
    db.exec('DELETE FROM temp.change_capture; DELETE FROM temp.change_log');
  }
}

/**
 * Undoes recorded changes (inside the caller's transaction), newest first. A row that has changed
 * since, or an id taken again, stops the undo with a conflict: it never overwrites later work.
 */
export function revertChanges(db: Database, changes: readonly RowChange[]): void {
  // Rows come back parents-last in the log order reversed; foreign keys are checked at commit.
  db.pragma('defer_foreign_keys = ON');
  const keys = new Map<string, string[]>();
  const keyOf = (table: string): string[] => {
    let key = keys.get(table);
    if (!key) {
      const all = columns(db, table);
      const pk = all.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      key = (pk.length ? pk : all).map((c) => c.name);
      keys.set(table, key);
    }
    return key;
  };
  const where = (table: string) =>
    keyOf(table)
      .map((c) => `"${c}" IS ?`)
      .join(' AND ');
  const keyValues = (table: string, row: Row) => keyOf(table).map((c) => row[c] ?? null);
  const current = (table: string, row: Row) =>
    db.prepare(`SELECT * FROM "${table}" WHERE ${where(table)}`).get(...keyValues(table, row)) as
      | Row
      | undefined;

  for (const change of [...changes].reverse()) {
    const { table } = change;
    if (change.op === 'delete') {
      const old = change.old!;
      if (current(table, old)) throw changedSince();
      const names = Object.keys(old);
      db.prepare(
        `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      ).run(...names.map((n) => old[n] ?? null));
      continue;
    }
    const now = change.new!;
    const found = current(table, now);
    if (!found || !sameRow(table, found, now)) throw changedSince();
    if (change.op === 'insert') {
      db.prepare(`DELETE FROM "${table}" WHERE ${where(table)}`).run(...keyValues(table, now));
      continue;
    }
    const old = change.old!;
    const names = Object.keys(old);
    db.prepare(
      `UPDATE "${table}" SET ${names.map((n) => `"${n}" = ?`).join(', ')} WHERE ${where(table)}`,
    ).run(...names.map((n) => old[n] ?? null), ...keyValues(table, now));
    if (typeof found.revision === 'number')
      db.prepare(`UPDATE "${table}" SET revision = ? WHERE ${where(table)}`).run(
        Math.max(found.revision, Number(old.revision ?? 0)) + 1,
        ...keyValues(table, old),
      );
  }
}

function sameRow(table: string, stored: Row, recorded: Row): boolean {
  const loose = [...BOOKKEEPING['*']!, ...(BOOKKEEPING[table] ?? [])];
  return Object.keys(recorded).every(
    (name) => loose.includes(name) || (stored[name] ?? null) === (recorded[name] ?? null),
  );
}

const changedSince = (): KuuloError => new KuuloError('undoChangedSince');
