import type { KeyPersonRiskRow, ScoreGroup } from '../../shared/analysis.ts';
import type { Finding, Language, Priority } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import { SMALL_N } from '../../shared/sample.ts';

/**
 * The figures of the executive summary besides the findings, phrased in the report's language: NPS
 * with its n and its range by tier, the key-person headline, and the recommendations that come
 * first. Kept out of the report model so the one page it must fit on stays easy to reason about.
 */

/** Below this many answers the summary gives the NPS's distribution, not only the score. */
export const NPS_DISTRIBUTION_BELOW = 10;
export const SUMMARY_RECOMMENDATIONS = 3;

const PRIORITY_ORDER: Priority[] = ['high', 'medium', 'low'];

/** "NPS +12 (n = 14); by tier from 0 (Named, n = 5) to +40 (Key account, n = 6) (tiers with fewer than 5 answers left out)." */
export function npsHeadline(scores: readonly ScoreGroup[], lang: Language): string {
  const t = resources[lang].translation;
  const r = t.report;
  const f = formatter(lang);
  const all = scores.find((s) => s.group === 'all');
  if (!all || all.n === 0 || all.nps === null) return r.summaryNpsNone;
  const overall =
    all.n < NPS_DISTRIBUTION_BELOW
      ? f.fill(r.summaryNpsSmall, {
          nps: f.signed(all.nps),
          n: all.n,
          promoters: f.plural(r, 'summaryPromoters', all.promoters),
          passives: f.plural(r, 'summaryPassives', all.passives),
          detractors: f.plural(r, 'summaryDetractors', all.detractors),
        })
      : f.fill(r.summaryNps, { nps: f.signed(all.nps), n: all.n });
  const scored = scores.filter(
    (s): s is ScoreGroup & { nps: number } => s.group !== 'all' && s.n > 0 && s.nps !== null,
  );
  if (scored.length < 2) return `${overall}.`;
  // A tier's NPS over fewer than SMALL_N answers swings by 100 points with one answer: such a tier
  // is no end of a range. On a tie the larger group is the end, as it says more.
  const tiers = scored.filter((s) => s.n >= SMALL_N);
  const leftOut = tiers.length < scored.length ? f.fill(r.summaryNpsRangeLeftOut, { min: SMALL_N }) : '';
  const low = [...tiers].sort((a, b) => a.nps - b.nps || b.n - a.n)[0];
  const high = [...tiers].sort((a, b) => b.nps - a.nps || b.n - a.n).find((s) => s !== low);
  if (!low || !high) return `${f.fill(r.summaryNpsRangeTooFew, { overall, min: SMALL_N })}.`;
  const name = (s: ScoreGroup) => (s.group === 'all' ? t.charts.all : t.account.tiers[s.group]);
  return `${f.fill(r.summaryNpsRange, {
    overall,
    low: f.signed(low.nps),
    lowTier: name(low),
    lowN: low.n,
    high: f.signed(high.nps),
    highTier: name(high),
    highN: high.n,
  })}${leftOut}.`;
}

/**
 * How many key accounts rest on one person (their interviewees know exactly one of the client's
 * people), out of the key accounts interviewed; accounts whose interviewees named nobody are told
 * apart, since nobody known is not one person known. With no key account interviewed, the same of
 * all accounts.
 */
export function keyPersonHeadline(risk: readonly KeyPersonRiskRow[], lang: Language, client: string): string {
  const r = resources[lang].translation.report;
  const f = formatter(lang);
  if (!risk.some((k) => k.people > 0)) return r.noRelationships;
  const key = risk.filter((k) => k.tier === 'key');
  const rows = key.length ? key : risk;
  const one = rows.filter((k) => k.singlePerson).length;
  const none = rows.filter((k) => k.noContacts).length;
  const headline = f.plural(r, key.length ? 'summaryKeyPerson' : 'summaryKeyPersonAll', one, {
    total: rows.length,
    client,
  });
  return none
    ? `${headline} ${f.plural(r, key.length ? 'summaryNoContact' : 'summaryNoContactAll', none)}`
    : headline;
}

/** The recommendations that come first: by priority, then in the findings' own order. */
export function topRecommendations(findings: readonly Finding[], count = SUMMARY_RECOMMENDATIONS): Finding[] {
  return findings
    .filter((f) => f.recommendation.trim())
    .sort(
      (a, b) =>
        PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) || a.sortOrder - b.sortOrder,
    )
    .slice(0, count);
}
