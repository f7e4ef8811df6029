import type { Database } from 'better-sqlite3';
import codes from './0002-default-codebook.json' with { type: 'json' };

/**
 * Schema version 2: a new workspace starts with the default codebook. The rows are a frozen copy
 * (ids already derived), so this migration writes the same codes whatever the codebook resource says
 * later; changes to the default codebook belong in a later migration.
 */
export function up(db: Database, now: string): void {
  const insert = db.prepare(
    `INSERT INTO codes (id, parent_id, key, name_fi, name_en, description_fi, description_en, color, hotkey,
       is_group, sort_order, created_at, updated_at)
     VALUES (@id, @parentId, @key, @nameFi, @nameEn, @descriptionFi, @descriptionEn, @color, @hotkey,
       @isGroup, @sortOrder, @now, @now)`,
  );
  for (const code of codes) insert.run({ ...code, isGroup: code.isGroup ? 1 : 0, now });
}
