import type { DatabaseBench } from './database.ts';
import { type Measure, summary, timed } from './stats.ts';

const BUDGET_MS = 100;

/**
 * The list of open actions and uncovered follow-ups across every engagement (the top-level Actions
 * view and `actions --open`), through the dispatcher, and one engagement's register.
 */
export function measureActions({ conn, info, config }: DatabaseBench): Measure[] {
  const repeats = config.runs.cheap;
  const across: number[] = [];
  const register: number[] = [];
  let listed = 0;
  // One untimed round compiles the statements and warms the page cache.
  for (let round = -1; round < repeats; round++) {
    const engagementId = info.engagementIds[Math.max(0, round) % info.engagementIds.length]!;
    const a = timed(() => {
      listed = conn.call('openActions', { openOnly: true }).length;
    });
    const r = timed(() => conn.call('actionRegister', { engagementId }));
    if (round >= 0) {
      across.push(a);
      register.push(r);
    }
  }
  return [
    {
      name: 'actions: open actions and follow-ups across engagements (via dispatcher)',
      ...summary(across),
      budget: BUDGET_MS,
      note: `${listed} items`,
    },
    { name: "actions: one engagement's register (via dispatcher)", ...summary(register), budget: BUDGET_MS },
  ];
}
