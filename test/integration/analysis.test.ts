import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EngagementStats } from '../../shared/analysis.ts';
import type {
  DocNode,
  Importance,
  InterviewStatus,
  LifecycleStage,
  RoleLevel,
  Sentiment,
  Tier,
} from '../../shared/domain.ts';
import { CODING_MARK } from '../../shared/notes.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/**
 * A small workspace built by hand; every expected figure below was worked out on paper from it.
 *
 * Engagement Alfa (the one analysed)
 *   account  tier       importance lifecycle     revenue    people (role level)
 *   K1       key        ++         development   1,000,000  p1 strategic, p2 operational
 *   K2       key        +-         development     600,000  p3 strategic
 *   N1       named      -+         onboarding      200,000  p4 influencer
 *   N2       named      —          —                     —  p5 operational
 *   U1       unmanaged  --         ending           50,000  p6 operational
 *   U2       unmanaged  --         first_contact   150,000  p7 strategic (only a planned interview)
 *
 *   interview account people  status       nps sat  codings (code, sentiment)             relationship map
 *   I1        K1      p1 p2   coded         10  5   A KPR neg, B SIL neg, C SIL —, D TRU pos Jari Leinonen S, Sanna Koivisto O
 *   I2        K1      p2      done           9  4   E KPR neg, F KPR —, G UNV neu           " sanna  KOIVISTO " O, Jari Leinonen O
 *   I3        K2      p3      coded         10  —   H TRU pos, I OWN neg                    Jari Leinonen S
 *   I4        N1      p4      done           6  2   J SIL neg, K UNV neg                    Äijälä Päivi O
 *   I5        N1      p4      done           8  3   L KPR neg (M TRU, later deleted)        ÄIJÄLÄ PÄIVI O
 *   I6        N2      p5      coded          —  —   N RTS neg                               —
 *   I7        U1      p6      done           —  —   —                                       Timo Hirvonen O, Sanna Koivisto S
 *   I8        U2      p7      planned        0  1   O KPR neg, P SIL neg                    Someone Else S
 *   Overlaps: A∩B, B∩C (same code), F∩G, H∩I; J and K only touch; C does not reach A.
 *   KPR key-person risk, SIL silos, UNV unvoiced irritation, TRU trust and delight,
 *   RTS repeat-the-story (retired after coding), OWN "Pricing", Alfa's own code.
 *   Narrow relationship is retired with no codings at all.
 *
 * Engagement Beta: BK key 500,000 (q1 strategic), BU unmanaged no revenue (q2 operational).
 *   J1 BK done nps 5 sat 4: KPR, TRU · J2 BU done no scores: SIL · J3 BU planned.
 * Engagement Gamma: GU unmanaged 10,000 · G1 done, no scores: SIL · G2 planned.
 * Engagement Delta: nothing at all.
 */

let ws: TestWorkspace;
const ids = new Map<string, string>();
const idOf = (name: string): string => {
  let id = ids.get(name);
  if (!id) {
    id = crypto.randomUUID();
    ids.set(name, id);
  }
  return id;
};
const codes: Record<string, string> = {};

const text = (value: string, ...marks: string[]): DocNode =>
  marks.length
    ? { type: 'text', text: value, marks: marks.map((m) => ({ type: CODING_MARK, attrs: { id: idOf(m) } })) }
    : { type: 'text', text: value };
const doc = (...paragraphs: DocNode[][]): DocNode => ({
  type: 'doc',
  content: paragraphs.map((content) => ({ type: 'paragraph', content })),
});

function engagement(name: string): string {
  const id = ws.call('createEngagement', { clientName: name, title: `${name} study`, language: 'en' }).id;
  ids.set(name, id);
  return id;
}

function account(
  engagementId: string,
  name: string,
  tier: Tier,
  revenue: number | null,
  importance: Importance | null = null,
  lifecycle: LifecycleStage | null = null,
  people: [string, RoleLevel][] = [],
): void {
  const accountId = ws.call('createAccount', { engagementId, name, tier, revenue, importance, lifecycle }).id;
  ids.set(name, accountId);
  for (const [person, roleLevel] of people) {
    ids.set(person, ws.call('createInterviewee', { accountId, name: person, roleLevel }).id);
  }
}

function interview(
  engagementId: string,
  name: string,
  accountName: string,
  people: string[],
  status: InterviewStatus,
  nps: number | null,
  satisfaction: number | null,
  knows: [string, 'strategic' | 'operational'][] = [],
): string {
  const id = ws.call('createInterview', {
    engagementId,
    accountId: ids.get(accountName)!,
    intervieweeIds: people.map((p) => ids.get(p)!),
    status,
    nps,
    satisfaction,
  }).id;
  ids.set(name, id);
  for (const [clientPerson, level] of knows) {
    ws.call('addRelationship', { interviewId: id, intervieweeId: ids.get(people[0]!)!, clientPerson, level });
  }
  return id;
}

function notes(interviewId: string, content: DocNode, codings: [string, string, Sentiment | null][]): void {
  ws.saveNotes({
    interviewId,
    doc: content,
    codings: codings.map(([mark, code, sentiment]) => ({ id: idOf(mark), codeId: codes[code]!, sentiment })),
  });
}

function buildFixture(): void {
  const codebook = ws.call('getCodebook', {});
  const byKey = (key: string) => codebook.find((c) => c.key === key)!.id;
  Object.assign(codes, {
    KPR: byKey('key-person-risk'),
    SIL: byKey('silos'),
    UNV: byKey('unvoiced-irritation'),
    TRU: byKey('trust-and-delight'),
    RTS: byKey('repeat-the-story'),
    NARROW: byKey('narrow-relationship'),
  });

  const alfa = engagement('Alfa');
  codes.OWN = ws.call('createCode', {
    engagementId: alfa,
    name: { fi: 'Hinnoittelu', en: 'Pricing' },
  }).id;
  account(alfa, 'K1', 'key', 1_000_000, '++', 'development', [
    ['p1', 'strategic'],
    ['p2', 'operational'],
  ]);
  account(alfa, 'K2', 'key', 600_000, '+-', 'development', [['p3', 'strategic']]);
  account(alfa, 'N1', 'named', 200_000, '-+', 'onboarding', [['p4', 'influencer']]);
  account(alfa, 'N2', 'named', null, null, null, [['p5', 'operational']]);
  account(alfa, 'U1', 'unmanaged', 50_000, '--', 'ending', [['p6', 'operational']]);
  account(alfa, 'U2', 'unmanaged', 150_000, '--', 'first_contact', [['p7', 'strategic']]);

  const i1 = interview(alfa, 'I1', 'K1', ['p1', 'p2'], 'coded', 10, 5, [
    ['Jari Leinonen', 'strategic'],
    ['Sanna Koivisto', 'operational'],
  ]);
  notes(
    i1,
    doc(
      [
        text('Intro. '),
        text('only Maija ', 'A'),
        text('knows us', 'A', 'B'),
        text(' and ', 'B'),
        text('nobody else', 'B', 'C'),
        text('.'),
      ],
      [text('Great service', 'D')],
    ),
    [
      ['A', 'KPR', 'negative'],
      ['B', 'SIL', 'negative'],
      ['C', 'SIL', null],
      ['D', 'TRU', 'positive'],
    ],
  );
  const i2 = interview(alfa, 'I2', 'K1', ['p2'], 'done', 9, 4, [
    [' sanna  KOIVISTO ', 'operational'],
    ['Jari Leinonen', 'operational'],
  ]);
  notes(
    i2,
    doc([
      text('First '),
      text('only one contact', 'E'),
      text(' then '),
      text('Pekka left', 'F'),
      text(' hmm', 'F', 'G'),
      text(' ok', 'G'),
    ]),
    [
      ['E', 'KPR', 'negative'],
      ['F', 'KPR', null],
      ['G', 'UNV', 'neutral'],
    ],
  );
  const i3 = interview(alfa, 'I3', 'K2', ['p3'], 'coded', 10, null, [['Jari Leinonen', 'strategic']]);
  notes(i3, doc([text('Reliable', 'H'), text(' but pricey', 'H', 'I')]), [
    ['H', 'TRU', 'positive'],
    ['I', 'OWN', 'negative'],
  ]);
  const i4 = interview(alfa, 'I4', 'N1', ['p4'], 'done', 6, 2, [['Äijälä Päivi', 'operational']]);
  notes(i4, doc([text('Sales and delivery', 'J'), text(' never talk', 'K')]), [
    ['J', 'SIL', 'negative'],
    ['K', 'UNV', 'negative'],
  ]);
  // Done, not in progress: an in-progress interview is not yet in the figures (sample.test.ts covers that).
  const i5 = interview(alfa, 'I5', 'N1', ['p4'], 'done', 8, 3, [['ÄIJÄLÄ PÄIVI', 'operational']]);
  notes(i5, doc([text('They call only Maija', 'L'), text(' fine', 'M')]), [
    ['L', 'KPR', 'negative'],
    ['M', 'TRU', 'positive'],
  ]);
  // The TRU passage is deleted again: its coding becomes a tombstone and must not count.
  notes(i5, doc([text('They call only Maija', 'L'), text(' fine')]), []);
  const i6 = interview(alfa, 'I6', 'N2', ['p5'], 'coded', null, null);
  notes(i6, doc([text('Told the story again', 'N')]), [['N', 'RTS', 'negative']]);
  const i7 = interview(alfa, 'I7', 'U1', ['p6'], 'done', null, null, [
    ['Timo Hirvonen', 'operational'],
    ['Sanna Koivisto', 'strategic'],
  ]);
  notes(i7, doc([text('Nothing special.')]), []);
  // A planned interview with notes, scores and a map: saving notes starts it, so plan it again after.
  const i8 = interview(alfa, 'I8', 'U2', ['p7'], 'planned', 0, 1, [['Someone Else', 'strategic']]);
  notes(i8, doc([text('x', 'O'), text('y', 'O', 'P')]), [
    ['O', 'KPR', 'negative'],
    ['P', 'SIL', 'negative'],
  ]);
  ws.call('updateInterview', { id: i8, patch: { status: 'planned' } });
  ws.call('updateCode', { id: codes.RTS!, patch: { retired: true } });
  ws.call('updateCode', { id: codes.NARROW!, patch: { retired: true } });

  const beta = engagement('Beta');
  account(beta, 'BK', 'key', 500_000, null, null, [['q1', 'strategic']]);
  account(beta, 'BU', 'unmanaged', null, null, null, [['q2', 'operational']]);
  notes(interview(beta, 'J1', 'BK', ['q1'], 'done', 5, 4), doc([text('a', 'Q'), text(' b', 'R')]), [
    ['Q', 'KPR', 'negative'],
    ['R', 'TRU', 'positive'],
  ]);
  notes(interview(beta, 'J2', 'BU', ['q2'], 'done', null, null), doc([text('c', 'S')]), [
    ['S', 'SIL', 'negative'],
  ]);
  interview(beta, 'J3', 'BU', ['q2'], 'planned', null, null);

  const gamma = engagement('Gamma');
  account(gamma, 'GU', 'unmanaged', 10_000, null, null, [['g1', 'operational']]);
  notes(interview(gamma, 'G1', 'GU', ['g1'], 'done', null, null), doc([text('d', 'T')]), [
    ['T', 'SIL', 'neutral'],
  ]);
  interview(gamma, 'G2', 'GU', ['g1'], 'planned', null, null);

  engagement('Delta');
}

let alfa: EngagementStats;
beforeAll(() => {
  ws = openTestWorkspace();
  buildFixture();
  alfa = ws.call('engagementStats', { engagementId: ids.get('Alfa')! });
});
afterAll(() => ws.close());

const names = (refs: { codeId: string }[]) =>
  refs.map((r) => Object.keys(codes).find((name) => codes[name] === r.codeId) ?? r.codeId);
/** The codes Alfa has, in prevalence order: most interviews first, ties by codebook order. */
const CODED = ['KPR', 'SIL', 'UNV', 'TRU', 'RTS', 'OWN'];

describe('engagement figures on the hand-built fixture', () => {
  test('base: held interviews only (I1–I7), their accounts and those accounts’ revenue', () => {
    // K1 1,000,000 + K2 600,000 + N1 200,000 + N2 none (unknown, not 0) + U1 50,000; U2 only has the planned I8.
    expect(alfa.base).toEqual({ interviews: 7, accounts: 5, revenue: 1_850_000, revenueUnknown: 1 });
  });

  test('prevalence: interviews, accounts, codings, shares of the base and sentiment per code', () => {
    const base = { interviews: 7, accounts: 5, revenue: 1_850_000, revenueUnknown: 1 };
    const row = (name: string) => alfa.prevalence.find((r) => r.codeId === codes[name])!;
    // KPR: I1 (A), I2 (E, F), I5 (L) → 3 of 7 = 42.9 %; accounts K1, N1 → 2 of 5 = 40 %;
    // revenue (1,000,000 + 200,000) / 1,850,000 = 64.9 %; codings A E F L: neg, neg, none, neg.
    // The planned I8's coding O does not count.
    expect(row('KPR')).toMatchObject({
      interviews: 3,
      accounts: 2,
      codings: 4,
      interviewsPct: 42.9,
      accountsPct: 40,
      revenuePct: 64.9,
      sentiment: { negative: 3, neutral: 0, positive: 0, none: 1 },
      base,
    });
    // SIL: I1 (B, C), I4 (J) → 2/7 = 28.6 %; K1, N1 → 40 %, 64.9 %; B neg, C none, J neg.
    expect(row('SIL')).toMatchObject({
      interviews: 2,
      accounts: 2,
      codings: 3,
      interviewsPct: 28.6,
      accountsPct: 40,
      revenuePct: 64.9,
      sentiment: { negative: 2, neutral: 0, positive: 0, none: 1 },
    });
    // UNV: I2 (G neu), I4 (K neg) → 28.6 %; K1, N1.
    expect(row('UNV')).toMatchObject({
      interviews: 2,
      accounts: 2,
      codings: 2,
      revenuePct: 64.9,
      sentiment: { negative: 1, neutral: 1, positive: 0, none: 0 },
    });
    // TRU: I1 (D), I3 (H); I5's M was deleted. Accounts K1 + K2 = 1,600,000 / 1,850,000 = 86.5 %.
    expect(row('TRU')).toMatchObject({
      interviews: 2,
      accounts: 2,
      codings: 2,
      interviewsPct: 28.6,
      revenuePct: 86.5,
      sentiment: { negative: 0, neutral: 0, positive: 2, none: 0 },
    });
    // RTS (retired, but coded): I6 of N2, which has no revenue → 1/7 = 14.3 %, 1/5 = 20 %, 0 %.
    expect(row('RTS')).toMatchObject({
      interviews: 1,
      accounts: 1,
      codings: 1,
      interviewsPct: 14.3,
      accountsPct: 20,
      revenuePct: 0,
    });
    // OWN: I3 of K2 → 14.3 %, 20 %, 600,000 / 1,850,000 = 32.4 %.
    expect(row('OWN')).toMatchObject({ interviews: 1, accountsPct: 20, revenuePct: 32.4 });
  });

  test('prevalence lists every code of the codebook once, most common first, never a group', () => {
    // 17 shared codes − Narrow relationship (retired, never coded) + Alfa's own code = 17 rows.
    expect(alfa.prevalence).toHaveLength(17);
    expect(names(alfa.prevalence).slice(0, 6)).toEqual(CODED);
    expect(names(alfa.prevalence)).not.toContain('NARROW');
    const rest = alfa.prevalence.slice(6);
    expect(rest.every((r) => r.interviews === 0 && r.interviewsPct === 0 && r.revenuePct === 0)).toBe(true);
    // Codes nobody used keep the codebook order (Single-level relationship comes first of them).
    expect(rest[0]!.code.en).toBe('Single-level relationship');
    // Prevalence of another engagement does not see Alfa's own code.
    const beta = ws.call('engagementStats', { engagementId: ids.get('Beta')! });
    expect(beta.prevalence.map((r) => r.codeId)).not.toContain(codes.OWN);
  });

  test('tier crosstab: held interviews per tier as columns, code cells as share of the column', () => {
    // key = I1 I2 I3, named = I4 I5 I6, unmanaged = I7 (I8 is planned).
    const { columns, rows } = alfa.crosstabs.tier;
    // Every column has fewer than 5 interviews: all are marked small.
    expect(columns).toEqual([
      { value: 'key', n: 3, smallN: true },
      { value: 'named', n: 3, smallN: true },
      { value: 'unmanaged', n: 1, smallN: true },
    ]);
    expect(names(rows)).toEqual(names(alfa.prevalence));
    const cells = Object.fromEntries(
      rows.slice(0, 6).map((r, i) => [CODED[i], r.cells.map((c) => [c.interviews, c.pct])]),
    );
    expect(cells).toEqual({
      KPR: [
        [2, 66.7], // I1, I2 of 3
        [1, 33.3], // I5
        [0, 0],
      ],
      SIL: [
        [1, 33.3], // I1
        [1, 33.3], // I4
        [0, 0],
      ],
      UNV: [
        [1, 33.3], // I2
        [1, 33.3], // I4
        [0, 0],
      ],
      TRU: [
        [2, 66.7], // I1, I3
        [0, 0],
        [0, 0],
      ],
      RTS: [
        [0, 0],
        [1, 33.3], // I6
        [0, 0],
      ],
      OWN: [
        [1, 33.3], // I3
        [0, 0],
        [0, 0],
      ],
    });
  });

  test('role-level, importance and lifecycle crosstabs: multi-level interviews in each, unknowns in none', () => {
    // I1 has a strategic and an operational interviewee, so it is in both columns.
    // strategic = I1 I3, influencer = I4 I5, operational = I1 I2 I6 I7.
    const role = alfa.crosstabs.roleLevel;
    expect(role.columns).toEqual([
      { value: 'strategic', n: 2, smallN: true },
      { value: 'influencer', n: 2, smallN: true },
      { value: 'operational', n: 4, smallN: true },
    ]);
    // KPR: strategic I1 (1/2), influencer I5 (1/2), operational I1 I2 (2/4); each cell carries its base.
    expect(role.rows[0]!.cells).toEqual([
      { interviews: 1, pct: 50, n: 2, smallN: true },
      { interviews: 1, pct: 50, n: 2, smallN: true },
      { interviews: 2, pct: 50, n: 4, smallN: true },
    ]);
    // ++ K1 (I1 I2), +- K2 (I3), -+ N1 (I4 I5), -- U1 (I7); N2 has no importance, so I6 is in no column.
    expect(alfa.crosstabs.importance.columns).toEqual([
      { value: '++', n: 2, smallN: true },
      { value: '+-', n: 1, smallN: true },
      { value: '-+', n: 2, smallN: true },
      { value: '--', n: 1, smallN: true },
    ]);
    // Domain order; first_contact (U2) has only a planned interview and no column.
    expect(alfa.crosstabs.lifecycle.columns).toEqual([
      { value: 'onboarding', n: 2, smallN: true },
      { value: 'development', n: 3, smallN: true },
      { value: 'ending', n: 1, smallN: true },
    ]);
  });

  test('co-occurrence per interview: both codes in the same held interview', () => {
    // Code sets: I1 {KPR SIL TRU}, I2 {KPR UNV}, I3 {TRU OWN}, I4 {SIL UNV}, I5 {KPR}, I6 {RTS}.
    const { codes: order, counts } = alfa.cooccurrence.interview;
    expect(names(order)).toEqual(CODED);
    expect(counts).toEqual([
      // KPR SIL UNV TRU RTS OWN
      [3, 1, 1, 1, 0, 0], // KPR: with SIL in I1, UNV in I2, TRU in I1
      [1, 2, 1, 1, 0, 0], // SIL: UNV in I4
      [1, 1, 2, 0, 0, 0],
      [1, 1, 0, 2, 0, 1], // TRU: OWN in I3
      [0, 0, 0, 0, 1, 0],
      [0, 0, 0, 1, 0, 1],
    ]);
  });

  test('co-occurrence per passage: overlapping codings of two different codes', () => {
    // Diagonal = codings (KPR 4, SIL 3, UNV 2, TRU 2, RTS 1, OWN 1). Pairs: A∩B (KPR–SIL), F∩G (KPR–UNV),
    // H∩I (TRU–OWN). B∩C is one code; J and K only touch; C ends after A; I8's O∩P is planned.
    const { codes: order, counts } = alfa.cooccurrence.passage;
    expect(names(order)).toEqual(CODED);
    expect(counts).toEqual([
      [4, 1, 1, 0, 0, 0],
      [1, 3, 0, 0, 0, 0],
      [1, 0, 2, 0, 0, 0],
      [0, 0, 0, 2, 0, 1],
      [0, 0, 0, 0, 1, 0],
      [0, 0, 0, 1, 0, 1],
    ]);
  });

  test('NPS and satisfaction overall and per tier, with n and the small-n warning', () => {
    expect(alfa.scores).toEqual([
      // all: nps 10 9 10 6 8 → promoters 3, passive 1, detractor 1 → (3 − 1) / 5 = 40; I8's 0 is planned.
      // satisfaction 5 4 2 3 → 3.5.
      {
        group: 'all',
        n: 5,
        promoters: 3,
        passives: 1,
        detractors: 1,
        nps: 40,
        satisfactionN: 4,
        satisfactionMean: 3.5,
        smallN: false,
      },
      // key: all promoters (10 9 10) → 100; satisfaction 5 4 → 4.5.
      {
        group: 'key',
        n: 3,
        promoters: 3,
        passives: 0,
        detractors: 0,
        nps: 100,
        satisfactionN: 2,
        satisfactionMean: 4.5,
        smallN: true,
      },
      // named: 6 and 8 → (0 − 1) / 2 = −50; satisfaction 2 3 → 2.5.
      {
        group: 'named',
        n: 2,
        promoters: 0,
        passives: 1,
        detractors: 1,
        nps: -50,
        satisfactionN: 2,
        satisfactionMean: 2.5,
        smallN: true,
      },
      // unmanaged: I7 gave no scores (U2's planned 0 does not count) → no NPS at all.
      {
        group: 'unmanaged',
        n: 0,
        promoters: 0,
        passives: 0,
        detractors: 0,
        nps: null,
        satisfactionN: 0,
        satisfactionMean: null,
        smallN: true,
      },
    ]);
  });

  test('NPS with one answer, and an engagement where nobody gave a score', () => {
    const beta = ws.call('engagementStats', { engagementId: ids.get('Beta')! });
    // Beta: only J1 scored (5, a detractor) → (0 − 1) / 1 = −100 with n = 1; BU's J2 gave none.
    expect(beta.scores.map((s) => [s.group, s.n, s.nps, s.smallN])).toEqual([
      ['all', 1, -100, true],
      ['key', 1, -100, true],
      ['unmanaged', 0, null, true],
    ]);
    const gamma = ws.call('engagementStats', { engagementId: ids.get('Gamma')! });
    expect(gamma.scores.map((s) => [s.group, s.n, s.nps, s.satisfactionMean])).toEqual([
      ['all', 0, null, null],
      ['unmanaged', 0, null, null],
    ]);
  });

  test('key-person risk: distinct client people per account, by level, riskiest first', () => {
    expect(
      alfa.keyPersonRisk.map((r) => [
        ids.get(r.account) === r.accountId ? r.account : '?',
        r.interviews,
        r.people,
        r.strategic,
        r.operational,
        r.singlePerson,
        r.noContacts,
      ]),
    ).toEqual([
      ['N2', 1, 0, 0, 0, false, true], // no map at all: unknown, not "rests on one person"
      ['K2', 1, 1, 1, 0, true, false], // Jari only, strategic only; key before named at the same risk
      ['N1', 2, 1, 0, 1, true, false], // "Äijälä Päivi" and "ÄIJÄLÄ PÄIVI" are one person
      ['K1', 2, 2, 1, 2, false, false], // Jari (S in I1, O in I2: counted at both levels) and Sanna (any spelling)
      ['U1', 1, 2, 1, 1, false, false], // Timo O, Sanna S
    ]);
    // U2 has only a planned interview: not listed.
  });

  test('coverage: every account of the tier, interviewed or not, against the held interviews', () => {
    // Interviews 3/3/1 of 7; accounts 2/2/2 of 6; revenue 1,600,000 / 200,000 (N2 none) / 200,000
    // (U1 50,000 + U2 150,000) of 2,000,000.
    expect(alfa.coverage).toEqual([
      {
        tier: 'key',
        interviews: 3,
        accounts: 2,
        accountsInterviewed: 2,
        revenue: 1_600_000,
        revenueUnknown: 0,
        interviewsPct: 42.9,
        accountsPct: 33.3,
        revenuePct: 80,
      },
      {
        tier: 'named',
        interviews: 3,
        accounts: 2,
        accountsInterviewed: 2,
        revenue: 200_000,
        revenueUnknown: 1, // N2: its share is over the known revenue, it is not 0
        interviewsPct: 42.9,
        accountsPct: 33.3,
        revenuePct: 10,
      },
      {
        tier: 'unmanaged',
        interviews: 1,
        accounts: 2,
        accountsInterviewed: 1, // U2 has only a planned interview
        revenue: 200_000,
        revenueUnknown: 0,
        interviewsPct: 14.3,
        accountsPct: 33.3,
        revenuePct: 10,
      },
    ]);
  });

  test('benchmark: mean share of the other engagements with held interviews, and the gap', () => {
    // The fixture's engagements have no dates, so none is earlier than another: each is compared with
    // the others picked by hand (test/integration/benchmark.test.ts covers the default by time).
    const pick = (name: string, others: string[]) =>
      ws.call('setBenchmarkComparators', {
        engagementId: ids.get(name)!,
        comparatorIds: others.map((o) => ids.get(o)!),
      });
    pick('Alfa', ['Beta', 'Gamma', 'Delta']);
    pick('Beta', ['Alfa', 'Gamma', 'Delta']);
    pick('Delta', ['Alfa', 'Beta', 'Gamma']);
    const alfa = ws.call('engagementStats', { engagementId: ids.get('Alfa')! });
    // Others: Beta (held J1 J2: KPR 50 %, TRU 50 %, SIL 50 %) and Gamma (held G1: SIL 100 %).
    // Delta has no held interview and is not in the mean.
    expect(alfa.benchmark.others).toBe(2);
    expect(alfa.benchmark.interviews).toBe(3);
    const rows = alfa.benchmark.rows.slice(0, 6).map((r) => [r.thisPct, r.othersPct, r.diff]);
    expect(rows).toEqual([
      [42.9, 25, 17.9], // KPR: (50 + 0) / 2
      [28.6, 75, -46.4], // SIL: (50 + 100) / 2
      [28.6, 0, 28.6], // UNV: nobody else
      [28.6, 25, 3.6], // TRU: (50 + 0) / 2
      [14.3, 0, 14.3], // RTS
      [14.3, null, null], // OWN: Alfa's own code, no one to compare with
    ]);
    expect(names(alfa.benchmark.rows)).toEqual(names(alfa.prevalence));
    // Beta against Alfa (3/7 = 42.857…) and Gamma (0): KPR (42.857… + 0) / 2 = 21.43; 50 − 21.43 = 28.6.
    const beta = ws.call('engagementStats', { engagementId: ids.get('Beta')! });
    const kpr = beta.benchmark.rows.find((r) => r.codeId === codes.KPR)!;
    expect([beta.benchmark.others, kpr.thisPct, kpr.diff]).toEqual([2, 50, 28.6]);
    // The mean is kept as it is, to be rounded once where it is shown.
    expect(kpr.othersPct).toBeCloseTo(300 / 14, 10);
  });

  test('an engagement without held interviews has empty figures, never NaN', () => {
    const delta = ws.call('engagementStats', { engagementId: ids.get('Delta')! });
    expect(delta.base).toEqual({ interviews: 0, accounts: 0, revenue: 0, revenueUnknown: 0 });
    expect(delta.prevalence.every((r) => r.interviewsPct === 0 && r.revenuePct === 0)).toBe(true);
    expect(delta.crosstabs.tier.columns).toEqual([]);
    expect(delta.cooccurrence.interview.counts).toEqual([]);
    expect(delta.keyPersonRisk).toEqual([]);
    expect(delta.coverage).toEqual([]);
    expect(delta.benchmark.others).toBe(3); // picked above
    const numbers = (value: unknown): number[] =>
      typeof value === 'number'
        ? [value]
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(numbers)
          : [];
    expect(numbers(delta).every(Number.isFinite)).toBe(true);
  });

  test('an unknown engagement is reported as not found', () => {
    expect(ws.raw('engagementStats', { engagementId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('portfolio on the hand-built fixture', () => {
  test('every engagement with its base and NPS, and the shared codes × engagements matrix', () => {
    const portfolio = ws.call('portfolio', {});
    expect(portfolio.engagements.map((e) => [e.clientName, e.base, e.nps, e.npsN])).toEqual([
      ['Alfa', { interviews: 7, accounts: 5, revenue: 1_850_000, revenueUnknown: 1 }, 40, 5],
      ['Beta', { interviews: 2, accounts: 2, revenue: 500_000, revenueUnknown: 1 }, -100, 1],
      ['Delta', { interviews: 0, accounts: 0, revenue: 0, revenueUnknown: 0 }, null, 0],
      ['Gamma', { interviews: 1, accounts: 1, revenue: 10_000, revenueUnknown: 0 }, null, 0],
    ]);
    // Every engagement here has fewer than 5 held interviews except Alfa.
    expect(portfolio.engagements.map((e) => e.smallN)).toEqual([false, true, true, true]);
    // Alfa's answers 10, 9, 10, 6, 8 (I1–I5): promoters 3, passives 1, detractors 1; Beta's one 5.
    expect(portfolio.engagements.map((e) => [e.promoters, e.passives, e.detractors])).toEqual([
      [3, 1, 1],
      [0, 0, 1],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    // Shared codes only (no OWN); retired RTS stays because it has codings, Narrow relationship goes.
    expect(portfolio.codes).toHaveLength(16);
    const codeIds = portfolio.codes.map((c) => c.codeId);
    expect(codeIds).not.toContain(codes.OWN);
    expect(codeIds).not.toContain(codes.NARROW);
    const cell = (engagement: number, code: string) =>
      portfolio.pct[engagement]![codeIds.indexOf(codes[code]!)];
    expect([cell(0, 'KPR'), cell(1, 'KPR'), cell(2, 'KPR'), cell(3, 'SIL'), cell(0, 'RTS')]).toEqual([
      42.9, 50, 0, 100, 14.3,
    ]);
    // Each row agrees with that engagement's own prevalence.
    const alfaShares = new Map(alfa.prevalence.map((r) => [r.codeId, r.interviewsPct]));
    expect(portfolio.pct[0]).toEqual(portfolio.codes.map((c) => alfaShares.get(c.codeId)));
  });
});

describe('stats and portfolio on the command line', () => {
  test('stats --json prints the service’s figures, prevalence rows named for scripts', () => {
    // The CLI opens the same file beside this test's connection, as WAL allows.
    const kuulo = (...args: string[]) =>
      spawnSync(process.execPath, ['electron/cli/index.ts', ...args, '--db', ws.path], { encoding: 'utf8' });
    const run = kuulo('stats', '--engagement', ids.get('Alfa')!, '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.prevalence).toEqual(
      alfa.prevalence.map((r) => ({
        codeId: r.codeId,
        code: r.code.en,
        codeName: r.code,
        interviews: r.interviews,
        accounts: r.accounts,
        codings: r.codings,
        interviewsPct: r.interviewsPct,
        accountsPct: r.accountsPct,
        revenuePct: r.revenuePct,
        sentiment: r.sentiment,
        base: r.base,
      })),
    );
    expect(printed.prevalence[0]).toMatchObject({
      code: 'Key-person risk',
      interviews: 3,
      base: { interviews: 7, accounts: 5 },
    });
    const { prevalence: _p, ...rest } = printed;
    // The service as it answers now (the benchmark test above picked Alfa's comparators).
    const { prevalence: _q, ...expected } = ws.call('engagementStats', { engagementId: ids.get('Alfa')! });
    expect(rest).toEqual(expected);

    const human = kuulo('stats', '--engagement', ids.get('Alfa')!);
    expect(human.status).toBe(0);
    // en-GB forms, percentages from the counts (3/7, 2/5) rounded once.
    expect(human.stdout).toMatch(/Key-person risk\s+3\s+42\.9%\s+2\s+40\.0%/);
    expect(human.stdout).toMatch(/key account\s+3 \*\s+100/);
    // N2 has no contacts recorded (?), K2 rests on one person (!).
    expect(human.stdout).toMatch(/\? N2/);
    expect(human.stdout).toMatch(/! K2/);

    const portfolio = kuulo('portfolio', '--json');
    expect(portfolio.status).toBe(0);
    expect(JSON.parse(portfolio.stdout)).toEqual(ws.call('portfolio', {}));
    expect(kuulo('stats', '--json').stderr).toMatch(/Missing --engagement/);
  });
});
