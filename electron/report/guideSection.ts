import type { Language, RoleLevel, Tier } from '../../shared/domain.ts';
import { guideQuestions } from '../../shared/guide.ts';
import { scaleValueLabel } from '../../shared/guideCharts.ts';
import { resources } from '../../shared/i18n/index.ts';
import { isSmallN, SMALL_NPS_N } from '../../shared/sample.ts';
import type { ScaleSummary } from '../../shared/scales.ts';
import { questionAnswers } from '../services/answers.ts';
import type { ServiceContext } from '../services/context.ts';
import { getGuide } from '../services/guide.ts';
import type { ReportData } from './load.ts';
import type { Table } from './sheets.ts';

/**
 * The report's "Answers per question": per scale question its n and result (NPS, mean or share of
 * yes) with the distribution, per open question how many answered and a few anonymised answers from
 * interviews that may be quoted. Only when the engagement has a guide. Every text passes the one
 * anonymiser; text from an interview whose consent is pending or declined is never printed.
 */

const QUOTES_PER_QUESTION = 3;
const QUOTE_MAX = 400;

export interface AnswersContent {
  lead: string;
  scales: { question: string; n: number; smallN: boolean; result: string; distribution: string }[];
  /** Under the scales' table, when some result rests on few answers. */
  smallNote: string | null;
  /** Open questions answered in at least one interview of the sample. */
  open: {
    question: string;
    answered: string;
    quotes: { text: string; attribution: string }[];
    /** Said when none of its answers may be quoted. */
    noQuotes: string | null;
  }[];
  /** One row per answer for the workbook: the sample only, text only where it may be quoted. */
  rows: AnswerSheetRow[];
}

export interface AnswerSheetRow {
  number: number;
  question: string;
  account: string;
  tier: Tier;
  roleLevels: RoleLevel[];
  value: number | null;
  text: string;
}

function result(summary: ScaleSummary, d: ReportData): string {
  const g = d.t.guide.report;
  if (!summary.n) return '–';
  if (summary.nps !== null) return d.f.fill(g.npsResult, { nps: d.f.number(summary.nps) });
  if (summary.scale === 'yesno')
    return d.f.fill(g.yesResult, { share: d.f.number(Math.round((summary.mean ?? 0) * 100)) });
  return d.f.fill(g.meanResult, { mean: d.f.number(summary.mean ?? 0, 1) });
}

function distribution(summary: ScaleSummary, lang: Language): string {
  const g = resources[lang].translation.guide.report;
  if (summary.scale === 'nps')
    return `${g.detractors} ${summary.detractors} · ${g.passives} ${summary.passives} · ${g.promoters} ${summary.promoters}`;
  return summary.distribution
    .map((x) => `${scaleValueLabel(summary.scale, x.value, lang)}: ${x.count}`)
    .join(' · ');
}

const shorten = (text: string): string =>
  text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX).replace(/\s+\S*$/, '')} …`;

export function answersContent(ctx: ServiceContext, d: ReportData): AnswersContent | null {
  const questions = guideQuestions(getGuide(ctx, d.engagement.id));
  if (!questions.length) return null;
  const g = d.t.guide.report;
  const label = d.t.guide.questionShort;
  const scales: AnswersContent['scales'] = [];
  const open: AnswersContent['open'] = [];
  const rows: AnswerSheetRow[] = [];
  let small = false;
  for (const q of questions) {
    const where = d.f.fill(g.where, { n: q.number });
    const question = `${label}${q.number} ${d.anon.mask(q.text, where)}`;
    const answers = questionAnswers(ctx, q.id);
    const sample = answers.rows.filter((r) => r.inSample);
    const attribution = (interviewId: string, accountId: string) => {
      const person = d.interviews.find((i) => i.id === interviewId)?.interviewees[0];
      return person ? d.anon.person(person.id) : d.anon.account(accountId);
    };
    for (const r of sample)
      rows.push({
        number: q.number,
        question,
        account: d.anon.account(r.accountId),
        tier: r.tier,
        roleLevels: r.roleLevels,
        value: r.value,
        text: r.quotable
          ? d.anon.mask(r.paragraphs.join('\n'), `${where} · ${attribution(r.interviewId, r.accountId)}`)
          : '',
      });
    if (answers.summary) {
      const s = answers.summary;
      const smallN = s.scale === 'nps' ? s.n < SMALL_NPS_N : isSmallN(s.n);
      small ||= smallN && s.n > 0;
      scales.push({ question, n: s.n, smallN, result: result(s, d), distribution: distribution(s, d.lang) });
      continue;
    }
    // An open question nobody answered in the notes is left out: the board reads what was said.
    if (!answers.answered) continue;
    // The longest paragraph of each quotable answer: the most said in one place.
    const quotes = sample
      .filter((r) => r.quotable && r.paragraphs.length)
      .map((r) => ({ r, text: r.paragraphs.reduce((a, b) => (b.length > a.length ? b : a)) }))
      .sort((a, b) => b.text.length - a.text.length)
      .slice(0, QUOTES_PER_QUESTION)
      .map(({ r, text }) => {
        const who = attribution(r.interviewId, r.accountId);
        return { text: shorten(d.anon.mask(text, `${where} · ${who}`)), attribution: who };
      });
    open.push({
      question,
      answered: d.f.plural(g, 'answered', answers.sampleSize, { answered: answers.answered }),
      quotes,
      noQuotes: quotes.length ? null : g.noQuotes,
    });
  }
  return {
    lead: d.f.plural(g, 'lead', questions.length),
    scales,
    smallNote: small ? d.f.fill(g.smallNote, { n: SMALL_NPS_N }) : null,
    open,
    rows,
  };
}

/** The workbook's sheet of answers per question, anonymised as the quotes sheet is. */
export function answersTable(rows: readonly AnswerSheetRow[], language: Language): Table<AnswerSheetRow> {
  const t = resources[language].translation;
  const g = t.guide.report;
  return {
    name: g.sheet,
    rows,
    columns: [
      { header: g.number, kind: 'integer', value: (r) => r.number },
      { header: t.guide.question, kind: 'longText', value: (r) => r.question },
      { header: t.interviews.account, kind: 'text', value: (r) => r.account },
      { header: t.report.tier, kind: 'text', value: (r) => t.account.tiers[r.tier] },
      {
        header: t.report.roleLevel,
        kind: 'text',
        value: (r) => r.roleLevels.map((x) => t.person.roleLevels[x]).join(', '),
      },
      { header: t.guide.answer, kind: 'integer', value: (r) => r.value },
      { header: g.text, kind: 'longText', value: (r) => r.text },
    ],
  };
}
