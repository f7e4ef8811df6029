import type {
  Importance,
  LifecycleStage,
  Localized,
  Polarity,
  RoleLevel,
  Sentiment,
  Tier,
} from './domain.ts';
import type { Sample } from './sample.ts';

/**
 * The figures of the analysis screen, the `stats` CLI and the report. All of them are computed in
 * the services (SQL); the UI only shows them. "Held" interviews are those in the one sample
 * (shared/sample.ts): done or coded, nobody declined consent.
 */

export interface Base {
  /** Held interviews of the engagement. */
  interviews: number;
  /** Accounts with at least one held interview. */
  accounts: number;
  /** Annual revenue of those accounts whose revenue is known. */
  revenue: number;
  /** Of those accounts, how many have no revenue recorded: revenue shares leave them out. */
  revenueUnknown: number;
}

export interface CodeRef {
  codeId: string;
  code: Localized;
  color: string;
  groupId: string | null;
  /** Whether more of the code is bad news, good news or neither: it colours changes. */
  polarity: Polarity;
}

export interface PrevalenceRow extends CodeRef {
  interviews: number;
  accounts: number;
  codings: number;
  /** Shares of the base, 0–100, one decimal. */
  interviewsPct: number;
  accountsPct: number;
  /** Share of the base revenue held by accounts where the code occurs, 0–100. */
  revenuePct: number;
  /** Known revenue of the accounts where the code occurs, so a share can be formatted once from counts. */
  revenue: number;
  sentiment: Record<Sentiment | 'none', number>;
  base: Base;
}

export const CROSSTAB_ATTRIBUTES = ['tier', 'roleLevel', 'importance', 'lifecycle'] as const;
export type CrosstabAttribute = (typeof CROSSTAB_ATTRIBUTES)[number];
export type AttributeValue = Tier | RoleLevel | Importance | LifecycleStage;

export interface CrosstabColumn {
  value: AttributeValue;
  /** Held interviews in this column (an interview with people of two role levels is in both). */
  n: number;
  /** n < SMALL_N: every share in the column rests on very few interviews. */
  smallN: boolean;
}

export interface Crosstab {
  attribute: CrosstabAttribute;
  /**
   * Values present among held interviews, in domain order. An account without an importance or
   * lifecycle stage puts its interviews in no column of that attribute, so those columns may sum to
   * less than the base; tier columns always sum to it.
   */
  columns: CrosstabColumn[];
  /** Each cell carries its base `n` (the column's) so the share is never shown without it. */
  rows: (CodeRef & { cells: { interviews: number; pct: number; n: number; smallN: boolean }[] })[];
}

export const COOCCURRENCE_LEVELS = ['interview', 'passage'] as const;
export type CooccurrenceLevel = (typeof COOCCURRENCE_LEVELS)[number];

export interface Cooccurrence {
  level: CooccurrenceLevel;
  codes: CodeRef[];
  /**
   * counts[i][j]: interviews (or overlapping passage pairs) where codes i and j occur together; the
   * diagonal is the code alone. Passage level: pairs of live codings of two different codes whose
   * spans overlap (touching is not overlapping) in one held interview; the diagonal is the code's
   * codings. `codes` are those with codings in held interviews, in prevalence order.
   */
  counts: number[][];
}

export interface ScoreGroup {
  /** 'all' for the engagement, otherwise the tier. */
  group: Tier | 'all';
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Promoters − detractors, % of n; null when nobody gave a score. */
  nps: number | null;
  satisfactionN: number;
  satisfactionMean: number | null;
  /** n < 5: show the figure but warn that it rests on very few answers. */
  smallN: boolean;
}

export interface KeyPersonRiskRow {
  accountId: string;
  account: string;
  tier: Tier;
  interviews: number;
  /** Distinct client people the account's interviewees know (names compared trimmed, case- and space-insensitive). */
  people: number;
  strategic: number;
  operational: number;
  /** The relationship rests on exactly one known person. */
  singlePerson: boolean;
  /** No client contacts recorded at all: unknown, not a one-person relationship. */
  noContacts: boolean;
}

export interface CoverageRow {
  tier: Tier;
  interviews: number;
  /** All the engagement's accounts in the tier, interviewed or not. */
  accounts: number;
  /** Of those, the accounts with a held interview: the tier's accounts in the sample. */
  accountsInterviewed: number;
  /** Known revenue of those accounts. */
  revenue: number;
  /** Accounts of the tier with no revenue recorded: revenue shares are over the others. */
  revenueUnknown: number;
  interviewsPct: number;
  accountsPct: number;
  revenuePct: number;
}

export interface BenchmarkRow extends CodeRef {
  /** This engagement's share of interviews with the code, 0–100. */
  thisPct: number;
  /** Mean of the other engagements' shares (engagements with held interviews only); null if none. */
  othersPct: number | null;
  /** this − others, percentage points; null if no others. */
  diff: number | null;
}

/** An engagement a benchmark compares with, or could. */
export interface BenchmarkComparator {
  engagementId: string;
  clientName: string;
  title: string;
  /** The period as the engagement states it, else its first and last interview dates; null if neither. */
  start: string | null;
  end: string | null;
  /** Held interviews: the n its shares are over. */
  interviews: number;
  /** It ended before this engagement began (the default choice). */
  earlier: boolean;
}

export interface Benchmark {
  /** How many other engagements the average is over (those of `comparators` with held interviews). */
  others: number;
  /** The engagements compared with, by period; each has held interviews. */
  comparators: BenchmarkComparator[];
  /** Held interviews of all comparators together. */
  interviews: number;
  /** The consultant picked the comparators; otherwise they are the default by time. */
  picked: boolean;
  rows: BenchmarkRow[];
}

/** What the benchmark picker offers: every other engagement, and which of them are compared with. */
export interface BenchmarkChoice {
  candidates: BenchmarkComparator[];
  /** Ids compared with now (picked, or the default by time). */
  selected: string[];
  picked: boolean;
}

export interface EngagementStats {
  engagementId: string;
  /** Held, still to hold and left-out interviews: figures are interim while any remain to hold. */
  sample: Sample;
  base: Base;
  prevalence: PrevalenceRow[];
  crosstabs: Record<CrosstabAttribute, Crosstab>;
  cooccurrence: Record<CooccurrenceLevel, Cooccurrence>;
  scores: ScoreGroup[];
  keyPersonRisk: KeyPersonRiskRow[];
  coverage: CoverageRow[];
  benchmark: Benchmark;
}

export interface PortfolioEngagement {
  engagementId: string;
  clientName: string;
  title: string;
  language: 'fi' | 'en';
  base: Base;
  nps: number | null;
  npsN: number;
  /** The answers behind the NPS: shown beside it while npsN < SMALL_NPS_N. */
  promoters: number;
  passives: number;
  detractors: number;
  /** base.interviews < SMALL_N: the engagement's column of shares is marked. */
  smallN: boolean;
}

export interface Portfolio {
  engagements: PortfolioEngagement[];
  codes: CodeRef[];
  /** pct[i][j]: share of engagement i's held interviews with code j, 0–100. */
  pct: number[][];
}
