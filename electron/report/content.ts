import type { EngagementStats, ScoreGroup } from '../../shared/analysis.ts';
import type { ChartSpec } from '../../shared/charts.ts';
import type {
  FindingClaim,
  InterviewMode,
  Language,
  Priority,
  RoleLevel,
  Sentiment,
  Tier,
} from '../../shared/domain.ts';
import type { AnonymizationLevel } from '../../shared/report.ts';
import type { ActionsContent } from './actionsSection.ts';
import type { AnswersContent } from './guideSection.ts';
import type { WavesContent } from './wavesSection.ts';

/**
 * What the findings report says, as typed values: one report, three renderers. The Word layout
 * (word.ts) formats the numbers into its tables and draws the charts as pictures; the deck
 * (deck.ts) draws the same chart specs as native charts; the workbook (workbook.ts) writes the
 * numbers as numbers. Every string here is final text in the report's language, already anonymised
 * (names of people and accounts by the one anonymiser); numbers are raw counts, shares in percent
 * (0–100) or scores, never formatted.
 *
 * A section the export was not asked for is null.
 */
export interface ReportContent {
  language: Language;
  /** The language the interviews were held in: quotes and notes are in it. */
  engagementLanguage: Language;
  anonymize: AnonymizationLevel;
  cover: ReportCover;
  /** The held interviews' first and last dates (ISO), for every chart's source line. */
  period: { from: string | null; to: string | null };
  /** The engagement's figures with code names masked: the workbook's prevalence and crosstab sheets. */
  stats: EngagementStats;
  summary: SummaryContent | null;
  method: MethodContent | null;
  findings: FindingsContent | null;
  scores: ScoresContent | null;
  keyPerson: KeyPersonContent | null;
  /** Answers per question (guideSection.ts); null also when the engagement has no guide. */
  answers: AnswersContent | null;
  benchmark: BenchmarkContent | null;
  /** Only for an engagement that follows an earlier wave (report/wavesSection.ts). */
  waves: WavesContent | null;
  recommendations: RecommendationsContent | null;
  /** The action register, with the recommendations (actionsSection.ts). */
  actions?: ActionsContent | null;
  appendixInterviews: InterviewRow[] | null;
  appendixCodebook: CodebookGroup[] | null;
  /** Every coded passage of the sample, one row each (only when asked for: the workbook's quotes). */
  passages: PassageRow[] | null;
}

export interface ReportCover {
  clientName: string;
  title: string;
  /** "Findings from 15 customer interviews", with the interim mark while some are still to be held. */
  subtitle: string;
  /** The date printed on the cover, formatted for the language. */
  date: string;
  keywords: string;
}

export interface SummaryContent {
  /** "We interviewed 14 people at 9 customer accounts of … between … and …". */
  lead: string;
  keyFindings: KeyFinding[];
  /** Every finding written, of which `keyFindings` holds the first few: "… and 8 more in the report". */
  findingsTotal: number;
  /** With no findings written: why not, and the most common themes with their figures. */
  noFindings: { text: string; themes: { code: string; count: number; base: number }[] } | null;
  /** The headline figures besides the findings: NPS with its n and range, the key-person headline. */
  headlines: { label: string; nps: string; keyPerson: string };
  /** The recommendations that come first (by priority); empty: `noRecommendations`. */
  recommendations: { priority: Priority; text: string }[];
  noRecommendations: string;
}

export interface KeyFinding {
  number: number;
  title: string;
  message: string;
  claim: ClaimFigure | null;
}

/**
 * A finding's figure: the claim as a sentence (with its n and base) and its numbers. A finding with
 * no codes behind it has nothing measured, so no figure (null), never a "0 %".
 */
export interface ClaimFigure {
  sentence: string;
  /** Tiers' own figures in words ("key accounts 4 of 5, …"), or null with one tier. */
  tiers: string | null;
  count: number;
  base: number;
  /** What `count` counts: interviews, accounts or known revenue in euros. */
  unit: FindingClaim['unit'];
  claim: FindingClaim;
}

export interface MethodContent {
  purpose: string[];
  text: string;
  /** Said when the report's language is not the interviews'. */
  languageNote: string | null;
  sample: string;
  coverage: CoverageLine[];
  /** "Revenue is not known for 2 accounts…", or null. */
  revenueUnknown: string | null;
  roles: { level: RoleLevel; people: number }[];
  coverageChart: ChartSpec;
  privacy: { label: string; text: string };
}

export interface CoverageLine {
  tier: Tier;
  accountsInterviewed: number;
  accounts: number;
  interviews: number;
  /** Share of the register's known revenue, in percent with COVERAGE_DECIMALS; null when none is known. */
  revenueShare: number | null;
}

export interface FindingsContent {
  /** The lead paragraph, or why there is nothing to show yet. */
  lead: string;
  coded: boolean;
  prevalenceChart: ChartSpec | null;
  items: FindingItem[];
}

export interface FindingItem {
  number: number;
  title: string;
  keyMessage: string;
  priority: Priority;
  claim: ClaimFigure | null;
  body: string[];
  /** The finding's codes by tier, when there is more than one tier to compare. */
  chart: ChartSpec | null;
  quotes: ReportQuote[];
  recommendation: string;
}

export interface ReportQuote {
  text: string;
  /** "Interviewee 3, Key account A" at the report's level, or the person as named. */
  attribution: string;
  date: string | null;
}

export interface ScoresContent {
  lead: string;
  chart: ChartSpec | null;
  rows: (ScoreGroup & { label: string })[];
  /** Notes under the table: small n, distribution. */
  notes: string[];
  /** With no scores at all: what to say instead. */
  empty: string | null;
}

export interface KeyPersonContent {
  lead: string;
  summary: string;
  noContacts: string | null;
  rows: KeyPersonLine[];
  /** With no relationships recorded: what to say instead. */
  empty: string | null;
}

export interface KeyPersonLine {
  account: string;
  tier: Tier;
  people: number;
  strategic: number;
  operational: number;
  risk: 'singlePerson' | 'noContact' | null;
}

export interface BenchmarkContent {
  /** What it is compared with (count, n, years), or why there is nothing to compare with. */
  said: string;
  /** False: only `said` (and `noCodings`) is printed. */
  compared: boolean;
  lead: string;
  chart: ChartSpec | null;
  caption: string;
  header: string[];
  rows: BenchmarkLine[];
  noCodings: string | null;
}

export interface BenchmarkLine {
  code: string;
  thisPct: number;
  othersPct: number | null;
  diff: number | null;
  /** The difference in the colour of what it means (worse is red whatever the sign). */
  colour: string | null;
}

export interface RecommendationsContent {
  lead: string;
  rows: { priority: Priority; finding: string; recommendation: string }[];
  empty: string | null;
}

export interface InterviewRow {
  date: string | null;
  account: string;
  tier: Tier;
  /** Names or labels at the report's level; at 'people' only their count. */
  interviewees: string;
  mode: InterviewMode;
  minutes: number | null;
}

export interface CodebookGroup {
  name: string;
  codes: { name: string; description: string }[];
}

/** One coded passage, masked at the report's level. */
export interface PassageRow {
  /** The interview's number in the appendix's list of interviews (1-based). */
  interview: number;
  date: string | null;
  account: string;
  /** Who said it, as the report attributes quotes: a label at 'people' and 'accounts', the name at 'none'. */
  attribution: string;
  tier: Tier;
  roleLevels: RoleLevel[];
  code: string;
  sentiment: Sentiment | null;
  severity: number | null;
  starred: boolean;
  memo: string;
  text: string;
}
