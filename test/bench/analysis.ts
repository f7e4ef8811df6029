import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/db/connection.ts';
import * as analysis from '../../electron/services/analysis/index.ts';
import { createContext, type ServiceContext } from '../../electron/services/context.ts';
import { createDispatcher } from '../../electron/services/dispatcher.ts';
import { createHandlers } from '../../electron/services/handlers.ts';
import { type GenerateOptions, generateWorkspace } from './generate.ts';
import { type Measure, percentile } from './stats.ts';

/** Bump when the generator changes, so an old cached workspace is not reused. */
const GENERATOR_VERSION = 1;
const BUDGET_MS = 100;

export const ANALYSIS_SIZES = {
  /** 2,000 interviews, about 100,000 codings: the size the acceptance names. */
  full: {
    engagements: 50,
    interviewsPerEngagement: 40,
    wordsPerInterview: 2500,
    codingsPerInterview: 53,
    seed: 4,
  },
  small: {
    engagements: 5,
    interviewsPerEngagement: 12,
    wordsPerInterview: 300,
    codingsPerInterview: 12,
    seed: 4,
  },
} satisfies Record<string, GenerateOptions>;

/**
 * The generated workspace for these options, built once and kept in the temp folder: building the full
 * size takes a while, timing it takes seconds. Written under a temporary name first, so an interrupted
 * build is never mistaken for a finished one.
 */
export function benchWorkspace(options: GenerateOptions): { path: string; built: boolean } {
  const name = Object.values(options).join('-');
  const path = join(tmpdir(), `kuulo-bench-analysis-v${GENERATOR_VERSION}-${name}.db`);
  if (existsSync(path)) return { path, built: false };
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  const db = openDatabase(building);
  try {
    generateWorkspace(db, options);
  } finally {
    db.close();
  }
  renameSync(building, path);
  return { path, built: true };
}

function time(samples: number[], run: () => unknown): void {
  const start = performance.now();
  run();
  samples.push(performance.now() - start);
}

/**
 * Times each figure set of the analysis screen (and the whole `engagementStats` and `portfolio` calls
 * through the dispatcher) on a generated workspace, cycling through its engagements.
 */
export function measureAnalysis(options: GenerateOptions, repeats = 30): Measure[] {
  const buildStart = performance.now();
  const { path, built } = benchWorkspace(options);
  const buildMs = performance.now() - buildStart;
  const db = openDatabase(path, { backupBeforeMigrate: false });
  try {
    const ctx: ServiceContext = createContext(db);
    const dispatch = createDispatcher(createHandlers(ctx));
    const size = db
      .prepare(
        `SELECT (SELECT count(*) FROM interviews) AS interviews,
           (SELECT count(*) FROM codings WHERE deleted_at IS NULL) AS codings`,
      )
      .get() as { interviews: number; codings: number };
    const engagementIds = db.prepare('SELECT id FROM engagements ORDER BY id').pluck().all() as string[];
    const parts = {
      base: [] as number[],
      prevalence: [] as number[],
      crosstabs: [] as number[],
      'co-occurrence': [] as number[],
      scores: [] as number[],
      'key-person risk': [] as number[],
      coverage: [] as number[],
      benchmark: [] as number[],
      'engagementStats (whole, via dispatcher)': [] as number[],
      'portfolio (via dispatcher)': [] as number[],
    };
    // One untimed round compiles the statements and warms SQLite's page cache, as a second visit would.
    for (let round = -1; round < repeats; round++) {
      const engagementId = engagementIds[Math.max(0, round) % engagementIds.length]!;
      const samples = (name: keyof typeof parts) => (round < 0 ? [] : parts[name]);
      let scope: analysis.Scope | undefined;
      time(samples('base'), () => {
        scope = analysis.analysisScope(ctx, engagementId);
      });
      let codes: ReturnType<typeof analysis.prevalence> = [];
      time(samples('prevalence'), () => {
        codes = analysis.prevalence(scope!);
      });
      time(samples('crosstabs'), () => analysis.crosstabs(scope!, codes));
      time(samples('co-occurrence'), () => analysis.cooccurrence(scope!, codes));
      time(samples('scores'), () => analysis.scores(scope!));
      time(samples('key-person risk'), () => analysis.keyPersonRisk(scope!));
      time(samples('coverage'), () => analysis.coverage(scope!));
      time(samples('benchmark'), () => analysis.benchmark(scope!, codes));
      time(samples('engagementStats (whole, via dispatcher)'), () => {
        const result = dispatch('engagementStats', { engagementId });
        if (!result.ok) throw new Error(result.error.message);
      });
      time(samples('portfolio (via dispatcher)'), () => {
        const result = dispatch('portfolio', {});
        if (!result.ok) throw new Error(result.error.message);
      });
    }
    const label = `${size.interviews} interviews / ${size.codings} codings`;
    return [
      {
        name: `analysis workspace: ${label} (${built ? 'built' : 'cached'}, ms)`,
        p50: buildMs,
        p95: buildMs,
      },
      ...Object.entries(parts).map(([name, samples]) => ({
        name: `analysis: ${name} (ms), ${repeats} runs`,
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
        budget: BUDGET_MS,
      })),
    ];
  } finally {
    db.close();
  }
}
