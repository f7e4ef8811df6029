import type { CoverageRow } from '../../../shared/analysis.ts';
import { HELD, pct, type Scope, statement } from './common.ts';

/**
 * Per tier: the share of held interviews next to the share of ALL the engagement's accounts (interviewed
 * or not) and of their known revenue, so an under-interviewed tier (typically the unmanaged one)
 * shows; `accountsInterviewed` says how many of the register's accounts are in the sample. An account
 * without a revenue adds nothing to either side of the revenue share and is counted in
 * `revenueUnknown`, so a tier is never shown as 0 % of revenue because nobody knew it.
 */
const SQL = `WITH ${HELD},
  interviewed AS (SELECT account_id, count(*) AS n FROM held GROUP BY account_id)
  SELECT a.tier, coalesce(sum(x.n), 0) AS interviews, count(*) AS accounts,
    count(x.account_id) AS accountsInterviewed,
    coalesce(sum(a.revenue), 0) AS revenue, count(*) FILTER (WHERE a.revenue IS NULL) AS revenueUnknown
  FROM accounts a LEFT JOIN interviewed x ON x.account_id = a.id
  WHERE a.engagement_id = @engagementId
  GROUP BY a.tier
  ORDER BY CASE a.tier WHEN 'key' THEN 0 WHEN 'named' THEN 1 ELSE 2 END`;

type Row = Pick<
  CoverageRow,
  'tier' | 'interviews' | 'accounts' | 'accountsInterviewed' | 'revenue' | 'revenueUnknown'
>;

export function coverage({ db, engagementId }: Scope): CoverageRow[] {
  const rows = statement(db, SQL).all({ engagementId }) as Row[];
  const total = (field: 'interviews' | 'accounts' | 'revenue') => rows.reduce((sum, r) => sum + r[field], 0);
  const [interviews, accounts, revenue] = [total('interviews'), total('accounts'), total('revenue')];
  return rows.map((row) => ({
    ...row,
    interviewsPct: pct(row.interviews, interviews),
    accountsPct: pct(row.accounts, accounts),
    revenuePct: pct(row.revenue, revenue),
  }));
}
