import type { Database } from 'better-sqlite3';

/**
 * Schema version 9: a code has a polarity, so a change in it can be read as better or worse. The
 * default codebook's codes get theirs by their stable key; codes the consultants made, and groups,
 * stay neutral until someone says otherwise. The list is written out here rather than read from the
 * codebook resource, so this migration does the same on every file whatever the resource says later.
 */
export const POLARITY_BY_KEY: Readonly<Record<string, 'problem' | 'strength'>> = {
  'key-person-risk': 'problem',
  'narrow-relationship': 'problem',
  'single-level-relationship': 'problem',
  'personnel-change': 'problem',
  'handoff-failure': 'problem',
  silos: 'problem',
  'repeat-the-story': 'problem',
  'unvoiced-irritation': 'problem',
  'assumed-knowledge': 'problem',
  'unmeasured-dissatisfaction': 'problem',
  'offering-not-relevant': 'problem',
  'silent-churn-risk': 'problem',
  'trust-and-delight': 'strength',
  'perceived-value': 'strength',
  // Neutral on purpose: an opportunity, growth, or "commitment vs lock-in" (read through its sentiment)
  // is neither good nor bad news by itself.
};

export function up(db: Database): void {
  db.exec(`ALTER TABLE codes ADD COLUMN polarity TEXT NOT NULL DEFAULT 'neutral'
    CHECK (polarity IN ('problem','strength','neutral'))`);
  // Only shared codes carry a default's key; a group of that name keeps neutral.
  const set = db.prepare(
    'UPDATE codes SET polarity = ? WHERE key = ? AND engagement_id IS NULL AND is_group = 0',
  );
  for (const [key, polarity] of Object.entries(POLARITY_BY_KEY)) set.run(polarity, key);
}
