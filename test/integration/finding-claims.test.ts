import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/db/connection.ts';
import { MIGRATIONS } from '../../electron/db/migrate.ts';
import { createContext } from '../../electron/services/context.ts';
import { getFinding } from '../../electron/services/findings.ts';
import { claimSentence } from '../../shared/claims.ts';
import type { ClaimDefinition, DocNode, RoleLevel, Sentiment, Tier } from '../../shared/domain.ts';
import { CODING_MARK } from '../../shared/notes.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/**
 * A small engagement built by hand; every expected figure below was worked out on paper from it.
 *
 *   account  tier       importance revenue    people (role level)
 *   K1       key        —          1,000,000  k1a strategic, k1b operational
 *   K2       key        —          unknown    k2 operational
 *   N1       named      ++           300,000  n1 influencer
 *   U1       unmanaged  —            100,000  u1 operational
 *   U2       unmanaged  —             50,000  u2 strategic
 *
 *   interview account person status       codings (code, sentiment)
 *   I1        K1      k1a    done         KPR negative
 *   I2        K1      k1b    coded        KPR neutral
 *   I3        K2      k2     done         KPR negative
 *   I4        N1      n1     done         KPR no sentiment, SIL negative
 *   I5        U1      u1     done         KPR positive
 *   I6        U2      u2     done         TRU positive
 *   I7        U2      u2     planned      KPR negative (not held: never counted)
 *
 * Held: I1–I6, 6 interviews in 5 accounts; known revenue 1,450,000 (K2 unknown).
 */

let ws: TestWorkspace;
let engagementId: string;
const codes: Record<string, string> = {};
const people: Record<string, string> = {};
const accounts: Record<string, string> = {};

const doc = (text: string, codingId: string): DocNode => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [{ type: 'text', text, marks: [{ type: CODING_MARK, attrs: { id: codingId } }] }],
    },
  ],
});

function interview(account: string, person: string, status: 'done' | 'coded' | 'in_progress' | 'planned') {
  return ws.call('createInterview', {
    engagementId,
    accountId: accounts[account]!,
    intervieweeIds: [people[person]!],
    status,
  }).id;
}

/** One coded passage per code; several codes go in one paragraph each. */
function code(interviewId: string, codings: [string, Sentiment | null][]): void {
  const ids = codings.map(() => crypto.randomUUID());
  ws.saveNotes({
    interviewId,
    doc: {
      type: 'doc',
      content: codings.map(([key], i) => doc(`about ${key}`, ids[i]!).content![0]!),
    },
    codings: codings.map(([key, sentiment], i) => ({ id: ids[i]!, codeId: codes[key]!, sentiment })),
  });
}

beforeEach(() => {
  ws = openTestWorkspace();
  const codebook = ws.call('getCodebook', {});
  const byKey = (key: string) => codebook.find((c) => c.key === key)!.id;
  Object.assign(codes, {
    KPR: byKey('key-person-risk'),
    SIL: byKey('silos'),
    TRU: byKey('trust-and-delight'),
  });
  engagementId = ws.call('createEngagement', { clientName: 'Claims Oy', title: 'Claims', language: 'en' }).id;
  const account = (
    name: string,
    tier: Tier,
    revenue: number | null,
    who: [string, RoleLevel][],
    importance = null as '++' | null,
  ) => {
    const id = ws.call('createAccount', { engagementId, name, tier, revenue, importance }).id;
    accounts[name] = id;
    for (const [person, roleLevel] of who)
      people[person] = ws.call('createInterviewee', { accountId: id, name: person, roleLevel }).id;
  };
  account('K1', 'key', 1_000_000, [
    ['k1a', 'strategic'],
    ['k1b', 'operational'],
  ]);
  account('K2', 'key', null, [['k2', 'operational']]);
  account('N1', 'named', 300_000, [['n1', 'influencer']], '++');
  account('U1', 'unmanaged', 100_000, [['u1', 'operational']]);
  account('U2', 'unmanaged', 50_000, [['u2', 'strategic']]);
  code(interview('K1', 'k1a', 'done'), [['KPR', 'negative']]);
  code(interview('K1', 'k1b', 'coded'), [['KPR', 'neutral']]);
  code(interview('K2', 'k2', 'done'), [['KPR', 'negative']]);
  code(interview('N1', 'n1', 'done'), [
    ['KPR', null],
    ['SIL', 'negative'],
  ]);
  code(interview('U1', 'u1', 'done'), [['KPR', 'positive']]);
  code(interview('U2', 'u2', 'done'), [['TRU', 'positive']]);
  // Saving notes starts an interview: plan it again, so it stays out of every base.
  const planned = interview('U2', 'u2', 'planned');
  code(planned, [['KPR', 'negative']]);
  ws.call('updateInterview', { id: planned, patch: { status: 'planned' } });
});
afterEach(() => ws?.close());

const finding = (claim?: ClaimDefinition, codeIds = [codes.KPR!, codes.SIL!]) =>
  ws.call('createFinding', {
    engagementId,
    title: 'People leave, relationships go',
    codeIds,
    quoteIds: [],
    ...(claim ? { claim } : {}),
  });
const claimOf = (partial: Partial<ClaimDefinition>): ClaimDefinition => ({
  codeIds: [codes.KPR!],
  sentiment: 'negative',
  segment: null,
  unit: 'interviews',
  ...partial,
});

describe('a finding’s claim', () => {
  test('by default it counts the first linked code in the sentiment of its polarity, over every held interview', () => {
    const { claim } = finding(undefined, [codes.KPR!, codes.SIL!]);
    expect(claim).toMatchObject({
      codeIds: [codes.KPR],
      sentiment: 'negative',
      segment: null,
      unit: 'interviews',
    });
    // KPR negative: I1 and I3, of the six held (the planned I7 is not held).
    expect([claim.count, claim.base]).toEqual([2, 6]);
    expect([claim.accounts, claim.baseAccounts]).toEqual([2, 5]);
    expect(claim.tiers).toEqual({
      key: { interviews: 2, baseInterviews: 3, accounts: 2, baseAccounts: 2 },
      named: { interviews: 0, baseInterviews: 1, accounts: 0, baseAccounts: 1 },
      unmanaged: { interviews: 0, baseInterviews: 2, accounts: 0, baseAccounts: 2 },
    });
    expect(claimSentence(claim, 'en')).toBe('2 of 6 interviews raised key-person risk as a problem (33%)');
    // A strength first gives a positive claim: TRU positive in I6 only.
    const strength = finding(undefined, [codes.TRU!]).claim;
    expect([strength.sentiment, strength.count, strength.base]).toEqual(['positive', 1, 6]);
  });

  test('a coding counts for a sentiment only when it has that sentiment; one without counts only for any', () => {
    const count = (sentiment: ClaimDefinition['sentiment'], codeIds = [codes.KPR!]) => {
      const { claim } = finding(claimOf({ sentiment, codeIds }));
      return [claim.count, claim.base];
    };
    expect(count('any')).toEqual([5, 6]); // I1–I5; I4's has no sentiment
    expect(count('negative')).toEqual([2, 6]); // I1, I3
    expect(count('neutral')).toEqual([1, 6]); // I2
    expect(count('positive')).toEqual([1, 6]); // I5
    // Two codes: an interview counts once when either is there in the sentiment (I4 through SIL).
    expect(count('negative', [codes.KPR!, codes.SIL!])).toEqual([3, 6]);
  });

  test('a segment is the base: only held interviews (and their accounts) in it count', () => {
    const key = finding(claimOf({ segment: { kind: 'tier', value: 'key' } })).claim;
    expect([key.count, key.base, key.baseAccounts]).toEqual([2, 3, 2]);
    expect(key.tiers.named).toEqual({ interviews: 0, baseInterviews: 0, accounts: 0, baseAccounts: 0 });
    expect(claimSentence(key, 'en')).toBe(
      'Key accounts: 2 of 3 interviews raised key-person risk as a problem (67%) — small n, an indication only',
    );
    expect(claimSentence(key, 'fi')).toBe(
      'Avainasiakkaat: 2/3 haastattelussa nousi esiin avainhenkilöriski ongelmana (67\u00a0%) – pieni otos, vain suuntaa antava',
    );
    // Strategic people took part in I1 and I6 (and the planned I7, which is not held).
    const strategic = finding(claimOf({ segment: { kind: 'roleLevel', value: 'strategic' } })).claim;
    expect([strategic.count, strategic.base]).toEqual([1, 2]);
    const important = finding(
      claimOf({ sentiment: 'any', segment: { kind: 'importance', value: '++' } }),
    ).claim;
    expect([important.count, important.base]).toEqual([1, 1]);
  });

  test('in accounts, an account counts once however many of its interviews raised it', () => {
    const negative = finding(claimOf({ unit: 'accounts' })).claim;
    expect([negative.count, negative.base]).toEqual([2, 5]); // K1, K2
    const any = finding(claimOf({ unit: 'accounts', sentiment: 'any' })).claim;
    expect([any.count, any.base]).toEqual([4, 5]); // K1 (twice), K2, N1, U1
    expect(claimSentence(any, 'en')).toBe('In 4 of 5 accounts, interviews raised key-person risk (80%)');
    expect(claimSentence(any, 'fi')).toBe(
      '4/5 asiakkaan haastatteluissa nousi esiin avainhenkilöriski (80\u00a0%)',
    );
  });

  test('in revenue, an unknown revenue is left out of both sides and said, not taken as 0', () => {
    const { claim } = finding(claimOf({ unit: 'revenue' }));
    // K1 1,000,000 and K2 (unknown) raised it; known revenue K1 + N1 + U1 + U2 = 1,450,000.
    expect(claim).toMatchObject({
      count: 1_000_000,
      base: 1_450_000,
      revenue: 1_000_000,
      baseRevenue: 1_450_000,
      unknownRevenueAccounts: 1,
      accounts: 2,
      baseAccounts: 5,
    });
    expect(claimSentence(claim, 'en')).toBe(
      'In 2 of 5 accounts, interviews raised key-person risk as a problem; they hold 69% of the known revenue (€1,000,000 of €1,450,000); revenue unknown for 1 account, left out',
    );
    const unmanaged = finding(
      claimOf({ unit: 'revenue', sentiment: 'any', segment: { kind: 'tier', value: 'unmanaged' } }),
    ).claim;
    // U1 (100,000) raised it; U1 + U2 = 150,000, all known.
    expect([unmanaged.count, unmanaged.base, unmanaged.unknownRevenueAccounts]).toEqual([
      100_000, 150_000, 0,
    ]);
  });

  test('the claim follows the links: codes must be linked, unlinking starts it again from the first one', () => {
    const bad = ws.raw('createFinding', {
      engagementId,
      title: 'x',
      codeIds: [codes.SIL],
      claim: claimOf({ codeIds: [codes.KPR!] }),
    });
    expect(bad.ok === false && bad.error.key).toBe('claimCodeNotLinked');

    const f = finding(claimOf({ codeIds: [codes.KPR!, codes.SIL!], unit: 'accounts' }));
    // Editing the text keeps the claim as it was.
    expect(ws.call('updateFinding', { id: f.id, patch: { title: 'Renamed' } }).claim.codeIds.sort()).toEqual(
      [codes.KPR!, codes.SIL!].sort(),
    );
    // Relinking keeps the claim codes that stay linked…
    const kept = ws.call('updateFinding', { id: f.id, patch: { codeIds: [codes.SIL!, codes.TRU!] } }).claim;
    expect([kept.codeIds, kept.sentiment, kept.unit]).toEqual([[codes.SIL], 'negative', 'accounts']);
    // …and with none left, it takes the first linked code and its polarity, keeping the unit.
    const fresh = ws.call('updateFinding', { id: f.id, patch: { codeIds: [codes.TRU!] } }).claim;
    expect([fresh.codeIds, fresh.sentiment, fresh.unit]).toEqual([[codes.TRU], 'positive', 'accounts']);
  });
  test('a deleted finding comes back from the Trash with its claim; a merge of its claim code moves the claim', () => {
    const f = finding(claimOf({ codeIds: [codes.SIL!], sentiment: 'any', unit: 'accounts' }));
    ws.call('deleteFinding', { id: f.id });
    const item = ws.call('listTrash', {}).find((t) => t.kind === 'finding')!;
    ws.call('restoreFromTrash', { id: item.id });
    const back = ws.call('listFindings', { engagementId }).find((x) => x.id === f.id)!;
    expect([back.claim.codeIds, back.claim.sentiment, back.claim.unit]).toEqual([
      [codes.SIL],
      'any',
      'accounts',
    ]);
    // Silos merged into trust and delight: the finding's link and its claim follow the kept code.
    ws.call('mergeCodes', { sourceId: codes.SIL!, targetId: codes.TRU! });
    const merged = ws.call('listFindings', { engagementId }).find((x) => x.id === f.id)!;
    expect(merged.claim.codeIds).toEqual([codes.TRU]);
    expect([merged.claim.count, merged.claim.base]).toEqual([2, 5]); // N1 (was SIL), U2 (TRU)
  });
});

describe('migration 10', () => {
  test('gives existing findings the default claim: first linked code, sentiment from its polarity', () => {
    const path = join(ws.dir, 'version-9.db');
    const NOW = '2026-01-01T00:00:00.000Z';
    const old = new BetterSqlite3(path);
    for (const migration of MIGRATIONS.filter((m) => m.version <= 9)) migration.up(old, NOW);
    old.pragma('user_version = 9');
    old
      .prepare(
        `INSERT INTO engagements (id, client_name, title, language, status, created_at, updated_at)
         VALUES ('e1', 'Vanha Oy', 'Ennen versiota 10', 'fi', 'active', ?, ?)`,
      )
      .run(NOW, NOW);
    const byKey = (key: string) =>
      old.prepare('SELECT id FROM codes WHERE key = ? AND engagement_id IS NULL').pluck().get(key) as string;
    const addFinding = (id: string, codeKeys: string[]) => {
      old
        .prepare(
          `INSERT INTO findings (id, engagement_id, title, priority, sort_order, created_at, updated_at)
           VALUES (?, 'e1', ?, 'high', 0, ?, ?)`,
        )
        .run(id, id, NOW, NOW);
      for (const key of codeKeys)
        old.prepare('INSERT INTO finding_codes (finding_id, code_id) VALUES (?, ?)').run(id, byKey(key));
    };
    addFinding('strength', ['trust-and-delight']);
    addFinding('problem', ['key-person-risk']);
    addFinding('neutral', ['growth-potential']);
    addFinding('none', []);
    old.close();

    const db = openDatabase(path);
    try {
      const ctx = createContext(db);
      expect(getFinding(ctx, 'strength').claim).toMatchObject({
        sentiment: 'positive',
        unit: 'interviews',
        segment: null,
      });
      expect(getFinding(ctx, 'problem').claim.sentiment).toBe('negative');
      expect(getFinding(ctx, 'neutral').claim.sentiment).toBe('any');
      expect(getFinding(ctx, 'problem').claim.codes.map((c) => c.name.en)).toEqual(['Key-person risk']);
      expect(getFinding(ctx, 'none').claim.codeIds).toEqual([]);
    } finally {
      db.close();
    }
  });
});
