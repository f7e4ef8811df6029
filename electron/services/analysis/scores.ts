import type { ScoreGroup } from '../../../shared/analysis.ts';
import { TIERS, type Tier } from '../../../shared/domain.ts';
import { SMALL_N } from '../../../shared/sample.ts';
import { HELD, round, type Scope, statement } from './common.ts';

/** NPS: promoters (9–10) minus detractors (0–6), as a whole percentage of everyone who answered. */
export function netPromoterScore(promoters: number, detractors: number, n: number): number | null {
  return n > 0 ? round(((promoters - detractors) / n) * 100) : null;
}

/** Aggregates the held interviews `h` (joined with their accounts `a`) into score counts. */
export const SCORE_COLUMNS = `count(h.nps) AS n,
  count(*) FILTER (WHERE h.nps >= 9) AS promoters,
  count(*) FILTER (WHERE h.nps BETWEEN 7 AND 8) AS passives,
  count(*) FILTER (WHERE h.nps <= 6) AS detractors,
  count(h.satisfaction) AS satisfactionN, avg(h.satisfaction) AS satisfactionMean`;

const SQL = `WITH ${HELD}
  SELECT 'all' AS "group", ${SCORE_COLUMNS} FROM held h
  UNION ALL
  SELECT a.tier, ${SCORE_COLUMNS} FROM held h JOIN accounts a ON a.id = h.account_id GROUP BY a.tier`;

type Row = Omit<ScoreGroup, 'nps' | 'smallN'>;

/** NPS and satisfaction for the engagement and each tier that has held interviews, always with n. */
export function scores({ db, engagementId }: Scope): ScoreGroup[] {
  const rows = statement(db, SQL).all({ engagementId }) as Row[];
  const rank = (group: Tier | 'all') => (group === 'all' ? -1 : TIERS.indexOf(group));
  return rows
    .sort((x, y) => rank(x.group) - rank(y.group))
    .map((row) => ({
      ...row,
      nps: netPromoterScore(row.promoters, row.detractors, row.n),
      satisfactionMean: row.satisfactionMean === null ? null : round(row.satisfactionMean, 1),
      smallN: row.n < SMALL_N,
    }));
}
