import type { Database } from 'better-sqlite3';
import { defaultCodebook } from '../../services/defaultCodebook.ts';

/** Schema version 2: a new workspace starts with the default codebook. */
export function up(db: Database, now: string): void {
  const insert = db.prepare(
    `INSERT INTO codes (id, parent_id, key, name_fi, name_en, description_fi, description_en, color, hotkey,
       is_group, sort_order, created_at, updated_at)
     VALUES (@id, @parentId, @key, @nameFi, @nameEn, @descriptionFi, @descriptionEn, @color, @hotkey,
       @isGroup, @sortOrder, @now, @now)`,
  );
  for (const code of defaultCodebook()) insert.run({ ...code, isGroup: code.isGroup ? 1 : 0, now });
}
