/**
 * Schema version 11: the engagements a benchmark compares with, when the consultant has picked them.
 * A JSON array of engagement ids on the engagement itself; NULL means "the default by time" (those
 * that ended before this one began). An id of an engagement deleted since is ignored where the list is
 * read, so deleting or restoring an engagement through the Trash needs no second table kept in step.
 */
export const sql = `
ALTER TABLE engagements ADD COLUMN benchmark_comparators TEXT
  CHECK (benchmark_comparators IS NULL OR json_valid(benchmark_comparators));
`;
