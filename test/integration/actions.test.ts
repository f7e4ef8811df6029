import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = openTestWorkspace();
});
afterEach(() => ws.close());

function study(title = 'Asiakaskuuntelu 2025') {
  const engagement = ws.call('createEngagement', { clientName: 'Huolto Oy', title, language: 'fi' });
  const account = ws.call('createAccount', {
    engagementId: engagement.id,
    name: 'Satamarakenne Oy',
    tier: 'key',
  });
  const person = ws.call('createInterviewee', {
    accountId: account.id,
    name: 'Pirjo Mäki',
    roleLevel: 'strategic',
  });
  const interview = ws.call('createInterview', {
    engagementId: engagement.id,
    accountId: account.id,
    intervieweeIds: [person.id],
    status: 'done',
    mode: 'onsite',
    date: '2025-03-04',
  });
  const finding = ws.call('createFinding', {
    engagementId: engagement.id,
    title: 'Huoltoikkunat venyvät',
    recommendation: 'Sopikaa huoltoikkunat kvartaaleittain. Nimetkää yhteyshenkilö jokaiselle asiakkaalle.',
  });
  return { engagement, account, person, interview, finding };
}

const para = (text: string, followUp = false): DocNode => ({
  type: 'paragraph',
  ...(followUp ? { attrs: { followUp: true } } : {}),
  content: [{ type: 'text', text }],
});

const rowCount = () => ws.db.prepare('SELECT count(*) FROM actions').pluck().get() as number;

describe('the action register', () => {
  test('create, update, move and delete through the Trash', () => {
    const { engagement, account, finding } = study();
    const a = ws.call('createAction', {
      engagementId: engagement.id,
      title: 'Soita asiakkaalle',
      owner: 'myyntijohtaja',
      dueDate: '2026-01-31',
      accountId: account.id,
    });
    expect(a).toMatchObject({
      source: 'manual',
      status: 'open',
      accountName: 'Satamarakenne Oy',
      sortOrder: 0,
    });
    const b = ws.call('createAction', {
      engagementId: engagement.id,
      title: 'Kirjaa sopimus',
      findingId: finding.id,
    });
    expect(b).toMatchObject({
      source: 'recommendation',
      findingTitle: 'Huoltoikkunat venyvät',
      sortOrder: 1,
    });

    const updated = ws.call('updateAction', {
      id: a.id,
      patch: { status: 'in_progress', owner: 'asiakkuuspäällikkö' },
    });
    expect(updated).toMatchObject({
      status: 'in_progress',
      owner: 'asiakkuuspäällikkö',
      title: 'Soita asiakkaalle',
    });
    expect(updated.dueDate).toBe('2026-01-31');

    const moved = ws.call('moveAction', { id: b.id, to: 0 });
    expect(moved.map((x) => x.id)).toEqual([b.id, a.id]);

    expect(ws.call('deleteAction', { id: a.id })).toEqual({ removed: 1 });
    const [entry] = ws.call('listTrash', {});
    expect(entry).toMatchObject({ kind: 'action', subjectId: a.id, engagementId: engagement.id });
    ws.call('restoreFromTrash', { id: entry!.id });
    expect(ws.call('actionRegister', { engagementId: engagement.id }).actions.map((x) => x.id)).toEqual([
      b.id,
      a.id,
    ]);
  });

  test('bad input is refused with a clear error and changes nothing', () => {
    const { engagement, finding } = study();
    const other = study('Toinen tutkimus');
    const ok = ws.call('createAction', { engagementId: engagement.id, title: 'Alkuperäinen' });
    const before = rowCount();
    const refused = (method: string, input: unknown) => {
      const result = ws.raw(method, input);
      expect(result.ok).toBe(false);
      return result.ok ? null : result.error;
    };
    expect(refused('createAction', { engagementId: engagement.id, title: '   ' })).toMatchObject({
      key: 'validation',
      params: { field: 'title', problem: 'empty' },
    });
    expect(refused('createAction', { engagementId: engagement.id, title: 'x'.repeat(301) })).toMatchObject({
      params: { field: 'title', problem: 'tooLong', limit: 300 },
    });
    expect(
      refused('createAction', { engagementId: engagement.id, title: 'x', detail: 'y'.repeat(4001) }),
    ).toMatchObject({
      params: { field: 'detail', problem: 'tooLong', limit: 4000 },
    });
    for (const dueDate of ['2026-02-30', '31.1.2026', '2026-13-01'])
      expect(refused('createAction', { engagementId: engagement.id, title: 'x', dueDate })).toMatchObject({
        params: { field: 'dueDate', problem: 'dateFormat' },
      });
    expect(
      refused('createAction', { engagementId: engagement.id, title: 'x', status: 'closed' }),
    ).toMatchObject({
      key: 'validation',
    });
    // A finding, account or interview of another engagement.
    for (const link of [
      { findingId: other.finding.id },
      { accountId: other.account.id },
      { interviewId: other.interview.id },
    ]) {
      expect(refused('createAction', { engagementId: engagement.id, title: 'x', ...link })).toMatchObject({
        key: 'actionLinkOutside',
      });
      expect(refused('updateAction', { id: ok.id, patch: { title: 'Muutettu', ...link } })).toMatchObject({
        key: 'actionLinkOutside',
      });
    }
    expect(refused('updateAction', { id: ok.id, patch: { dueDate: '2025-02-29' } })).toMatchObject({
      params: { problem: 'dateFormat' },
    });
    expect(refused('reviewAction', { id: ok.id, status: 'done' })).toMatchObject({ key: 'actionNotCarried' });
    expect(refused('deleteAction', { id: crypto.randomUUID() })).toMatchObject({ key: 'notFound' });
    expect(rowCount()).toBe(before);
    expect(ws.call('actionRegister', { engagementId: engagement.id }).actions[0]).toMatchObject({
      title: 'Alkuperäinen',
      findingId: null,
      reviewedAt: null,
    });
    // The finding of its own engagement is fine.
    expect(ws.call('updateAction', { id: ok.id, patch: { findingId: finding.id } }).findingId).toBe(
      finding.id,
    );
  });

  test('a recommendation makes actions titled by its first sentence; a finding can have several', () => {
    const { engagement, finding } = study();
    const first = ws.call('actionFromRecommendation', { findingId: finding.id });
    const second = ws.call('actionFromRecommendation', { findingId: finding.id });
    expect(first).toMatchObject({
      source: 'recommendation',
      status: 'open',
      findingId: finding.id,
      title: 'Sopikaa huoltoikkunat kvartaaleittain.',
    });
    expect(second.id).not.toBe(first.id);
    const ofFinding = ws
      .call('actionRegister', { engagementId: engagement.id })
      .actions.filter((a) => a.findingId === finding.id);
    expect(ofFinding).toHaveLength(2);

    // Deleting the finding keeps its actions (unlinked); undoing the delete links them again.
    ws.call('deleteFinding', { id: finding.id });
    expect(
      ws.call('actionRegister', { engagementId: engagement.id }).actions.map((a) => a.findingId),
    ).toEqual([null, null]);
    ws.call('restoreFromTrash', { id: ws.call('listTrash', {})[0]!.id });
    expect(
      ws.call('actionRegister', { engagementId: engagement.id }).actions.map((a) => a.findingId),
    ).toEqual([finding.id, finding.id]);
  });

  test('flagged paragraphs feed the register until an action covers them', () => {
    const { engagement, account, interview } = study();
    const promise = 'Lupasin, että asiakkuuspäällikkö soittaa huoltosopimuksesta.';
    ws.saveNotes({
      interviewId: interview.id,
      doc: {
        type: 'doc',
        content: [para('Yleistä keskustelua.'), para(promise, true), para('Toinen lupaus.', true)],
      },
    });
    const { followUps } = ws.call('actionRegister', { engagementId: engagement.id });
    expect(followUps.map((f) => f.text)).toEqual([promise, 'Toinen lupaus.']);
    expect(followUps[0]).toMatchObject({ accountName: 'Satamarakenne Oy', interviewDate: '2025-03-04' });

    const action = ws.call('actionFromFollowUp', {
      interviewId: interview.id,
      text: promise,
      title: 'Soitto huoltosopimuksesta',
      owner: 'asiakkuuspäällikkö',
      dueDate: '2025-04-01',
    });
    expect(action).toMatchObject({
      source: 'follow_up',
      accountId: account.id,
      interviewId: interview.id,
      detail: promise,
      status: 'open',
    });
    expect(ws.call('actionRegister', { engagementId: engagement.id }).followUps.map((f) => f.text)).toEqual([
      'Toinen lupaus.',
    ]);

    // A paragraph no longer flagged is refused, and nothing is written.
    const before = rowCount();
    const gone = ws.raw('actionFromFollowUp', {
      interviewId: interview.id,
      text: 'Yleistä keskustelua.',
      title: 'x',
    });
    expect(gone.ok ? null : gone.error.key).toBe('followUpGone');
    expect(rowCount()).toBe(before);

    // Editing the covered paragraph makes it a new follow-up; unflagging one takes it off; the action stays.
    ws.saveNotes({
      interviewId: interview.id,
      doc: {
        type: 'doc',
        content: [para(`${promise} Myös hinnasta.`, true), para('Toinen lupaus.', false)],
      },
    });
    expect(ws.call('actionRegister', { engagementId: engagement.id }).followUps.map((f) => f.text)).toEqual([
      `${promise} Myös hinnasta.`,
    ]);
    expect(ws.call('actionRegister', { engagementId: engagement.id }).actions).toHaveLength(1);

    // The interview deleted: the action stays, unlinked; restored from the Trash, linked again.
    ws.call('deleteInterview', { id: interview.id });
    expect(ws.call('actionRegister', { engagementId: engagement.id })).toMatchObject({
      actions: [{ id: action.id, interviewId: null, accountId: account.id }],
      followUps: [],
    });
    ws.call('restoreFromTrash', { id: ws.call('listTrash', {})[0]!.id });
    expect(ws.call('actionRegister', { engagementId: engagement.id }).actions[0]!.interviewId).toBe(
      interview.id,
    );
  });

  test('an action carried over from the previous wave is reviewed', () => {
    const earlier = study('Kuuntelu 2024');
    const later = study('Kuuntelu 2025');
    const old = ws.call('createAction', {
      engagementId: earlier.engagement.id,
      title: 'Nimetään yhteyshenkilö',
      owner: 'palvelujohtaja',
      status: 'in_progress',
    });
    // What area B's wave creation writes: a copy with carried_from_id and no review yet.
    const copyId = crypto.randomUUID();
    ws.db
      .prepare(
        `INSERT INTO actions (id, engagement_id, source, title, owner, status, carried_from_id, sort_order, created_at, updated_at)
         VALUES (?, ?, 'recommendation', ?, ?, 'in_progress', ?, 0, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
      )
      .run(copyId, later.engagement.id, old.title, old.owner, old.id);
    const carried = ws.call('actionRegister', { engagementId: later.engagement.id }).actions[0]!;
    expect(carried).toMatchObject({
      carriedFromId: old.id,
      reviewedAt: null,
      carriedFrom: {
        engagementId: earlier.engagement.id,
        engagementTitle: 'Kuuntelu 2024',
        status: 'in_progress',
      },
    });
    const reviewed = ws.call('reviewAction', {
      id: copyId,
      status: 'done',
      note: 'Yhteyshenkilö nimetty keväällä.',
    });
    expect(reviewed).toMatchObject({ status: 'done', reviewNote: 'Yhteyshenkilö nimetty keväällä.' });
    expect(reviewed.reviewedAt).not.toBeNull();
    // The earlier wave's action keeps its own status: the record of what it was then.
    expect(ws.call('actionRegister', { engagementId: earlier.engagement.id }).actions[0]!.status).toBe(
      'in_progress',
    );
    // The earlier wave deleted into the Trash: the copy forgets where it came from; the undo puts it back.
    ws.call('deleteEngagement', { id: earlier.engagement.id });
    expect(ws.call('actionRegister', { engagementId: later.engagement.id }).actions[0]).toMatchObject({
      carriedFromId: null,
      carriedFrom: null,
    });
    ws.call('restoreFromTrash', { id: ws.call('listTrash', {})[0]!.id });
    expect(ws.call('actionRegister', { engagementId: later.engagement.id }).actions[0]).toMatchObject({
      carriedFromId: old.id,
      carriedFrom: { engagementTitle: 'Kuuntelu 2024' },
    });
    // The list of open actions shows a carried action once, where it lives on (here done: not at all).
    const openIds = () => ws.call('openActions', {}).map((i) => (i.kind === 'action' ? i.action.id : null));
    expect(openIds()).toEqual([]);
    ws.call('reviewAction', { id: copyId, status: 'in_progress', note: '' });
    expect(openIds()).toEqual([copyId]);
  });

  test('a next wave carries the unfinished actions over; setting the status of one there is its review', () => {
    const earlier = study('Kuuntelu 2024');
    const open = ws.call('createAction', {
      engagementId: earlier.engagement.id,
      title: 'Avoin',
      owner: 'AM',
    });
    const done = ws.call('createAction', {
      engagementId: earlier.engagement.id,
      title: 'Tehty',
      status: 'done',
    });
    const wave = ws.call('createWave', { fromEngagementId: earlier.engagement.id, title: 'Kuuntelu 2025' });
    const carried = ws.call('actionRegister', { engagementId: wave.id }).actions;
    expect(carried.map((a) => [a.title, a.carriedFromId, a.reviewedAt])).toEqual([['Avoin', open.id, null]]);
    expect(carried.some((a) => a.carriedFromId === done.id)).toBe(false);
    // Editing the owner is no review; a status set in the register's row is.
    const edited = ws.call('updateAction', { id: carried[0]!.id, patch: { owner: 'asiakkuuspäällikkö' } });
    expect(edited.reviewedAt).toBeNull();
    const set = ws.call('updateAction', { id: carried[0]!.id, patch: { status: 'in_progress' } });
    expect(set.reviewedAt).not.toBeNull();
    // The earlier wave's row keeps what it was then.
    expect(ws.call('actionRegister', { engagementId: earlier.engagement.id }).actions[0]!.status).toBe(
      'open',
    );
  });

  test('the list across engagements: open actions and follow-ups, overdue first, then by due date', () => {
    const a = study('A');
    const b = study('B');
    const make = (engagementId: string, title: string, dueDate: string | null, status = 'open' as const) =>
      ws.call('createAction', { engagementId, title, dueDate, status });
    make(a.engagement.id, 'later', '2999-06-01');
    make(b.engagement.id, 'overdue old', '2001-01-01');
    make(a.engagement.id, 'no date', null);
    make(b.engagement.id, 'soon', '2999-01-01');
    make(a.engagement.id, 'overdue recent', '2020-05-05');
    make(a.engagement.id, 'done long ago', '2000-01-01', 'done' as never);
    make(b.engagement.id, 'dropped', '2000-01-01', 'dropped' as never);
    ws.saveNotes({
      interviewId: b.interview.id,
      doc: { type: 'doc', content: [para('Lähetä hinnasto.', true)] },
    });

    const items = ws.call('openActions', {});
    expect(
      items.map((i) => (i.kind === 'action' ? i.action.title : `follow-up: ${i.followUp.text}`)),
    ).toEqual(['overdue old', 'overdue recent', 'soon', 'later', 'follow-up: Lähetä hinnasto.', 'no date']);
    expect(items.map((i) => i.overdue)).toEqual([true, true, false, false, false, false]);
    expect(items[0]).toMatchObject({ engagementTitle: 'B', clientName: 'Huolto Oy' });
    expect(ws.call('openActions', { engagementId: a.engagement.id }).map((i) => i.engagementTitle)).toEqual([
      'A',
      'A',
      'A',
    ]);
    // An engagement deleted into the Trash takes its actions out of the list.
    ws.call('deleteEngagement', { id: b.engagement.id });
    expect(ws.call('openActions', {}).map((i) => i.engagementTitle)).toEqual(['A', 'A', 'A']);
  });
});
