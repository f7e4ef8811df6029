import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writeReport } from '../../electron/report/export.ts';
import { erasedMarker } from '../../electron/services/erasure.ts';
import { paragraphsToDoc } from '../../shared/notes.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';
import { unzipText } from '../helpers/zip.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = openTestWorkspace();
  ws.call('createDemo', {});
});
afterEach(() => ws.close());

/** Every text value in every table (notes, their derived text, quotes, memos, findings, people…). */
function everyText(): string {
  const tables = ws.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
    .pluck()
    .all() as string[];
  return tables
    .flatMap((table) => ws.db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][])
    .flat()
    .filter((v) => typeof v === 'string')
    .join('\n');
}

test('after erasing a person, their name appears in no table, derived text or new report', async () => {
  // Karin Åberg is named in several notes of the Kvarnholm study, and in a memo written here.
  const engagement = ws.call('listEngagements', {}).find((e) => e.clientName.startsWith('Kvarnholm'))!;
  const person = ws
    .call('listAccounts', { engagementId: engagement.id })
    .flatMap((a) => a.interviewees)
    .find((p) => p.name === 'Karin Åberg')!;
  const interview = ws
    .call('listInterviews', { engagementId: engagement.id })
    .find((i) => i.intervieweeIds.includes(person.id))!;
  const coding = ws.call('listCodings', { interviewId: interview.id })[0]!;
  ws.call('updateCoding', {
    id: coding.id,
    patch: { memo: 'Ask Karin Åberg about the port strike; Karinin mukaan tärkeää.' },
  });
  ws.call('createBackup', {});
  const before = everyText();
  expect(before).toContain('Karin');
  const interviewsBefore = ws.call('listInterviews', { engagementId: engagement.id }).length;

  const summary = ws.call('eraseInterviewee', { id: person.id });
  expect(summary.mentions).toBeGreaterThan(1);
  expect(summary.memos).toBeGreaterThanOrEqual(1);
  expect(summary.backupsWithData).toBe(1);

  const after = everyText();
  expect(after).not.toMatch(/Karin/);
  expect(after).not.toMatch(/Åberg/);
  // Kvarnholm's study is in English: the marker reads in English there.
  expect(engagement.language).toBe('en');
  const ERASED = erasedMarker('en');
  expect(after).toContain(ERASED);
  // The study's counts stay: the person remains as an anonymous role in their interviews.
  expect(ws.call('listInterviews', { engagementId: engagement.id })).toHaveLength(interviewsBefore);
  expect(ws.call('getInterview', { id: interview.id }).interviewees).toEqual([
    expect.objectContaining({ id: person.id, name: ERASED, roleLevel: person.roleLevel }),
  ]);
  // Quotes were re-derived from the erased notes: each still matches its text exactly.
  for (const c of ws.call('listCodings', { interviewId: interview.id })) {
    const text = ws.call('getInterview', { id: interview.id }).notes.text;
    expect(Array.from(text).slice(c.start, c.end).join('')).toBe(c.quote);
  }

  // A report with names shown (no anonymisation) no longer holds the name.
  const out = join(ws.dir, 'after.docx');
  await writeReport(ws.ctx, { engagementId: engagement.id, anonymize: 'none' }, out);
  const xml = [...unzipText(readFileSync(out)).values()].join('\n');
  expect(xml).not.toMatch(/Karin|Åberg/);

  // Old backups still hold it: the app says so and can prune them.
  expect(ws.call('replaceBackups', {})).toEqual({ removed: 1 });
  const [fresh, ...rest] = ws.call('listBackups', {});
  expect(rest).toEqual([]);
  const copy = new BetterSqlite3(fresh!.path, { readonly: true });
  const copied = (copy.prepare('SELECT group_concat(text) FROM notes').pluck().get() as string) ?? '';
  copy.close();
  expect(copied).not.toMatch(/Karin|Åberg/);
});

test('an e-mail address from a contact list: in no anonymised report, and gone with the person everywhere', async () => {
  const engagement = ws.call('listEngagements', {}).find((e) => e.clientName.startsWith('Kvarnholm'))!;
  const account = ws
    .call('listAccounts', { engagementId: engagement.id })
    .find((a) => a.interviewees.some((p) => p.name === 'Karin Åberg'))!;
  const karin = account.interviewees.find((p) => p.name === 'Karin Åberg')!;
  // An address not built from her name: only the stored field says whose it is.
  const ADDRESS = 'kaab77@posti.example';
  const list = ['Asiakas;Yhteyshenkilö;Sähköposti', `${account.name};Karin Åberg;${ADDRESS}`];
  const imported = ws.call('importAccounts', {
    engagementId: engagement.id,
    fileName: 'lista.csv',
    data: Buffer.from(list.join('\n')).toString('base64'),
  });
  expect(imported.peopleUpdated).toBe(1);
  // Someone else deleted into the Trash keeps theirs there until it is emptied: not touched below.
  const other = ws.call('createInterviewee', {
    accountId: account.id,
    name: 'Outi Muu',
    roleLevel: 'operational',
    email: 'outi@muu.example',
  });
  ws.call('deleteInterviewee', { id: other.id });
  const interview = ws
    .call('listInterviews', { engagementId: engagement.id })
    .find((i) => i.intervieweeIds.includes(karin.id))!;
  const coding = ws.call('listCodings', { interviewId: interview.id })[0]!;
  ws.call('updateCoding', { id: coding.id, patch: { memo: `Follow up: ${ADDRESS}` } });
  expect(everyText()).toContain(ADDRESS);

  // The anonymised report shows neither the stored address nor the one written in a memo.
  const out = join(ws.dir, 'anonymised.docx');
  await writeReport(ws.ctx, { engagementId: engagement.id, anonymize: 'people' }, out);
  expect([...unzipText(readFileSync(out)).values()].join('\n')).not.toContain('kaab77');

  ws.call('eraseInterviewee', { id: karin.id });
  const after = everyText();
  // Not in her row, the memo, the search index, nor the import's undo record in the Trash.
  expect(after).not.toContain('kaab77');
  expect(after).toContain('outi@muu.example');
  const erased = ws
    .call('listAccounts', { engagementId: engagement.id })
    .flatMap((a) => a.interviewees)
    .find((p) => p.id === karin.id);
  expect(erased).toMatchObject({ name: erasedMarker('en'), email: '' });
});

test('a person deleted into the Trash: their address goes from a memo and from the kept row', () => {
  const engagement = ws.call('listEngagements', {}).find((e) => e.clientName.startsWith('Kvarnholm'))!;
  const account = ws.call('listAccounts', { engagementId: engagement.id })[0]!;
  const person = ws.call('createInterviewee', {
    accountId: account.id,
    name: 'Oskari Poistettu',
    roleLevel: 'operational',
    email: 'op1234@posti.example',
  });
  const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
  const coding = ws.call('listCodings', { interviewId: interview.id })[0]!;
  ws.call('updateCoding', { id: coding.id, patch: { memo: 'Reach them at OP1234@posti.example.' } });
  ws.call('deleteInterviewee', { id: person.id });
  expect(everyText()).toContain('op1234@posti.example');
  ws.call('eraseInterviewee', { id: person.id });
  expect(everyText().toLowerCase()).not.toContain('op1234');
});

test('erasing someone unknown changes nothing', () => {
  const result = ws.raw('eraseInterviewee', { id: '00000000-0000-4000-8000-000000000000' });
  expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
});

test('a name split across formatted or coded pieces of text is erased too', () => {
  const engagement = ws.call('createEngagement', { clientName: 'C', title: 'T', language: 'fi' });
  const account = ws.call('createAccount', { engagementId: engagement.id, name: 'Asiakas', tier: 'named' });
  const person = ws.call('createInterviewee', {
    accountId: account.id,
    name: 'Aino Ahonen',
    roleLevel: 'strategic',
  });
  const interview = ws.call('createInterview', {
    engagementId: engagement.id,
    accountId: account.id,
    intervieweeIds: [person.id],
  });
  ws.saveNotes({
    interviewId: interview.id,
    doc: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Aino Aho' },
            { type: 'text', text: 'nen sanoi näin. Ahosen mukaan', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' kaikki hyvin.' },
          ],
        },
      ],
    },
  });
  ws.call('eraseInterviewee', { id: person.id });
  const text = ws.call('getInterview', { id: interview.id }).notes.text;
  const ERASED = erasedMarker('fi');
  expect(text).toBe(`${ERASED} sanoi näin. ${ERASED} mukaan kaikki hyvin.`);
});

test('an erasure while another connection reads the file is reported as incomplete, never as done', () => {
  const engagement = ws.call('listEngagements', {}).find((e) => e.clientName.startsWith('Kvarnholm'))!;
  const person = ws
    .call('listAccounts', { engagementId: engagement.id })
    .flatMap((a) => a.interviewees)
    .find((p) => p.name === 'Karin Åberg')!;
  const reader = new BetterSqlite3(ws.path, { readonly: true });
  reader.prepare('BEGIN').run();
  reader.prepare('SELECT count(*) FROM notes').get();
  const blocked = ws.call('eraseInterviewee', { id: person.id });
  expect(blocked.complete).toBe(false);
  reader.prepare('COMMIT').run();
  reader.close();
  // Once the reader is gone, running it again finishes the job.
  expect(ws.call('eraseInterviewee', { id: person.id }).complete).toBe(true);
});

test('erasing Seppo Kallio of the demo: no form of his name in the bytes of the file or its journal, and the notes change only there', () => {
  const interviews = ws
    .call('listEngagements', {})
    .flatMap((e) =>
      ws.call('listInterviews', { engagementId: e.id }).map((i) => ({ ...i, language: e.language })),
    );
  // The marker reads in the language of the engagement whose notes it is written in.
  const markerOf = new Map(interviews.map((i) => [i.id, erasedMarker(i.language)]));
  const textOf = (id: string) => ws.call('getInterview', { id }).notes.text;
  const before = new Map(interviews.map((i) => [i.id, textOf(i.id)]));
  const person = ws
    .call('listEngagements', {})
    .flatMap((e) => ws.call('listAccounts', { engagementId: e.id }))
    .flatMap((a) => a.interviewees)
    .find((p) => p.name === 'Seppo Kallio')!;
  // The forms the demo writes him in: with an initial, inflected with gradation (pp → p), surname.
  const forms = /Seppo K\.|Seppo Kallio|Seppo|Sepon|Sepolta|Sepolla|Kallio/g;
  const notesBefore = [...before.values()].join('\n');
  for (const form of ['Seppo K.', 'Seppo', 'Sepon', 'Sepolta', 'Sepolla'])
    expect(notesBefore).toContain(form);

  expect(ws.call('eraseInterviewee', { id: person.id }).complete).toBe(true);

  for (const [id, text] of before) expect(textOf(id), id).toBe(text.replace(forms, markerOf.get(id)!));
  ws.db.close();
  for (const file of [ws.path, `${ws.path}-wal`]) {
    const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    for (const form of ['Seppo', 'Sepon', 'Sepolta', 'Sepolla', 'Kallio'])
      expect(bytes.includes(Buffer.from(form)), `${form} in ${file}`).toBe(false);
  }
  ws.db = new BetterSqlite3(ws.path);
});

describe('leaving places out of an erasure', () => {
  /** A Finnish study where Aino Kivi is interviewed and "Kivi" is also an ordinary word in one sentence. */
  function kiviStudy() {
    const engagement = ws.call('createEngagement', { clientName: 'Sora Oy', title: 'T', language: 'fi' });
    const account = ws.call('createAccount', { engagementId: engagement.id, name: 'Asiakas', tier: 'named' });
    const person = ws.call('createInterviewee', {
      accountId: account.id,
      name: 'Aino Kivi',
      roleLevel: 'strategic',
    });
    const interview = ws.call('createInterview', {
      engagementId: engagement.id,
      accountId: account.id,
      intervieweeIds: [person.id],
    });
    ws.saveNotes({
      interviewId: interview.id,
      doc: paragraphsToDoc([
        'Aino Kivi kertoi hinnoista.',
        'Kivi on kova, sanoi hän. Kiven mukaan toimitus on hidas.',
      ]),
    });
    const textOf = () => ws.call('getInterview', { id: interview.id }).notes.text;
    const nameOf = () =>
      ws.call('listAccounts', { engagementId: engagement.id }).flatMap((a) => a.interviewees)[0]!.name;
    return { person, interview, textOf, nameOf };
  }

  test('a place left out stays as it is, every other place and the person’s own record are erased', () => {
    const { person, textOf, nameOf } = kiviStudy();
    const preview = ws.call('erasurePreview', { id: person.id });
    const stone = preview.matches.find((m) => m.match === 'Kivi' && m.after.startsWith(' on kova'))!;
    expect(stone).toMatchObject({ required: false, place: { kind: 'notes' } });
    // The person's own record is listed, and cannot be left out.
    const own = preview.matches.filter((m) => m.required);
    expect(own.map((m) => m.place)).toContainEqual({ kind: 'field', table: 'interviewees', column: 'name' });

    ws.call('eraseInterviewee', { id: person.id, excluded: [stone.id], previewToken: preview.token });
    const ERASED = erasedMarker('fi');
    expect(textOf()).toBe(
      `${ERASED} kertoi hinnoista.\nKivi on kova, sanoi hän. ${ERASED} mukaan toimitus on hidas.`,
    );
    expect(nameOf()).toBe(ERASED);
  });

  test('a stale preview, a place that is not in it or the person’s own record left out: refused, nothing changes', () => {
    const { person, interview, textOf, nameOf } = kiviStudy();
    const preview = ws.call('erasurePreview', { id: person.id });
    const stone = preview.matches.find((m) => m.after.startsWith(' on kova'))!;
    const own = preview.matches.find((m) => m.required)!;
    const before = textOf();

    const notAPlace = ws.raw('eraseInterviewee', {
      id: person.id,
      excluded: [`${stone.id}0`],
      previewToken: preview.token,
    });
    expect(notAPlace).toMatchObject({
      ok: false,
      error: { key: 'erasurePlaceUnknown', code: 'invalid_input' },
    });
    const ownRecord = ws.raw('eraseInterviewee', {
      id: person.id,
      excluded: [own.id],
      previewToken: preview.token,
    });
    expect(ownRecord).toMatchObject({ ok: false, error: { key: 'erasurePlaceRequired' } });
    expect(textOf()).toBe(before);

    // The text changes after the preview was made: its places may no longer be where they were.
    ws.saveNotes({
      interviewId: interview.id,
      doc: paragraphsToDoc(['Kivi on kova.', 'Aino Kivi kertoi hinnoista. Kiven mukaan toimitus on hidas.']),
    });
    const changed = textOf();
    const stale = ws.raw('eraseInterviewee', {
      id: person.id,
      excluded: [stone.id],
      previewToken: preview.token,
    });
    expect(stale).toMatchObject({ ok: false, error: { key: 'erasurePreviewStale', code: 'conflict' } });
    expect(textOf()).toBe(changed);
    expect(nameOf()).toBe('Aino Kivi');

    // With a fresh preview it runs.
    const fresh = ws.call('erasurePreview', { id: person.id });
    expect(fresh.token).not.toBe(preview.token);
    ws.call('eraseInterviewee', { id: person.id, previewToken: fresh.token });
    expect(textOf()).not.toMatch(/Kivi|Kiven|Aino/);
  });

  test('the marker is written in the language of the engagement whose text it replaces', () => {
    const { person, textOf } = kiviStudy();
    const english = ws.call('createEngagement', { clientName: 'Other Ltd', title: 'E', language: 'en' });
    const account = ws.call('createAccount', { engagementId: english.id, name: 'Customer', tier: 'key' });
    const interview = ws.call('createInterview', {
      engagementId: english.id,
      accountId: account.id,
      intervieweeIds: [],
    });
    ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc(['Aino Kivi called us twice.']) });
    const finding = ws.call('createFinding', {
      engagementId: english.id,
      title: 'Aino Kivi wants one contact',
    });
    ws.call('eraseInterviewee', { id: person.id });
    expect(textOf()).toMatch(/^\[poistettu\] kertoi/);
    expect(ws.call('getInterview', { id: interview.id }).notes.text).toBe('[erased] called us twice.');
    expect(
      ws.call('listFindings', { engagementId: english.id }).find((f) => f.id === finding.id)!.title,
    ).toBe('[erased] wants one contact');
  });
});

describe('forms erasure takes since the review of issue 11', () => {
  function sepponStudy() {
    const engagement = ws.call('createEngagement', { clientName: 'Sora Oy', title: 'T', language: 'fi' });
    const account = ws.call('createAccount', { engagementId: engagement.id, name: 'Asiakas', tier: 'named' });
    const person = ws.call('createInterviewee', {
      accountId: account.id,
      name: 'Seppo Kallio',
      roleLevel: 'strategic',
    });
    const interview = ws.call('createInterview', {
      engagementId: engagement.id,
      accountId: account.id,
      intervieweeIds: [person.id],
    });
    return { engagement, person, interview };
  }

  test('lower-case forms of a name that is no word; the surname that is a word stays in lower case', () => {
    const { person, interview } = sepponStudy();
    ws.saveNotes({
      interviewId: interview.id,
      doc: paragraphsToDoc(['sepolle soitettiin, seppo ei vastannut. Halli on kalliolla, kallio kestää.']),
    });
    ws.call('eraseInterviewee', { id: person.id });
    expect(ws.call('getInterview', { id: interview.id }).notes.text).toBe(
      '[poistettu] soitettiin, [poistettu] ei vastannut. Halli on kalliolla, kallio kestää.',
    );
  });

  test('a name split by a hyphen at a line break: in a paragraph, across pasted lines and in a field', () => {
    const { engagement, person, interview } = sepponStudy();
    ws.saveNotes({
      interviewId: interview.id,
      doc: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Laskut menevät Kal-' },
              { type: 'hardBreak' },
              { type: 'text', text: 'liolle ja asiakas-' },
              { type: 'hardBreak' },
              { type: 'text', text: 'kokemus kärsii.' },
            ],
          },
          // A PDF pasted line by line: every line its own paragraph.
          { type: 'paragraph', content: [{ type: 'text', text: 'Uusi yhteyshenkilö on Sep-' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'po, ja Oy-yhtiö pysyy.' }] },
        ],
      },
    });
    const finding = ws.call('createFinding', {
      engagementId: engagement.id,
      title: 'Avainhenkilö',
      body: 'Kaikki kulkee Mik-\nkolan ja Kal-\nlion kautta.',
    });
    const preview = ws.call('erasurePreview', { id: person.id });
    expect(preview.matches.map((m) => m.match)).toEqual(
      expect.arrayContaining(['Kal-\nliolle', 'Sep-\npo', 'Kal-\nlion']),
    );
    ws.call('eraseInterviewee', { id: person.id, previewToken: preview.token });
    expect(ws.call('getInterview', { id: interview.id }).notes.text).toBe(
      'Laskut menevät [poistettu]\n ja asiakas-\nkokemus kärsii.\nUusi yhteyshenkilö on [poistettu]\n, ja Oy-yhtiö pysyy.',
    );
    expect(
      ws.call('listFindings', { engagementId: engagement.id }).find((f) => f.id === finding.id)!.body,
    ).toBe('Kaikki kulkee Mik-\nkolan ja [poistettu] kautta.');
  });
});

describe('erasure is never stopped by the limits on typed notes', () => {
  function kallioStudy() {
    const engagement = ws.call('createEngagement', { clientName: 'Sora Oy', title: 'T', language: 'fi' });
    const account = ws.call('createAccount', { engagementId: engagement.id, name: 'Asiakas', tier: 'named' });
    const person = ws.call('createInterviewee', {
      accountId: account.id,
      name: 'Hannu Lehtonen',
      roleLevel: 'strategic',
    });
    const newInterview = () =>
      ws.call('createInterview', {
        engagementId: engagement.id,
        accountId: account.id,
        intervieweeIds: [person.id],
      });
    return { engagement, person, newInterview };
  }
  const filler = (length: number) => 'Laskutus on hidasta. '.repeat(Math.ceil(length / 21)).slice(0, length);

  test('a note the longer marker pushes over the character limit, and one stored before the limit existed', () => {
    const { person, newInterview } = kallioStudy();
    // 999,996 characters: "Hannun" (6) becomes "[poistettu]" (11), one over the limit.
    const near = newInterview();
    ws.saveNotes({ interviewId: near.id, doc: paragraphsToDoc([`Hannun mukaan ${filler(999_982)}`]) });
    // 1,200,000 characters, written straight to the file as an old version of the app would have.
    const old = newInterview();
    const oldText = `Hannu Lehtonen kertoi. ${filler(1_199_977)}`;
    ws.db
      .prepare('UPDATE notes SET doc = ?, text = ? WHERE interview_id = ?')
      .run(JSON.stringify(paragraphsToDoc([oldText])), oldText, old.id);

    const summary = ws.call('eraseInterviewee', { id: person.id });
    expect(summary.complete).toBe(true);
    expect(summary.notes).toBe(2);
    const textOf = (id: string) => ws.call('getInterview', { id }).notes.text;
    expect(textOf(near.id).slice(0, 30)).toBe('[poistettu] mukaan Laskutus on');
    expect([...textOf(near.id)].length).toBe(1_000_001);
    expect(textOf(old.id).startsWith('[poistettu] kertoi. Laskutus')).toBe(true);
    expect(everyText()).not.toMatch(/Hannu|Lehtonen/);
  });

  test('merging codes rewrites a note over the character limit', () => {
    const { newInterview } = kallioStudy();
    const interview = newInterview();
    const [a, b] = ws.call('getCodebook', {}).filter((c) => !c.isGroup);
    // The same passage coded with both codes: merging them collapses the two codings into one,
    // which rewrites the note's marks.
    const [first, second] = [ws.ctx.newId(), ws.ctx.newId()];
    const marks = [first, second].map((id) => ({ type: 'coding', attrs: { id } }));
    ws.saveNotes({
      interviewId: interview.id,
      doc: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Laskut myöhässä.', marks }] }],
      },
      codings: [
        { id: first, codeId: a!.id },
        { id: second, codeId: b!.id },
      ],
    });
    // Grown past the limit before it existed.
    const doc = JSON.parse(
      ws.db.prepare('SELECT doc FROM notes WHERE interview_id = ?').pluck().get(interview.id) as string,
    );
    doc.content.push(...paragraphsToDoc([filler(1_099_983)]).content!);
    ws.db
      .prepare('UPDATE notes SET doc = ?, text = ? WHERE interview_id = ?')
      .run(JSON.stringify(doc), `Laskut myöhässä.\n${filler(1_099_983)}`, interview.id);

    expect(ws.call('mergeCodes', { sourceId: a!.id, targetId: b!.id }).collapsed).toBe(1);
    expect(ws.call('listCodings', { interviewId: interview.id })).toEqual([
      expect.objectContaining({ codeId: b!.id, quote: 'Laskut myöhässä.' }),
    ]);
    // One coding mark is left in the stored document.
    const stored = ws.db.prepare('SELECT doc FROM notes WHERE interview_id = ?').pluck().get(interview.id);
    expect((stored as string).match(/"type":"coding"/g)).toHaveLength(1);
  });
});

test('a name glued to a word by a colon is erased, and the word stays', () => {
  const engagement = ws.call('createEngagement', { clientName: 'Sora Oy', title: 'T', language: 'fi' });
  const account = ws.call('createAccount', { engagementId: engagement.id, name: 'Asiakas', tier: 'named' });
  const person = ws.call('createInterviewee', {
    accountId: account.id,
    name: 'Hannu Lehtonen',
    roleLevel: 'strategic',
  });
  const other = ws.call('createInterviewee', {
    accountId: account.id,
    name: 'Veikko Laakso',
    roleLevel: 'operational',
  });
  const interview = ws.call('createInterview', {
    engagementId: engagement.id,
    accountId: account.id,
    intervieweeIds: [person.id, other.id],
  });
  const code = ws.call('getCodebook', {}).find((c) => !c.isGroup)!;
  const coding = ws.ctx.newId();
  ws.saveNotes({
    interviewId: interview.id,
    doc: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Yhteyshenkilö:Lehtonen vastaa laskutuksesta.',
              marks: [{ type: 'coding', attrs: { id: coding } }],
            },
            { type: 'text', text: ' ABB:n tilaukset kulkevat Yhteyshenkilö:Laakson kautta.' },
          ],
        },
      ],
    },
    codings: [{ id: coding, codeId: code.id }],
  });
  const finding = ws.call('createFinding', { engagementId: engagement.id, title: 'Yhteyshenkilö:Lehtonen' });

  const summary = ws.call('eraseInterviewee', { id: person.id });
  expect(summary.complete).toBe(true);
  expect(ws.call('getInterview', { id: interview.id }).notes.text).toBe(
    'Yhteyshenkilö:[poistettu] vastaa laskutuksesta. ABB:n tilaukset kulkevat Yhteyshenkilö:Laakson kautta.',
  );
  expect(ws.call('listCodings', { interviewId: interview.id })[0]!.quote).toBe(
    'Yhteyshenkilö:[poistettu] vastaa laskutuksesta.',
  );
  expect(
    ws.call('listFindings', { engagementId: engagement.id }).find((f) => f.id === finding.id)!.title,
  ).toBe('Yhteyshenkilö:[poistettu]');
  expect(everyText()).not.toMatch(/Lehtonen/);

  // And the other person, erased in turn: just the name goes.
  ws.call('eraseInterviewee', { id: other.id });
  expect(ws.call('getInterview', { id: interview.id }).notes.text).toBe(
    'Yhteyshenkilö:[poistettu] vastaa laskutuksesta. ABB:n tilaukset kulkevat Yhteyshenkilö:[poistettu] kautta.',
  );
  expect(everyText()).not.toMatch(/Laakso/);
});

test('the action register: every form of an erased name goes from action titles, details, owners and review notes', () => {
  const person = ws
    .call('listEngagements', {})
    .flatMap((e) => ws.call('listAccounts', { engagementId: e.id }))
    .flatMap((a) => a.interviewees)
    .find((p) => p.name === 'Seppo Kallio')!;
  const engagementId = ws
    .call('listEngagements', {})
    .find((e) => ws.call('listAccounts', { engagementId: e.id }).some((a) => a.id === person.accountId))!.id;
  const action = ws.call('createAction', {
    engagementId,
    title: 'Sovitaan Sepon kanssa huoltoikkunoista',
    detail: 'Seppo Kallio lupasi vastata; Sepolta kysytään vielä hinnat.',
    owner: 'Seppo K.',
  });
  ws.db
    .prepare('UPDATE actions SET review_note = ? WHERE id = ?')
    .run('Sepolla on nyt uusi rooli.', action.id);

  const preview = ws.call('erasurePreview', { id: person.id });
  const inActions = preview.matches.filter((m) => m.place.kind === 'field' && m.place.table === 'actions');
  expect(new Set(inActions.map((m) => (m.place.kind === 'field' ? m.place.column : '')))).toEqual(
    new Set(['title', 'detail', 'owner', 'review_note']),
  );

  ws.call('eraseInterviewee', { id: person.id });
  const after = ws.db
    .prepare('SELECT title, detail, owner, review_note FROM actions WHERE id = ?')
    .get(action.id) as Record<string, string>;
  const text = Object.values(after).join('\n');
  expect(text).not.toMatch(/Seppo|Sepon|Sepolta|Sepolla|Kallio/);
  expect(after.title).toBe(`Sovitaan ${erasedMarker('fi')} kanssa huoltoikkunoista`);
  expect(after.owner).toBe(erasedMarker('fi'));
});
