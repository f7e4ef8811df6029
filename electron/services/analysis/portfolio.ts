import type { Portfolio, PortfolioEngagement } from '../../../shared/analysis.ts';
import { isSmallN } from '../../../shared/sample.ts';
import type { ServiceContext } from '../context.ts';
import {
  CODE_COLUMNS,
  type CodeColumns,
  codeRef,
  inSample,
  pct,
  statement,
  WORKSPACE_HITS,
} from './common.ts';
import { netPromoterScore } from './scores.ts';

const ENGAGEMENTS = `WITH held AS (SELECT engagement_id, account_id, nps FROM interviews i WHERE ${inSample('i')}),
  answers AS (
    SELECT engagement_id, count(*) AS interviews, count(nps) AS npsN,
      count(*) FILTER (WHERE nps >= 9) AS promoters, count(*) FILTER (WHERE nps BETWEEN 7 AND 8) AS passives,
      count(*) FILTER (WHERE nps <= 6) AS detractors
    FROM held GROUP BY engagement_id),
  reach AS (
    SELECT x.engagement_id, count(*) AS accounts, coalesce(sum(a.revenue), 0) AS revenue,
      count(*) FILTER (WHERE a.revenue IS NULL) AS revenueUnknown
    FROM (SELECT DISTINCT engagement_id, account_id FROM held) x JOIN accounts a ON a.id = x.account_id
    GROUP BY x.engagement_id)
  SELECT e.id AS engagementId, e.client_name AS clientName, e.title, e.language,
    coalesce(s.interviews, 0) AS interviews, coalesce(r.accounts, 0) AS accounts,
    coalesce(r.revenue, 0) AS revenue, coalesce(r.revenueUnknown, 0) AS revenueUnknown, coalesce(s.npsN, 0) AS npsN,
    coalesce(s.promoters, 0) AS promoters, coalesce(s.passives, 0) AS passives,
    coalesce(s.detractors, 0) AS detractors
  FROM engagements e LEFT JOIN answers s ON s.engagement_id = e.id LEFT JOIN reach r ON r.engagement_id = e.id
  ORDER BY e.client_name, e.title, e.id`;

/** Shared codes; a retired one only while some held interview still has it. */
const CODES = `SELECT ${CODE_COLUMNS} FROM codes k
  WHERE k.engagement_id IS NULL AND k.is_group = 0
    AND (k.retired = 0 OR EXISTS (
      SELECT 1 FROM codings c JOIN interviews i ON i.id = c.interview_id
      WHERE c.code_id = k.id AND c.deleted_at IS NULL AND ${inSample('i')}))
  ORDER BY k.sort_order, k.name_en`;

const HITS = `WITH ${WORKSPACE_HITS} SELECT engagement_id AS engagementId, code_id AS codeId, interviews FROM hits`;

interface EngagementRow {
  engagementId: string;
  clientName: string;
  title: string;
  language: 'fi' | 'en';
  interviews: number;
  accounts: number;
  revenue: number;
  revenueUnknown: number;
  npsN: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** Every engagement with its base and NPS, and the share of its held interviews with each shared code. */
export function portfolio({ db }: ServiceContext): Portfolio {
  const engagements = (statement(db, ENGAGEMENTS).all() as EngagementRow[]).map(
    ({ interviews, accounts, revenue, revenueUnknown, ...row }): PortfolioEngagement => ({
      ...row,
      base: { interviews, accounts, revenue, revenueUnknown },
      nps: netPromoterScore(row.promoters, row.detractors, row.npsN),
      smallN: isSmallN(interviews),
    }),
  );
  const codes = (statement(db, CODES).all() as CodeColumns[]).map(codeRef);
  const hits = new Map<string, number>();
  for (const row of statement(db, HITS).all() as {
    engagementId: string;
    codeId: string;
    interviews: number;
  }[]) {
    hits.set(`${row.engagementId}\u0000${row.codeId}`, row.interviews);
  }
  return {
    engagements,
    codes,
    pct: engagements.map((e) =>
      codes.map((code) => pct(hits.get(`${e.engagementId}\u0000${code.codeId}`) ?? 0, e.base.interviews)),
    ),
  };
}
