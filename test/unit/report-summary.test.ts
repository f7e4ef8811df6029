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
      group('all', 14, 12),
      group('key', 6, 40),
      group('named', 5, 0),
      group('unmanaged', 3, -20),
    ];
    expect(npsHeadline(scores, 'en')).toBe(
      'NPS +12 (n\u00a0=\u00a014); by tier from \u221220 (Unmanaged account, n\u00a0=\u00a03) to +40 (Key account, n\u00a0=\u00a06).',
    );
    expect(npsHeadline(scores, 'fi')).toBe(
      'NPS +12 (n\u00a0=\u00a014); asiakasryhmittäin alimmillaan \u221220 (Hoitamaton asiakas, n\u00a0=\u00a03) ja korkeimmillaan +40 (Avainasiakas, n\u00a0=\u00a06).',
    );
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
