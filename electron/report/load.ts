import type { EngagementStats } from '../../shared/analysis.ts';
import type {
  CodebookEntry,
  Engagement,
  Finding,
  InterviewListItem,
  Language,
  Quote,
} from '../../shared/domain.ts';
import { type Formatter, formatter } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { RegisterEntry } from '../../shared/identity/types.ts';
import type { AnonymizationLevel } from '../../shared/report.ts';
import { inSample } from '../../shared/sample.ts';
import { listAccounts } from '../services/accounts.ts';
import { engagementStats } from '../services/analysis/index.ts';
import { getCodebook } from '../services/codebook.ts';
import type { ServiceContext } from '../services/context.ts';
import { getEngagement } from '../services/engagements.ts';
import { listFindings } from '../services/findings.ts';
import { buildRegister, engagementVocabulary, listDecisions, matcherFor } from '../services/identities.ts';
import { listInterviews } from '../services/interviews.ts';
import { findQuotes } from '../services/quotes.ts';
import { type Anonymizer, type AnonymizerInput, createAnonymizer } from './anonymize.ts';
import type { PassageRow } from './content.ts';

export interface AnonymizerOptions {
  anonymize: AnonymizationLevel;
  /** The output's language: the labels ("Interviewee 3") are in it. */
  language: Language;
  /** Words to print as they are, on top of the stored review decisions. */
  keep?: readonly string[] | undefined;
  /** Sees every name or identifier found while the output is masked (the review collects them). */
  onSpan?: AnonymizerInput['onSpan'] | undefined;
}

/**
 * The one anonymiser of an engagement's outputs (the report in every format, quote exports): the
 * register, the consultant's review decisions and the engagement's own vocabulary, at one level.
 */
export function reportAnonymizer(
  ctx: ServiceContext,
  engagementId: string,
  options: AnonymizerOptions,
): { anon: Anonymizer; register: RegisterEntry[] } {
  const engagement = getEngagement(ctx, engagementId);
  const register = buildRegister(ctx, engagementId);
  const anon = createAnonymizer({
    level: options.anonymize,
    language: options.language,
    engagementId,
    clientName: engagement.clientName,
    accounts: listAccounts(ctx, engagementId),
    register,
    matcher: matcherFor(register),
    decisions: listDecisions(ctx, engagementId),
    ...engagementVocabulary(ctx, engagementId, register),
    ...(options.keep ? { keep: options.keep } : {}),
    ...(options.onSpan ? { onSpan: options.onSpan } : {}),
  });
  return { anon, register };
}

/**
 * Coded passages as rows for a workbook or a quote export, masked by the engagement's anonymiser:
 * the account by its label, the text and memo through the identity engine, the code's name too (an
 * engagement's own code may name a customer). `interviewNumbers` numbers the interviews as the
 * report's appendix lists them.
 */
export function passageRows(
  quotes: readonly Quote[],
  anon: Anonymizer,
  language: Language,
  interviewNumbers: ReadonlyMap<string, number>,
  /** Each interview's first interviewee: quotes are attributed to them, as in the report. */
  speakers: ReadonlyMap<string, string>,
): PassageRow[] {
  const where = resources[language].translation.report.where;
  return quotes.map((q) => {
    const interview = interviewNumbers.get(q.interviewId) ?? 0;
    const place = `${where.quotes} · ${anon.account(q.accountId)}${q.interviewDate ? `, ${q.interviewDate}` : ''}`;
    return {
      interview,
      date: q.interviewDate,
      account: anon.account(q.accountId),
      attribution: speakers.has(q.interviewId)
        ? anon.person(speakers.get(q.interviewId)!)
        : anon.account(q.accountId),
      tier: q.tier,
      roleLevels: q.roleLevels,
      code: anon.mask(q.code[language], where.codebook),
      sentiment: q.sentiment,
      severity: q.severity,
      starred: q.star,
      memo: anon.mask(q.memo, place),
      text: anon.mask(q.quote, place),
    };
  });
}

type Translation = (typeof resources)[Language]['translation'];

/** Everything the report's sections are made from: read once, names already masked where they reach figures. */
export interface ReportData {
  lang: Language;
  t: Translation;
  r: Translation['report'];
  /** Every figure and plural goes through the one formatter (rounded once, locale forms). */
  f: Formatter;
  /** An ISO date for the language, or "—". */
  date: (iso: string | null) => string;
  now: string;
  anonymize: AnonymizationLevel;
  anon: Anonymizer;
  register: RegisterEntry[];
  engagement: Engagement;
  /** The one sample (shared/sample.ts): the same interviews as every figure of the report. */
  interviews: InterviewListItem[];
  /** The engagement's figures, with code names masked (an engagement's own code may name a customer). */
  stats: EngagementStats;
  /** Findings with only their quotable quotes: a quote without consent is counted, never printed. */
  findings: Finding[];
  codebook: CodebookEntry[];
  /** People interviewed in the sample. */
  people: number;
  /** The held interviews' first and last dates: the summary's period and every chart's source line. */
  period: { from: string | null; to: string | null };
}

export interface LoadOptions extends AnonymizerOptions {}

/** Reads what the report rests on, for one engagement, in the report's language and level. */
export function loadReportData(ctx: ServiceContext, engagementId: string, options: LoadOptions): ReportData {
  const engagement = getEngagement(ctx, engagementId);
  const lang = options.language;
  const t = resources[lang].translation;
  const f = formatter(lang);
  const interviews = listInterviews(ctx, engagementId).filter(inSample);
  const raw = engagementStats(ctx, engagementId);
  const findings = listFindings(ctx, engagementId).map((finding) => ({
    ...finding,
    quotes: finding.quotes.filter((quote) => quote.quotable),
  }));
  const { anon, register } = reportAnonymizer(ctx, engagementId, options);
  // Code names reach charts and tables: an engagement's own code may well name a customer.
  const maskName = <T extends { code: { fi: string; en: string } }>(row: T): T => ({
    ...row,
    code: {
      fi: anon.mask(row.code.fi, t.report.where.codebook),
      en: anon.mask(row.code.en, t.report.where.codebook),
    },
  });
  const stats: EngagementStats = {
    ...raw,
    prevalence: raw.prevalence.map(maskName),
    crosstabs: Object.fromEntries(
      Object.entries(raw.crosstabs).map(([key, table]) => [
        key,
        { ...table, rows: table.rows.map(maskName) },
      ]),
    ) as EngagementStats['crosstabs'],
    benchmark: { ...raw.benchmark, rows: raw.benchmark.rows.map(maskName) },
  };
  const dates = interviews
    .map((i) => i.date)
    .filter((d): d is string => !!d)
    .sort();
  return {
    lang,
    t,
    r: t.report,
    f,
    date: (iso) => (iso ? f.date(iso) : '—'),
    now: ctx.now(),
    anonymize: options.anonymize,
    anon,
    register,
    engagement,
    interviews,
    stats,
    findings,
    codebook: getCodebook(ctx, engagementId),
    people: new Set(interviews.flatMap((i) => i.interviewees.map((p) => p.id))).size,
    period: { from: dates[0] ?? engagement.periodStart, to: dates.at(-1) ?? engagement.periodEnd },
  };
}

/** Every quotable coded passage of the sample, masked, numbered by the appendix's interview list. */
export function samplePassages(ctx: ServiceContext, d: ReportData): PassageRow[] {
  const codeIds = d.codebook.filter((c) => !c.isGroup).map((c) => c.id);
  if (!codeIds.length) return [];
  const quotes = findQuotes(ctx, {
    codeIds,
    match: 'any',
    engagementId: d.engagement.id,
    starredOnly: false,
    limit: Number.MAX_SAFE_INTEGER,
  }).filter((q) => q.quotable);
  return passageRows(quotes, d.anon, d.lang, ...interviewKeys(d.interviews));
}

/** The interviews' numbers as the report's appendix lists them, and who each one's quotes are attributed to. */
export function interviewKeys(
  interviews: readonly InterviewListItem[],
): [numbers: Map<string, number>, speakers: Map<string, string>] {
  return [
    new Map(interviews.map((i, index) => [i.id, index + 1])),
    new Map(interviews.flatMap((i) => (i.interviewees[0] ? [[i.id, i.interviewees[0].id] as const] : []))),
  ];
}
