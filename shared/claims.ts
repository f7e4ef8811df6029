import type {
  ClaimCounts,
  ClaimSegment,
  ClaimSentiment,
  FindingClaim,
  Language,
  Polarity,
  Tier,
} from './domain.ts';
import { TIERS } from './domain.ts';
import { formatter } from './format.ts';
import { resources } from './i18n/index.ts';
import { isSmallN } from './sample.ts';

/**
 * A finding's claim in words, the same in the app, the report and the CLI: what was counted, over
 * which part of the sample, and of how many ("5 of 12 interviews raised key-person risk as a problem
 * (42%)"). Every number goes through the one formatter.
 */

/** The sentiment a code's polarity reads as: a problem is raised negatively, a strength positively. */
export function sentimentOfPolarity(polarity: Polarity): ClaimSentiment {
  switch (polarity) {
    case 'problem':
      return 'negative';
    case 'strength':
      return 'positive';
    case 'neutral':
      return 'any';
  }
}

/** A theme name inside a sentence: lower case, unless it starts with an acronym ("NPS", "IT-tuki"). */
function inSentence(name: string): string {
  const [first = '', second = ''] = [...name];
  return second && second === second.toLocaleUpperCase() && second !== second.toLocaleLowerCase()
    ? name
    : first.toLocaleLowerCase() + name.slice(first.length);
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
const uncapitalised = (text: string) =>
  /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLocaleLowerCase() + text.slice(1) : text;

/** "A, B or C" in the language. */
function either(names: string[], lang: Language): string {
  if (names.length < 2) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${resources[lang].translation.claims.or} ${names.at(-1)}`;
}

export interface SentenceOptions {
  /** The claim's code names as they should be printed (the report masks them); by default their names. */
  names?: string[];
}

/** The claim as one sentence, with its n and its base. */
export function claimSentence(
  claim: FindingClaim,
  lang: Language,
  { names = claim.codes.map((c) => c.name[lang]) }: SentenceOptions = {},
): string {
  const c = resources[lang].translation.claims;
  const f = formatter(lang);
  const codes = either(names.map(inSentence), lang);
  // Any sentiment says nothing about it.
  const as = claim.sentiment === 'any' ? '' : c.as[claim.sentiment];
  let sentence: string;
  // Only a sentence with a figure in it can overstate; "nothing to measure" needs no mark.
  let figured = false;
  if (claim.baseInterviews === 0) sentence = f.fill(c.noBase, { codes });
  else if (claim.unit === 'revenue' && claim.baseRevenue === 0) sentence = f.fill(c.noRevenue, { codes });
  else {
    figured = true;
    const [n, count] =
      claim.unit === 'interviews'
        ? [claim.interviews, claim.baseInterviews]
        : [claim.accounts, claim.baseAccounts];
    sentence = f.plural(c, claim.unit, count, {
      n,
      codes,
      as,
      pct: f.percent(claim.count, claim.base),
      sum: f.money(claim.revenue),
      total: f.money(claim.baseRevenue),
    });
  }
  if (claim.unit === 'revenue' && claim.unknownRevenueAccounts > 0)
    sentence = `${sentence}; ${f.plural(c, 'unknownRevenue', claim.unknownRevenueAccounts)}`;
  sentence = claim.segment
    ? f.fill(c.segmented, { segment: segmentLabel(claim.segment, lang), sentence: uncapitalised(sentence) })
    : capitalised(sentence);
  return figured && claimIsSmallN(claim) ? f.fill(c.smallN, { sentence }) : sentence;
}

/** The claim's base in its own unit: interviews, or accounts (a revenue share is over accounts). */
export const claimBaseN = (claim: FindingClaim): number =>
  claim.unit === 'interviews' ? claim.baseInterviews : claim.baseAccounts;

/** A figure over fewer than SMALL_N interviews or accounts: "1 of 1 (100 %)" is an indication only. */
export const claimIsSmallN = (claim: FindingClaim): boolean => {
  const n = claimBaseN(claim);
  return n > 0 && isSmallN(n);
};

/** The part of the sample a claim is measured over, as a group: "Key accounts", "Decision-makers". */
export function segmentLabel(segment: ClaimSegment, lang: Language): string {
  const s = resources[lang].translation.claims.segments;
  switch (segment.kind) {
    case 'tier':
      return s.tier[segment.value];
    case 'roleLevel':
      return s.roleLevel[segment.value];
    case 'importance':
      return s.importance[segment.value];
    case 'lifecycle':
      return s.lifecycle[segment.value];
  }
}

/** The tiers the claim's base has interviews in, with their counts. */
export function claimTiers(claim: FindingClaim): { tier: Tier; counts: ClaimCounts }[] {
  return TIERS.filter((tier) => claim.tiers[tier].baseInterviews > 0).map((tier) => ({
    tier,
    counts: claim.tiers[tier],
  }));
}

/** One tier of the breakdown: "Key account — interviews 3/5, accounts 2/3". */
export function tierLine(tier: Tier, counts: ClaimCounts, lang: Language): string {
  const t = resources[lang].translation;
  const f = formatter(lang);
  return f.fill(t.claims.tierLine, {
    tier: t.account.tiers[tier],
    interviews: `${f.number(counts.interviews)}/${f.number(counts.baseInterviews)}`,
    accounts: `${f.number(counts.accounts)}/${f.number(counts.baseAccounts)}`,
  });
}

/** The breakdown by tier in one line, tiers joined by "; ". */
export function claimBreakdown(claim: FindingClaim, lang: Language): string {
  return claimTiers(claim)
    .map(({ tier, counts }) => tierLine(tier, counts, lang))
    .join('; ');
}
