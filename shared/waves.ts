/**
 * Waves: an engagement that follows an earlier one of the same client, and what the comparison of the
 * two says. The types cross the contract; the rule that decides when a change is marked lives here so
 * that the app, `kuulo waves` and the report mark the same changes.
 *
 * THE RULE ("changes marked only when the bases allow it"):
 * - A share (of interviews or accounts where a code occurs, or of yes answers) is marked up or down
 *   only when both bases are at least SMALL_N and Fisher's exact test (two-sided) on the 2×2 table
 *   (hits and misses, then and now) gives p < 0.05. Fisher's test is exact at any size, so the small
 *   bases of a customer-listening study (10–40 interviews) need no normal approximation.
 * - An NPS is marked only when both n are at least SMALL_NPS_N and the difference exceeds its rough 95%
 *   margin: 1.96 × √(v₁/n₁ + v₂/n₂) × 100, where an NPS's variance v = (p⁺ + p⁻) − (p⁺ − p⁻)².
 * - A mean on the 1–5 scale is marked only when both n are at least SMALL_N and the difference exceeds
 *   1.96 × √(s₁²/n₁ + s₂²/n₂) (sample variances).
 * Otherwise the figures are shown as they are with "no clear change" (or "base too small"), never as
 * an arrow: a consultant must not read 3 of 8 → 5 of 9 as progress.
 */
import type { Localized, Polarity, Tier } from './domain.ts';
import { SMALL_N, SMALL_NPS_N } from './sample.ts';
import type { Feeds, Scale, ScaleSummary } from './scales.ts';

/** up / down: unlikely to be chance; unclear: could well be chance; smallBase: a base is below the limit. */
export const CHANGE_MARKS = ['up', 'down', 'unclear', 'smallBase'] as const;
export type ChangeMark = (typeof CHANGE_MARKS)[number];

/** The level below which a change is not called a change. */
export const CHANGE_ALPHA = 0.05;
const Z95 = 1.96;

/** ln(k!) for k = 0…n, by summing logs (exact enough for any base a study has). */
function logFactorials(n: number): (k: number) => number {
  const table = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) table[k] = (table[k - 1] ?? 0) + Math.log(k);
  return (k) => table[k] ?? 0;
}

/**
 * Fisher's exact test, two-sided: the probability, with the margins fixed, of a 2×2 table at least as
 * unlikely as the one seen (a hits of n₁, b hits of n₂). Tables as likely as the observed one within a
 * relative 1e-7 count as "as unlikely" (R's convention), so ties are not lost to rounding.
 */
export function fisherExact(a: number, n1: number, b: number, n2: number): number {
  const hits = a + b;
  const total = n1 + n2;
  if (n1 === 0 || n2 === 0 || hits === 0 || hits === total) return 1;
  const lf = logFactorials(total);
  const logP = (x: number) =>
    lf(hits) +
    lf(total - hits) +
    lf(n1) +
    lf(n2) -
    lf(total) -
    lf(x) -
    lf(n1 - x) -
    lf(hits - x) -
    lf(n2 - hits + x);
  const observed = logP(a);
  let p = 0;
  for (let x = Math.max(0, hits - n2); x <= Math.min(n1, hits); x++) {
    const lp = logP(x);
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

/** Marks the change of a share from a of n₁ (then) to b of n₂ (now). */
export function shareChange(a: number, n1: number, b: number, n2: number): ChangeMark {
  if (n1 < SMALL_N || n2 < SMALL_N) return 'smallBase';
  if (fisherExact(a, n1, b, n2) >= CHANGE_ALPHA) return 'unclear';
  return b / n2 > a / n1 ? 'up' : 'down';
}

/** An NPS's variance per answer (as shares, not %): (p⁺ + p⁻) − (p⁺ − p⁻)². */
export function npsVariance(promoters: number, detractors: number, n: number): number {
  if (!n) return 0;
  const plus = promoters / n;
  const minus = detractors / n;
  return plus + minus - (plus - minus) ** 2;
}

/** The rough 95% margin of a difference of two NPS, in NPS points; null when a base is empty. */
export function npsMargin(then: NpsCounts, now: NpsCounts): number | null {
  if (!then.n || !now.n) return null;
  const variance =
    npsVariance(then.promoters, then.detractors, then.n) / then.n +
    npsVariance(now.promoters, now.detractors, now.n) / now.n;
  return Z95 * Math.sqrt(variance) * 100;
}

export interface NpsCounts {
  n: number;
  promoters: number;
  detractors: number;
}

/** The unrounded NPS (%), so that a margin is compared with the real difference. */
const rawNps = ({ n, promoters, detractors }: NpsCounts) => ((promoters - detractors) / n) * 100;

export function npsChange(then: NpsCounts, now: NpsCounts): ChangeMark {
  if (then.n < SMALL_NPS_N || now.n < SMALL_NPS_N) return 'smallBase';
  const margin = npsMargin(then, now) ?? 0;
  const difference = rawNps(now) - rawNps(then);
  if (Math.abs(difference) <= margin) return 'unclear';
  return difference > 0 ? 'up' : 'down';
}

/** Marks a change of a mean (1–5 scale) by the difference against its rough 95% margin. */
export function meanChange(then: readonly number[], now: readonly number[]): ChangeMark {
  if (then.length < SMALL_N || now.length < SMALL_N) return 'smallBase';
  const stats = (values: readonly number[]) => {
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
    return { mean, variance, n: values.length };
  };
  const a = stats(then);
  const b = stats(now);
  const margin = Z95 * Math.sqrt(a.variance / a.n + b.variance / b.n);
  const difference = b.mean - a.mean;
  if (Math.abs(difference) <= margin) return 'unclear';
  return difference > 0 ? 'up' : 'down';
}

/** Marks a scale question's change by its kind: NPS by the NPS rule, yes/no as a share, 1–5 as a mean. */
export function scaleChange(
  scale: Exclude<Scale, 'open'>,
  then: readonly number[],
  now: readonly number[],
): ChangeMark {
  switch (scale) {
    case 'nps': {
      const counts = (values: readonly number[]) => ({
        n: values.length,
        promoters: values.filter((v) => v >= 9).length,
        detractors: values.filter((v) => v <= 6).length,
      });
      return npsChange(counts(then), counts(now));
    }
    case 'yesno':
      return shareChange(
        then.filter((v) => v === 1).length,
        then.length,
        now.filter((v) => v === 1).length,
        now.length,
      );
    case 'five':
      return meanChange(then, now);
  }
}

/** One engagement as a wave. */
export interface WaveRef {
  id: string;
  title: string;
  clientName: string;
  periodStart: string | null;
  periodEnd: string | null;
}

/** The interviews and accounts in one wave's sample (shared/sample.ts). */
export interface WaveBase {
  interviews: number;
  accounts: number;
}

export interface ShareFigure {
  interviews: number;
  accounts: number;
  /** % of the wave's interviews / accounts, one decimal. */
  interviewsPct: number;
  accountsPct: number;
}

/** One code, then and now (matched by id when shared, by origin when copied or linked). */
export interface CodeChange {
  /** The current wave's code. */
  codeId: string;
  code: Localized;
  color: string;
  polarity: Polarity;
  before: ShareFigure;
  after: ShareFigure;
  /** Marked on the share of interviews. */
  change: ChangeMark;
  accountsChange: ChangeMark;
}

export interface QuestionChange {
  /** The current wave's question. */
  questionId: string;
  text: string;
  scale: Exclude<Scale, 'open'>;
  feeds: Feeds | null;
  before: ScaleSummary;
  after: ScaleSummary;
  change: ChangeMark;
}

export interface ScoreChange {
  before: ScaleSummary;
  after: ScaleSummary;
  change: ChangeMark;
}

/** The figures of the two waves over one set of accounts (all, or those interviewed in both). */
export interface WaveFigures {
  base: { before: WaveBase; after: WaveBase };
  codes: CodeChange[];
  questions: QuestionChange[];
  /** The interviews' own NPS field. */
  nps: ScoreChange;
  /** The interviews' own satisfaction field (1–5). */
  satisfaction: ScoreChange;
}

export interface AccountScore {
  /** Interviews of the account in the wave's sample. */
  interviews: number;
  /** NPS answers (0–10) and their mean; null without answers. */
  npsN: number;
  npsMean: number | null;
  satisfactionN: number;
  satisfactionMean: number | null;
}

export interface AccountChange {
  /** The current wave's account; for one interviewed only in the previous wave and not in this one's list, that wave's. */
  accountId: string;
  /** False for an account of the previous wave that this wave's list does not have (it dropped out). */
  inCurrent: boolean;
  name: string;
  tier: Tier;
  /** Interviewed in both waves: one of the panel. */
  panel: boolean;
  before: AccountScore;
  after: AccountScore;
  /** Codes found for the account now and not then, and the other way round (panel accounts only). */
  appeared: { codeId: string; code: Localized }[];
  disappeared: { codeId: string; code: Localized }[];
}

export interface WaveComparison {
  current: WaveRef;
  /** Null when the engagement follows no wave (or its previous one is in the Trash or gone). */
  previous: WaveRef | null;
  /** The chain of waves this engagement belongs to, oldest first (itself included). */
  chain: WaveRef[];
  /** Accounts interviewed in both waves (matched by origin). */
  panelAccounts: number;
  /** The panel is shown first when both its interview bases are at least SMALL_N. */
  panelFirst: boolean;
  all: WaveFigures | null;
  panel: WaveFigures | null;
  accounts: AccountChange[];
}

/** What starting a next wave from an engagement would carry over, and what it would leave. */
export interface WaveCarryOver {
  accounts: number;
  interviewees: number;
  guideSections: number;
  guideQuestions: number;
  codes: number;
  /** Actions still open or in progress. */
  actions: number;
  /** Left behind: the earlier study's own material. */
  interviews: number;
  findings: number;
  /** The wave that already follows it, if any (then no other may be started). */
  followedBy: WaveRef | null;
}

export interface MatchCount {
  matched: number;
  of: number;
}

/** What linking an engagement to an earlier wave matched, by name (accounts, people, codes, questions). */
export interface WaveLinkResult {
  previousEngagementId: string | null;
  accounts: MatchCount;
  people: MatchCount;
  codes: MatchCount;
  questions: MatchCount;
}

/**
 * The wave number of each engagement (1 = first, or not a wave), walking the previous links that are
 * in the list. A broken or cyclic chain stops where it breaks.
 */
export function waveNumbers(
  engagements: readonly { id: string; previousEngagementId: string | null }[],
): Map<string, number> {
  const previous = new Map(engagements.map((e) => [e.id, e.previousEngagementId]));
  const numbers = new Map<string, number>();
  for (const { id } of engagements) {
    let n = 1;
    const seen = new Set([id]);
    let at = previous.get(id) ?? null;
    while (at && previous.has(at) && !seen.has(at)) {
      seen.add(at);
      n++;
      at = previous.get(at) ?? null;
    }
    numbers.set(id, n);
  }
  return numbers;
}
