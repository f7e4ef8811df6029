/**
 * Schema version 7: the interview clock is stored with the interview (time run before the current
 * stretch, when that stretch began, whether the interview is over), so a reload, a crash or the next
 * day continues it instead of starting again at 0:00.
 */
export const sql = `
ALTER TABLE interviews ADD COLUMN clock_elapsed_ms INTEGER NOT NULL DEFAULT 0 CHECK (clock_elapsed_ms >= 0);
ALTER TABLE interviews ADD COLUMN clock_running_since TEXT;
ALTER TABLE interviews ADD COLUMN clock_stopped INTEGER NOT NULL DEFAULT 0 CHECK (clock_stopped IN (0, 1));
`;
