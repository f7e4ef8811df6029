import { describe, expect, test } from 'vitest';
import { claimBreakdown, claimIsSmallN, claimSentence, sentimentOfPolarity } from '../../shared/claims.ts';
import type { ClaimCounts, FindingClaim } from '../../shared/domain.ts';

const NB = '\u00a0';
const none: ClaimCounts = { interviews: 0, baseInterviews: 0, accounts: 0, baseAccounts: 0 };

/** A claim with its figures given by hand; count and base follow the unit as the service sets them. */
function claim(
  over: Partial<FindingClaim> & Pick<FindingClaim, 'interviews' | 'baseInterviews'>,
): FindingClaim {
  const c: FindingClaim = {
    codeIds: ['k'],
    codes: [{ codeId: 'k', name: { fi: 'Avainhenkilöriski', en: 'Key-person risk' } }],
    sentiment: 'negative',
    segment: null,
    unit: 'interviews',
    accounts: 0,
    baseAccounts: 0,
    revenue: 0,
    baseRevenue: 0,
    unknownRevenueAccounts: 0,
    tiers: { key: none, named: none, unmanaged: none },
    count: 0,
    base: 0,
    ...over,
  };
  const [count, base] =
    c.unit === 'interviews'
      ? [c.interviews, c.baseInterviews]
      : c.unit === 'accounts'
        ? [c.accounts, c.baseAccounts]
        : [c.revenue, c.baseRevenue];
  return { ...c, count, base, ...over };
}

describe('claim sentence', () => {
  test('in interviews, with plurals for 0, 1, 2 and many in both languages', () => {
    const cases: [number, number, string, string][] = [
      [
        0,
        2,
        '0 of 2 interviews raised key-person risk as a problem (0%) — small n, an indication only',
        `0/2 haastattelussa nousi esiin avainhenkilöriski ongelmana (0${NB}%) – pieni otos, vain suuntaa antava`,
      ],
      [
        1,
        1,
        '1 of 1 interview raised key-person risk as a problem (100%) — small n, an indication only',
        `1/1 haastattelussa nousi esiin avainhenkilöriski ongelmana (100${NB}%) – pieni otos, vain suuntaa antava`,
      ],
      [
        1,
        2,
        '1 of 2 interviews raised key-person risk as a problem (50%) — small n, an indication only',
        `1/2 haastattelussa nousi esiin avainhenkilöriski ongelmana (50${NB}%) – pieni otos, vain suuntaa antava`,
      ],
      [
        5,
        12,
        '5 of 12 interviews raised key-person risk as a problem (42%)',
        `5/12 haastattelussa nousi esiin avainhenkilöriski ongelmana (42${NB}%)`,
      ],
      [
        1234,
        1850,
        '1,234 of 1,850 interviews raised key-person risk as a problem (67%)',
        `1${NB}234/1${NB}850 haastattelussa nousi esiin avainhenkilöriski ongelmana (67${NB}%)`,
      ],
    ];
    for (const [n, base, en, fi] of cases) {
      const c = claim({ interviews: n, baseInterviews: base });
      expect(claimSentence(c, 'en')).toBe(en);
      expect(claimSentence(c, 'fi')).toBe(fi);
    }
  });

  test('with no held interviews it says there is nothing to measure, not 0 %', () => {
    const c = claim({ interviews: 0, baseInterviews: 0 });
    expect(claimSentence(c, 'en')).toBe('Nothing to measure key-person risk on yet: no interviews held');
    expect(claimSentence(c, 'fi')).toBe(
      'Teemaa avainhenkilöriski ei voi vielä mitata: haastatteluja ei ole tehty',
    );
  });

  test('a segment leads the sentence as the group it is measured over', () => {
    const c = claim({ interviews: 5, baseInterviews: 12, segment: { kind: 'tier', value: 'key' } });
    expect(claimSentence(c, 'en')).toBe(
      'Key accounts: 5 of 12 interviews raised key-person risk as a problem (42%)',
    );
    expect(claimSentence(c, 'fi')).toBe(
      `Avainasiakkaat: 5/12 haastattelussa nousi esiin avainhenkilöriski ongelmana (42${NB}%)`,
    );
    const role = claim({
      interviews: 1,
      baseInterviews: 3,
      segment: { kind: 'roleLevel', value: 'strategic' },
    });
    expect(claimSentence(role, 'en')).toBe(
      'Decision-makers: 1 of 3 interviews raised key-person risk as a problem (33%) — small n, an indication only',
    );
    const stage = claim({
      interviews: 2,
      baseInterviews: 2,
      segment: { kind: 'lifecycle', value: 'onboarding' },
    });
    expect(claimSentence(stage, 'fi')).toBe(
      `Käyttöönottovaiheen asiakkaat: 2/2 haastattelussa nousi esiin avainhenkilöriski ongelmana (100${NB}%) – pieni otos, vain suuntaa antava`,
    );
    const important = claim({
      interviews: 1,
      baseInterviews: 4,
      segment: { kind: 'importance', value: '++' },
    });
    expect(claimSentence(important, 'en')).toMatch(
      /^Accounts important now and later \(\+\+\): 1 of 4 interviews/,
    );
  });

  test('in accounts, one and many', () => {
    const one = claim({ interviews: 2, baseInterviews: 2, accounts: 1, baseAccounts: 1, unit: 'accounts' });
    expect(claimSentence(one, 'en')).toBe(
      'In 1 of 1 account, interviews raised key-person risk as a problem (100%) — small n, an indication only',
    );
    expect(claimSentence(one, 'fi')).toBe(
      `1/1 asiakkaan haastatteluissa nousi esiin avainhenkilöriski ongelmana (100${NB}%) – pieni otos, vain suuntaa antava`,
    );
    const many = claim({
      interviews: 4,
      baseInterviews: 9,
      accounts: 3,
      baseAccounts: 3,
      unit: 'accounts',
      segment: { kind: 'tier', value: 'unmanaged' },
    });
    expect(claimSentence(many, 'en')).toBe(
      'Unmanaged accounts: in 3 of 3 accounts, interviews raised key-person risk as a problem (100%) — small n, an indication only',
    );
  });

  test('in revenue: the share of known revenue, with the sums, and the accounts whose revenue is unknown', () => {
    const c = claim({
      interviews: 3,
      baseInterviews: 6,
      accounts: 2,
      baseAccounts: 5,
      revenue: 1_000_000,
      baseRevenue: 1_450_000,
      unknownRevenueAccounts: 1,
      unit: 'revenue',
    });
    expect(claimSentence(c, 'en')).toBe(
      'In 2 of 5 accounts, interviews raised key-person risk as a problem; they hold 69% of the known revenue (€1,000,000 of €1,450,000); revenue unknown for 1 account, left out',
    );
    expect(claimSentence(c, 'fi')).toBe(
      `2/5 asiakkaan haastatteluissa nousi esiin avainhenkilöriski ongelmana; niiden osuus tunnetusta myynnistä on 69${NB}% (1${NB}000${NB}000${NB}€ / 1${NB}450${NB}000${NB}€); 1 asiakkaan myyntiä ei tiedetä, eikä sitä ole laskettu mukaan`,
    );
    const twoUnknown = claimSentence({ ...c, unknownRevenueAccounts: 2 }, 'en');
    expect(twoUnknown).toMatch(/revenue unknown for 2 accounts, left out$/);
    const allUnknown = claimSentence(
      { ...c, revenue: 0, baseRevenue: 0, count: 0, base: 0, unknownRevenueAccounts: 5 },
      'en',
    );
    expect(allUnknown).toBe(
      'No known revenue to measure key-person risk against; revenue unknown for 5 accounts, left out',
    );
  });

  test('sentiment: any says nothing of it; several codes read "A or B"; acronyms keep their case', () => {
    const c = claim({
      interviews: 6,
      baseInterviews: 8,
      sentiment: 'any',
      codes: [
        { codeId: 'a', name: { fi: 'Siilot', en: 'Silos' } },
        { codeId: 'b', name: { fi: 'IT-tuki', en: 'IT support' } },
        { codeId: 'c', name: { fi: 'Hinnoittelu', en: 'Pricing' } },
      ],
    });
    expect(claimSentence(c, 'en')).toBe('6 of 8 interviews raised silos, IT support or pricing (75%)');
    expect(claimSentence(c, 'fi')).toBe(
      `6/8 haastattelussa nousi esiin siilot, IT-tuki tai hinnoittelu (75${NB}%)`,
    );
    expect(claimSentence({ ...c, sentiment: 'positive' }, 'en')).toContain('or pricing as a strength (75%)');
    expect(claimSentence({ ...c, sentiment: 'neutral' }, 'fi')).toContain('hinnoittelu neutraalisti');
    // The report passes masked names.
    expect(claimSentence(c, 'en', { names: ['X', 'Y', 'Z'] })).toContain('raised x, y or z');
  });

  test('a base under 5 in the claim’s own unit is marked as small n; 5 and more, or no figure, are not', () => {
    const mark = ' — small n, an indication only';
    const fiMark = ' – pieni otos, vain suuntaa antava';
    const four = claim({ interviews: 4, baseInterviews: 4 });
    expect(claimIsSmallN(four)).toBe(true);
    expect(claimSentence(four, 'en')).toBe(
      `4 of 4 interviews raised key-person risk as a problem (100%)${mark}`,
    );
    expect(claimSentence(four, 'fi')).toBe(
      `4/4 haastattelussa nousi esiin avainhenkilöriski ongelmana (100${NB}%)${fiMark}`,
    );
    const five = claim({ interviews: 4, baseInterviews: 5 });
    expect(claimIsSmallN(five)).toBe(false);
    expect(claimSentence(five, 'en')).toBe('4 of 5 interviews raised key-person risk as a problem (80%)');
    // Kvarnholm: 6 interviews but one unmanaged account; in accounts the base is 1.
    const accounts = claim({
      interviews: 2,
      baseInterviews: 6,
      accounts: 1,
      baseAccounts: 1,
      unit: 'accounts',
      segment: { kind: 'tier', value: 'unmanaged' },
    });
    expect(claimSentence(accounts, 'en')).toBe(
      `Unmanaged accounts: in 1 of 1 account, interviews raised key-person risk as a problem (100%)${mark}`,
    );
    expect(claimSentence({ ...accounts, unit: 'interviews', count: 2, base: 6 }, 'en')).not.toContain(mark);
    // A revenue share rests on its accounts, and the unknown-revenue note stays before the mark.
    const revenue = claim({
      interviews: 3,
      baseInterviews: 6,
      accounts: 2,
      baseAccounts: 3,
      revenue: 500_000,
      baseRevenue: 1_000_000,
      unknownRevenueAccounts: 1,
      unit: 'revenue',
    });
    expect(claimSentence(revenue, 'en')).toMatch(
      /revenue unknown for 1 account, left out — small n, an indication only$/,
    );
    // With no figure there is nothing to overstate.
    expect(claimSentence(claim({ interviews: 0, baseInterviews: 0 }), 'en')).not.toContain(mark);
    expect(claimSentence({ ...revenue, revenue: 0, baseRevenue: 0, count: 0, base: 0 }, 'en')).not.toContain(
      mark,
    );
  });

  test('the breakdown lists the tiers in the base, in interviews and in accounts', () => {
    const c = claim({
      interviews: 3,
      baseInterviews: 7,
      tiers: {
        key: { interviews: 2, baseInterviews: 3, accounts: 1, baseAccounts: 2 },
        named: none,
        unmanaged: { interviews: 1, baseInterviews: 4, accounts: 1, baseAccounts: 3 },
      },
    });
    expect(claimBreakdown(c, 'en')).toBe(
      'Key account — interviews 2/3, accounts 1/2; Unmanaged account — interviews 1/4, accounts 1/3',
    );
    expect(claimBreakdown(c, 'fi')).toBe(
      'Avainasiakas – haastattelut 2/3, asiakkaat 1/2; Hoitamaton asiakas – haastattelut 1/4, asiakkaat 1/3',
    );
  });

  test('a code’s polarity gives the default sentiment', () => {
    expect(sentimentOfPolarity('problem')).toBe('negative');
    expect(sentimentOfPolarity('strength')).toBe('positive');
    expect(sentimentOfPolarity('neutral')).toBe('any');
  });
});
