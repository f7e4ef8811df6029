import { benchmarkLabel, comparedWithEarlier } from '../../shared/benchmark.ts';
import {
  benchmarkChart,
  benchmarkFigures,
  type ChartSpec,
  COVERAGE_DECIMALS,
  chartNote,
  coverageChart,
  coverageShares,
  crosstabChart,
  npsChart,
  prevalenceChart,
} from '../../shared/charts.ts';
import { claimBreakdown, claimSentence } from '../../shared/claims.ts';
import {
  type Finding,
  INTERVIEW_MODES,
  type InterviewListItem,
  type Language,
  type Priority,
  type Tier,
} from '../../shared/domain.ts';
import { type Formatter, formatter, LOCALES } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { RegisterEntry } from '../../shared/identity/types.ts';
import { changeColour } from '../../shared/polarity.ts';
import { type AnonymizationLevel, REPORT_SECTIONS, type ReportSectionId } from '../../shared/report.ts';
import { inSample, isInterim, type Sample, SMALL_NPS_N } from '../../shared/sample.ts';
import { engagementStats } from '../services/analysis/index.ts';
import { getCodebook } from '../services/codebook.ts';
import type { ServiceContext } from '../services/context.ts';
import { getEngagement } from '../services/engagements.ts';
import { listFindings } from '../services/findings.ts';
import { listInterviews } from '../services/interviews.ts';
import type { Anonymizer, AnonymizerInput } from './anonymize.ts';
import { reportAnonymizer } from './load.ts';
import { keyPersonHeadline, npsHeadline, topRecommendations } from './summary.ts';
import type { ReportBlock, ReportChart, ReportModel, ReportSection } from './types.ts';

export interface ReportOptions {
  language?: Language;
  anonymize: AnonymizationLevel;
  sections?: readonly ReportSectionId[];
  /** Called as the report takes shape, 0–1. */
  onProgress?: (share: number, stage: string) => void;
  /** Words to print as they are, on top of the stored review decisions. */
  keep?: readonly string[];
  /** Sees every name or identifier found while the report is masked (the review collects them). */
  onSpan?: AnonymizerInput['onSpan'];
  /**
   * Draws the charts (the export passes rasterizeChart); without it they are left unrendered, for
   * when only the text matters (the review). Passed in so that reading a report's text loads no
   * chart library.
   */
  rasterize?: (spec: ChartSpec) => ReportChart;
}

const PRIORITY_ORDER: Priority[] = ['high', 'medium', 'low'];
const MAX_KEY_FINDINGS = 7;
const MAX_QUOTES_PER_FINDING = 5;

const paragraphs = (text: string): ReportBlock[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', text: p }));

/**
 * Data → report model: what the findings report says, in the engagement's language (or the one
 * asked for), anonymised at the chosen level. All figures come from the analysis services.
 */
export function buildReportModel(
  ctx: ServiceContext,
  engagementId: string,
  options: ReportOptions,
): ReportModel {
  return buildReport(ctx, engagementId, options).model;
}

/** The report model and the anonymiser that masked it (the export checks its output with it). */
export function buildReport(
  ctx: ServiceContext,
  engagementId: string,
  options: ReportOptions,
): { model: ReportModel; anon: Anonymizer; register: RegisterEntry[] } {
  const progress = options.onProgress ?? (() => {});
  const engagement = getEngagement(ctx, engagementId);
  const lang = options.language ?? engagement.language;
  const t = resources[lang].translation;
  const r = t.report;
  // Every figure and plural of the report goes through the one formatter (rounded once, locale forms).
  const f = formatter(lang);
  const { fill } = f;
  const wanted = new Set(options.sections ?? REPORT_SECTIONS);

  progress(0.05, 'data');
  // The one sample (shared/sample.ts): the same interviews as every figure of the report.
  const interviews = listInterviews(ctx, engagementId).filter(inSample);
  const rawStats = engagementStats(ctx, engagementId);
  // A quote whose interviewee has not yet given consent is counted in the figures but never printed.
  const findings = listFindings(ctx, engagementId).map((finding) => ({
    ...finding,
    quotes: finding.quotes.filter((quote) => quote.quotable),
  }));
  const codebook = getCodebook(ctx, engagementId);
  const { anon, register } = reportAnonymizer(ctx, engagementId, {
    anonymize: options.anonymize,
    language: lang,
    keep: options.keep,
    onSpan: options.onSpan,
  });
  // Code names reach charts and tables: an engagement's own code may well name a customer.
  const maskName = <T extends { code: { fi: string; en: string } }>(row: T): T => ({
    ...row,
    code: { fi: anon.mask(row.code.fi, r.where.codebook), en: anon.mask(row.code.en, r.where.codebook) },
  });
  const stats = {
    ...rawStats,
    prevalence: rawStats.prevalence.map(maskName),
    crosstabs: {
      ...rawStats.crosstabs,
      tier: { ...rawStats.crosstabs.tier, rows: rawStats.crosstabs.tier.rows.map(maskName) },
    },
    benchmark: { ...rawStats.benchmark, rows: rawStats.benchmark.rows.map(maskName) },
  };
  const date = (iso: string | null) => (iso ? f.date(iso) : '—');
  const people = new Set(interviews.flatMap((i) => i.interviewees.map((p) => p.id))).size;
  // The held interviews' dates: the summary's period and the months in every chart's source line.
  const dates = interviews
    .map((i) => i.date)
    .filter((d): d is string => !!d)
    .sort();
  const period = { from: dates[0] ?? engagement.periodStart, to: dates.at(-1) ?? engagement.periodEnd };
  const chart = (spec: ChartSpec): ReportBlock => ({
    kind: 'chart',
    chart: {
      ...(options.rasterize
        ? options.rasterize(spec)
        : { id: spec.id, caption: spec.title, svg: '', png: new Uint8Array(), width: 0, height: 0 }),
      note: chartNote(spec, lang, period),
    },
  });
  progress(0.25, 'figures');

  const sections: ReportSection[] = [];
  const add = (id: ReportSectionId, blocks: ReportBlock[], pageBreakBefore = false) => {
    if (wanted.has(id)) sections.push({ id, title: r.sections[id], blocks, pageBreakBefore });
  };
  const coded = stats.prevalence.some((p) => p.interviews > 0);
  const findingAt = (finding: Finding) => fill(r.where.finding, { n: findings.indexOf(finding) + 1 });
  // A finding's figure is its claim in words, with its n and base (shared/claims.ts, as on the board).
  const figureOf = (finding: Finding) =>
    claimSentence(finding.claim, lang, {
      names: finding.claim.codes.map((c) => anon.mask(c.name[lang], r.where.codebook)),
    });

  // Executive summary: one page (the lead, the findings with their figures, NPS and the key-person
  // headline, the recommendations that come first); no chart here, the chapters carry them.
  const summaryRecommendations = topRecommendations(findings);
  add('summary', [
    {
      kind: 'paragraph',
      text: fill(r.summaryLead, {
        people: f.plural(r, 'summaryPeople', people),
        accounts: f.plural(r, 'summaryAccounts', stats.base.accounts),
        client: engagement.clientName,
        from: date(period.from),
        to: date(period.to),
      }),
    },
    ...(findings.length
      ? findings.slice(0, MAX_KEY_FINDINGS).map(
          (f): ReportBlock => ({
            kind: 'keyFinding',
            title: anon.mask(f.title, findingAt(f)),
            message: anon.mask(f.keyMessage || f.title, findingAt(f)),
            figure: figureOf(f),
          }),
        )
      : [
          { kind: 'paragraph', text: coded ? r.summaryNoFindings : r.noCodings } as ReportBlock,
          ...(coded
            ? [
                {
                  kind: 'bullets',
                  items: stats.prevalence
                    .filter((p) => p.interviews > 0)
                    .slice(0, 5)
                    .map(
                      (p) =>
                        `${p.code[lang]}: ${fill(r.figure, { pct: f.percent(p.interviews, p.base.interviews), n: p.interviews, base: p.base.interviews })}`,
                    ),
                } as ReportBlock,
              ]
            : []),
        ]),
    {
      kind: 'callout',
      label: r.summaryFigures,
      text: [
        npsHeadline(stats.scores, lang),
        keyPersonHeadline(stats.keyPersonRisk, lang, engagement.clientName),
      ].join('\n'),
    },
    summaryRecommendations.length
      ? {
          kind: 'table',
          caption: r.summaryRecommendations,
          header: [r.priority, r.recommendation],
          widths: [16, 84],
          rows: summaryRecommendations.map((f) => [
            t.findings.priorities[f.priority],
            anon.mask(f.recommendation, findingAt(f)),
          ]),
        }
      : { kind: 'paragraph', text: r.noRecommendations },
  ]);

  // Method and sample
  // Modes as phrases that fit the sentence ("paikan päällä, videoyhteydellä ja puhelimitse"), in one
  // fixed order, joined as the language joins a list.
  const modes = new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(
    INTERVIEW_MODES.filter((mode) => interviews.some((i) => i.mode === mode)).map(
      (mode) => r.modePhrases[mode],
    ),
  );
  const durations = interviews.map((i) => i.durationMin).filter((d): d is number => d !== null);
  const roleCounts = new Map<string, number>();
  for (const i of interviews)
    for (const p of i.interviewees) roleCounts.set(p.roleLevel, (roleCounts.get(p.roleLevel) ?? 0) + 1);
  const revenueShares = coverageShares(stats.coverage).revenue;
  const revenueUnknown = stats.coverage.reduce((sum, c) => sum + c.revenueUnknown, 0);
  add('method', [
    ...(engagement.purpose
      ? [
          { kind: 'heading', level: 2, text: r.purpose } as ReportBlock,
          ...paragraphs(anon.mask(engagement.purpose, r.purpose)),
        ]
      : []),
    {
      kind: 'paragraph',
      text: fill(r.methodText, {
        modes: modes || '—',
        minutes: durations.length ? Math.round(durations.reduce((a, b) => a + b, 0) / durations.length) : '—',
        base: f.plural(r, 'methodBase', stats.base.interviews),
      }),
    },
    // A report in another language than the interviews: its quotes and notes are not translated.
    ...(lang !== engagement.language
      ? [
          {
            kind: 'paragraph',
            text: fill(r.languageNote, { language: r.interviewLanguages[engagement.language] }),
          } as ReportBlock,
        ]
      : []),
    ...sampleParagraphs(stats.sample, r, f),
    {
      kind: 'table',
      caption: r.sampleTable,
      // The sample (accounts interviewed, interviews) beside the register it was drawn from, so the
      // summary's "4 customer accounts" and this table agree and an unreached account still shows.
      header: [
        r.tier,
        r.accountsInterviewed,
        r.accountsRegister,
        r.interviews,
        revenueUnknown ? `${r.revenueShareRegister} *` : r.revenueShareRegister,
      ],
      numeric: [false, true, true, true, true],
      // The same shares as the coverage chart: from the register's known revenues, one decimal, summing
      // to 100; a tier where no revenue is known has no share rather than 0 %.
      rows: stats.coverage.map((c, i) => [
        t.account.tiers[c.tier],
        f.number(c.accountsInterviewed),
        f.number(c.accounts),
        f.number(c.interviews),
        c.revenueUnknown === c.accounts ? '–' : f.percentValue(revenueShares[i] ?? 0, COVERAGE_DECIMALS),
      ]),
    },
    ...(revenueUnknown
      ? [
          {
            kind: 'paragraph',
            emphasis: 'muted',
            text: f.plural(r, 'revenueUnknown', revenueUnknown),
          } as ReportBlock,
        ]
      : []),
    {
      kind: 'table',
      caption: r.roleTable,
      header: [r.roleLevel, r.people],
      numeric: [false, true],
      rows: (['strategic', 'influencer', 'operational'] as const).map((level) => [
        t.person.roleLevels[level],
        String(roleCounts.get(level) ?? 0),
      ]),
    },
    chart(coverageChart(stats.coverage, lang)),
    { kind: 'callout', label: r.privacy, text: r.anonymization[options.anonymize] },
  ]);
  progress(0.4, 'findings');

  // Findings, one by one
  const findingBlocks: ReportBlock[] = coded
    ? [{ kind: 'paragraph', text: r.findingsLead }, chart(prevalenceChart(stats.prevalence, lang))]
    : [{ kind: 'paragraph', text: r.noCodings }];
  findings.forEach((finding, index) => {
    const tiers = claimBreakdown(finding.claim, lang);
    const evidence = figureOf(finding);
    findingBlocks.push(
      { kind: 'heading', level: 2, text: `${index + 1}. ${anon.mask(finding.title, findingAt(finding))}` },
      ...(finding.keyMessage
        ? [
            {
              kind: 'paragraph',
              emphasis: 'lead',
              text: anon.mask(finding.keyMessage, findingAt(finding)),
            } as ReportBlock,
          ]
        : []),
      {
        kind: 'callout',
        label: r.evidenceLabel,
        text: tiers ? `${evidence}. ${fill(r.evidenceTiers, { tiers })}` : `${evidence}.`,
      },
      ...paragraphs(anon.mask(finding.body, findingAt(finding))),
    );
    const rows = stats.crosstabs.tier.rows.filter((row) => finding.codeIds.includes(row.codeId));
    if (rows.length && stats.crosstabs.tier.columns.length > 1) {
      const spec = crosstabChart(
        { ...stats.crosstabs.tier, rows },
        lang,
        t.analysis.attributes.tier,
        (v) => t.account.tiers[v as Tier],
      );
      findingBlocks.push(
        chart({
          ...spec,
          id: `finding-${index + 1}`,
          title: `${r.themeByTier}: ${anon.mask(finding.title, findingAt(finding))}`,
        }),
      );
    }
    for (const quote of finding.quotes.slice(0, MAX_QUOTES_PER_FINDING)) {
      const interview = interviews.find((i) => i.id === quote.interviewId);
      const person = interview?.interviewees[0];
      const attribution = person ? anon.person(person.id) : anon.account(quote.accountId);
      findingBlocks.push({
        kind: 'quote',
        text: anon.mask(
          quote.quote,
          `${findingAt(finding)} · ${attribution}${interview?.date ? `, ${interview.date}` : ''}`,
        ),
        attribution,
      });
    }
    if (finding.recommendation) {
      findingBlocks.push({
        kind: 'callout',
        label: r.recommendationLabel,
        text: anon.mask(finding.recommendation, findingAt(finding)),
      });
    }
  });
  add('findings', findingBlocks, true);
  progress(0.6, 'scores');

  // Scores
  const scored = stats.scores.filter((s) => s.n > 0);
  add(
    'scores',
    scored.length
      ? [
          { kind: 'paragraph', text: r.npsLead },
          chart(npsChart(stats.scores, lang)),
          {
            kind: 'table',
            caption: r.scoresTable,
            header: [
              r.group,
              'n',
              t.analysis.promoters,
              t.analysis.passives,
              t.analysis.detractors,
              'NPS',
              r.satisfaction,
            ],
            numeric: [false, true, true, true, true, true, true],
            // Room for "NPS" on one line beside the long Finnish headers.
            widths: [22, 6, 15, 13, 14, 8, 22],
            rows: scored.map((s) => [
              `${s.group === 'all' ? t.charts.all : t.account.tiers[s.group]}${s.smallN ? ' *' : ''}`,
              f.number(s.n),
              f.number(s.promoters),
              f.number(s.passives),
              f.number(s.detractors),
              s.nps === null ? '–' : f.number(s.nps),
              s.satisfactionMean === null
                ? '–'
                : `${f.number(s.satisfactionMean, 1)} (n = ${f.number(s.satisfactionN)})`,
            ]),
          },
          ...(scored.some((s) => s.smallN)
            ? [{ kind: 'paragraph', emphasis: 'muted', text: r.smallN } as ReportBlock]
            : []),
          // The table above always gives the distribution; below 10 answers the reader is told to use it.
          ...(scored.some((s) => s.n < SMALL_NPS_N)
            ? [{ kind: 'paragraph', emphasis: 'muted', text: r.npsDistribution } as ReportBlock]
            : []),
        ]
      : [{ kind: 'paragraph', text: r.noScores }],
  );

  // Key-person risk
  const risk = stats.keyPersonRisk;
  const single = risk.filter((k) => k.singlePerson).length;
  const noContacts = risk.filter((k) => k.noContacts).length;
  add(
    'keyPerson',
    risk.some((k) => k.people > 0)
      ? [
          { kind: 'paragraph', text: fill(r.keyPersonLead, { client: engagement.clientName }) },
          {
            kind: 'paragraph',
            emphasis: 'strong',
            // Accounts with nobody recorded are unknown, not one-person relationships: out of the count.
            text: f.plural(r, 'keyPersonSummary', single, {
              total: risk.length - noContacts,
              client: engagement.clientName,
            }),
          },
          ...(noContacts
            ? [
                {
                  kind: 'paragraph',
                  emphasis: 'muted',
                  text: f.plural(r, 'keyPersonNoContacts', noContacts),
                } as ReportBlock,
              ]
            : []),
          {
            kind: 'table',
            caption: r.keyPersonTable,
            header: [r.account, r.tier, r.known, r.strategic, r.operational, r.risk],
            numeric: [false, false, true, true, true, false],
            rows: risk.map((k) => [
              anon.account(k.accountId),
              t.account.tiers[k.tier],
              String(k.people),
              String(k.strategic),
              String(k.operational),
              k.noContacts ? r.noContact : k.singlePerson ? r.singlePerson : '',
            ]),
          },
        ]
      : [{ kind: 'paragraph', text: r.noRelationships }],
  );

  // Benchmark: against the studies chosen (by default those that ended before this one began), named
  // by their count, n and years; with none, the section says so instead of comparing.
  const compared = stats.benchmark.rows.filter(
    (b) => b.othersPct !== null && (b.thisPct > 0 || (b.othersPct ?? 0) > 0),
  );
  const benchmarkSaid: ReportBlock = { kind: 'paragraph', text: benchmarkLabel(stats.benchmark, lang) };
  add(
    'benchmark',
    stats.benchmark.others > 0 && compared.length
      ? [
          { ...benchmarkSaid, emphasis: 'strong' },
          { kind: 'paragraph', text: t.benchmark.lead },
          chart(benchmarkChart(stats.benchmark, lang, undefined, stats.prevalence)),
          {
            kind: 'table',
            // Earlier only when every comparator is, as the chart and its label say.
            caption: comparedWithEarlier(stats.benchmark) ? r.benchmarkTable : r.benchmarkTableOther,
            header: [
              r.theme,
              r.thisStudy,
              comparedWithEarlier(stats.benchmark) ? r.earlier : t.benchmark.otherStudies,
              r.difference,
            ],
            numeric: [false, true, true, true],
            // As the chart shows them; the difference is between the two shown figures, in the colour
            // of what it means (worse is red whatever the sign).
            rows: compared.map((b) => {
              const shown = benchmarkFigures(b, stats.prevalence);
              return [
                b.code[lang],
                f.percentValue(shown.thisPct),
                shown.othersPct === null ? '–' : f.percentValue(shown.othersPct),
                shown.diff === null ? '–' : f.signed(shown.diff),
              ];
            }),
            colors: compared.map((b) => [
              null,
              null,
              null,
              changeColour(b.polarity, benchmarkFigures(b, stats.prevalence).diff),
            ]),
          },
        ]
      : // Comparators but nothing coded here: say what it would be compared with, and why it is not.
        [
          benchmarkSaid,
          ...(stats.benchmark.others > 0 ? [{ kind: 'paragraph', text: r.noCodings } as ReportBlock] : []),
        ],
  );
  progress(0.75, 'recommendations');

  // Recommendations
  const recommended = findings
    .filter((f) => f.recommendation.trim())
    .sort(
      (a, b) =>
        PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) || a.sortOrder - b.sortOrder,
    );
  add(
    'recommendations',
    recommended.length
      ? [
          { kind: 'paragraph', text: r.recommendationsLead },
          {
            kind: 'table',
            caption: r.recommendationsTable,
            header: [r.priority, r.finding, r.recommendation],
            widths: [15, 30, 55],
            rows: recommended.map((f) => [
              t.findings.priorities[f.priority],
              anon.mask(f.title, findingAt(f)),
              anon.mask(f.recommendation, findingAt(f)),
            ]),
          },
        ]
      : [{ kind: 'paragraph', text: r.noRecommendations }],
    true,
  );

  // Appendices
  add(
    'appendixInterviews',
    [
      {
        kind: 'table',
        caption: r.interviewsTable,
        header: [r.date, r.account, r.tier, r.interviewee, r.mode, r.minutes],
        numeric: [false, false, false, false, false, true],
        rows: interviews.map((i: InterviewListItem) => [
          i.date ? f.date(i.date, 'short') : '—',
          anon.account(i.accountId),
          t.account.tiers[i.tier],
          // With company names shown, a role beside one would point to a person: only the count.
          options.anonymize === 'people'
            ? String(i.interviewees.length || '—')
            : i.interviewees.map((p) => anon.person(p.id)).join('; ') || '—',
          t.interview.modes[i.mode],
          i.durationMin === null ? '–' : f.number(i.durationMin),
        ]),
      },
    ],
    true,
  );
  const groups = codebook.filter((c) => c.isGroup && !c.retired);
  const codes = codebook.filter((c) => !c.isGroup && (!c.retired || c.usage > 0));
  add('appendixCodebook', [
    { kind: 'paragraph', text: r.codebookLead },
    ...[
      ...groups.map((g) => ({ name: g.name[lang], codes: codes.filter((c) => c.parentId === g.id) })),
      { name: '', codes: codes.filter((c) => !c.parentId) },
    ]
      .filter((g) => g.codes.length)
      .flatMap((g): ReportBlock[] => [
        ...(g.name ? [{ kind: 'heading', level: 3, text: g.name } as ReportBlock] : []),
        ...g.codes.flatMap((c): ReportBlock[] => [
          { kind: 'paragraph', emphasis: 'strong', text: anon.mask(c.name[lang], r.where.codebook) },
          { kind: 'paragraph', text: anon.mask(c.description[lang], r.where.codebook) || '—' },
        ]),
      ]),
  ]);
  progress(0.85, 'model');

  const model: ReportModel = {
    language: lang,
    meta: {
      clientName: engagement.clientName,
      title: anon.mask(engagement.title, r.where.cover),
      subtitle: subtitleOf(stats.sample, r, f),
      date: date(new Date(ctx.now()).toISOString().slice(0, 10)),
      confidential: r.confidential,
      pageLabel: r.page,
      tocTitle: r.toc,
      author: 'Kuulo',
      description: subtitleOf(stats.sample, r, f),
      keywords: anon.mask(
        [engagement.clientName, engagement.industry].filter(Boolean).join(', '),
        r.where.cover,
      ),
    },
    sections,
  };
  return { model, anon, register };
}

type ReportText = (typeof resources)[Language]['translation']['report'];

/** The cover line: how many interviews the findings rest on, and "interim" while some are still to be held. */
function subtitleOf(sample: Sample, r: ReportText, f: Formatter): string {
  const subtitle = f.plural(r, 'subtitle', sample.held);
  return isInterim(sample)
    ? `${subtitle} · ${f.fill(r.interimMark, { held: f.number(sample.held), total: f.number(sample.total) })}`
    : subtitle;
}

/** The method section's statement of the sample: the definition in words, interim, left out, not quoted. */
function sampleParagraphs(sample: Sample, r: ReportText, f: Formatter): ReportBlock[] {
  const text = [
    r.methodSample,
    isInterim(sample)
      ? f.fill(r.methodInterim, { held: f.number(sample.held), total: f.number(sample.total) })
      : '',
    sample.declined ? f.plural(r, 'methodDeclined', sample.declined) : '',
    sample.consentPending ? f.plural(r, 'methodPending', sample.consentPending) : '',
  ];
  return [{ kind: 'paragraph', text: text.filter(Boolean).join(' ') }];
}
