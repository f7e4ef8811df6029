/** Schema version 5: findings — the consultant's conclusions, with their codes and evidence quotes. */
export const sql = `
CREATE TABLE findings (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  key_message TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  recommendation TEXT NOT NULL DEFAULT '',
  priority TEXT NOT NULL CHECK (priority IN ('high','medium','low')),
  sort_order INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX findings_engagement ON findings(engagement_id, sort_order);

CREATE TABLE finding_codes (
  finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  code_id TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  PRIMARY KEY (finding_id, code_id)
) WITHOUT ROWID;
CREATE INDEX finding_codes_code ON finding_codes(code_id);

CREATE TABLE finding_quotes (
  finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  coding_id TEXT NOT NULL REFERENCES codings(id) ON DELETE CASCADE,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (finding_id, coding_id)
) WITHOUT ROWID;
CREATE INDEX finding_quotes_coding ON finding_quotes(coding_id);
`;
