import type { Database } from 'better-sqlite3';
import type {
  Benchmark,
  BenchmarkChoice,
  BenchmarkComparator,
  PrevalenceRow,
} from '../../../shared/analysis.ts';
import { KuuloError } from '../../base/errors.ts';
import type { ServiceContext } from '../context.ts';
import { getEngagement } from '../engagements.ts';
import { inSample, refOf, round, type Scope, statement, WORKSPACE_HITS } from './common.ts';

/**
 * For every shared code: the sum over the chosen engagements (`@ids`, a JSON array) with held
 * interviews of their share of interviews with the code (engagements where it never occurs add 0),
 * and how many such engagements.
 */
const SQL = `WITH ${WORKSPACE_HITS},
  others AS (SELECT engagement_id, n FROM held_n WHERE engagement_id IN (SELECT value FROM json_each(@ids))),
  sums AS (
    SELECT h.code_id, sum(h.interviews * 100.0 / o.n) AS total
    FROM hits h JOIN others o ON o.engagement_id = h.engagement_id GROUP BY h.code_id)
  SELECT o.others, k.id AS codeId, coalesce(s.total, 0) AS total
  FROM (SELECT count(*) AS others FROM others) o
  LEFT JOIN codes k ON k.engagement_id IS NULL AND k.is_group = 0
  LEFT JOIN sums s ON s.code_id = k.id`;

/**
 * Every engagement with its period and held interviews. An engagement without a stated period is
 * placed by its interviews: its first interview date stands for its start, its last for its end (a
 * study is over when its last interview is); with neither, it has no place in time.
 */
const PERIODS = `SELECT e.id AS engagementId, e.client_name AS clientName, e.title,
    coalesce(e.period_start, min(i.date)) AS start, coalesce(e.period_end, max(i.date)) AS end,
    count(i.id) FILTER (WHERE ${inSample('i')}) AS interviews,
    e.benchmark_comparators AS picked
  FROM engagements e LEFT JOIN interviews i ON i.engagement_id = e.id
  GROUP BY e.id ORDER BY coalesce(e.period_start, min(i.date)) IS NULL, start, end, e.client_name, e.title`;

interface PeriodRow extends Omit<BenchmarkComparator, 'earlier'> {
  picked: string | null;
}

interface Row {
  others: number;
  /** Null only when the workspace has no shared codes at all. */
  codeId: string | null;
  total: number;
}

/**
 * The other engagements, each marked whether it ended before this one began, and the ones compared
 * with: those the consultant picked, else those earlier ones. A comparator must have ended strictly
 * before this engagement's first day; one with no known end, or this one with no known start, is
 * never earlier (it cannot be shown to be), so it is compared with only when picked.
 */
export function benchmarkChoice(ctx: ServiceContext, engagementId: string): BenchmarkChoice {
  getEngagement(ctx, engagementId);
  return choiceOf(ctx.db, engagementId);
}

function choiceOf(db: Database, engagementId: string): BenchmarkChoice {
  const rows = statement(db, PERIODS).all() as PeriodRow[];
  const self = rows.find((r) => r.engagementId === engagementId)!;
  const candidates = rows
    .filter((r) => r.engagementId !== engagementId)
    .map(({ picked: _, ...r }) => ({
      ...r,
      earlier: r.end !== null && self.start !== null && r.end < self.start,
    }));
  const picked = self.picked === null ? null : (JSON.parse(self.picked) as string[]);
  // A picked engagement deleted since simply drops out.
  const selected = candidates
    .filter((c) => (picked ? picked.includes(c.engagementId) : c.earlier))
    .map((c) => c.engagementId);
  return { candidates, selected, picked: picked !== null };
}

/** Stores the consultant's pick (ids of other engagements), or `null` to go back to the default by time. */
export function setBenchmarkComparators(
  ctx: ServiceContext,
  engagementId: string,
  comparatorIds: readonly string[] | null,
): BenchmarkChoice {
  getEngagement(ctx, engagementId);
  const ids = comparatorIds === null ? null : [...new Set(comparatorIds)];
  if (ids?.includes(engagementId))
    throw new KuuloError('validation', { field: 'comparatorIds', problem: 'notAllowed', limit: null });
  for (const id of ids ?? []) getEngagement(ctx, id);
  ctx.db
    .prepare('UPDATE engagements SET benchmark_comparators = ?, updated_at = ? WHERE id = ?')
    .run(ids === null ? null : JSON.stringify(ids), ctx.now(), engagementId);
  return benchmarkChoice(ctx, engagementId);
}

/** This engagement's prevalence per code next to the mean of the comparators' shares, and the gap. */
export function benchmark(scope: Scope, prevalence: readonly PrevalenceRow[]): Benchmark {
  const choice = choiceOf(scope.db, scope.engagementId);
  // Only engagements with held interviews have shares to average.
  const comparators = choice.candidates.filter(
    (c) => choice.selected.includes(c.engagementId) && c.interviews > 0,
  );
  const rows = statement(scope.db, SQL).all({
    ids: JSON.stringify(comparators.map((c) => c.engagementId)),
  }) as Row[];
  const others = rows[0]?.others ?? 0;
  const mean = new Map(rows.map((row) => [row.codeId, row.total / others]));
  return {
    others,
    comparators,
    interviews: comparators.reduce((sum, c) => sum + c.interviews, 0),
    picked: choice.picked,
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
