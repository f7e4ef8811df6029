import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { METHODS } from '../../shared/contract.ts';
import { fingerprint } from '../fixtures/fingerprint.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = openTestWorkspace();
  ws.call('createDemo', {});
});
afterEach(() => ws.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
const BAD_INPUTS: unknown[] = [
  42,
  'engagements',
  [],
  true,
  { unexpected: 1 },
  { id: 'not-an-id' },
  { id: MISSING, patch: { name: 'x'.repeat(100_000) } },
  { engagementId: "'; DROP TABLE engagements; --" },
  { id: { $gt: '' } },
  JSON.parse('{"__proto__": {"polluted": true}, "id": 1}'),
];

describe('every contract method refuses bad input with a readable message and changes nothing', () => {
  test.each(METHODS)('%s', (method) => {
    const before = fingerprint(ws.db);
    for (const input of BAD_INPUTS) {
      const result = ws.raw(method, input);
      expect(result.ok, `${method} accepted ${JSON.stringify(input)?.slice(0, 80)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.message.length).toBeGreaterThan(5);
        expect(result.error.message).not.toMatch(/\bat .*\.ts:\d+|Error:/);
      }
    }
    expect(fingerprint(ws.db)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('an unknown method is refused', () => {
    const result = ws.raw('dropEverything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  test('ids that do not exist give not_found, not a crash', () => {
    const before = fingerprint(ws.db);
    for (const method of [
      'getEngagement',
      'getInterview',
      'deleteInterview',
      'deleteAccount',
      'deleteEngagement',
    ] as const) {
      expect(ws.raw(method, { id: MISSING })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(
      ws.raw('saveNotes', { interviewId: MISSING, doc: { type: 'doc', content: [] }, baseRevision: 0 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(fingerprint(ws.db)).toBe(before);
  });

  test('a document nested too deeply is refused without touching the notes', () => {
    const [engagement] = ws.call('listEngagements', {});
    const [interview] = ws.call('listInterviews', { engagementId: engagement!.id });
    const before = fingerprint(ws.db);
    let deep: Record<string, unknown> = { type: 'paragraph' };
    for (let i = 0; i < 5000; i++) deep = { type: 'blockquote', content: [deep] };
    const result = ws.raw('saveNotes', {
      interviewId: interview!.id,
      doc: { type: 'doc', content: [deep] },
      baseRevision: 0,
    });
    expect(result.ok).toBe(false);
    expect(fingerprint(ws.db)).toBe(before);
  });

  test('an interview cannot use an account or person of another engagement', () => {
    const [a, b] = ws.call('listEngagements', {});
    const foreignAccount = ws.call('listAccounts', { engagementId: b!.id })[0]!;
    const ownAccount = ws.call('listAccounts', { engagementId: a!.id }).find((x) => x.interviewees.length)!;
    const before = fingerprint(ws.db);
    expect(ws.raw('createInterview', { engagementId: a!.id, accountId: foreignAccount.id })).toMatchObject({
      ok: false,
    });
    const foreignPerson = ws.call('listAccounts', { engagementId: b!.id }).flatMap((x) => x.interviewees)[0]!;
    expect(
      ws.raw('createInterview', {
        engagementId: a!.id,
        accountId: ownAccount.id,
        intervieweeIds: [foreignPerson.id],
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fingerprint(ws.db)).toBe(before);
  });
});
