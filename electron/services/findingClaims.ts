import type {
  ClaimCounts,
  ClaimDefinition,
  ClaimSegment,
  FindingClaim,
  Localized,
  Tier,
} from '../../shared/domain.ts';
import { TIERS } from '../../shared/domain.ts';
import { HELD, statement } from './analysis/common.ts';
import type { ServiceContext } from './context.ts';

/**
 * The figures of a finding's claim: of the held interviews in the claim's segment (the base), those
 * with a live coding of one of the claim's codes in the claim's sentiment. A coding without a
 * sentiment counts only when the claim takes any sentiment. Counted in interviews, in their
 * accounts, and in those accounts' known revenue; an unknown revenue is left out, never taken as 0.
 */

/** Which held interviews a segment keeps; the value is bound as @value. */
const SEGMENT_FILTER: Record<ClaimSegment['kind'] | 'none', string> = {
  none: '1',
  tier: 'a.tier = @value',
  importance: 'a.importance = @value',
  lifecycle: 'a.lifecycle = @value',
  // An interview belongs to a role level when someone of that level took part in it.
  roleLevel: `EXISTS (SELECT 1 FROM interview_interviewees ii JOIN interviewees p ON p.id = ii.interviewee_id
      WHERE ii.interview_id = h.id AND p.role_level = @value)`,
};

const scopeOf = (segment: ClaimSegment | null) => `${HELD},
  seg AS (
    SELECT h.id, h.account_id, a.tier, a.revenue FROM held h JOIN accounts a ON a.id = h.account_id
    WHERE ${SEGMENT_FILTER[segment?.kind ?? 'none']}),
  hit AS (
    SELECT s.* FROM seg s WHERE EXISTS (
      SELECT 1 FROM codings c WHERE c.interview_id = s.id AND c.deleted_at IS NULL
        AND c.code_id IN (SELECT value FROM json_each(@codeIds))
        AND (@sentiment = 'any' OR c.sentiment = @sentiment)))`;

const emptyCounts = (): ClaimCounts => ({ interviews: 0, baseInterviews: 0, accounts: 0, baseAccounts: 0 });

export function claimFigures(
  ctx: ServiceContext,
  engagementId: string,
  definition: ClaimDefinition,
  names: Map<string, Localized>,
): FindingClaim {
  const params = {
    engagementId,
    codeIds: JSON.stringify(definition.codeIds),
    sentiment: definition.sentiment,
    value: definition.segment?.value ?? null,
  };
  const scope = scopeOf(definition.segment);
  const perTier = statement(
    ctx.db,
    `WITH ${scope},
     base AS (SELECT tier, count(*) AS baseInterviews, count(DISTINCT account_id) AS baseAccounts FROM seg GROUP BY tier),
     supp AS (SELECT tier, count(*) AS interviews, count(DISTINCT account_id) AS accounts FROM hit GROUP BY tier)
     SELECT base.tier, base.baseInterviews, base.baseAccounts,
       coalesce(supp.interviews, 0) AS interviews, coalesce(supp.accounts, 0) AS accounts
     FROM base LEFT JOIN supp ON supp.tier = base.tier`,
  ).all(params) as (ClaimCounts & { tier: Tier })[];
  const revenue = statement(
    ctx.db,
    `WITH ${scope},
     seg_accounts AS (SELECT DISTINCT account_id, revenue FROM seg),
     hit_accounts AS (SELECT DISTINCT account_id, revenue FROM hit)
     SELECT (SELECT coalesce(sum(revenue), 0) FROM hit_accounts) AS revenue,
       (SELECT coalesce(sum(revenue), 0) FROM seg_accounts) AS baseRevenue,
       (SELECT count(*) FROM seg_accounts WHERE revenue IS NULL) AS unknownRevenueAccounts`,
  ).get(params) as Pick<FindingClaim, 'revenue' | 'baseRevenue' | 'unknownRevenueAccounts'>;

  const tiers = Object.fromEntries(TIERS.map((tier) => [tier, emptyCounts()])) as Record<Tier, ClaimCounts>;
  const total = emptyCounts();
  for (const { tier, ...counts } of perTier) {
    tiers[tier] = counts;
    // An account has one tier, so accounts add up across tiers like interviews do.
    for (const key of Object.keys(total) as (keyof ClaimCounts)[]) total[key] += counts[key];
  }
  const [count, base] =
    definition.unit === 'interviews'
      ? [total.interviews, total.baseInterviews]
      : definition.unit === 'accounts'
        ? [total.accounts, total.baseAccounts]
        : [revenue.revenue, revenue.baseRevenue];
  return {
    ...definition,
    codes: definition.codeIds.map((codeId) => ({
      codeId,
      name: names.get(codeId) ?? { fi: '', en: '' },
    })),
    ...total,
    count,
    base,
    ...revenue,
    tiers,
  };
}
