import type { Database } from 'better-sqlite3';

/**
 * Schema version 10: a finding's figure is a defined claim — which of its codes, in which sentiment,
 * over which part of the sample, counted in interviews, accounts or revenue. Before this, the figure
 * counted every held interview with any linked code in any sentiment, which overstated it.
 *
 * Claim codes reference the finding's own links, so unlinking a code (or merging it away) takes it
 * out of the claim too. Existing findings get the default the service also gives new ones: the first
 * linked code, in the sentiment its polarity reads as, over the whole sample, in interviews.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE findings ADD COLUMN claim_sentiment TEXT NOT NULL DEFAULT 'any'
      CHECK (claim_sentiment IN ('any','negative','neutral','positive'));
    ALTER TABLE findings ADD COLUMN claim_segment_kind TEXT
      CHECK (claim_segment_kind IN ('tier','roleLevel','importance','lifecycle'));
    ALTER TABLE findings ADD COLUMN claim_segment_value TEXT;
    ALTER TABLE findings ADD COLUMN claim_unit TEXT NOT NULL DEFAULT 'interviews'
      CHECK (claim_unit IN ('interviews','accounts','revenue'));
    CREATE TABLE finding_claim_codes (
      finding_id TEXT NOT NULL,
      code_id TEXT NOT NULL,
      FOREIGN KEY (finding_id, code_id) REFERENCES finding_codes(finding_id, code_id)
        ON DELETE CASCADE ON UPDATE CASCADE,
      PRIMARY KEY (finding_id, code_id)
    ) WITHOUT ROWID;
  `);
  // finding_codes keeps no order of its own: "first" is the first the board shows (by code id).
  const findings = db.prepare('SELECT id FROM findings').pluck().all() as string[];
  const first = db.prepare(
    `SELECT fc.code_id AS codeId, k.polarity FROM finding_codes fc JOIN codes k ON k.id = fc.code_id
     WHERE fc.finding_id = ? ORDER BY fc.code_id LIMIT 1`,
  );
  const addCode = db.prepare('INSERT INTO finding_claim_codes (finding_id, code_id) VALUES (?, ?)');
  const setSentiment = db.prepare('UPDATE findings SET claim_sentiment = ? WHERE id = ?');
  for (const id of findings) {
    const code = first.get(id) as { codeId: string; polarity: string } | undefined;
    if (!code) continue;
    addCode.run(id, code.codeId);
    setSentiment.run(sentimentOfPolarity(code.polarity), id);
  }
}

/** Written out here (not imported) so this migration does the same on every file whatever the code says later. */
function sentimentOfPolarity(polarity: string): string {
  return polarity === 'problem' ? 'negative' : polarity === 'strength' ? 'positive' : 'any';
}
