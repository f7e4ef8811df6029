import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { paragraphsToDoc } from '../../shared/notes.ts';
import { newInterview, openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = openTestWorkspace();
});
afterEach(() => ws.close());

function setup() {
  const engagement = ws.call('createEngagement', { clientName: 'Client Oy', title: 'Study', language: 'fi' });
  const account = ws.call('createAccount', {
    engagementId: engagement.id,
    name: 'Asiakas Oy',
    tier: 'key',
    revenue: 500_000,
  });
  const person = ws.call('createInterviewee', {
    accountId: account.id,
    name: 'Åsa Öberg',
    roleLevel: 'strategic',
  });
  const interview = ws.call('createInterview', {
    engagementId: engagement.id,
    accountId: account.id,
    intervieweeIds: [person.id],
    status: 'in_progress',
    mode: 'onsite',
    date: '2026-11-20',
  });
  return { engagement, account, person, interview };
}

describe('services', () => {
  test('a patch changes only the fields it names', () => {
    const { interview, person, engagement } = setup();
    ws.call('updateInterview', { id: interview.id, patch: { nps: 9 } });
    const after = ws.call('getInterview', { id: interview.id });
    expect(after).toMatchObject({
      nps: 9,
      status: 'in_progress',
      mode: 'onsite',
      date: '2026-11-20',
      intervieweeIds: [person.id],
    });
    ws.call('updateEngagement', { id: engagement.id, patch: { title: 'Renamed' } });
    expect(ws.call('getEngagement', { id: engagement.id })).toMatchObject({
      title: 'Renamed',
      language: 'fi',
      status: 'active',
    });
  });

  test('notes are stored with their plain text, word count and revision', () => {
    const { interview } = setup();
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tausta' }] },
        {
          type: 'paragraph',
          attrs: { ts: 65 },
          content: [{ type: 'text', text: 'Yhteyshenkilö vaihtui 😬 kahdesti.' }],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Café' }] }] },
          ],
        },
      ],
    };
    const first = ws.saveNotes({ interviewId: interview.id, doc });
    const second = ws.saveNotes({ interviewId: interview.id, doc });
    expect(second.revision).toBe(first.revision + 1);
    const detail = ws.call('getInterview', { id: interview.id });
    expect(detail.notes.text).toBe('Tausta\nYhteyshenkilö vaihtui 😬 kahdesti.\nCafé');
    expect(detail.notes.doc).toEqual(doc);
    expect(detail.wordCount).toBe(5);
  });

  test('typing into a planned interview marks it in progress', () => {
    const { engagement, account } = setup();
    const planned = ws.call('createInterview', { engagementId: engagement.id, accountId: account.id });
    expect(planned.status).toBe('planned');
    ws.saveNotes({
      interviewId: planned.id,
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Started' }] }] },
    });
    expect(ws.call('getInterview', { id: planned.id }).status).toBe('in_progress');
  });

  test('relationship map entries belong to the interviewees', () => {
    const { interview, person, account } = setup();
    const other = ws.call('createInterviewee', {
      accountId: account.id,
      name: 'Not in this interview',
      roleLevel: 'operational',
    });
    const added = ws.call('addRelationship', {
      interviewId: interview.id,
      intervieweeId: person.id,
      clientPerson: 'Matti',
      level: 'strategic',
    });
    expect(
      ws.raw('addRelationship', {
        interviewId: interview.id,
        intervieweeId: other.id,
        clientPerson: 'X',
        level: 'strategic',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    ws.call('updateRelationship', { id: added.id, patch: { level: 'operational' } });
    expect(ws.call('getInterview', { id: interview.id }).relationships).toMatchObject([
      { clientPerson: 'Matti', level: 'operational', intervieweeId: person.id },
    ]);
    expect(ws.call('removeRelationship', { id: added.id })).toEqual({ removed: 1 });
  });

  test('interview lists carry account, tier and each interviewee with role level', () => {
    const { engagement } = setup();
    const [item] = ws.call('listInterviews', { engagementId: engagement.id });
    expect(item).toMatchObject({
      accountName: 'Asiakas Oy',
      tier: 'key',
      interviewees: [{ name: 'Åsa Öberg', roleLevel: 'strategic' }],
    });
  });

  test('the demo workspace is reproducible and refuses to overwrite data', () => {
    ws.call('createDemo', {});
    const engagements = ws.call('listEngagements', {});
    // Three studies and the first wave of the Finnish one (the earlier study its benchmark compares with).
    expect(engagements).toHaveLength(4);
    expect(engagements.map((e) => e.language).sort()).toEqual(['en', 'en', 'fi', 'fi']);
    const interviews = engagements.flatMap((e) => ws.call('listInterviews', { engagementId: e.id }));
    expect(interviews.length).toBeGreaterThanOrEqual(30);
    const accounts = engagements.flatMap((e) => ws.call('listAccounts', { engagementId: e.id }));
    expect(accounts.length).toBeGreaterThanOrEqual(12);
    expect(new Set(accounts.map((a) => a.tier))).toEqual(new Set(['key', 'named', 'unmanaged']));
    const words = interviews.map((i) => i.wordCount).filter((n) => n > 0);
    expect(Math.min(...words)).toBeLessThan(150);
    expect(Math.max(...words)).toBeGreaterThan(500);
    expect(ws.raw('createDemo', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const again = openTestWorkspace();
    try {
      again.call('createDemo', {});
      const ids = (w: TestWorkspace) => w.db.prepare('SELECT id FROM interviews ORDER BY id').pluck().all();
      expect(ids(again)).toEqual(ids(ws));
      const texts = (w: TestWorkspace) =>
        w.db.prepare('SELECT text FROM notes ORDER BY interview_id').pluck().all();
      expect(texts(again)).toEqual(texts(ws));
    } finally {
      again.close();
    }
  });
});

describe('settings', () => {
  test('the number of backups kept is a setting, and creating backups honours it', () => {
    expect(ws.call('getSettings', {})).toEqual({ language: null, backupsKept: 10 });
    expect(ws.call('updateSettings', { backupsKept: 2 })).toMatchObject({ backupsKept: 2 });
    for (let i = 0; i < 4; i++) ws.call('createBackup', {});
    expect(ws.call('listBackups', {})).toHaveLength(2);
    expect(ws.call('updateSettings', { language: 'fi' })).toEqual({ language: 'fi', backupsKept: 2 });
    expect(ws.raw('updateSettings', { backupsKept: 0 })).toMatchObject({ ok: false });
  });
});

describe('deleting', () => {
  /** Whether the text is in the bytes of the workspace file or its journal, with the file open. */
  const inFiles = (text: string) =>
    ['', '-wal'].some((suffix) => {
      const file = `${ws.path}${suffix}`;
      return existsSync(file) && readFileSync(file).includes(Buffer.from(text));
    });

  test('a deleted interview’s text, deleted for good from the Trash, is left neither in the file nor in its journal, with the file still open', () => {
    const interview = newInterview(ws);
    const secret = 'Kvartaalikatsaus-Zyxwv-salaisuus';
    for (const words of [secret, `${secret} ja lisää`, `${secret} ja vielä lisää`])
      ws.saveNotes({
        interviewId: interview.id,
        doc: paragraphsToDoc([words]),
      });
    expect(inFiles(secret)).toBe(true);
    ws.call('deleteInterview', { id: interview.id });
    expect(ws.call('emptyTrash', {})).toEqual({ removed: 1 });
    expect(inFiles(secret)).toBe(false);
  });

  test('so are a deleted finding’s and a deleted code’s texts', () => {
    const { engagementId } = newInterview(ws);
    const secret = 'Hallituksen-Qwxyz-muistio';
    const finding = ws.call('createFinding', { engagementId, title: secret, codeIds: [], quoteIds: [] });
    const code = ws.call('createCode', { engagementId, name: { fi: `${secret} fi`, en: `${secret} en` } });
    expect(inFiles(secret)).toBe(true);
    ws.call('deleteFinding', { id: finding.id });
    ws.call('deleteCode', { id: code.id });
    expect(ws.call('emptyTrash', {})).toEqual({ removed: 2 });
    expect(inFiles(secret)).toBe(false);
  });
});
