/** Schema version 1: the engagement → account → interviewee / interview tree, codebook and codings. */
export const sql = `
CREATE TABLE engagements (
  id TEXT PRIMARY KEY,
  client_name TEXT NOT NULL,
  title TEXT NOT NULL,
  industry TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL CHECK (language IN ('fi','en')),
  period_start TEXT,
  period_end TEXT,
  status TEXT NOT NULL CHECK (status IN ('planned','active','completed')),
  purpose TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  tier TEXT NOT NULL CHECK (tier IN ('key','named','unmanaged')),
  importance TEXT CHECK (importance IN ('++','+-','-+','--')),
  lifecycle TEXT CHECK (lifecycle IN ('identification','first_contact','onboarding','development','ending')),
  revenue INTEGER CHECK (revenue >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (id, engagement_id)
);
CREATE INDEX accounts_engagement ON accounts(engagement_id);

CREATE TABLE interviewees (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  role_level TEXT NOT NULL CHECK (role_level IN ('strategic','influencer','operational')),
  consent TEXT NOT NULL CHECK (consent IN ('pending','given','declined')),
  anon_label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX interviewees_account ON interviewees(account_id);

CREATE TABLE interviews (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  interviewer TEXT NOT NULL DEFAULT '',
  date TEXT,
  start_time TEXT,
  mode TEXT NOT NULL CHECK (mode IN ('onsite','video','phone')),
  duration_min INTEGER CHECK (duration_min >= 0),
  status TEXT NOT NULL CHECK (status IN ('planned','in_progress','done','coded')),
  nps INTEGER CHECK (nps BETWEEN 0 AND 10),
  satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- the account must belong to the same engagement
  FOREIGN KEY (account_id, engagement_id) REFERENCES accounts(id, engagement_id) ON DELETE CASCADE
);
CREATE INDEX interviews_engagement ON interviews(engagement_id, date);
CREATE INDEX interviews_account ON interviews(account_id, engagement_id);

CREATE TABLE interview_interviewees (
  interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  interviewee_id TEXT NOT NULL REFERENCES interviewees(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (interview_id, interviewee_id)
) WITHOUT ROWID;
CREATE INDEX interview_interviewees_person ON interview_interviewees(interviewee_id);

-- Notes live apart from interview metadata so that lists never read the documents.
CREATE TABLE notes (
  interview_id TEXT PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
  doc TEXT NOT NULL,
  text TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE relationships (
  id TEXT PRIMARY KEY,
  interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  interviewee_id TEXT REFERENCES interviewees(id) ON DELETE SET NULL,
  client_person TEXT NOT NULL,
  client_role TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL CHECK (level IN ('strategic','operational')),
  created_at TEXT NOT NULL
);
CREATE INDEX relationships_interview ON relationships(interview_id);
CREATE INDEX relationships_interviewee ON relationships(interviewee_id);

CREATE TABLE codes (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES codes(id),
  engagement_id TEXT REFERENCES engagements(id) ON DELETE CASCADE,
  key TEXT,
  name_fi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description_fi TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  color TEXT NOT NULL,
  hotkey INTEGER CHECK (hotkey BETWEEN 1 AND 9),
  is_group INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0,1)),
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0,1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX codes_parent ON codes(parent_id);
CREATE INDEX codes_engagement ON codes(engagement_id);

CREATE TABLE codings (
  id TEXT PRIMARY KEY,
  interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  code_id TEXT NOT NULL REFERENCES codes(id),
  sentiment TEXT CHECK (sentiment IN ('negative','neutral','positive')),
  severity INTEGER CHECK (severity BETWEEN 1 AND 3),
  memo TEXT NOT NULL DEFAULT '',
  star INTEGER NOT NULL DEFAULT 0 CHECK (star IN (0,1)),
  quote TEXT NOT NULL DEFAULT '',
  start INTEGER NOT NULL DEFAULT 0,
  end INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX codings_interview ON codings(interview_id);
CREATE INDEX codings_code ON codings(code_id, interview_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
