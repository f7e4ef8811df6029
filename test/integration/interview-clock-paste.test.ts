import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import { CODING_MARK } from '../../shared/notes.ts';
import { connect, openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = openTestWorkspace();
});
afterEach(() => ws.close());

const coded = (value: string, id?: string): DocNode =>
  id
    ? { type: 'text', text: value, marks: [{ type: CODING_MARK, attrs: { id } }] }
    : { type: 'text', text: value };
const doc = (...paragraphs: DocNode[][]): DocNode => ({
  type: 'doc',
  content: paragraphs.map((content) => ({ type: 'paragraph', content })),
});
const codeByKey = (key: string) => ws.call('getCodebook', {}).find((c) => c.key === key)!;

function engagementWithTwoInterviews() {
  const engagement = ws.call('createEngagement', { clientName: 'C', title: 'T', language: 'fi' });
  const account = ws.call('createAccount', { engagementId: engagement.id, name: 'Asiakas Oy', tier: 'key' });
  const create = () => ws.call('createInterview', { engagementId: engagement.id, accountId: account.id }).id;
  return { engagementId: engagement.id, from: create(), to: create() };
}

const SOURCE = '11111111-1111-4111-8111-111111111111';
const COPY = '22222222-2222-4222-8222-222222222222';
const usage = (engagementId: string, codeId: string) =>
  ws.call('getCodebook', { engagementId }).find((c) => c.id === codeId)!.usage;

describe('coded text pasted into another interview', () => {
  test('a cut and paste moves the coding with its code, memo, star, sentiment and severity; counts stay', () => {
    const { engagementId, from, to } = engagementWithTwoInterviews();
    const code = codeByKey('key-person-risk');
    ws.saveNotes({
      interviewId: from,
      doc: doc([coded('Vain Matti tietää. '), coded('Kaikki on Matin päässä.', SOURCE)]),
      codings: [
        { id: SOURCE, codeId: code.id, sentiment: 'negative', severity: 3, memo: 'Tärkeä', star: true },
      ],
    });
    expect(usage(engagementId, code.id)).toBe(1);

    // The cut is saved first: the source's coding goes the usual way.
    ws.saveNotes({ interviewId: from, doc: doc([coded('Vain Matti tietää. ')]) });
    expect(ws.call('listCodings', { interviewId: from })).toEqual([]);
    expect(usage(engagementId, code.id)).toBe(0);

    // The paste: the copy waits as a tombstone until the notes carrying its mark are stored.
    const result = ws.call('copyCodings', { interviewId: to, copies: [{ sourceId: SOURCE, id: COPY }] });
    expect(result.dropped).toEqual([]);
    expect(result.copied.map((c) => [c.sourceId, c.coding.id])).toEqual([[SOURCE, COPY]]);
    expect(result.copied[0]!.coding).toMatchObject({
      interviewId: to,
      codeId: code.id,
      sentiment: 'negative',
      severity: 3,
      memo: 'Tärkeä',
      star: true,
    });
    expect(ws.call('listCodings', { interviewId: to })).toEqual([]);
    ws.saveNotes({
      interviewId: to,
      doc: doc([coded('Muistiinpanot: '), coded('Kaikki on Matin päässä.', COPY)]),
    });
    const [copy] = ws.call('listCodings', { interviewId: to });
    expect(copy).toMatchObject({
      id: COPY,
      quote: 'Kaikki on Matin päässä.',
      start: 15,
      memo: 'Tärkeä',
      star: true,
    });
    expect(usage(engagementId, code.id)).toBe(1);
  });

  test('when the pasted notes are stored before the copy is asked for, the copy is placed at once', () => {
    const { from, to } = engagementWithTwoInterviews();
    const code = codeByKey('key-person-risk');
    ws.saveNotes({
      interviewId: from,
      doc: doc([coded('Lainaus.', SOURCE)]),
      codings: [{ id: SOURCE, codeId: code.id, sentiment: null, severity: null, memo: 'm', star: false }],
    });
    ws.saveNotes({ interviewId: to, doc: doc([coded('Lainaus.', COPY)]) });
    // A stray mark alone makes no coding…
    expect(ws.call('listCodings', { interviewId: to })).toEqual([]);
    ws.call('copyCodings', { interviewId: to, copies: [{ sourceId: SOURCE, id: COPY }] });
    expect(ws.call('listCodings', { interviewId: to }).map((c) => [c.id, c.quote, c.memo])).toEqual([
      [COPY, 'Lainaus.', 'm'],
    ]);
    // …and the same request again (a retry) changes nothing.
    ws.call('copyCodings', { interviewId: to, copies: [{ sourceId: SOURCE, id: COPY }] });
    expect(ws.call('listCodings', { interviewId: to })).toHaveLength(1);
  });

  test('a code of another engagement is not brought over, a coding unknown here is reported, a move within one interview keeps its id', () => {
    const first = engagementWithTwoInterviews();
    const other = engagementWithTwoInterviews();
    const group = ws.call('getCodebook', {}).find((c) => c.isGroup)!;
    const own = ws.call('createCode', {
      engagementId: first.engagementId,
      parentId: group.id,
      name: { fi: 'Hinnoittelu', en: 'Pricing' },
      color: '#cc79a7',
    });
    ws.saveNotes({
      interviewId: first.from,
      doc: doc([coded('Hinta nousi.', SOURCE)]),
      codings: [{ id: SOURCE, codeId: own.id, sentiment: null, severity: null, memo: '', star: false }],
    });
    const unknown = '33333333-3333-4333-8333-333333333333';
    const result = ws.call('copyCodings', {
      interviewId: other.to,
      copies: [
        { sourceId: SOURCE, id: COPY },
        { sourceId: unknown, id: '44444444-4444-4444-8444-444444444444' },
      ],
    });
    expect(result).toEqual({
      copied: [],
      dropped: [
        { sourceId: SOURCE, reason: 'other_engagement' },
        { sourceId: unknown, reason: 'unknown' },
      ],
    });
    expect(ws.db.prepare('SELECT count(*) FROM codings WHERE interview_id = ?').pluck().get(other.to)).toBe(
      0,
    );

    // In the engagement's own interviews the code is usable; within the same interview the id stays.
    const same = ws.call('copyCodings', {
      interviewId: first.from,
      copies: [{ sourceId: SOURCE, id: COPY }],
    });
    expect(same.copied.map((c) => c.coding.id)).toEqual([SOURCE]);
  });

  test('a copy id already used by another interview is refused, and nothing of the request is kept', () => {
    const { from, to } = engagementWithTwoInterviews();
    const code = codeByKey('key-person-risk');
    ws.saveNotes({
      interviewId: from,
      doc: doc([coded('Yksi.', SOURCE), coded(' Kaksi.', COPY)]),
      codings: [
        { id: SOURCE, codeId: code.id, sentiment: null, severity: null, memo: '', star: false },
        { id: COPY, codeId: code.id, sentiment: null, severity: null, memo: '', star: false },
      ],
    });
    const result = ws.raw('copyCodings', { interviewId: to, copies: [{ sourceId: SOURCE, id: COPY }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('the interview clock is stored with the interview', () => {
  test('start, pause and stop persist, a reopened workspace continues, and paused time does not count', () => {
    let now = Date.parse('2026-11-30T09:00:00.000Z');
    ws.ctx.now = () => new Date(now).toISOString();
    const { to: id } = engagementWithTwoInterviews();
    expect(ws.call('getInterview', { id }).clock).toEqual({
      elapsedMs: 0,
      runningSince: null,
      stopped: false,
    });
    ws.call('interviewClock', { id, action: 'start' });
    now += 60_000;
    expect(ws.call('interviewClock', { id, action: 'pause' })).toEqual({
      elapsedMs: 60_000,
      runningSince: null,
      stopped: false,
    });
    now += 600_000;
    ws.call('interviewClock', { id, action: 'start' });
    now += 30_000;
    // Another connection to the same file (a reload, a restart) sees the same clock.
    const again = connect(ws.path);
    try {
      expect(again.call('getInterview', { id }).clock).toEqual({
        elapsedMs: 60_000,
        runningSince: new Date(now - 30_000).toISOString(),
        stopped: false,
      });
    } finally {
      again.db.close();
    }
    expect(ws.call('interviewClock', { id, action: 'stop' })).toEqual({
      elapsedMs: 90_000,
      runningSince: null,
      stopped: true,
    });
    expect(ws.raw('interviewClock', { id, action: 'rewind' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
