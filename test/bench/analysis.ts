import * as analysis from '../../electron/services/analysis/index.ts';
import type { DatabaseBench } from './database.ts';
import { floorOf, type Measure, sample, summary, timed } from './stats.ts';

const BUDGET_MS = 100;

/** The prevalence figure set's query as prevalence.ts runs it, here prepared once on the bare connection. */
const PREVALENCE_SQL = `WITH held AS (
    SELECT id, account_id FROM interviews WHERE engagement_id = @engagementId AND status <> 'planned'),
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
  SELECT k.id, k.name_fi, k.name_en, k.color, k.parent_id, coalesce(p.interviews, 0) AS interviews,
    coalesce(p.accounts, 0) AS accounts, coalesce(p.codings, 0) AS codings, coalesce(r.revenue, 0) AS revenue,
    coalesce(p.negative, 0) AS negative, coalesce(p.neutral, 0) AS neutral,
    coalesce(p.positive, 0) AS positive, coalesce(p.none, 0) AS none
  FROM codes k
  LEFT JOIN per_code p ON p.code_id = k.id
  LEFT JOIN revenue r ON r.code_id = k.id
  WHERE k.is_group = 0 AND (k.engagement_id IS NULL OR k.engagement_id = @engagementId)
    AND (k.retired = 0 OR p.code_id IS NOT NULL)
  ORDER BY interviews DESC, k.sort_order, k.name_en`;

/**
 * Times each figure set of the analysis screen (and the whole `engagementStats` and `portfolio` calls
 * through the dispatcher), cycling through the portfolio's engagements.
 */
export function measureAnalysis({ conn, raw, info, config }: DatabaseBench): Measure[] {
  const { ctx } = conn;
  const ids = info.engagementIds;
  const repeats = config.runs.cheap;
  const parts = {
    base: [] as number[],
    prevalence: [] as number[],
    crosstabs: [] as number[],
    'co-occurrence': [] as number[],
    scores: [] as number[],
    'key-person risk': [] as number[],
    coverage: [] as number[],
    benchmark: [] as number[],
    'engagementStats (all of the above, via dispatcher)': [] as number[],
    'portfolio (via dispatcher)': [] as number[],
  };
  // One untimed round compiles the statements and warms SQLite's page cache, as a second visit would.
  for (let round = -1; round < repeats; round++) {
    const engagementId = ids[Math.max(0, round) % ids.length]!;
    const time = (name: keyof typeof parts, run: () => unknown) => {
      const ms = timed(run);
      if (round >= 0) parts[name].push(ms);
    };
    let scope: analysis.Scope | undefined;
    time('base', () => {
      scope = analysis.analysisScope(ctx, engagementId);
    });
    let codes: ReturnType<typeof analysis.prevalence> = [];
    time('prevalence', () => {
      codes = analysis.prevalence(scope!);
    });
    time('crosstabs', () => analysis.crosstabs(scope!, codes));
    time('co-occurrence', () => analysis.cooccurrence(scope!, codes));
    time('scores', () => analysis.scores(scope!));
    time('key-person risk', () => analysis.keyPersonRisk(scope!));
    time('coverage', () => analysis.coverage(scope!));
    time('benchmark', () => analysis.benchmark(scope!, codes));
    time('engagementStats (all of the above, via dispatcher)', () =>
      conn.call('engagementStats', { engagementId }),
    );
    time('portfolio (via dispatcher)', () => conn.call('portfolio', {}));
  }
  const prevalence = raw.prepare(PREVALENCE_SQL);
  const floor = floorOf(
    sample(repeats, (round) => prevalence.all({ engagementId: ids[Math.max(0, round) % ids.length]! })),
    'the prevalence SQL prepared once',
  );
  return Object.entries(parts).map(([name, samples]) => ({
    name: `analysis: ${name}`,
    ...summary(samples),
    budget: BUDGET_MS,
    ...(name === 'prevalence' ? { floor } : {}),
  }));
}
