import { benchmarkLabel, comparedWithEarlier } from '../../shared/benchmark.ts';
import {
  benchmarkChart,
  benchmarkFigures,
  COVERAGE_DECIMALS,
  coverageChart,
  coverageShares,
  crosstabChart,
  npsChart,
  prevalenceChart,
} from '../../shared/charts.ts';
import { claimBreakdown, claimSentence } from '../../shared/claims.ts';
import { type Finding, INTERVIEW_MODES, type Priority, ROLE_LEVELS, type Tier } from '../../shared/domain.ts';
import { LOCALES } from '../../shared/format.ts';
import { changeColour } from '../../shared/polarity.ts';
import { isInterim, type Sample, SMALL_NPS_N } from '../../shared/sample.ts';
import type {
  BenchmarkContent,
  ClaimFigure,
  CodebookGroup,
  FindingItem,
  FindingsContent,
  InterviewRow,
  KeyPersonContent,
  MethodContent,
  RecommendationsContent,
  ReportCover,
  ScoresContent,
  SummaryContent,
} from './content.ts';
import type { ReportData } from './load.ts';
import { keyPersonHeadline, npsHeadline, topRecommendations } from './summary.ts';

/**
 * One pure function per section of the findings report: the loaded, masked data → what the section
 * says, as typed values. No formatting of numbers into tables and no drawing here: the renderers do
 * that, each in its own way.
 */

const PRIORITY_ORDER: Priority[] = ['high', 'medium', 'low'];
const MAX_KEY_FINDINGS = 7;
const MAX_QUOTES_PER_FINDING = 5;

const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** Where a finding's texts are, for the review ("Finding 3"). */
const findingAt = (d: ReportData, finding: Finding) =>
  d.f.fill(d.r.where.finding, { n: d.findings.indexOf(finding) + 1 });

/**
 * A finding's figure: its claim in words, with its n and base (shared/claims.ts, as on the board);
 * null when no code is behind it, as nothing was measured.
 */
function claimFigure(d: ReportData, finding: Finding): ClaimFigure | null {
  const claim = finding.claim;
  if (claim.codes.length === 0) return null;
  return {
    sentence: claimSentence(claim, d.lang, {
      names: claim.codes.map((c) => d.anon.mask(c.name[d.lang], d.r.where.codebook)),
    }),
    tiers: claimBreakdown(claim, d.lang),
    count: claim.count,
    base: claim.base,
    unit: claim.unit,
    claim,
  };
}

export function coverContent(d: ReportData): ReportCover {
  return {
    clientName: d.engagement.clientName,
    title: d.anon.mask(d.engagement.title, d.r.where.cover),
    subtitle: subtitleOf(d, d.stats.sample),
    date: d.date(new Date(d.now).toISOString().slice(0, 10)),
    keywords: d.anon.mask(
      [d.engagement.clientName, d.engagement.industry].filter(Boolean).join(', '),
      d.r.where.cover,
    ),
  };
}

/**
 * Executive summary: one page (the lead, the findings with their figures, NPS and the key-person
 * headline, the recommendations that come first); no chart here, the chapters carry them.
 */
export function summaryContent(d: ReportData): SummaryContent {
  const { r, anon, findings, stats, lang } = d;
  const coded = stats.prevalence.some((p) => p.interviews > 0);
  return {
    lead: summaryLead(d),
    keyFindings: findings.slice(0, MAX_KEY_FINDINGS).map((finding, index) => ({
      number: index + 1,
      title: anon.mask(finding.title, findingAt(d, finding)),
      message: anon.mask(finding.keyMessage || finding.title, findingAt(d, finding)),
      claim: claimFigure(d, finding),
    })),
    findingsTotal: findings.length,
    noFindings: findings.length
      ? null
      : {
          text: coded ? r.summaryNoFindings : r.noCodings,
          themes: stats.prevalence
            .filter((p) => p.interviews > 0)
            .slice(0, 5)
            .map((p) => ({ code: p.code[lang], count: p.interviews, base: p.base.interviews })),
        },
    headlines: {
      label: r.summaryFigures,
      nps: npsHeadline(stats.scores, lang),
      keyPerson: keyPersonHeadline(stats.keyPersonRisk, lang, d.engagement.clientName),
    },
    recommendations: topRecommendations(findings).map((finding) => ({
      priority: finding.priority,
      text: anon.mask(finding.recommendation, findingAt(d, finding)),
    })),
    noRecommendations: r.noRecommendations,
  };
}

/**
 * "We interviewed … between … and …": the period only when it is known (held interviews without
 * dates have none), one day said as one, and with nothing held yet, that.
 */
function summaryLead(d: ReportData): string {
  const { r, f, stats, period } = d;
  const values = {
    people: f.plural(r, 'summaryPeople', d.people),
    accounts: f.plural(r, 'summaryAccounts', stats.base.accounts),
    client: d.engagement.clientName,
  };
  // Nobody interviewed yet: "we interviewed 0 people" would be no sentence to print.
  if (stats.base.interviews === 0) return f.fill(r.summaryLeadNone, { client: d.engagement.clientName });
  if (!period.from || !period.to) return f.fill(r.summaryLeadUndated, values);
  if (period.from === period.to) return f.fill(r.summaryLeadOneDay, { ...values, date: d.date(period.from) });
  return f.fill(r.summaryLead, { ...values, from: d.date(period.from), to: d.date(period.to) });
}

/** Method and sample: purpose, how the interviews were held, the sample beside the register. */
export function methodContent(d: ReportData): MethodContent {
  const { r, f, anon, interviews, stats, lang } = d;
  // Modes as phrases that fit the sentence ("paikan päällä, videoyhteydellä ja puhelimitse"), in one
  // fixed order, joined as the language joins a list.
  const modes = new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(
    INTERVIEW_MODES.filter((mode) => interviews.some((i) => i.mode === mode)).map(
      (mode) => r.modePhrases[mode],
    ),
  );
  const durations = interviews.map((i) => i.durationMin).filter((m): m is number => m !== null);
  const roleCounts = new Map<string, number>();
  for (const i of interviews)
    for (const p of i.interviewees) roleCounts.set(p.roleLevel, (roleCounts.get(p.roleLevel) ?? 0) + 1);
  const revenueShares = coverageShares(stats.coverage).revenue;
  const revenueUnknown = stats.coverage.reduce((sum, c) => sum + c.revenueUnknown, 0);
  return {
    purpose: d.engagement.purpose ? paragraphs(anon.mask(d.engagement.purpose, r.purpose)) : [],
    // The duration sentence only when some duration is recorded, the modes only when some interview was held.
    text: !modes
      ? r.methodTextNoInterviews
      : f.fill(durations.length ? r.methodText : r.methodTextNoDuration, {
          modes,
          minutes: durations.length
            ? f.number(Math.round(durations.reduce((a, b) => a + b, 0) / durations.length))
            : '',
          base: f.plural(r, 'methodBase', stats.base.interviews),
        }),
    // A report in another language than the interviews: its quotes and notes are not translated.
    languageNote:
      lang !== d.engagement.language
        ? f.fill(r.languageNote, { language: r.interviewLanguages[d.engagement.language] })
        : null,
    sample: sampleStatement(d, stats.sample),
    // The same shares as the coverage chart: from the register's known revenues, one decimal, summing
    // to 100; a tier where no revenue is known has no share rather than 0 %.
    coverage: stats.coverage.map((c, i) => ({
      tier: c.tier,
      accountsInterviewed: c.accountsInterviewed,
      accounts: c.accounts,
      interviews: c.interviews,
      revenueShare:
        c.revenueUnknown === c.accounts ? null : Number((revenueShares[i] ?? 0).toFixed(COVERAGE_DECIMALS)),
    })),
    revenueUnknown: revenueUnknown ? f.plural(r, 'revenueUnknown', revenueUnknown) : null,
    roles: ROLE_LEVELS.map((level) => ({ level, people: roleCounts.get(level) ?? 0 })),
    coverageChart: coverageChart(stats.coverage, lang),
    privacy: { label: r.privacy, text: r.anonymization[d.anonymize] },
  };
}

/** The findings, one by one: the message, the figure with its n, the tiers' chart, the quotes. */
export function findingsContent(d: ReportData): FindingsContent {
  const { r, t, anon, interviews, stats, lang } = d;
  const coded = stats.prevalence.some((p) => p.interviews > 0);
  const items = d.findings.map((finding, index): FindingItem => {
    const where = findingAt(d, finding);
    const title = anon.mask(finding.title, where);
    const rows = stats.crosstabs.tier.rows.filter((row) => finding.codeIds.includes(row.codeId));
    const chart =
      rows.length && stats.crosstabs.tier.columns.length > 1
        ? {
            ...crosstabChart(
              { ...stats.crosstabs.tier, rows },
              lang,
              t.analysis.attributes.tier,
              (v) => t.account.tiers[v as Tier],
            ),
            id: `finding-${index + 1}`,
            title: `${r.themeByTier}: ${title}`,
          }
        : null;
    return {
      number: index + 1,
      title,
      keyMessage: finding.keyMessage ? anon.mask(finding.keyMessage, where) : '',
      priority: finding.priority,
      claim: claimFigure(d, finding),
      body: paragraphs(anon.mask(finding.body, where)),
      chart,
      quotes: finding.quotes.slice(0, MAX_QUOTES_PER_FINDING).map((quote) => {
        const interview = interviews.find((i) => i.id === quote.interviewId);
        const person = interview?.interviewees[0];
        const attribution = person ? anon.person(person.id) : anon.account(quote.accountId);
        const date = interview?.date ?? null;
        return {
          text: anon.mask(quote.quote, `${where} · ${attribution}${date ? `, ${date}` : ''}`),
          attribution,
          date,
        };
      }),
      recommendation: finding.recommendation ? anon.mask(finding.recommendation, where) : '',
    };
  });
  return {
    lead: coded ? r.findingsLead : r.noCodings,
    coded,
    prevalenceChart: coded ? prevalenceChart(stats.prevalence, lang) : null,
    items,
  };
}

/** NPS and satisfaction by tier, with the small-n and distribution notes. */
export function scoresContent(d: ReportData): ScoresContent {
  const { r, t, stats, lang } = d;
  const scored = stats.scores.filter((s) => s.n > 0);
  return {
    lead: r.npsLead,
    chart: scored.length ? npsChart(stats.scores, lang) : null,
    rows: scored.map((s) => ({ ...s, label: s.group === 'all' ? t.charts.all : t.account.tiers[s.group] })),
    notes: [
      ...(scored.some((s) => s.smallN) ? [r.smallN] : []),
      // The table always gives the distribution; below 10 answers the reader is told to use it.
      ...(scored.some((s) => s.n < SMALL_NPS_N) ? [r.npsDistribution] : []),
    ],
    empty: scored.length ? null : r.noScores,
  };
}

/** Key-person risk: accounts that know only one person at the client. */
export function keyPersonContent(d: ReportData): KeyPersonContent {
  const { r, f, anon, stats } = d;
  const risk = stats.keyPersonRisk;
  const single = risk.filter((k) => k.singlePerson).length;
  const noContacts = risk.filter((k) => k.noContacts).length;
  const client = d.engagement.clientName;
  return {
    lead: f.fill(r.keyPersonLead, { client }),
    // Accounts with nobody recorded are unknown, not one-person relationships: out of the count.
    summary: f.plural(r, 'keyPersonSummary', single, { total: risk.length - noContacts, client }),
    noContacts: noContacts ? f.plural(r, 'keyPersonNoContacts', noContacts) : null,
    rows: risk.map((k) => ({
      account: anon.account(k.accountId),
      tier: k.tier,
      people: k.people,
      strategic: k.strategic,
      operational: k.operational,
      risk: k.noContacts ? 'noContact' : k.singlePerson ? 'singlePerson' : null,
    })),
    empty: risk.some((k) => k.people > 0) ? null : r.noRelationships,
  };
}

/**
 * Benchmark: against the studies chosen (by default those that ended before this one began), named
 * by their count, n and years; with none, the section says so instead of comparing.
 */
export function benchmarkContent(d: ReportData): BenchmarkContent {
  const { r, t, stats, lang } = d;
  const benchmark = stats.benchmark;
  const rowsCompared = benchmark.rows.filter(
    (b) => b.othersPct !== null && (b.thisPct > 0 || (b.othersPct ?? 0) > 0),
  );
  const compared = benchmark.others > 0 && rowsCompared.length > 0;
  // Earlier only when every comparator is, as the chart and its label say.
  const earlier = comparedWithEarlier(benchmark);
  return {
    said: benchmarkLabel(benchmark, lang),
    compared,
    lead: t.benchmark.lead,
    chart: compared ? benchmarkChart(benchmark, lang, undefined, stats.prevalence) : null,
    caption: earlier ? r.benchmarkTable : r.benchmarkTableOther,
    header: [r.theme, r.thisStudy, earlier ? r.earlier : t.benchmark.otherStudies, r.difference],
    // As the chart shows them; the difference is between the two shown figures, in the colour of
    // what it means (worse is red whatever the sign).
    rows: compared
      ? rowsCompared.map((b) => {
          const shown = benchmarkFigures(b, stats.prevalence);
          return {
            code: b.code[lang],
            thisPct: shown.thisPct,
            othersPct: shown.othersPct,
            diff: shown.diff,
            colour: changeColour(b.polarity, shown.diff),
          };
        })
      : [],
    // Comparators but nothing coded here: say what it would be compared with, and why it is not.
    noCodings: !compared && benchmark.others > 0 ? r.noCodings : null,
  };
}

/** Every recommendation, by priority and then in the findings' own order. */
export function recommendationsContent(d: ReportData): RecommendationsContent {
  const { r, anon } = d;
  const recommended = d.findings
    .filter((f) => f.recommendation.trim())
    .sort(
      (a, b) =>
        PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) || a.sortOrder - b.sortOrder,
    );
  return {
    lead: r.recommendationsLead,
    rows: recommended.map((f) => ({
      priority: f.priority,
      finding: anon.mask(f.title, findingAt(d, f)),
      recommendation: anon.mask(f.recommendation, findingAt(d, f)),
    })),
    empty: recommended.length ? null : r.noRecommendations,
  };
}

/** The interviews of the sample, at the report's level of anonymity. */
export function interviewRows(d: ReportData): InterviewRow[] {
  const { anon } = d;
  return d.interviews.map((i) => ({
    date: i.date,
    account: anon.account(i.accountId),
    tier: i.tier,
    // With company names shown, a role beside one would point to a person: only the count.
    interviewees:
      d.anonymize === 'people'
        ? String(i.interviewees.length || '—')
        : i.interviewees.map((p) => anon.person(p.id)).join('; ') || '—',
    mode: i.mode,
    minutes: i.durationMin,
  }));
}

/** The codebook's codes in use, under their groups. */
export function codebookGroups(d: ReportData): CodebookGroup[] {
  const { anon, lang, r } = d;
  const groups = d.codebook.filter((c) => c.isGroup && !c.retired);
  const codes = d.codebook.filter((c) => !c.isGroup && (!c.retired || c.usage > 0));
  return [
    ...groups.map((g) => ({ name: g.name[lang], codes: codes.filter((c) => c.parentId === g.id) })),
    { name: '', codes: codes.filter((c) => !c.parentId) },
  ]
    .filter((g) => g.codes.length)
    .map((g) => ({
      name: g.name,
      codes: g.codes.map((c) => ({
        name: anon.mask(c.name[lang], r.where.codebook),
        description: anon.mask(c.description[lang], r.where.codebook),
      })),
    }));
}

/** The cover line: how many interviews the findings rest on, and "interim" while some are still to be held. */
export function subtitleOf(d: ReportData, sample: Sample): string {
  const { r, f } = d;
  const subtitle = f.plural(r, 'subtitle', sample.held);
  return isInterim(sample)
    ? `${subtitle} · ${f.fill(r.interimMark, { held: f.number(sample.held), total: f.number(sample.total) })}`
    : subtitle;
}

/** The method section's statement of the sample: the definition in words, interim, left out, not quoted. */
function sampleStatement(d: ReportData, sample: Sample): string {
  const { r, f } = d;
  return [
    r.methodSample,
    isInterim(sample)
      ? f.fill(r.methodInterim, { held: f.number(sample.held), total: f.number(sample.total) })
      : '',
    sample.declined ? f.plural(r, 'methodDeclined', sample.declined) : '',
    sample.consentPending ? f.plural(r, 'methodPending', sample.consentPending) : '',
  ]
    .filter(Boolean)
    .join(' ');
}
