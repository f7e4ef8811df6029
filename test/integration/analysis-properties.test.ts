import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Cooccurrence, EngagementStats } from '../../shared/analysis.ts';
import {
  type DocNode,
  IMPORTANCES,
  INTERVIEW_STATUSES,
  LIFECYCLE_STAGES,
  ROLE_LEVELS,
  SENTIMENTS,
  TIERS,
} from '../../shared/domain.ts';
import { CODING_MARK } from '../../shared/notes.ts';
import { inSample } from '../../shared/sample.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/**
 * Random small workspaces, built through the real dispatcher: codings overlap freely, some are deleted
 * again (tombstones), some interviews are planned again after notes were typed, accounts may lack
 * importance, lifecycle or revenue, interviews may have no interviewee. The figures must then agree
 * with each other and with what `findQuotes` (the drill-down) returns.
 */

const CODE_KEYS = [
  'key-person-risk',
  'silos',
  'unvoiced-irritation',
  'trust-and-delight',
  'growth-potential',
];
/** Index CODE_KEYS.length stands for the engagement's own code. */
const CODE_CHOICES = CODE_KEYS.length + 1;
const WORDS = ['Äiti', 'sanoi', '😬', 'että', 'toimitus', 'viivästyi', 'taas', 'ja', 'kukaan', 'ei'];

const codingSpec = fc.record({
  code: fc.nat(CODE_CHOICES - 1),
  from: fc.nat(WORDS.length - 1),
  length: fc.integer({ min: 1, max: 5 }),
  sentiment: fc.constantFrom(...SENTIMENTS, null),
  deleted: fc.nat(6).map((n) => n === 0),
});

const interviewSpec = fc.record({
  account: fc.nat(),
  attendees: fc.nat(3),
  status: fc.constantFrom(...INTERVIEW_STATUSES),
  nps: fc.option(fc.integer({ min: 0, max: 10 })),
  satisfaction: fc.option(fc.integer({ min: 1, max: 5 })),
  codings: fc.array(codingSpec, { maxLength: 5 }),
  knows: fc.array(
    fc.record({
      person: fc.constantFrom('Maija Mäki', ' maija MÄKI', 'Jari', 'ÄIJÄ', 'äijä'),
      level: fc.constantFrom('strategic' as const, 'operational' as const),
    }),
    { maxLength: 3 },
  ),
});

const accountSpec = fc.record({
  tier: fc.constantFrom(...TIERS),
  importance: fc.option(fc.constantFrom(...IMPORTANCES)),
  lifecycle: fc.option(fc.constantFrom(...LIFECYCLE_STAGES)),
  revenue: fc.option(fc.nat(1_000_000)),
  roles: fc.array(fc.constantFrom(...ROLE_LEVELS), { minLength: 1, maxLength: 2 }),
});

const workspaceSpec = fc.array(
  fc.record({
    accounts: fc.array(accountSpec, { minLength: 1, maxLength: 4 }),
    interviews: fc.array(interviewSpec, { maxLength: 6 }),
  }),
  { minLength: 1, maxLength: 3 },
);

type Spec = typeof workspaceSpec extends fc.Arbitrary<infer T> ? T : never;
type CodingSpec = Spec[number]['interviews'][number]['codings'][number];

/** Cuts the words at every coding boundary; each piece carries the marks of the codings covering it. */
function notesDoc(codings: readonly (CodingSpec & { id: string })[]): DocNode {
  const ends = (c: CodingSpec) => Math.min(WORDS.length, c.from + c.length);
  const cuts = [...new Set([0, WORDS.length, ...codings.flatMap((c) => [c.from, ends(c)])])].sort(
    (a, b) => a - b,
  );
  const content: DocNode[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const piece = `${WORDS.slice(from, to).join(' ')}${to < WORDS.length ? ' ' : ''}`;
    const marks = codings
      .filter((c) => c.from <= from && ends(c) >= to)
      .map((c) => ({ type: CODING_MARK, attrs: { id: c.id } }));
    content.push(marks.length ? { type: 'text', text: piece, marks } : { type: 'text', text: piece });
  }
  return { type: 'doc', content: [{ type: 'paragraph', content }] };
}

function build(ws: TestWorkspace, spec: Spec): string[] {
  const codebook = ws.call('getCodebook', {});
  const shared = CODE_KEYS.map((key) => codebook.find((c) => c.key === key)!.id);
  return spec.map((engagement, e) => {
    const engagementId = ws.call('createEngagement', { clientName: `E${e}`, title: 'T', language: 'fi' }).id;
    const own = ws.call('createCode', { engagementId, name: { fi: `Oma ${e}`, en: `Own ${e}` } }).id;
    const codeIds = [...shared, own];
    const accounts = engagement.accounts.map(({ roles, ...fields }, a) => {
      const accountId = ws.call('createAccount', { engagementId, name: `A${a}`, ...fields }).id;
      const people = roles.map(
        (roleLevel, p) => ws.call('createInterviewee', { accountId, name: `P${p}`, roleLevel }).id,
      );
      return { accountId, people };
    });
    for (const spec of engagement.interviews) {
      const { accountId, people } = accounts[spec.account % accounts.length]!;
      const intervieweeIds = people.filter((_, p) => spec.attendees & (1 << p));
      const interviewId = ws.call('createInterview', {
        engagementId,
        accountId,
        intervieweeIds,
        status: spec.status,
        nps: spec.nps,
        satisfaction: spec.satisfaction,
      }).id;
      for (const { person, level } of spec.knows) {
        ws.call('addRelationship', { interviewId, clientPerson: person, level });
      }
      const codings = spec.codings.map((c) => ({ ...c, id: crypto.randomUUID() }));
      if (!codings.length) continue;
      ws.saveNotes({
        interviewId,
        doc: notesDoc(codings),
        codings: codings.map((c) => ({ id: c.id, codeId: codeIds[c.code]!, sentiment: c.sentiment })),
      });
      if (codings.some((c) => c.deleted)) {
        ws.saveNotes({ interviewId, doc: notesDoc(codings.filter((c) => !c.deleted)) });
      }
      // Typing notes starts a planned interview; the consultant may set it back to planned.
      if (spec.status === 'planned')
        ws.call('updateInterview', { id: interviewId, patch: { status: 'planned' } });
    }
    return engagementId;
  });
}

function expectSymmetric(matrix: Cooccurrence): void {
  matrix.counts.forEach((row, i) => {
    row.forEach((value, j) => {
      expect(value).toBe(matrix.counts[j]![i]);
    });
  });
}

/** Every invariant of one engagement's figures, checked against the quotes service. */
function checkEngagement(ws: TestWorkspace, engagementId: string, stats: EngagementStats): void {
  const held = new Set(
    ws
      .call('listInterviews', { engagementId })
      .filter(inSample)
      .map((i) => i.id),
  );
  expect(stats.base.interviews).toBe(held.size);
  const codingsByInterview = new Map(
    [...held].map((id) => [id, ws.call('listCodings', { interviewId: id })] as const),
  );

  for (const row of stats.prevalence) {
    for (const share of [row.interviewsPct, row.accountsPct, row.revenuePct]) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(100);
    }
    expect(row.interviews).toBeLessThanOrEqual(stats.base.interviews);
    expect(row.accounts).toBeLessThanOrEqual(Math.min(stats.base.accounts, row.interviews));
    expect(Object.values(row.sentiment).reduce((a, b) => a + b, 0)).toBe(row.codings);

    // The drill-down: the quotes behind the number, from the same sample (the filter is a check that
    // findQuotes applies the one definition too).
    const quotes = ws.call('findQuotes', { codeIds: [row.codeId], engagementId, limit: 100_000 });
    expect(quotes.every((q) => held.has(q.interviewId))).toBe(true);
    expect(new Set(quotes.map((q) => q.interviewId)).size).toBe(row.interviews);
    expect(new Set(quotes.map((q) => q.accountId)).size).toBe(row.accounts);
    expect(quotes).toHaveLength(row.codings);
  }

  const tiers = stats.crosstabs.tier;
  expect(tiers.columns.reduce((sum, c) => sum + c.n, 0)).toBe(stats.base.interviews);
  tiers.rows.forEach((row, r) => {
    expect(row.cells.reduce((sum, cell) => sum + cell.interviews, 0)).toBe(stats.prevalence[r]!.interviews);
  });
  for (const crosstab of Object.values(stats.crosstabs)) {
    for (const row of crosstab.rows) {
      row.cells.forEach((cell, c) => {
        expect(cell.interviews).toBeLessThanOrEqual(crosstab.columns[c]!.n);
        expect(cell.pct).toBeLessThanOrEqual(100);
      });
    }
  }

  const { interview, passage } = stats.cooccurrence;
  const occurring = stats.prevalence.filter((r) => r.interviews > 0);
  expect(interview.codes.map((c) => c.codeId)).toEqual(occurring.map((r) => r.codeId));
  expectSymmetric(interview);
  expectSymmetric(passage);
  occurring.forEach((row, i) => {
    expect(interview.counts[i]![i]).toBe(row.interviews);
    expect(passage.counts[i]![i]).toBe(row.codings);
  });
  // Off the diagonal, against the codings themselves.
  const index = new Map(occurring.map((r, i) => [r.codeId, i]));
  const together = occurring.map(() => occurring.map(() => 0));
  const overlapping = occurring.map(() => occurring.map(() => 0));
  for (const codings of codingsByInterview.values()) {
    const present = [...new Set(codings.map((c) => index.get(c.codeId)!))];
    for (const i of present) for (const j of present) if (i !== j) together[i]![j]!++;
    for (const x of codings)
      for (const y of codings)
        if (x.codeId !== y.codeId && x.start < y.end && y.start < x.end)
          overlapping[index.get(x.codeId)!]![index.get(y.codeId)!]!++;
  }
  occurring.forEach((_, i) => {
    together[i]![i] = interview.counts[i]![i]!;
    overlapping[i]![i] = passage.counts[i]![i]!;
  });
  expect(interview.counts).toEqual(together);
  expect(passage.counts).toEqual(overlapping);

  const [all, ...byTier] = stats.scores;
  expect(all!.group).toBe('all');
  for (const group of stats.scores) {
    expect(group.promoters + group.passives + group.detractors).toBe(group.n);
    expect(group.nps === null).toBe(group.n === 0);
    if (group.nps !== null) expect(Math.abs(group.nps)).toBeLessThanOrEqual(100);
  }
  expect(byTier.reduce((sum, g) => sum + g.n, 0)).toBe(all!.n);

  for (const row of stats.keyPersonRisk) {
    expect(row.strategic).toBeLessThanOrEqual(row.people);
    expect(row.operational).toBeLessThanOrEqual(row.people);
    expect(row.people).toBeLessThanOrEqual(row.strategic + row.operational);
    expect(row.singlePerson).toBe(row.people === 1);
    expect(row.noContacts).toBe(row.people === 0);
  }
  expect(stats.keyPersonRisk.reduce((sum, r) => sum + r.interviews, 0)).toBe(stats.base.interviews);
  expect(stats.coverage.reduce((sum, r) => sum + r.interviews, 0)).toBe(stats.base.interviews);

  for (const row of stats.benchmark.rows) {
    if (row.othersPct === null) continue;
    expect(row.othersPct).toBeGreaterThanOrEqual(0);
    expect(row.othersPct).toBeLessThanOrEqual(100);
  }
}

describe('analysis figures on random workspaces', () => {
  test('agree with each other and with the quotes behind them', () => {
    fc.assert(
      fc.property(workspaceSpec, (spec) => {
        const ws = openTestWorkspace();
        try {
          const engagementIds = build(ws, spec);
          const portfolio = ws.call('portfolio', {});
          for (const engagementId of engagementIds) {
            const stats = ws.call('engagementStats', { engagementId });
            checkEngagement(ws, engagementId, stats);
            // The portfolio row of this engagement is its prevalence of the shared codes.
            const row = portfolio.engagements.findIndex((e) => e.engagementId === engagementId);
            const shares = new Map(stats.prevalence.map((r) => [r.codeId, r.interviewsPct]));
            expect(portfolio.pct[row]).toEqual(portfolio.codes.map((c) => shares.get(c.codeId) ?? 0));
          }
        } finally {
          ws.close();
        }
      }),
      { numRuns: 40 },
    );
    // Forty workspaces built and analysed: seconds on a quiet machine, far more under load.
  }, 120_000);
});
