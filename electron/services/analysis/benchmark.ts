import type { Benchmark, PrevalenceRow } from '../../../shared/analysis.ts';
import { refOf, round, type Scope, statement, WORKSPACE_HITS } from './common.ts';

/**
 * For every shared code: the sum over the OTHER engagements with held interviews of their share of
 * interviews with the code (engagements where it never occurs add 0), and how many such engagements.
 */
const SQL = `WITH ${WORKSPACE_HITS},
  others AS (SELECT engagement_id, n FROM held_n WHERE engagement_id <> @engagementId),
  sums AS (
    SELECT h.code_id, sum(h.interviews * 100.0 / o.n) AS total
    FROM hits h JOIN others o ON o.engagement_id = h.engagement_id GROUP BY h.code_id)
  SELECT o.others, k.id AS codeId, coalesce(s.total, 0) AS total
  FROM (SELECT count(*) AS others FROM others) o
  LEFT JOIN codes k ON k.engagement_id IS NULL AND k.is_group = 0
  LEFT JOIN sums s ON s.code_id = k.id`;

interface Row {
  others: number;
  /** Null only when the workspace has no shared codes at all. */
  codeId: string | null;
  total: number;
}

/** This engagement's prevalence per code next to the mean of the other engagements', and the gap. */
export function benchmark({ db, engagementId }: Scope, prevalence: readonly PrevalenceRow[]): Benchmark {
  const rows = statement(db, SQL).all({ engagementId }) as Row[];
  const others = rows[0]?.others ?? 0;
  const mean = new Map(rows.map((row) => [row.codeId, row.total / others]));
  return {
    others,
    rows: prevalence.map((row) => {
      const othersMean = others > 0 ? mean.get(row.codeId) : undefined;
      // The mean as it is: it is rounded once, where it is shown (shared/format.ts).
      const othersPct = othersMean ?? null;
      return {
        ...refOf(row),
        thisPct: row.interviewsPct,
        othersPct,
        diff: othersPct === null ? null : round(row.interviewsPct - othersPct, 1),
      };
    }),
  };
}
