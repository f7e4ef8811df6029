import type { Tier } from '../../shared/domain.ts';
import { ROLE_LEVELS, type RoleLevel, TIERS } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { SMALL_NPS_N } from '../../shared/sample.ts';
import type { ScaleSummary } from '../../shared/scales.ts';
import type { CliCommand } from './commands.ts';
import { cliError } from './workspace.ts';

/**
 * `kuulo guide` and `kuulo answers`: an engagement's interview guide, and every answer to one question.
 * Like `quotes`, answers come from interviews in the sample only, and text from an interview whose
 * consent is still pending is marked not for quoting.
 */

const f = formatter('en');
const TIER_LABEL: Record<Tier, string> = { key: 'key account', named: 'named', unmanaged: 'unmanaged' };

const option = (values: Record<string, unknown>, name: string): string => {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw cliError('cliMissingOption', { option: name });
  return value;
};

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryText(summary: ScaleSummary | null): string {
  if (!summary) return 'open question: answered in the notes';
  if (!summary.n) return 'n = 0';
  const parts = [`n = ${summary.n}`];
  if (summary.nps !== null) {
    parts.push(`NPS ${f.number(summary.nps)}`);
    if (summary.n < SMALL_NPS_N)
      parts.push(
        [
          count(summary.promoters, 'promoter'),
          count(summary.passives, 'passive'),
          count(summary.detractors, 'detractor'),
        ].join(', '),
      );
  } else if (summary.mean !== null)
    parts.push(
      summary.scale === 'yesno'
        ? `${f.number(Math.round(summary.mean * 100))}% yes`
        : `mean ${f.number(summary.mean, 1)}`,
    );
  parts.push(summary.distribution.map((d) => `${d.value}: ${d.count}`).join('  '));
  return parts.join(' · ');
}

export const guideCommands: Record<'guide' | 'answers', CliCommand> = {
  guide: {
    readOnly: true,
    summary: 'the interview guide of --engagement ID: sections, questions with their ids and scales',
    options: { engagement: { type: 'string' } },
    run: async (call, values) => {
      const engagementId = option(values, 'engagement');
      const guide = await call('getGuide', { engagementId });
      // Question-level figures: how many interviews of the sample answered each, its scale summed up.
      const coverage = await call('guideCoverage', { engagementId });
      const figures = new Map(coverage.questions.map((q) => [q.questionId, q]));
      const lines = guide.sections.flatMap((s) => [
        s.title.toUpperCase(),
        ...s.questions.map((q) => {
          const figure = figures.get(q.id);
          const answered = figure ? `answered in ${figure.answered} of ${coverage.sampleSize}` : '';
          const summary = figure?.summary ? ` · ${summaryText(figure.summary)}` : '';
          return `  Q${q.number}  ${q.text}\n       ${q.id} · ${q.scale}${q.feeds ? ` · gives the interview's ${q.feeds}` : ''}\n       ${answered}${summary}`;
        }),
      ]);
      return {
        json: { ...guide, sampleSize: coverage.sampleSize, questions: coverage.questions },
        text: lines.length ? lines.join('\n') : 'This engagement has no guide yet.',
      };
    },
  },

  answers: {
    readOnly: true,
    summary:
      'every answer to one guide question: --question ID [--tier key|named|unmanaged] [--role strategic|influencer|operational]',
    options: { question: { type: 'string' }, tier: { type: 'string' }, role: { type: 'string' } },
    run: async (call, values) => {
      const tier = typeof values.tier === 'string' ? values.tier : null;
      const role = typeof values.role === 'string' ? values.role : null;
      if (tier && !(TIERS as readonly string[]).includes(tier))
        throw cliError('cliMissingOption', { option: `tier ${TIERS.join('|')}` });
      if (role && !(ROLE_LEVELS as readonly string[]).includes(role))
        throw cliError('cliMissingOption', { option: `role ${ROLE_LEVELS.join('|')}` });
      const answers = await call('questionAnswers', {
        questionId: option(values, 'question'),
        tier: tier as Tier | null,
        roleLevel: role as RoleLevel | null,
      });
      const rows = answers.rows.filter((r) => r.inSample);
      const json = {
        question: answers.question,
        sampleSize: answers.sampleSize,
        answered: answers.answered,
        summary: answers.summary,
        answers: rows.map((r) => ({
          interviewId: r.interviewId,
          interviewDate: r.date,
          accountId: r.accountId,
          account: r.accountName,
          tier: r.tier,
          roleLevel: r.roleLevels.join(', '),
          value: r.value,
          quotable: r.quotable,
          text: r.paragraphs,
        })),
      };
      const q = answers.question;
      const text = [
        `Q${q.number}  ${q.text}`,
        `${answers.answered} of ${answers.sampleSize} interviews answered · ${summaryText(answers.summary)}`,
        '',
        ...rows.map((r) =>
          [
            `${r.accountName} (${TIER_LABEL[r.tier]}) · ${r.roleLevels.join(', ') || '—'} · ${r.date ?? ''}${r.value !== null ? ` · answer ${r.value}` : ''}${r.quotable ? '' : ' · consent pending: not for quoting'}`,
            ...r.paragraphs.map((p) => `   “${p}”`),
          ].join('\n'),
        ),
      ].join('\n');
      return { json, text };
    },
  },
};
