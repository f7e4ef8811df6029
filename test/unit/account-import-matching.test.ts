import { describe, expect, test } from 'vitest';
import { suggestMapping } from '../../electron/services/import/accounts/mapping.ts';
import { accountKey, buildPlan, personKey } from '../../electron/services/import/accounts/plan.ts';
import type { Account } from '../../shared/domain.ts';
import { foldForMatching } from '../../shared/identity/normalize.ts';

/** Issue 16's review: spellings of one company or person that a client's list really contains. */

describe('folding for matching', () => {
  test('accents, Nordic letters and decomposed input fold alike; the text is not changed otherwise', () => {
    expect(foldForMatching('Mikko Hämäläinen')).toBe('mikko hamalainen');
    expect(foldForMatching('MIKKO HA\u0308MA\u0308LA\u0308INEN')).toBe('mikko hamalainen');
    expect(foldForMatching('Åsa Ødegård')).toBe('asa odegard');
    expect(foldForMatching('José Müller-Łukasz')).toBe('jose muller-lukasz');
    expect(foldForMatching('Jo\u00ADhan\u200Bna')).toBe('johanna');
  });
});

describe('account names', () => {
  test.each([
    ['Fyrvik Paper AB (publ)', 'Fyrvik Paper AB'],
    ['Oy Fyrvik Paper Ab', 'Fyrvik Paper'],
    ['Fyrvik Paper Oyj', 'fyrvik paper'],
    ['Mäkelän Kuljetus Oy', 'Makelan Kuljetus'],
    ['Nordisk Kaffe ApS', 'Nordisk Kaffe A/S'],
    ['Nordisk Kaffe AS', 'Nordisk Kaffe ASA'],
    ['Tallinna Kala OÜ', 'Tallinna Kala OU'],
    ['Rīgas Piens SIA', 'Rigas Piens'],
    ['Vilniaus Duona UAB', 'Vilniaus Duona'],
    ['Pasta Fresca S.r.l.', 'Pasta Fresca SpA'],
    ['Pasta Fresca S.p.A.', 'Pasta Fresca Srl'],
    ['Suomen Yrittäjät ry', 'Suomen Yrittajat'],
    ['Finlands Svenska Marthaförbund rf', 'Finlands Svenska Marthaforbund'],
    ['Müller Werkzeug GmbH', 'Muller Werkzeug AG'],
    ['Acme Limited', 'ACME Inc.'],
    ['Holland Cargo B.V.', 'Holland Cargo NV'],
    ['Lumière S.A.', 'Lumiere'],
    ['Virtasen Putki Ky', 'Virtasen Putki Tmi'],
    ['Fyrvik-Paper AB', 'Fyrvik Paper AB'],
  ])('“%s” is the same account as “%s”', (a, b) => {
    expect(accountKey(a)).toBe(accountKey(b));
  });

  test.each([
    ['Valio Oy', 'Valion Oy'],
    ['Kesko Oyj', 'K-Market Oy'],
    ['Pasta Fresca', 'Pasta Fresca Nord'],
  ])('“%s” is not “%s”', (a, b) => {
    expect(accountKey(a)).not.toBe(accountKey(b));
  });

  test('a name that is only a company form is kept whole, not emptied', () => {
    expect(accountKey('AB')).toBe('ab');
    expect(accountKey('Oy Ab')).not.toBe('');
  });
});

describe('people', () => {
  test('a name typed without its accents, or in the other order, is the same person', () => {
    expect(personKey('Mikko Hamalainen')).toBe(personKey('Mikko Hämäläinen'));
    expect(personKey('Aberg, Karin')).toBe(personKey('Karin Åberg'));
    expect(personKey('Søren Kierkegaard')).toBe(personKey('soren kierkegaard'));
    expect(personKey('Mikko Hämäläinen')).not.toBe(personKey('Mikko Hämälä'));
  });

  const account = (id: string, name: string): Account => ({
    id,
    engagementId: 'e',
    name,
    tier: 'key',
    importance: null,
    lifecycle: null,
    revenue: null,
  });

  test('the review’s list (dup.csv) matches the workspace’s accounts and people instead of adding new ones', () => {
    const rows = [
      ['Oy Fyrvik Paper Ab', 'karin åberg'],
      ['Fyrvik Paper Oyj', 'Åberg, Karin'],
      ['Fyrvik Paper AB (publ)', 'Karin Aberg'],
      ['Fyrvik-Paper AB', 'Nils  Berglund'],
      ['Tammerkoski Components', 'Mikko Hamalainen'],
      ['Tammerkoski Components Ltd.', 'Someone New'],
    ].map((cells, i) => ({ number: i + 2, cells }));
    const plan = buildPlan(rows, ['name', 'person'], {
      accounts: [account('f', 'Fyrvik Paper AB'), account('t', 'Tammerkoski Components Oy')],
      people: [
        { id: 'karin', accountId: 'f', name: 'Karin Åberg', title: '' },
        { id: 'mikko', accountId: 't', name: 'Mikko Hämäläinen', title: '' },
      ],
    });
    expect(plan.accounts.map((a) => [a.action, a.existingId])).toEqual([
      ['match', 'f'],
      ['match', 't'],
    ]);
    expect(plan.accounts.flatMap((a) => a.people.map((p) => [p.name, p.action, p.existingId]))).toEqual([
      ['karin åberg', 'match', 'karin'],
      ['Karin Åberg', 'skip', null],
      ['Karin Aberg', 'skip', null],
      ['Nils Berglund', 'create', null],
      ['Mikko Hamalainen', 'match', 'mikko'],
      ['Someone New', 'create', null],
    ]);
    expect(plan.totals).toMatchObject({ accountsNew: 0, accountsMatched: 2, peopleNew: 2, peopleMatched: 2 });
  });
});

describe('header rows as client lists have them', () => {
  test.each<[string, string[], (string | null)[]]>([
    [
      'Finnish CRM export with "Asiakkuuden taso"',
      ['Asiakas', 'Yhteyshenkilö', 'Titteli', 'Sähköposti', 'Liikevaihto', 'Asiakkuuden taso'],
      ['name', 'person', 'title', 'email', 'revenue', 'tier'],
    ],
    [
      'Finnish list with both a customer level and a person’s level',
      ['Asiakasyritys', 'Asiakkuustaso', 'Yhteyshenkilö', 'Tehtävänimike', 'Henkilön taso', 'Sähköposti'],
      ['name', 'tier', 'person', 'title', 'roleLevel', 'email'],
    ],
    [
      'Finnish list with a segment and an organisation level',
      ['Yritys', 'Segmentti', 'Elinkaaren vaihe', 'Etunimi', 'Sukunimi', 'Organisaatiotaso'],
      ['name', 'tier', 'lifecycle', 'person', 'person', 'roleLevel'],
    ],
    [
      'Finnish list with a class and a role level',
      ['Asiakkaan nimi', 'Luokka', 'Tärkeys', 'Yhteyshenkilö', 'Roolitaso', 'S-posti'],
      ['name', 'tier', 'importance', 'person', 'roleLevel', 'email'],
    ],
    [
      'a longer header that only contains "taso"',
      ['Asiakas', 'Asiakkuuden taso 2025', 'Yhteyshenkilö', 'Henkilön taso (1–3)'],
      ['name', 'tier', 'person', 'roleLevel'],
    ],
    [
      'English CRM export',
      [
        'Account Name',
        'Account Tier',
        'Contact Name',
        'Job Title',
        'Role Level',
        'Email Address',
        'Annual Revenue',
      ],
      ['name', 'tier', 'person', 'title', 'roleLevel', 'email', 'revenue'],
    ],
    [
      'English list with a customer level and a seniority',
      ['Customer', 'Customer level', 'Contact person', 'Title', 'Seniority', 'E-mail'],
      ['name', 'tier', 'person', 'title', 'roleLevel', 'email'],
    ],
    [
      'Swedish-speaking Finnish client',
      ['Kund', 'Kundklass', 'Kontaktperson', 'Titel', 'E-post', 'Omsättning'],
      ['name', 'tier', 'person', 'title', 'email', 'revenue'],
    ],
    [
      'Swedish list with first and last names',
      ['Företag', 'Segment', 'Förnamn', 'Efternamn', 'Befattning', 'E-postadress'],
      ['name', 'tier', 'person', 'person', 'title', 'email'],
    ],
  ])('%s', (_name, headers, expected) => {
    expect(suggestMapping(headers)).toEqual(expected);
  });
});
