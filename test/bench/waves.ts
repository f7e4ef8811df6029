import type { DatabaseBench } from './database.ts';
import { type Measure, summary, timed } from './stats.ts';

const BUDGET_MS = 100;

/**
 * The wave comparison (issue 18: ≤ 100 ms on the portfolio) through the dispatcher, cycling through
 * the generated engagements that follow an earlier one (every second one, test/bench/generate.ts).
 */
export function measureWaves({ conn, raw, config }: DatabaseBench): Measure[] {
  const waves = raw
    .prepare('SELECT id FROM engagements WHERE previous_engagement_id IS NOT NULL ORDER BY id')
    .pluck()
    .all() as string[];
  if (!waves.length) return [];
  const repeats = config.runs.cheap;
  const samples: number[] = [];
  // One untimed round compiles the statements and warms the page cache, as a second visit would.
  for (let round = -1; round < repeats; round++) {
    const engagementId = waves[Math.max(0, round) % waves.length]!;
    const ms = timed(() => conn.call('waveComparison', { engagementId }));
    if (round >= 0) samples.push(ms);
  }
  return [
    {
      name: 'wave comparison (via dispatcher)',
      ...summary(samples),
      budget: BUDGET_MS,
      note: `${waves.length} engagements that follow an earlier wave`,
    },
  ];
}
