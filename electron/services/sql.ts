import type { Database } from 'better-sqlite3';

/**
 * Updates the given fields of one row. `columns` maps each patchable field to its column, so only
 * known columns ever reach the SQL text. Returns false when no row has that id.
 */
export function updateRow(
  db: Database,
  table: string,
  columns: Record<string, string>,
  id: string,
  patch: Record<string, unknown>,
  now: string,
): boolean {
  const sets: string[] = ['updated_at = @__now'];
  const params: Record<string, unknown> = { __id: id, __now: now };
  for (const [field, value] of Object.entries(patch)) {
    const column = columns[field];
    if (!column || value === undefined) continue;
    sets.push(`${column} = @${field}`);
    params[field] = value;
  }
  return db.prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = @__id`).run(params).changes > 0;
}
