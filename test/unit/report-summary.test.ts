import { describe, expect, test } from 'vitest';
import { keyPersonHeadline, npsHeadline, topRecommendations } from '../../electron/report/summary.ts';
import type { KeyPersonRiskRow, ScoreGroup } from '../../shared/analysis.ts';
import type { Finding } from '../../shared/domain.ts';

const group = (g: ScoreGroup['group'], n: number, nps: number | null, p = 0, pa = 0, d = 0): ScoreGroup => ({
  group: g,
  n,
  promoters: p,
  passives: pa,
  detractors: d,
  nps,
  satisfactionN: 0,
  satisfactionMean: null,
  smallN: n < 5,
});

describe('NPS in the executive summary', () => {
  test('with 10 or more answers: the score with n, and the range by tier with each end’s n', () => {
    const scores = [
      group('all', 16, 12),
      group('key', 6, 40),
      group('named', 5, 0),
      group('unmanaged', 5, -20),
    ];
    expect(npsHeadline(scores, 'en')).toBe(
      'NPS +12 (n\u00a0=\u00a016); by tier from \u221220 (Unmanaged account, n\u00a0=\u00a05) to +40 (Key account, n\u00a0=\u00a06).',
    );
    expect(npsHeadline(scores, 'fi')).toBe(
      'NPS +12 (n\u00a0=\u00a016); asiakasryhmittäin alimmillaan \u221220 (Hoitamaton asiakas, n\u00a0=\u00a05) ja korkeimmillaan +40 (Avainasiakas, n\u00a0=\u00a06).',
    );
  });

  test('a tier with fewer than 5 answers is no end of the range, and the summary says it was left out', () => {
    const scores = [
      group('all', 14, 12),
      group('key', 6, 40),
      group('named', 5, 0),
      group('unmanaged', 3, -20),
    ];
    expect(npsHeadline(scores, 'en')).toBe(
      'NPS +12 (n\u00a0=\u00a014); by tier from 0 (Named account, n\u00a0=\u00a05) to +40 (Key account, n\u00a0=\u00a06) (tiers with fewer than 5 answers left out).',
    );
    expect(npsHeadline(scores, 'fi')).toBe(
      'NPS +12 (n\u00a0=\u00a014); asiakasryhmittäin alimmillaan 0 (Nimetty asiakas, n\u00a0=\u00a05) ja korkeimmillaan +40 (Avainasiakas, n\u00a0=\u00a06) (ryhmät, joissa on alle 5 vastausta, jätetty pois).',
    );
  });

  test('with fewer than two tiers of 5 answers there is no range, and it says why (Kvarnholm: n = 1 tiers)', () => {
    const kvarnholm = [
      group('all', 4, -50, 0, 2, 2),
      group('key', 2, -50, 0, 1, 1),
      group('named', 1, 0, 0, 1, 0),
      group('unmanaged', 1, -100, 0, 0, 1),
    ];
    expect(npsHeadline(kvarnholm, 'en')).toBe(
      'NPS \u221250 (n\u00a0=\u00a04: 0 promoters, 2 passives, 2 detractors); too few answers to compare tiers (a tier needs at least 5).',
    );
    expect(npsHeadline(kvarnholm, 'fi')).toMatch(
      /; asiakasryhmiä ei voi verrata, koska vastauksia on liian vähän \(ryhmässä tarvitaan vähintään 5\)\.$/,
    );
    const oneBig = [group('all', 12, 10), group('key', 9, 20), group('named', 3, -33)];
    expect(npsHeadline(oneBig, 'en')).toMatch(
      /; too few answers to compare tiers \(a tier needs at least 5\)\.$/,
    );
  });

  test('on a tie the larger group is the end of the range', () => {
    const scores = [
      group('all', 30, 10),
      group('key', 12, 20),
      group('named', 6, 20),
      group('unmanaged', 12, -10),
    ];
    expect(npsHeadline(scores, 'en')).toBe(
      'NPS +10 (n\u00a0=\u00a030); by tier from \u221210 (Unmanaged account, n\u00a0=\u00a012) to +20 (Key account, n\u00a0=\u00a012).',
    );
    const reversed = [
      group('all', 30, 10),
      group('named', 6, 20),
      group('key', 12, 20),
      group('unmanaged', 12, -10),
    ];
    expect(npsHeadline(reversed, 'en')).toContain('to +20 (Key account, n\u00a0=\u00a012)');
    const lowTie = [
      group('all', 20, 0),
      group('named', 5, -10),
      group('unmanaged', 9, -10),
      group('key', 6, 30),
    ];
    expect(npsHeadline(lowTie, 'en')).toContain('from \u221210 (Unmanaged account, n\u00a0=\u00a09)');
  });

  test('below 10 answers: the distribution too, with plurals; one tier scored gives no range', () => {
    const scores = [group('all', 6, -17, 1, 3, 2), group('key', 6, -17, 1, 3, 2)];
    expect(npsHeadline(scores, 'en')).toBe(
      'NPS \u221217 (n\u00a0=\u00a06: 1 promoter, 3 passives, 2 detractors).',
    );
    expect(npsHeadline(scores, 'fi')).toBe(
      'NPS \u221217 (n\u00a0=\u00a06: 1 suosittelija, 3 passiivista, 2 arvostelijaa).',
    );
  });

  test('no scores: says so', () => {
    expect(npsHeadline([group('all', 0, null)], 'en')).toBe(
      'NPS: no scores were recorded in these interviews.',
    );
  });
});

describe('the key-person headline', () => {
  const account = (tier: KeyPersonRiskRow['tier'], people: number): KeyPersonRiskRow => ({
    accountId: `${tier}-${people}-${Math.random()}`,
    account: 'A',
    tier,
    interviews: 1,
    people,
    strategic: 0,
    operational: people,
    singlePerson: people === 1,
    noContacts: people === 0,
  });

  test('counts key accounts that know exactly one person; nobody known is told apart', () => {
    const risk = [account('key', 1), account('key', 0), account('key', 4), account('named', 1)];
    expect(keyPersonHeadline(risk, 'en', 'Acme')).toBe(
      '1 of 3 key accounts rests on one person at Acme. In addition, the interviewees of 1 key account named no contact at all.',
    );
    expect(keyPersonHeadline([account('key', 1), account('key', 1)], 'fi', 'Huoltovoima Oy')).toBe(
      '2/2 avainasiakkaasta on yhden Huoltovoima Oy:n henkilön varassa.',
    );
  });

  test('with no key account interviewed, the same of all accounts; with no maps at all, says so', () => {
    expect(keyPersonHeadline([account('named', 1), account('unmanaged', 3)], 'en', 'Acme')).toBe(
      '1 of 2 accounts rests on one person at Acme.',
    );
    expect(keyPersonHeadline([account('key', 0)], 'en', 'Acme')).toBe('No relationship maps were recorded.');
  });
});

test('the top recommendations: by priority, then the findings’ order; findings without one are skipped', () => {
  const finding = (id: string, priority: Finding['priority'], sortOrder: number, recommendation = 'Do.') =>
    ({ id, priority, sortOrder, recommendation }) as Finding;
  const top = topRecommendations([
    finding('a', 'low', 0),
    finding('b', 'high', 3),
    finding('c', 'medium', 1),
    finding('d', 'high', 2, '  '),
    finding('e', 'high', 1),
  ]);
  expect(top.map((f) => f.id)).toEqual(['e', 'b', 'c']);
});
