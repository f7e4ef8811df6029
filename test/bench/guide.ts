import type { DatabaseBench } from './database.ts';
import { type Measure, summary, timed } from './stats.ts';

/** Issue 18's target for answers per question on the portfolio workspace. */
const BUDGET_MS = 100;

/**
 * Answers per question through the dispatcher, as the Answers view asks for them: an open question
 * (its paragraphs read from the notes), the NPS question (the interviews' own field), filtered by tier,
 * and the guide's coverage (every question of every interview at once), cycling through the engagements.
 */
export function measureGuide({ conn, info, config }: DatabaseBench): Measure[] {
  const ids = info.engagementIds;
  const repeats = config.runs.cheap;
  const parts = {
    'answers per question: open question': [] as number[],
    'answers per question: NPS question, key accounts only': [] as number[],
    'guide coverage (every question × interview)': [] as number[],
  };
  for (let round = -1; round < repeats; round++) {
    const engagementId = ids[Math.max(0, round) % ids.length]!;
    const questions = conn.call('getGuide', { engagementId }).sections.flatMap((s) => s.questions);
    const open = questions.find((q) => q.scale === 'open');
    const nps = questions.find((q) => q.feeds === 'nps');
    if (!open || !nps) continue;
    const time = (name: keyof typeof parts, run: () => unknown) => {
      const ms = timed(run);
      if (round >= 0) parts[name].push(ms);
    };
    time('answers per question: open question', () => conn.call('questionAnswers', { questionId: open.id }));
    time('answers per question: NPS question, key accounts only', () =>
      conn.call('questionAnswers', { questionId: nps.id, tier: 'key' }),
    );
    time('guide coverage (every question × interview)', () => conn.call('guideCoverage', { engagementId }));
  }
  return Object.entries(parts).map(([name, samples]) => ({
    name: `guide: ${name}`,
    ...summary(samples),
    budget: BUDGET_MS,
  }));
}
