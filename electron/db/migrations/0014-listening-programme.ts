/**
 * Schema version 14: the listening programme (issue 18) — an interview guide per engagement and its
 * answers, waves (an engagement that follows an earlier one), and the action register.
 *
 * - A guide is sections of questions owned by one engagement. Which paragraphs of the notes answer a
 *   question is recorded in the notes themselves (a block attribute, shared/editor/schema.ts), so the
 *   document stays the one source of its text; scale answers are rows here. A question that `feeds`
 *   the interview's NPS or satisfaction keeps its answer in that interview column, never twice.
 * - Templates are guides saved for reuse; the built-in ones live in code, these are the user's own.
 * - A wave names the engagement it follows. What it carried over names its origin (`origin_id`), so
 *   the comparison matches an account, person, code or question with its own earlier self.
 * - Actions: what the client does about a finding or a follow-up promised in an interview, with an
 *   owner, a due date and a status; an action carried into the next wave names the one it came from.
 */
export const sql = `
-- No foreign key: an earlier wave in the Trash comes back to its place when restored, and a missing one
-- reads as none (services/waves.ts).
ALTER TABLE engagements ADD COLUMN previous_engagement_id TEXT;
ALTER TABLE accounts ADD COLUMN origin_id TEXT;
ALTER TABLE interviewees ADD COLUMN origin_id TEXT;
ALTER TABLE codes ADD COLUMN origin_id TEXT;
CREATE INDEX engagements_previous ON engagements(previous_engagement_id);

CREATE TABLE guide_sections (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  origin_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX guide_sections_engagement ON guide_sections(engagement_id, sort_order);

CREATE TABLE guide_questions (
  id TEXT PRIMARY KEY,
  section_id TEXT NOT NULL REFERENCES guide_sections(id) ON DELETE CASCADE,
  engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  help TEXT NOT NULL DEFAULT '',
  scale TEXT NOT NULL CHECK (scale IN ('open','nps','five','yesno')),
  feeds TEXT CHECK (feeds IN ('nps','satisfaction')),
  sort_order INTEGER NOT NULL,
  origin_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX guide_questions_section ON guide_questions(section_id, sort_order);
CREATE INDEX guide_questions_engagement ON guide_questions(engagement_id);

CREATE TABLE guide_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('fi','en')),
  -- The sections and questions as JSON: a template is copied whole, never queried inside.
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Scale answers (NPS 0–10, 1–5, yes = 1 / no = 0); open answers are paragraphs of the notes.
CREATE TABLE answers (
  interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL REFERENCES guide_questions(id) ON DELETE CASCADE,
  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (interview_id, question_id)
) WITHOUT ROWID;
CREATE INDEX answers_question ON answers(question_id);

CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  source TEXT NOT NULL CHECK (source IN ('recommendation','follow_up','manual')),
  finding_id TEXT REFERENCES findings(id) ON DELETE SET NULL,
  account_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
  interview_id TEXT REFERENCES interviews(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  due_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('open','in_progress','done','dropped')),
  -- Set on an action carried over from the previous wave, until this wave has reviewed its status.
  carried_from_id TEXT REFERENCES actions(id) ON DELETE SET NULL,
  reviewed_at TEXT,
  review_note TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX actions_engagement ON actions(engagement_id, sort_order);
CREATE INDEX actions_finding ON actions(finding_id);
CREATE INDEX actions_interview ON actions(interview_id);
`;
