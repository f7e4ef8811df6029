import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyExpiredTrash } from '../../electron/services/trash.ts';
import { paragraphsToDoc } from '../../shared/notes.ts';
import { fingerprint } from '../fixtures/fingerprint.ts';
import { openTestWorkspace, personNamed, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = openTestWorkspace();
  ws.call('createDemo', {});
});
afterEach(() => ws.close());

/**
 * What a restore must bring back exactly: every table but the Trash, and of the notes their documents
 * (a restore moves a notes revision on, so that an editor with an older copy is refused).
 */
const state = () =>
  [
    fingerprint(ws.db, ['trash', 'notes']),
    ...(
      ws.db
        .prepare('SELECT interview_id, doc, text, word_count FROM notes ORDER BY 1')
        .raw()
        .all() as unknown[][]
    ).map((row) => JSON.stringify(row)),
  ].join('\n');

const firstEngagement = () => ws.call('listEngagements', {})[0]!;
const codedInterview = () => {
  const engagement = firstEngagement();
  return ws
    .call('listInterviews', { engagementId: engagement.id })
    .find((i) => ws.call('listCodings', { interviewId: i.id }).length > 2)!;
};

describe('the Trash', () => {
  test('a deleted interview comes back from the Trash exactly: notes, codings with memo and star, people', () => {
    const interview = codedInterview();
    const coding = ws.call('listCodings', { interviewId: interview.id })[0]!;
    ws.call('updateCoding', { id: coding.id, patch: { memo: 'Tärkeä muistiinpano', star: true } });
    const before = state();
    const notes = ws.call('getInterview', { id: interview.id }).notes;

    ws.call('deleteInterview', { id: interview.id });
    expect(ws.raw('getInterview', { id: interview.id })).toMatchObject({ ok: false });
    const [item] = ws.call('listTrash', {});
    expect(item).toMatchObject({ kind: 'interview', engagementId: interview.engagementId });
    expect(item!.label.codings).toBeGreaterThan(2);
    expect(item!.label.interviews).toBe(1);
    expect(Date.parse(item!.expiresAt) - Date.parse(item!.deletedAt)).toBe(30 * 24 * 3600 * 1000);

    ws.call('restoreFromTrash', { id: item!.id });
    expect(state()).toBe(before);
    expect(ws.call('getInterview', { id: interview.id }).notes).toEqual(notes);
    expect(ws.call('listCodings', { interviewId: interview.id })[0]).toMatchObject({
      id: coding.id,
      memo: 'Tärkeä muistiinpano',
      star: true,
    });
    expect(ws.call('listTrash', {})).toEqual([]);
  });

  test('so do a deleted engagement, account and person (links set to nothing come back too)', () => {
    const engagement = firstEngagement();
    const account = ws
      .call('listAccounts', { engagementId: engagement.id })
      .find((a) => a.interviewees.length)!;
    const before = state();
    ws.call('deleteInterviewee', { id: account.interviewees[0]!.id });
    ws.call('deleteAccount', { id: account.id });
    ws.call('deleteEngagement', { id: engagement.id });
    const kinds = ws.call('listTrash', {}).map((t) => t.kind);
    expect(kinds).toEqual(['engagement', 'account', 'interviewee']);
    // Newest first is also the order that works: the engagement before its account, then the person.
    for (const item of ws.call('listTrash', {})) ws.call('restoreFromTrash', { id: item.id });
    expect(state()).toBe(before);
  });

  test('a deleted code, a merge and a retirement are undone, marks in the notes included', () => {
    const engagement = firstEngagement();
    const before = state();
    const codebook = ws.call('getCodebook', { engagementId: engagement.id }).filter((c) => !c.isGroup);
    const used = codebook.filter((c) => (c.usage ?? 0) > 0);
    const [a, b, c] = used;
    ws.call('deleteCode', { id: a!.id });
    ws.call('mergeCodes', { sourceId: b!.id, targetId: c!.id });
    ws.call('updateCode', { id: c!.id, patch: { retired: true } });
    expect(ws.call('listTrash', {}).map((t) => t.kind)).toEqual(['codeRetire', 'codeMerge', 'code']);
    expect(ws.call('listTrash', {})[1]!.label).toMatchObject({ name: b!.name, detail: c!.name });
    for (const item of ws.call('listTrash', {})) ws.call('restoreFromTrash', { id: item.id });
    expect(state()).toBe(before);
  });

  test('an undo that would overwrite later work is refused and changes nothing', () => {
    const interview = codedInterview();
    const [coding] = ws.call('listCodings', { interviewId: interview.id });
    ws.call('deleteCode', { id: coding!.codeId });
    // Notes typed after the deletion: bringing the old notes back would lose them.
    ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc(['Kirjoitettu poiston jälkeen.']) });
    const after = fingerprint(ws.db);
    const [item] = ws.call('listTrash', {});
    expect(ws.raw('restoreFromTrash', { id: item!.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(fingerprint(ws.db)).toBe(after);
  });

  test('a restored code meets the rules of a new one: its name must be free, a hotkey taken since stays taken', () => {
    const engagement = firstEngagement();
    const code = ws.call('createCode', {
      engagementId: engagement.id,
      name: { fi: 'Kummajainen', en: 'Oddity' },
    });
    ws.call('updateCode', { id: code.id, patch: { hotkey: 7 } });
    ws.call('deleteCode', { id: code.id });
    const [deleted] = ws.call('listTrash', {});
    const lookalike = ws.call('createCode', {
      engagementId: engagement.id,
      name: { fi: 'KUMMAJAINEN', en: 'Something else' },
    });
    const before = fingerprint(ws.db);
    expect(ws.raw('restoreFromTrash', { id: deleted!.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'codeNameTaken' },
    });
    expect(fingerprint(ws.db)).toBe(before);

    ws.call('updateCode', { id: lookalike.id, patch: { name: { fi: 'Toinen', en: 'Another' }, hotkey: 7 } });
    ws.call('restoreFromTrash', { id: deleted!.id });
    const codebook = ws.call('getCodebook', { engagementId: engagement.id });
    expect(codebook.find((c) => c.id === code.id)).toMatchObject({ hotkey: null });
    expect(codebook.filter((c) => c.hotkey === 7).map((c) => c.id)).toEqual([lookalike.id]);
  });

  test('a restore moves the notes revision on, so an editor with an older copy is still refused', () => {
    const interview = codedInterview();
    const [coding] = ws.call('listCodings', { interviewId: interview.id });
    const revision = () => ws.call('getInterview', { id: interview.id }).notes.revision;
    const first = revision();
    ws.call('deleteCode', { id: coding!.codeId });
    const afterDelete = revision();
    expect(afterDelete).toBeGreaterThan(first);
    ws.call('restoreFromTrash', { id: ws.call('listTrash', {})[0]!.id });
    expect(revision()).toBeGreaterThan(afterDelete);
    const stale = ws.raw('saveNotes', {
      interviewId: interview.id,
      doc: paragraphsToDoc(['Vanha kopio']),
      baseRevision: first,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  test('what belongs to something no longer there waits for it: restore the account first', () => {
    const interview = codedInterview();
    ws.call('deleteInterview', { id: interview.id });
    ws.call('deleteAccount', { id: interview.accountId });
    const [account, deletedInterview] = ws.call('listTrash', {});
    const after = fingerprint(ws.db);
    expect(ws.raw('restoreFromTrash', { id: deletedInterview!.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/restore that first/) },
    });
    expect(fingerprint(ws.db)).toBe(after);
    ws.call('restoreFromTrash', { id: account!.id });
    ws.call('restoreFromTrash', { id: deletedInterview!.id });
    expect(ws.call('getInterview', { id: interview.id }).notes.text.length).toBeGreaterThan(0);
  });

  test('deleting for good leaves the text neither in the file nor in its journal; entries expire after 30 days', () => {
    const interview = codedInterview();
    const secret = 'Kvartaalikatsaus-Zyxwv-salaisuus';
    ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc([secret]) });
    const inFiles = () =>
      ['', '-wal'].some((suffix) => {
        const file = `${ws.path}${suffix}`;
        return existsSync(file) && readFileSync(file).includes(Buffer.from(secret));
      });
    ws.call('deleteInterview', { id: interview.id });
    // Kept in the Trash, so still on disk…
    expect(inFiles()).toBe(true);
    const [item] = ws.call('listTrash', {});
    expect(ws.call('deleteFromTrash', { id: item!.id })).toEqual({ removed: 1 });
    expect(inFiles()).toBe(false);

    const other = ws.call('listInterviews', { engagementId: firstEngagement().id })[0]!;
    ws.call('deleteInterview', { id: other.id });
    const day = 24 * 3600 * 1000;
    const deletedAt = Date.parse(ws.call('listTrash', {})[0]!.deletedAt);
    expect(emptyExpiredTrash({ ...ws.ctx, now: () => new Date(deletedAt + 29 * day).toISOString() })).toEqual(
      {
        removed: 0,
      },
    );
    expect(emptyExpiredTrash({ ...ws.ctx, now: () => new Date(deletedAt + 31 * day).toISOString() })).toEqual(
      {
        removed: 1,
      },
    );
    expect(ws.call('listTrash', {})).toEqual([]);
  });

  test('a GDPR erasure reaches into the Trash: no form of the name is left there, and a restore brings the erased text', () => {
    const person = personNamed(ws, 'Seppo Kallio');
    const interviews = ws
      .call('listEngagements', {})
      .flatMap((e) => ws.call('listInterviews', { engagementId: e.id }));
    const naming = interviews.find((i) => /Sepo[nl]/.test(ws.call('getInterview', { id: i.id }).notes.text))!;
    ws.call('deleteInterview', { id: naming.id });
    const trashText = () => ws.db.prepare('SELECT label || changes FROM trash').pluck().all().join('\n');
    expect(trashText()).toMatch(/Sepo[nl]/);

    expect(ws.call('eraseInterviewee', { id: person.id }).complete).toBe(true);
    for (const form of ['Seppo', 'Sepon', 'Sepolta', 'Sepolla', 'Kallio'])
      expect(trashText()).not.toContain(form);
    const [item] = ws.call('listTrash', {});
    ws.call('restoreFromTrash', { id: item!.id });
    const text = ws.call('getInterview', { id: naming.id }).notes.text;
    expect(text).not.toMatch(/Sepo[nl]|Kallio/);
    expect(text).toContain('[');
  });

  test('an erasure that re-saves notes does not make an earlier code deletion there impossible to undo', () => {
    const person = personNamed(ws, 'Seppo Kallio');
    const naming = ws
      .call('listEngagements', {})
      .flatMap((e) => ws.call('listInterviews', { engagementId: e.id }))
      .find((i) => /Sepo[nl]/.test(ws.call('getInterview', { id: i.id }).notes.text))!;
    const [coding] = ws.call('listCodings', { interviewId: naming.id });
    ws.call('deleteCode', { id: coding!.codeId });
    ws.call('eraseInterviewee', { id: person.id });
    ws.call('restoreFromTrash', { id: ws.call('listTrash', {})[0]!.id });
    expect(ws.call('listCodings', { interviewId: naming.id }).map((c) => c.id)).toContain(coding!.id);
    expect(ws.call('getInterview', { id: naming.id }).notes.text).not.toMatch(/Sepo[nl]|Kallio/);
  });
});

describe('a person in the Trash', () => {
  test('can still be erased: no form of the name in the Trash or the notes, the kept row anonymous', () => {
    const person = personNamed(ws, 'Seppo Kallio');
    ws.call('deleteInterviewee', { id: person.id });
    const [item] = ws.call('listTrash', {});
    expect(item).toMatchObject({ kind: 'interviewee', subjectId: person.id });
    const preview = ws.call('erasurePreview', { id: person.id });
    expect(preview.name).toBe('Seppo Kallio');
    expect(preview.total).toBeGreaterThan(3);

    expect(ws.call('eraseInterviewee', { id: person.id }).complete).toBe(true);
    const everything = (ws.db
      .prepare(`SELECT group_concat(label || changes, ' ') FROM trash`)
      .pluck()
      .get() ?? '') as string;
    const notes = ws
      .call('listEngagements', {})
      .flatMap((e) => ws.call('listInterviews', { engagementId: e.id }))
      .map((i) => ws.call('getInterview', { id: i.id }).notes.text)
      .join('\n');
    for (const form of ['Seppo', 'Sepon', 'Sepolta', 'Sepolla', 'Kallio']) {
      expect(everything).not.toContain(form);
      expect(notes).not.toContain(form);
    }
    ws.call('restoreFromTrash', { id: item!.id });
    const restored = ws
      .call('listAccounts', { engagementId: item!.engagementId! })
      .flatMap((a) => a.interviewees)
      .find((p) => p.id === person.id)!;
    // His study is in Finnish: the marker is written in Finnish.
    expect(restored).toMatchObject({ name: '[poistettu]', title: '', anonLabel: '', consent: 'declined' });
  });
});
