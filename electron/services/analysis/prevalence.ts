import type { PrevalenceRow } from '../../../shared/analysis.ts';
import { CODE_COLUMNS, type CodeColumns, codeRef, HELD, pct, type Scope, statement } from './common.ts';

interface Row extends CodeColumns {
  interviews: number;
  accounts: number;
  codings: number;
  revenue: number;
  negative: number;
  neutral: number;
  positive: number;
  none: number;
}

/**
 * One row per code of the engagement's codebook (shared codes and its own; a retired code only while
 * it still has codings here), most common first. Counts are of held interviews and their accounts.
 */
const SQL = `WITH ${HELD},
  live AS (
    SELECT c.code_id, c.interview_id, h.account_id, c.sentiment
    FROM held h JOIN codings c ON c.interview_id = h.id AND c.deleted_at IS NULL),
  per_code AS (
    SELECT code_id, count(*) AS codings, count(DISTINCT interview_id) AS interviews,
      count(DISTINCT account_id) AS accounts,
      count(*) FILTER (WHERE sentiment = 'negative') AS negative,
      count(*) FILTER (WHERE sentiment = 'neutral') AS neutral,
      count(*) FILTER (WHERE sentiment = 'positive') AS positive,
      count(*) FILTER (WHERE sentiment IS NULL) AS none
    FROM live GROUP BY code_id),
  revenue AS (
    SELECT x.code_id, coalesce(sum(a.revenue), 0) AS revenue
    FROM (SELECT DISTINCT code_id, account_id FROM live) x JOIN accounts a ON a.id = x.account_id
    GROUP BY x.code_id)
  SELECT ${CODE_COLUMNS}, coalesce(p.interviews, 0) AS interviews, coalesce(p.accounts, 0) AS accounts,
    coalesce(p.codings, 0) AS codings, coalesce(r.revenue, 0) AS revenue,
    coalesce(p.negative, 0) AS negative, coalesce(p.neutral, 0) AS neutral,
    coalesce(p.positive, 0) AS positive, coalesce(p.none, 0) AS none
  FROM codes k
  LEFT JOIN per_code p ON p.code_id = k.id
  LEFT JOIN revenue r ON r.code_id = k.id
  WHERE k.is_group = 0 AND (k.engagement_id IS NULL OR k.engagement_id = @engagementId)
    AND (k.retired = 0 OR p.code_id IS NOT NULL)
  ORDER BY interviews DESC, k.sort_order, k.name_en`;

export function prevalence({ db, engagementId, base }: Scope): PrevalenceRow[] {
  const rows = statement(db, SQL).all({ engagementId }) as Row[];
  return rows.map((row) => ({
    ...codeRef(row),
    interviews: row.interviews,
    accounts: row.accounts,
    codings: row.codings,
    interviewsPct: pct(row.interviews, base.interviews),
    accountsPct: pct(row.accounts, base.accounts),
    revenuePct: pct(row.revenue, base.revenue),
    revenue: row.revenue,
    sentiment: { negative: row.negative, neutral: row.neutral, positive: row.positive, none: row.none },
    base: { ...base },
  }));
}
