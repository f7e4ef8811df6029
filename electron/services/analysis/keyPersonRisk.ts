import type { Database } from 'better-sqlite3';
import type { KeyPersonRiskRow } from '../../../shared/analysis.ts';
import { HELD, type Scope, statement } from './common.ts';

const PERSON_KEY = 'kuulo_person_key';
const registered = new WeakSet<Database>();

/**
 * One client person may be written "Maija Mäki" in one interview and "maija  mäki " in the next.
 * SQLite's lower() folds ASCII only, so the key is made in JavaScript: Unicode lower case, composed
 * letters (ä typed as a + ¨ equals ä), trimmed, inner spaces collapsed.
 */
function registerPersonKey(db: Database): void {
  if (registered.has(db)) return;
  db.function(PERSON_KEY, { deterministic: true }, (name: unknown) =>
    typeof name === 'string' ? name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase() : null,
  );
  registered.add(db);
}

/**
 * Per account with held interviews: the distinct client people its interviewees know, and how many of
 * them at each level (a person known at both levels counts in both). Riskiest first: fewest people,
 * then ties at one level only, key accounts before others.
 */
const SQL = `WITH ${HELD},
  interviewed AS (SELECT account_id, count(*) AS interviews FROM held GROUP BY account_id),
  known AS (
    SELECT h.account_id, ${PERSON_KEY}(r.client_person) AS person, r.level
    FROM held h JOIN relationships r ON r.interview_id = h.id),
  per_account AS (
    SELECT x.account_id, x.interviews, count(DISTINCT k.person) AS people,
      count(DISTINCT k.person) FILTER (WHERE k.level = 'strategic') AS strategic,
      count(DISTINCT k.person) FILTER (WHERE k.level = 'operational') AS operational
    FROM interviewed x LEFT JOIN known k ON k.account_id = x.account_id
    GROUP BY x.account_id)
  SELECT a.id AS accountId, a.name AS account, a.tier, p.interviews, p.people, p.strategic, p.operational
  FROM per_account p JOIN accounts a ON a.id = p.account_id
  ORDER BY p.people, (p.strategic > 0) + (p.operational > 0),
    CASE a.tier WHEN 'key' THEN 0 WHEN 'named' THEN 1 ELSE 2 END, a.name, a.id`;

export function keyPersonRisk({ db, engagementId }: Scope): KeyPersonRiskRow[] {
  registerPersonKey(db);
  const rows = statement(db, SQL).all({ engagementId }) as Omit<
    KeyPersonRiskRow,
    'singlePerson' | 'noContacts'
  >[];
  // With nobody recorded we do not know who holds the relationship: that is missing data, not a risk
  // of one person.
  return rows.map((row) => ({ ...row, singlePerson: row.people === 1, noContacts: row.people === 0 }));
}
