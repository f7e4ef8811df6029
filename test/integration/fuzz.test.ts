import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/db/connection.ts';
import { createBackup } from '../../electron/services/backup.ts';
import { createContext, type ServiceContext } from '../../electron/services/context.ts';
import { createDispatcher, type Dispatch } from '../../electron/services/dispatcher.ts';
import { createHandlers } from '../../electron/services/handlers.ts';
import { type ErrorCode, type Input, METHODS, type Method, type Output } from '../../shared/contract.ts';
import { fingerprint } from '../fixtures/fingerprint.ts';

/**
 * Every contract method, including ones added later (the list comes from METHODS), gets RUNS hostile
 * inputs: wrong types, huge strings, deep nesting, odd Unicode (lone surrogates, U+0000, RTL marks,
 * emoji), __proto__/constructor keys, and valid inputs with one field mutated. The dispatcher must
 * never throw, must answer with a result value whose error (if any) is a readable message without a
 * stack, and a refused call must leave every table exactly as it was. Replay with KUULO_FUZZ_SEED.
 */
const RUNS = Number(process.env.KUULO_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.KUULO_FUZZ_SEED ?? 424242);

const root = mkdtempSync(join(tmpdir(), 'kuulo-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Fixture {
  ctx: ServiceContext;
  dispatch: Dispatch;
  unexpected: { method: string; error: unknown }[];
  ids: Record<'engagement' | 'account' | 'person' | 'interview' | 'relationship' | 'code' | 'coding', string>;
  backup: string;
}

/** A small workspace with one of everything, so valid-looking inputs reach the services. */
function fixture(name: string): Fixture {
  const ctx = createContext(openDatabase(join(root, `${name}.db`)));
  const unexpected: Fixture['unexpected'] = [];
  const dispatch = createDispatcher(createHandlers(ctx), {
    onUnexpectedError: (method, error) => unexpected.push({ method, error }),
  });
  const call = <M extends Method>(method: M, input: Input<M>): Output<M> => {
    const result = dispatch(method, input);
    if (!result.ok) throw new Error(`fixture: ${method} failed: ${result.error.message}`);
    return result.value as Output<M>;
  };
  const engagement = call('createEngagement', {
    clientName: 'Asiakas Oy',
    title: 'Kuuntelu',
    language: 'fi',
  });
  const account = call('createAccount', { engagementId: engagement.id, name: 'Tili Oy', tier: 'key' });
  const person = call('createInterviewee', {
    accountId: account.id,
    name: 'Åsa Öberg',
    roleLevel: 'strategic',
  });
  const interview = call('createInterview', {
    engagementId: engagement.id,
    accountId: account.id,
    intervieweeIds: [person.id],
  });
  const relationship = call('addRelationship', {
    interviewId: interview.id,
    intervieweeId: person.id,
    clientPerson: 'Matti',
    level: 'strategic',
  });
  const code = call('getCodebook', {}).find((c) => !c.isGroup)!;
  const coding = ctx.newId();
  call('saveNotes', {
    interviewId: interview.id,
    doc: docWith(coding),
    codings: [{ id: coding, codeId: code.id }],
  } as Input<'saveNotes'>);
  const backup = createBackup(ctx).path;
  unexpected.length = 0;
  return {
    ctx,
    dispatch,
    unexpected,
    backup,
    ids: {
      engagement: engagement.id,
      account: account.id,
      person: person.id,
      interview: interview.id,
      relationship: relationship.id,
      code: code.id,
      coding,
    },
  };
}

function docWith(codingId: string) {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tausta' }] },
      {
        type: 'paragraph',
        attrs: { ts: 65 },
        content: [
          { type: 'text', text: 'Yhteyshenkilö vaihtui ' },
          { type: 'text', text: 'kahdesti 😬', marks: [{ type: 'coding', attrs: { id: codingId } }] },
        ],
      },
    ],
  };
}

/** Hand-written valid inputs; the fuzzer mutates them. Methods without one get only generic input. */
function examples(f: Fixture): Partial<Record<Method, unknown[]>> {
  const { ids } = f;
  const byId = (id: string) => [{ id }];
  return {
    workspaceStatus: [{}],
    getSettings: [{}],
    updateSettings: [{ language: 'fi' }, { language: null }],
    listEngagements: [{}],
    getEngagement: byId(ids.engagement),
    createEngagement: [{ clientName: 'Uusi Oy', title: 'T', language: 'en', periodStart: '2026-01-31' }],
    updateEngagement: [{ id: ids.engagement, patch: { title: 'Renamed', status: 'completed' } }],
    deleteEngagement: byId(ids.engagement),
    listAccounts: [{ engagementId: ids.engagement }],
    createAccount: [{ engagementId: ids.engagement, name: 'B Oy', tier: 'named', revenue: 1000 }],
    updateAccount: [{ id: ids.account, patch: { importance: '++', lifecycle: 'onboarding' } }],
    deleteAccount: byId(ids.account),
    createInterviewee: [
      { accountId: ids.account, name: 'Pekka', roleLevel: 'operational', consent: 'given' },
    ],
    updateInterviewee: [{ id: ids.person, patch: { title: 'CFO', anonLabel: 'H1' } }],
    deleteInterviewee: byId(ids.person),
    listInterviews: [{ engagementId: ids.engagement }],
    getInterview: byId(ids.interview),
    createInterview: [
      {
        engagementId: ids.engagement,
        accountId: ids.account,
        intervieweeIds: [ids.person],
        startTime: '09:30',
      },
    ],
    updateInterview: [{ id: ids.interview, patch: { nps: 9, satisfaction: 4, durationMin: 45 } }],
    deleteInterview: byId(ids.interview),
    saveNotes: [
      { interviewId: ids.interview, doc: docWith(ids.coding) },
      {
        interviewId: ids.interview,
        doc: docWith(ids.coding),
        codings: [{ id: ids.coding, codeId: ids.code }],
      },
    ],
    addRelationship: [{ interviewId: ids.interview, clientPerson: 'Liisa', level: 'operational' }],
    updateRelationship: [{ id: ids.relationship, patch: { clientRole: 'CEO' } }],
    removeRelationship: byId(ids.relationship),
    deletionImpact: [{ kind: 'interview', id: ids.interview }],
    getCodebook: [{}, { engagementId: ids.engagement }],
    createCode: [{ name: { fi: 'Hinta', en: 'Price' }, engagementId: ids.engagement, color: '#112233' }],
    updateCode: [{ id: ids.code, patch: { hotkey: 3, retired: false } }],
    mergeCodes: [{ sourceId: ids.code, targetId: ids.code }],
    codeDeletionImpact: byId(ids.code),
    deleteCode: byId(ids.code),
    listCodings: [{ interviewId: ids.interview }],
    updateCoding: [{ id: ids.coding, patch: { sentiment: 'negative', severity: 2, star: true } }],
    findQuotes: [{ codeIds: [ids.code], match: 'all', tiers: ['key'] }],
    listBackups: [{}],
    createBackup: [{}],
    restoreBackup: [{ path: f.backup }],
  };
}

// ---- hostile values -------------------------------------------------------------------------------

const ODD = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u202E',
  '\u200F',
  '\u200B',
  '\uFEFF',
  '👩‍👩‍👧',
  '🏳️‍🌈',
  'e\u0301',
  'Å',
  '\r\n',
  '<script>alert(1)</script>',
  "'; DROP TABLE engagements; --",
  '../../etc/passwd',
  '%s%n',
  '{{7*7}}',
  'ＡＢＣ',
] as const;
/** Any UTF-16 code unit, so lone surrogates too (fast-check's own units never produce them). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const oddString = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 40 }),
  fc.array(fc.constantFrom(...ODD), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(100_000, 1_000_000, 3_000_000).map((n) => 'x'.repeat(n)),
  fc.constantFrom(20_001, 400_000).map((n) => 'ä😬'.repeat(n)),
);
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'id ', 'ID'),
  oddString.filter((s) => s.length < 1000),
);
const number = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 2 ** 53, -(2 ** 63), 1e308, 0.5),
  fc.integer(),
);

/** An object whose own keys may be "__proto__" or "constructor" (assignment would not make those). */
const withOwnKeys = (value: fc.Arbitrary<unknown>) =>
  fc.array(fc.tuple(hostileKey, value), { maxLength: 5 }).map((entries) => {
    const object: Record<string, unknown> = {};
    for (const [key, v] of entries)
      Object.defineProperty(object, key, { value: v, enumerable: true, writable: true, configurable: true });
    return object;
  });

function nest(depth: number, kind: 'array' | 'object' | 'doc'): unknown {
  let value: unknown = kind === 'doc' ? { type: 'text', text: 'x' } : 'x';
  for (let i = 0; i < depth; i++)
    value =
      kind === 'array' ? [value] : kind === 'object' ? { a: value } : { type: 'paragraph', content: [value] };
  return kind === 'doc' ? { type: 'doc', content: [value] } : value;
}
const deep = fc
  .tuple(
    fc.integer({ min: 30, max: 20_000 }),
    fc.constantFrom('array', 'object', 'doc') as fc.Arbitrary<'array'>,
  )
  .map(([depth, kind]) => nest(depth, kind));

const leaf = fc.oneof(
  oddString,
  number,
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.bigInt(),
  fc.date(),
);
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: leaf },
  {
    weight: 3,
    arbitrary: fc.anything({
      key: hostileKey,
      values: [oddString, number, fc.boolean(), fc.constant(null)],
      maxDepth: 4,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
    }),
  },
  { weight: 2, arbitrary: withOwnKeys(leaf) },
  { weight: 1, arbitrary: deep },
  {
    weight: 1,
    arbitrary: fc.constant(
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
    ),
  },
);

// ---- mutations of valid examples ------------------------------------------------------------------

type Path = (string | number)[];
type Node = Record<string | number, unknown>;

function pathsOf(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const children = Object.entries(value).flatMap(([key, child]) =>
    pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]),
  );
  return [path, ...children];
}

const valueAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, step) => (node as Node)[step], root);

/**
 * A value of the same kind as `original` that may still pass the schema, so the call reaches the service:
 * other ids, neighbouring paths, strings at the length limits, edge numbers.
 */
function lookalike(original: unknown, known: string[]): fc.Arbitrary<unknown> {
  if (typeof original === 'string')
    return fc.oneof(
      oddString.filter((s) => s.length < 300),
      fc.uuid(),
      fc.constantFrom(...known, '', ' ', `${original}\u0000`, `${original}/../x`),
      fc.constantFrom(199, 200, 201, 4096, 4097, 20_000, 20_001).map((n) => 'ö'.repeat(n)),
    );
  if (typeof original === 'number') return number;
  if (typeof original === 'boolean') return fc.constantFrom(true, false, 0, 1, 'true');
  if (Array.isArray(original))
    return fc.array(original.length ? lookalike(original[0], known) : leaf, { maxLength: 60 });
  if (original && typeof original === 'object') return fc.oneof(fc.constant({}), withOwnKeys(leaf));
  return fc.constantFrom(null, undefined, '', 0, known[0]);
}

type Mutation = { kind: 'replace' | 'delete' | 'add'; value: unknown; key: string };

function mutate(example: unknown, path: Path, { kind, value, key }: Mutation): unknown {
  const copy = structuredClone(example);
  if (!path.length) return kind === 'replace' ? value : copy;
  const parent = valueAt(copy, path.slice(0, -1)) as Node;
  const last = path.at(-1)!;
  if (kind === 'replace') parent[last] = value;
  else if (kind === 'delete') delete parent[last];
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function inputsFor(valid: unknown[], known: string[]): fc.Arbitrary<unknown> {
  if (!valid.length) return hostile;
  const mutated = fc.tuple(fc.constantFrom(...valid), fc.nat()).chain(([example, at]) => {
    const paths = pathsOf(example);
    const path = paths[at % paths.length]!;
    return fc
      .record({
        kind: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'add') as fc.Arbitrary<
          Mutation['kind']
        >,
        value: fc.oneof(
          { weight: 3, arbitrary: lookalike(valueAt(example, path), known) },
          { weight: 2, arbitrary: hostile },
        ),
        key: hostileKey,
      })
      .map((mutation) => mutate(example, path, mutation));
  });
  return fc.oneof(
    { weight: 2, arbitrary: hostile },
    { weight: 4, arbitrary: mutated },
    { weight: 1, arbitrary: fc.constantFrom(...valid) },
  );
}

// ---- the property ---------------------------------------------------------------------------------

const CODES: ErrorCode[] = ['invalid_input', 'not_found', 'conflict', 'unknown_method', 'internal'];

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).join();

describe('fuzzing every contract method', () => {
  const protoBefore = prototypeKeys();

  test.each(METHODS)('%s survives hostile input', (method) => {
    const f = fixture(method);
    const valid = examples(f)[method] ?? [];
    const known = [...Object.values(f.ids), f.backup, f.ctx.dbPath];
    let state = fingerprint(f.ctx.db);
    let refused = 0;
    let reachedService = 0;
    fc.assert(
      fc.property(inputsFor(valid, known), (input) => {
        const result = f.dispatch(method, input);
        expect(typeof result.ok).toBe('boolean');
        if (result.ok || !result.error.message.startsWith('Invalid input —')) reachedService++;
        if (result.ok) {
          expect(result).toHaveProperty('value');
          state = fingerprint(f.ctx.db);
          return;
        }
        refused++;
        const { code, message } = result.error;
        expect(CODES).toContain(code);
        expect(typeof message).toBe('string');
        expect(message.length).toBeGreaterThan(5);
        expect(message.length).toBeLessThan(2000);
        expect(message).not.toMatch(/\n\s+at |\bat .*\.ts:\d+|Error:/);
        // Refused means untouched: every row of every table as before.
        expect(fingerprint(f.ctx.db)).toBe(state);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Every error the services did not expect would be a bug: there must be none.
    expect(f.unexpected.map(({ method: m, error }) => `${m}: ${String(error)}`)).toEqual([]);
    expect(f.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(refused).toBeGreaterThan(RUNS / 4);
    // Past the schema too, or the services themselves would go untested.
    if (valid.length) expect(reachedService).toBeGreaterThan(RUNS / 10);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toBe(protoBefore);
    f.ctx.db.close();
  });

  test('saveNotes refuses attribute values that are not plain values as invalid input', () => {
    const f = fixture('attrs');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const value of [1n, cycle, new Map([['a', 1]])]) {
      const doc = { type: 'doc', content: [{ type: 'paragraph', attrs: { ts: value } }] };
      expect(f.dispatch('saveNotes', { interviewId: f.ids.interview, doc })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    f.ctx.db.close();
  });

  test('an unknown key of a megabyte is not echoed back in the message', () => {
    const f = fixture('hugekey');
    const result = f.dispatch('getSettings', { ['k'.repeat(1_000_000)]: 1 });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result).length).toBeLessThan(2000);
    f.ctx.db.close();
  });
});
