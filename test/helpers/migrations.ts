import type { Database } from 'better-sqlite3';

/**
 * Takes a workspace back to before migration 14 (the listening programme), for tests that roll a file
 * back to an older version and let the later migrations run again.
 */
export function undoListeningProgramme(db: Database): void {
  db.exec(`
    DROP TABLE actions; DROP TABLE answers; DROP TABLE guide_templates;
    DROP TABLE guide_questions; DROP TABLE guide_sections;
    DROP INDEX engagements_previous;
    ALTER TABLE engagements DROP COLUMN previous_engagement_id;
    ALTER TABLE accounts DROP COLUMN origin_id;
    ALTER TABLE interviewees DROP COLUMN origin_id;
    ALTER TABLE codes DROP COLUMN origin_id;
  `);
}
