import type { EngagementStats } from '../../../shared/analysis.ts';
import type { ServiceContext } from '../context.ts';
import { benchmark } from './benchmark.ts';
import { analysisScope, sampleCounts } from './common.ts';
import { cooccurrence } from './cooccurrence.ts';
import { coverage } from './coverage.ts';
import { crosstabs } from './crosstabs.ts';
import { keyPersonRisk } from './keyPersonRisk.ts';
import { prevalence } from './prevalence.ts';
import { scores } from './scores.ts';

export { benchmark, benchmarkChoice, setBenchmarkComparators } from './benchmark.ts';
export { analysisScope, type Scope } from './common.ts';
export { cooccurrence } from './cooccurrence.ts';
export { coverage } from './coverage.ts';
export { crosstabs } from './crosstabs.ts';
export { keyPersonRisk } from './keyPersonRisk.ts';
export { portfolio } from './portfolio.ts';
export { prevalence } from './prevalence.ts';
export { scores } from './scores.ts';

/**
 * Every figure of one engagement's analysis screen, the `stats` CLI and the report. Prevalence comes
 * first: the other code tables list its codes in its order.
 */
export function engagementStats(ctx: ServiceContext, engagementId: string): EngagementStats {
  const scope = analysisScope(ctx, engagementId);
  const codes = prevalence(scope);
  return {
    engagementId,
    sample: sampleCounts(ctx.db, engagementId),
    base: scope.base,
    prevalence: codes,
    crosstabs: crosstabs(scope, codes),
    cooccurrence: cooccurrence(scope, codes),
    scores: scores(scope),
    keyPersonRisk: keyPersonRisk(scope),
    coverage: coverage(scope),
    benchmark: benchmark(scope, codes),
  };
}
