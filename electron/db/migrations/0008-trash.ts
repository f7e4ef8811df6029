/**
 * Schema version 8: the Trash. A deletion, merge or retirement is kept for 30 days as the rows it
 * changed (before and after), so it can be undone exactly (see electron/db/changes.ts). No foreign key
 * to the engagement: it may be in the Trash itself.
 */
export const sql = `
CREATE TABLE trash (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  engagement_id TEXT,
  deleted_at TEXT NOT NULL,
  changes TEXT NOT NULL
);
CREATE INDEX trash_deleted_at ON trash(deleted_at);
`;
