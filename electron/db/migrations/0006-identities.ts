/**
 * Schema version 6: the identity register. People and organisations marked in notes (a mention mark
 * carries only the id of an `identities` row), the mentions derived from the notes on every save, and
 * the consultant's review decisions per engagement (mask, keep as is, or link to a person).
 */
export const sql = `
CREATE TABLE identities (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('person','org')),
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  aliases TEXT NOT NULL DEFAULT '[]',
  interviewee_id TEXT REFERENCES interviewees(id) ON DELETE SET NULL,
  account_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX identities_engagement ON identities(engagement_id);

CREATE TABLE mentions (
  interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  identity_id TEXT NOT NULL,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL
);
CREATE INDEX mentions_interview ON mentions(interview_id);
CREATE INDEX mentions_identity ON mentions(identity_id);

CREATE TABLE identity_decisions (
  engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('mask','keep','link')),
  link_to TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (engagement_id, key)
) WITHOUT ROWID;
`;
