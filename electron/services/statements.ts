import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement kept for the connection's life. For statements run on every autosave: preparing
 * them each time was a tenth of a long note's save. Only for SQL run with `get`/`all`/`run` (a statement
 * being iterated is busy) and always read the same way: a statement plucked once stays plucked.
 */
export function statement(db: Database, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}
