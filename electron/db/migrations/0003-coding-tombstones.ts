/**
 * Schema version 3: a coding whose mark leaves the document is kept as a tombstone (`deleted_at`),
 * so undo and redo in the editor can bring it back with its sentiment, memo and star intact.
 */
export const sql = `
ALTER TABLE codings ADD COLUMN deleted_at TEXT;
DROP INDEX codings_code;
CREATE INDEX codings_live_code ON codings(code_id, interview_id) WHERE deleted_at IS NULL;
CREATE INDEX codings_live_interview ON codings(interview_id, start) WHERE deleted_at IS NULL;
`;
