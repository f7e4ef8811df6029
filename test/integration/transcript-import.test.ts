import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writeReport } from '../../electron/report/export.ts';
import { visibleText } from '../../electron/report/leaks.ts';
import { settle } from '../../electron/services/dispatcher.ts';
import type { DocNode } from '../../shared/domain.ts';
import { notesDocProblem } from '../../shared/editor/schema.ts';
import { deriveNotes, paragraphsToDoc } from '../../shared/notes.ts';
import { base64, codePassage, dumpTables, TEAMS_VTT } from '../helpers/transcripts.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';
import { unzipText } from '../helpers/zip.ts';

let ws: TestWorkspace;
let engagementId = '';
let accountId = '';
let interviewId = '';
let paiviId = '';
let otherPersonId = '';

beforeEach(() => {
  ws = openTestWorkspace();
  engagementId = ws.call('createEngagement', {
    clientName: 'Sarastus Oy',
    title: 'Kuuntelu',
    language: 'fi',
  }).id;
  accountId = ws.call('createAccount', { engagementId, name: 'Rautaosa Oy', tier: 'key' }).id;
  paiviId = ws.call('createInterviewee', {
    accountId,
    name: 'Päivi Mäkelä',
    roleLevel: 'strategic',
    consent: 'given',
  }).id;
  otherPersonId = ws.call('createInterviewee', {
    accountId,
    name: 'Pekka Mäki',
    roleLevel: 'operational',
  }).id;
  interviewId = ws.call('createInterview', {
    engagementId,
    accountId,
    intervieweeIds: [paiviId],
    interviewer: 'Kaisa Lehto',
    status: 'done',
  }).id;
  ws.saveNotes({ interviewId, doc: paragraphsToDoc(['Omat muistiinpanoni ennen litterointia.']) });
});
afterEach(() => ws.close());

const source = (text: string | Uint8Array = TEAMS_VTT, fileName = 'teams.vtt') => ({
  engagementId,
  interviewId,
  fileName,
  data: base64(text),
});

const raw = (method: string, input: unknown) => settle(ws.dispatch(method, input));

const transcriptOf = (doc: DocNode): DocNode => {
  const block = doc.content?.find((node) => node.type === 'transcript');
  if (!block) throw new Error('no transcript section');
  return block;
};

describe('preview', () => {
  test('says what the file holds and suggests who each speaker is, writing nothing', async () => {
    const before = dumpTables(ws.db);
    const preview = await ws.call('previewTranscript', source());
    expect(dumpTables(ws.db)).toBe(before);
    expect(preview.format).toBe('vtt-teams');
    expect(preview.cues).toBe(4);
    expect(preview.turns).toBe(3);
    expect(preview.speakers.map((s) => [s.name, s.suggested])).toEqual([
      ['Kaisa Lehto', { name: 'Kaisa Lehto', as: 'interviewer' }],
      ['Päivi Mäkelä', { name: 'Päivi Mäkelä', as: 'interviewee', intervieweeId: paiviId }],
      ['Jorma Salo', { name: 'Jorma Salo', as: 'other' }],
    ]);
    expect(preview.firstLines[1]).toEqual({
      startMs: 10_000,
      speaker: 'Päivi Mäkelä',
      text: 'Toimitukset myöhästyvät aina 😤 ja laskutus on sekavaa. Jorma Salon kanssa puhuimme tästä, ja Salolle se sopi.',
    });
    // The interview's own people first, then the rest of the account's.
    expect(preview.people.map((p) => p.id)).toEqual([paiviId, otherPersonId]);
  });

  test('a name matches without its accents, in any case, first name alone when only one person has it', async () => {
    const text =
      'WEBVTT\n\n00:00.000 --> 00:02.000\n<v MAKELA, paivi>Hei.\n\n00:02.000 --> 00:04.000\n<v Pekka>Moi.\n\n00:04.000 --> 00:06.000\n<v Mäki>Terve.\n';
    const preview = await ws.call('previewTranscript', source(text));
    expect(preview.speakers.map((s) => s.suggested.intervieweeId ?? s.suggested.as)).toEqual([
      paiviId,
      otherPersonId,
      otherPersonId,
    ]);
  });

  test.each([
    ['empty', new Uint8Array(0), 'a.vtt', 'empty'],
    ['binary', new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 0, 9]), 'a.txt', 'binary'],
    ['truncated docx', new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]), 'a.docx', 'corruptDocx'],
    ['pdf', new TextEncoder().encode('%PDF-1.7\n...'), 'a.pdf', 'unsupportedFormat'],
  ])('%s is refused with a clear reason', async (_name, bytes, fileName, reason) => {
    const before = dumpTables(ws.db);
    const result = await raw('previewTranscript', source(bytes, fileName));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', key: 'transcriptRefused' } });
    if (!result.ok) expect((result.error.params as { reason: string }).reason).toBe(reason);
    expect(dumpTables(ws.db)).toBe(before);
  });
});

describe('import', () => {
  const mapping = () => [
    { name: 'Kaisa Lehto', as: 'interviewer' as const },
    { name: 'Mäkelä, Päivi', as: 'interviewee' as const, intervieweeId: paiviId },
    { name: 'Jorma Salo', as: 'other' as const },
  ];

  const wordMapping = () => [
    { name: 'Kaisa Lehto', as: 'interviewer' as const },
    { name: 'Päivi Mäkelä', as: 'interviewee' as const, intervieweeId: paiviId },
  ];

  test('appends one transcript section after the consultant’s notes, a paragraph per turn with its time', async () => {
    const { interviewId: id } = await ws.call('importTranscript', { ...source(), speakers: mapping() });
    expect(id).toBe(interviewId);
    const { doc, problem } = ws.call('getInterview', { id }).notes;
    expect(problem).toBeNull();
    expect(notesDocProblem(doc)).toBeNull();
    expect(doc.content!.map((n) => n.type)).toEqual(['paragraph', 'transcript', 'paragraph']);
    const block = transcriptOf(doc);
    expect(block.attrs).toMatchObject({ fileName: 'teams.vtt', format: 'vtt-teams' });
    expect(typeof block.attrs!.importedAt).toBe('string');
    expect(block.content!.map((p) => p.attrs?.ts)).toEqual([4.5, 10, 65]);
    const text = deriveNotes(doc).text.split('\n');
    expect(text).toEqual([
      'Omat muistiinpanoni ennen litterointia.',
      'Kaisa Lehto: Kiitos, että ehdit. Miten yhteistyö on sujunut?',
      'Päivi Mäkelä: Toimitukset myöhästyvät aina 😤 ja laskutus on sekavaa. Jorma Salon kanssa puhuimme tästä, ja Salolle se sopi.',
      'Jorma Salo: Päivi Mäkelälle luvattiin korjaus jo keväällä.',
      '',
    ]);
  });

  test('speaker labels are mentions: an interviewee’s of their linked identity, others registered by name', async () => {
    await ws.call('importTranscript', { ...source(), speakers: mapping() });
    const identities = ws.call('listIdentities', { engagementId });
    const paivi = identities.find((i) => i.intervieweeId === paiviId)!;
    const jorma = identities.find((i) => i.name === 'Jorma Salo')!;
    expect(paivi).toBeDefined();
    expect(jorma).toMatchObject({ kind: 'person', intervieweeId: null });
    const mentions = ws.db
      .prepare('SELECT identity_id AS id, text FROM mentions WHERE interview_id = ? ORDER BY start')
      .all(interviewId);
    expect(mentions).toEqual([
      { id: identities.find((i) => i.name === 'Kaisa Lehto')!.id, text: 'Kaisa Lehto' },
      { id: paivi.id, text: 'Päivi Mäkelä' },
      { id: jorma.id, text: 'Jorma Salo' },
    ]);
    // The interviewer's label joins the interviewer the register already knows.
    const register = ws.call('identityRegister', { engagementId });
    expect(register.find((e) => e.role === 'interviewer')?.names).toContain('Kaisa Lehto');
    expect(register.find((e) => e.id === jorma.id)?.role).toBe('mentioned');
  });

  test('a Teams organisation note after a name stays out of the label and of the identity', async () => {
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Salo, Jorma (Asiakas Oy)>Hinta on liian korkea.</v>\n\n' +
      '00:00:03.000 --> 00:00:04.000\n<v Kaisa Lehto>Kiitos.</v>\n';
    const preview = await ws.call('previewTranscript', source(vtt));
    expect(preview.speakers.map((s) => [s.name, s.original, s.organisation])).toEqual([
      ['Jorma Salo', 'Salo, Jorma (Asiakas Oy)', 'Asiakas Oy'],
      ['Kaisa Lehto', 'Kaisa Lehto', undefined],
    ]);
    await ws.call('importTranscript', { ...source(vtt), speakers: [] });
    const { doc } = ws.call('getInterview', { id: interviewId }).notes;
    expect(deriveNotes(doc).text).toContain('\nJorma Salo: Hinta on liian korkea.\n');
    expect(deriveNotes(doc).text).not.toContain('Asiakas Oy');
    const names = ws.call('listIdentities', { engagementId }).map((i: { name: string }) => i.name);
    expect(names).toContain('Jorma Salo');
    expect(names.filter((name: string) => name.includes('('))).toEqual([]);
  });

  test('ordinary words before a colon make no speaker and no identity', async () => {
    const text =
      'Kaisa Lehto: Miten hinnoittelu toimii?\n\nPäivi Mäkelä: Se on vaikeaa.\n\n' +
      'Esimerkiksi: hinta nousi viime vuonna.\n\nHinta: liian korkea.\n\n' +
      'Kaisa Lehto: Entä toimitus?\n\nPäivi Mäkelä: Hyvä.\n\nToimitukset tulevat ajallaan.\n';
    const preview = await ws.call('previewTranscript', source(text, 'haastattelu.txt'));
    expect(preview.speakers.map((s) => s.name)).toEqual(['Kaisa Lehto', 'Päivi Mäkelä']);
    await ws.call('importTranscript', { ...source(text, 'haastattelu.txt'), speakers: [] });
    const names = ws.call('listIdentities', { engagementId }).map((i: { name: string }) => i.name);
    expect(names).not.toContain('Hinta');
    expect(names).not.toContain('Esimerkiksi');
    const { doc } = ws.call('getInterview', { id: interviewId }).notes;
    expect(deriveNotes(doc).text).toContain('\nHinta: liian korkea.\n');
  });

  test('role labels stay speakers but are nobody: no identity, and "Asiakkaat" is not masked in the anonymised report', async () => {
    // As typed transcripts label turns: by role, by letter (haastattelija/vastaaja), or "Speaker 1".
    const roles =
      'Haastattelija: Mitä kuuluu? Hinta 5 €.\n\nAsiakas: Hyvää, kiitos.\n\n' +
      'Haastattelija: Entä toimitukset?\n\nJorma Salo: Toimitukset myöhästyvät aina.\n\nAsiakas: Niin ne tekevät.\n';
    const letters = 'H: Miten menee?\nV: Hyvin menee, kiitos.\nH: Entä laskutus?\nV: Sekavaa.\n';
    const numbered =
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Speaker 1>Aloitetaan.\n\n' +
      '00:00:03.000 --> 00:00:04.000\n<v Unknown Speaker>Selvä.\n\n00:00:05.000 --> 00:00:06.000\n<v Puhuja 2>Joo.\n';
    const preview = await ws.call('previewTranscript', source(roles, 'roolit.txt'));
    expect(preview.speakers.map((s) => s.name)).toEqual(['Haastattelija', 'Asiakas', 'Jorma Salo']);
    await ws.call('importTranscript', { ...source(roles, 'roolit.txt'), speakers: [] });
    await ws.call('importTranscript', { ...source(letters, 'hv.txt'), speakers: [] });
    await ws.call('importTranscript', { ...source(numbered, 'numerot.vtt'), speakers: [] });
    const names = ws.call('listIdentities', { engagementId }).map((i: { name: string }) => i.name);
    expect(names).toContain('Jorma Salo');
    for (const label of ['Haastattelija', 'Asiakas', 'H', 'V', 'Speaker 1', 'Unknown Speaker', 'Puhuja 2'])
      expect(names).not.toContain(label);
    const notes = ws.call('getInterview', { id: interviewId }).notes;
    // The labels are still the turns' speakers, with their times.
    expect(notes.text).toContain('\nAsiakas: Hyvää, kiitos.\n');
    expect(notes.text).toContain('\nV: Hyvin menee, kiitos.\n');
    expect(
      transcriptOf({
        type: 'doc',
        content: notes.doc.content!.filter((n) => n.type === 'transcript').slice(2),
      }),
    ).toMatchObject({ content: [{ attrs: { ts: 1 } }, { attrs: { ts: 3 } }, { attrs: { ts: 5 } }] });
    const code = ws.call('getCodebook', {}).find((c) => !c.isGroup)!;
    const codingId = ws.ctx.newId();
    const doc = codePassage(notes.doc, 'Toimitukset myöhästyvät aina.', codingId);
    ws.saveNotes({ interviewId, doc, codings: [{ id: codingId, codeId: code.id }] });
    ws.call('createFinding', {
      engagementId,
      title: 'Asiakkaat arvostavat nopeutta',
      body: 'Asiakkaat arvostavat nopeaa toimitusta, ja haastattelijat kuulivat sen monesti. Jorma Salo sanoi saman.',
      codeIds: [code.id],
      quoteIds: [codingId],
    });
    const out = join(ws.dir, 'r.docx');
    await writeReport(ws.ctx, { engagementId, anonymize: 'people' }, out);
    const text = [...unzipText(readFileSync(out))].map(([, xml]) => visibleText(xml)).join('\n');
    expect(text).toContain('Asiakkaat arvostavat nopeaa toimitusta');
    expect(text).toContain('haastattelijat kuulivat');
    expect(text).toContain('Toimitukset myöhästyvät aina.');
    expect(text).not.toMatch(/Jorma|Salo/);
  });

  test('a role or a title before a name is not part of the person: the report masks the name and keeps the words', async () => {
    const text =
      'Haastattelija Kaisa Lehto: Mitä kuuluu?\n\nAsiakas Jorma Salo: Hyvää, kiitos.\n\n' +
      'Toimitusjohtaja: Toimitukset myöhästyvät.\n\nHaastattelija Kaisa Lehto: Kiitos.\n';
    await ws.call('importTranscript', { ...source(text, 'roolit.txt'), speakers: [] });
    const names = ws.call('listIdentities', { engagementId }).map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(['Kaisa Lehto', 'Jorma Salo']));
    for (const label of ['Haastattelija Kaisa Lehto', 'Asiakas Jorma Salo', 'Toimitusjohtaja'])
      expect(names).not.toContain(label);
    const code = ws.call('getCodebook', {}).find((c) => !c.isGroup)!;
    const notes = ws.call('getInterview', { id: interviewId }).notes;
    const codingId = ws.ctx.newId();
    ws.saveNotes({
      interviewId,
      doc: codePassage(notes.doc, 'Toimitukset myöhästyvät.', codingId),
      codings: [{ id: codingId, codeId: code.id }],
    });
    ws.call('createFinding', {
      engagementId,
      title: 'Asiakkaat odottavat',
      body: 'Kysymykset esitti haastattelija, ja toimitusjohtaja vastasi. Jorma Salo ja Kaisa Lehto olivat paikalla.',
      codeIds: [code.id],
      quoteIds: [codingId],
    });
    const out = join(ws.dir, 'r.docx');
    await writeReport(ws.ctx, { engagementId, anonymize: 'people' }, out);
    const report = [...unzipText(readFileSync(out))].map(([, xml]) => visibleText(xml)).join('\n');
    expect(report).toContain('Asiakkaat odottavat');
    expect(report).toContain('Kysymykset esitti haastattelija, ja toimitusjohtaja vastasi.');
    expect(report).not.toMatch(/Jorma|Salo|Kaisa|Lehto/);
  });

  test('initials mapped to an interviewee are theirs: erasing the person removes "PM" and "PM:n" too', async () => {
    const text = 'KL: Miten menee?\nPM: Hyvin menee, PM:n tiimi kiittää.\nKL: Hyvä.\nPM: Niin on.\n';
    await ws.call('importTranscript', {
      ...source(text, 'kirjaimet.txt'),
      speakers: [{ name: 'PM', as: 'interviewee', intervieweeId: otherPersonId }],
    });
    expect(ws.call('getInterview', { id: interviewId }).notes.text).toContain('PM: Hyvin menee, PM:n tiimi');
    ws.call('eraseInterviewee', { id: otherPersonId });
    const after = ws.call('getInterview', { id: interviewId }).notes.text;
    expect(after).not.toMatch(/\bPM\b|Pekka|Mäki\b/);
    // The unmapped initials are nobody's and stay.
    expect(after).toContain('KL: Miten menee?');
  });

  test('a name in brackets after a role stays in the label and is the person; "Name, Company" keeps the name', async () => {
    const text =
      'Haastattelija (Matti): Kerro yrityksestä.\nLiisa Korhonen, Acme Oy: Olemme pieni firma.\nHaastattelija (Matti): Kiitos.\n';
    const preview = await ws.call('previewTranscript', source(text, 'paren.txt'));
    expect(preview.speakers.map((s) => [s.name, s.organisation])).toEqual([
      ['Haastattelija (Matti)', undefined],
      ['Liisa Korhonen', 'Acme Oy'],
    ]);
    await ws.call('importTranscript', { ...source(text, 'paren.txt'), speakers: [] });
    const { text: notes } = ws.call('getInterview', { id: interviewId }).notes;
    expect(notes).toContain(
      '\nHaastattelija (Matti): Kerro yrityksestä.\nLiisa Korhonen: Olemme pieni firma.\n',
    );
    const names = ws.call('listIdentities', { engagementId }).map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(['Matti', 'Liisa Korhonen']));
    expect(names.filter((name: string) => /Haastattelija|Acme/.test(name))).toEqual([]);
  });

  test('the preview warns when the interview already holds this file, by name and format', async () => {
    const warned = (preview: { warnings: { key: string }[] }) =>
      preview.warnings.filter((w) => w.key === 'alreadyImported');
    expect(warned(await ws.call('previewTranscript', source()))).toEqual([]);
    await ws.call('importTranscript', { ...source(), speakers: mapping() });
    expect(warned(await ws.call('previewTranscript', source()))).toEqual([
      { key: 'alreadyImported', params: { fileName: 'teams.vtt' } },
    ]);
    // Another file, or the same name read as another format, is no second copy.
    expect(warned(await ws.call('previewTranscript', source(TEAMS_VTT, 'toinen.vtt')))).toEqual([]);
    expect(warned(await ws.call('previewTranscript', source('Kaisa Lehto: Hei.\n', 'teams.vtt')))).toEqual(
      [],
    );
    // A new interview of the account holds nothing yet.
    const fresh = await ws.call('previewTranscript', { ...source(), interviewId: undefined, accountId });
    expect(warned(fresh)).toEqual([]);
  });

  test('importing again reuses the identities instead of making new ones', async () => {
    await ws.call('importTranscript', { ...source(), speakers: mapping() });
    const count = ws.call('listIdentities', { engagementId }).length;
    await ws.call('importTranscript', { ...source(), speakers: mapping() });
    expect(ws.call('listIdentities', { engagementId })).toHaveLength(count);
    const doc = ws.call('getInterview', { id: interviewId }).notes.doc;
    expect(doc.content!.filter((n) => n.type === 'transcript')).toHaveLength(2);
  });

  test('a passage coded inside the transcript is a quote with its exact text and code-point offsets', async () => {
    await ws.call('importTranscript', { ...source(), speakers: mapping() });
    const notes = ws.call('getInterview', { id: interviewId }).notes;
    const code = ws.call('getCodebook', {}).find((c) => !c.isGroup)!;
    const codingId = ws.ctx.newId();
    const passage = 'aina 😤 ja laskutus on sekavaa';
    const doc = codePassage(notes.doc, passage, codingId);
    ws.saveNotes({ interviewId, doc, codings: [{ id: codingId, codeId: code.id }] });
    const [quote] = ws.call('findQuotes', { codeIds: [code.id] });
    expect(quote).toMatchObject({ id: codingId, quote: passage });
    const chars = [...ws.call('getInterview', { id: interviewId }).notes.text];
    expect(chars.slice(quote!.start, quote!.end).join('')).toBe(passage);
    const stats = ws.call('engagementStats', { engagementId });
    expect(stats.prevalence.find((row) => row.codeId === code.id)).toMatchObject({ interviews: 1 });
  });

  test('an anonymised report of a coded transcript names nobody, speaker labels and inflected names included', async () => {
    await ws.call('importTranscript', { ...source(), speakers: mapping() });
    const code = ws.call('getCodebook', {}).find((c) => !c.isGroup)!;
    let doc = ws.call('getInterview', { id: interviewId }).notes.doc;
    const codings = [1, 2, 3].map(() => ({ id: ws.ctx.newId(), codeId: code.id }));
    // Whole turns, labels included: the label "Päivi Mäkelä", "Salon", "Salolle", "Mäkelälle", "Kaisa Lehto".
    doc = codePassage(doc, 'Kaisa Lehto', codings[0]!.id);
    doc = codePassage(
      doc,
      ': Toimitukset myöhästyvät aina 😤 ja laskutus on sekavaa. Jorma Salon kanssa puhuimme tästä, ja Salolle se sopi.',
      codings[1]!.id,
    );
    doc = codePassage(doc, ': Päivi Mäkelälle luvattiin korjaus jo keväällä.', codings[2]!.id);
    ws.saveNotes({ interviewId, doc, codings });
    ws.call('createFinding', {
      engagementId,
      title: 'Toimitukset',
      codeIds: [code.id],
      quoteIds: codings.map((c) => c.id),
    });
    const out = join(ws.dir, 'r.docx');
    await writeReport(ws.ctx, { engagementId, anonymize: 'people' }, out);
    const text = [...unzipText(readFileSync(out))].map(([, xml]) => visibleText(xml)).join('\n');
    expect(text).toContain('laskutus on sekavaa');
    expect(text).toContain('luvattiin korjaus');
    expect(text).not.toMatch(/Päivi|Mäkelä|Jorma|Salo|Kaisa|Lehto/);
  });

  test('erasing the interviewee removes their name from the transcript too, labels and inflected forms', async () => {
    await ws.call('importTranscript', { ...source(), speakers: mapping() });
    ws.call('eraseInterviewee', { id: paiviId });
    const notes = ws.call('getInterview', { id: interviewId }).notes;
    expect(notes.problem).toBeNull();
    expect(notes.text).not.toMatch(/Päivi|Mäkelä/);
    // Still one transcript section, its turns and times in place.
    const block = transcriptOf(notes.doc);
    expect(block.content!.map((p) => p.attrs?.ts)).toEqual([4.5, 10, 65]);
    expect(notes.text).toContain('Jorma Salo: ');
  });

  test('a new interview of the account takes the transcript and the mapped interviewees', async () => {
    const { interviewId: id } = await ws.call('importTranscript', {
      engagementId,
      accountId,
      fileName: 'teams.vtt',
      data: base64(TEAMS_VTT),
      speakers: [{ name: 'Päivi Mäkelä', as: 'interviewee', intervieweeId: paiviId }],
    });
    expect(id).not.toBe(interviewId);
    const second = await ws.call('importTranscript', {
      engagementId,
      accountId,
      fileName: 'teams.vtt',
      data: base64(TEAMS_VTT),
      speakers: [{ name: 'Kaisa Lehto', as: 'interviewer' }],
    });
    expect(ws.call('getInterview', { id: second.interviewId }).interviewer).toBe('Kaisa Lehto');
    const detail = ws.call('getInterview', { id });
    // Kaisa Lehto takes the suggestion 'other' (a new interview has no interviewer to match yet).
    expect(detail).toMatchObject({ accountId, intervieweeIds: [paiviId], status: 'done', interviewer: '' });
    expect(detail.notes.doc.content!.map((n) => n.type)).toEqual(['transcript', 'paragraph']);
    expect(detail.notes.text.startsWith('Kaisa Lehto: Kiitos')).toBe(true);
  });

  test('a speaker mapped to another of the account’s people joins the interview', async () => {
    await ws.call('importTranscript', {
      ...source(),
      speakers: [{ name: 'Jorma Salo', as: 'interviewee', intervieweeId: otherPersonId }],
    });
    expect(ws.call('getInterview', { id: interviewId }).intervieweeIds).toEqual([paiviId, otherPersonId]);
  });

  test('a Word comment follows the paragraph it is on, the second of two equal ones told apart; an unattached one goes to the end', async () => {
    const commented = (id: number, label: string, text: string) =>
      new Paragraph({
        children: [
          new TextRun(label),
          new CommentRangeStart(id),
          new TextRun(text),
          new CommentRangeEnd(id),
          new TextRun({ children: [new CommentReference(id)] }),
        ],
      });
    const date = new Date('2026-03-12T10:00:00Z');
    const doc = new Document({
      comments: {
        children: [
          { id: 0, author: 'Pekka Mäki', date, children: [new Paragraph('Äänensävy oli epäröivä.')] },
          {
            id: 1,
            author: 'Kaisa Lehto',
            date,
            children: [new Paragraph('Tarkista luvut asiakkuusjohtajalta.')],
          },
          { id: 2, author: 'Kaisa Lehto', date, children: [new Paragraph('Kysy Pekka Mäeltä lisää.')] },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('Kaisa Lehto: Onko hinta kohdallaan?'),
            new Paragraph('Päivi Mäkelä: Kyllä.'),
            new Paragraph('Kaisa Lehto: Entä toimitukset?'),
            commented(0, 'Päivi Mäkelä: ', 'Kyllä.'),
            commented(
              1,
              'Kaisa Lehto: ',
              'Viime vuonna laskutusvirheitä oli kuulemma kolmisenkymmentä, ja jokainen niistä vei viikon.',
            ),
            new Paragraph('Päivi Mäkelä: Niin oli.'),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const docSource = source(bytes, 'haastattelu.docx');
    const preview = await ws.call('previewTranscript', docSource);
    expect(preview.comments).toBe(3);
    expect(preview.warnings).toEqual([{ key: 'commentsUnanchored', params: { count: 1 } }]);
    await ws.call('importTranscript', { ...docSource, speakers: wordMapping() });
    const notes = ws.call('getInterview', { id: interviewId }).notes;
    expect(notes.text.split('\n')).toEqual([
      'Omat muistiinpanoni ennen litterointia.',
      'Kaisa Lehto: Onko hinta kohdallaan?',
      'Päivi Mäkelä: Kyllä.',
      'Kaisa Lehto: Entä toimitukset?',
      'Päivi Mäkelä: Kyllä.',
      'Kommentti (Pekka Mäki): Äänensävy oli epäröivä. — kohtaan “Päivi Mäkelä: Kyllä.”',
      'Kaisa Lehto: Viime vuonna laskutusvirheitä oli kuulemma kolmisenkymmentä, ja jokainen niistä vei viikon.',
      'Kommentti (Kaisa Lehto): Tarkista luvut asiakkuusjohtajalta. — kohtaan “Kaisa Lehto: Viime vuonna laskutusvirheitä oli kuulemma…”',
      'Päivi Mäkelä: Niin oli.',
      'Kommentti (Kaisa Lehto): Kysy Pekka Mäeltä lisää.',
      '',
    ]);
    // Inside the transcript section, as notes text: not a mark the editor would lose.
    expect(transcriptOf(notes.doc).content).toHaveLength(9);
    expect(notesDocProblem(notes.doc)).toBeNull();
  });

  test('a comment’s author and the names in it are found by the identity engine as in the notes: erasing the person removes them', async () => {
    const doc = new Document({
      comments: {
        children: [
          {
            id: 0,
            author: 'Pekka Mäki',
            date: new Date('2026-03-12T10:00:00Z'),
            children: [new Paragraph('Pekka Mäen mielestä tämä on liioittelua.')],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('Kaisa Lehto: Miten toimitukset sujuvat?'),
            new Paragraph({
              children: [
                new TextRun('Päivi Mäkelä: '),
                new CommentRangeStart(0),
                new TextRun('Ne myöhästyvät aina.'),
                new CommentRangeEnd(0),
                new TextRun({ children: [new CommentReference(0)] }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    await ws.call('importTranscript', {
      ...source(bytes, 'haastattelu.docx'),
      speakers: wordMapping(),
    });
    // The consultant's own notes name him too, inflected: both must go the same way.
    const before = ws.call('getInterview', { id: interviewId }).notes;
    ws.saveNotes({
      interviewId,
      doc: {
        ...before.doc,
        content: [paragraphsToDoc(['Sovittu Pekka Mäen kanssa.']).content![0]!, ...before.doc.content!],
      },
    });
    expect(ws.call('getInterview', { id: interviewId }).notes.text).toMatch(
      /Sovittu Pekka Mäen kanssa\.[\s\S]*Kommentti \(Pekka Mäki\): Pekka Mäen mielestä/,
    );
    const preview = ws.call('erasurePreview', { id: otherPersonId });
    expect(JSON.stringify(preview)).toContain('Mäki');
    ws.call('eraseInterviewee', { id: otherPersonId });
    const after = ws.call('getInterview', { id: interviewId }).notes;
    expect(after.problem).toBeNull();
    expect(after.text).not.toMatch(/Pekka|Mäki|Mäen/);
    expect(after.text).toContain('mielestä tämä on liioittelua');
    expect(after.text).toContain('Päivi Mäkelä: Ne myöhästyvät aina.');
  });

  test('Word comments that cannot be placed are kept at the end of the transcript section', async () => {
    const { transcriptBlock } = await import('../../electron/services/transcriptImport.ts');
    const block = transcriptBlock(
      [{ startMs: null, speaker: null, text: 'Teksti.' }],
      new Map(),
      { fileName: 'a.docx', format: 'docx', importedAt: '2026-01-01T00:00:00Z' },
      [
        { text: 'Tarkista', author: 'KL', anchorText: 'Poistettu kappale.' },
        { text: 'Yleisesti hyvä', author: null, anchorText: null },
      ],
      { comment: 'Kommentti', on: 'kohtaan' },
    );
    expect(deriveNotes({ type: 'doc', content: [block] }).text).toBe(
      'Teksti.\nKommentti (KL): Tarkista — kohtaan “Poistettu kappale.”\nKommentti: Yleisesti hyvä',
    );
  });

  test.each([
    ['an empty file', { data: '' }, 'transcriptRefused'],
    [
      'a binary file',
      { data: base64(new Uint8Array([0, 0, 0, 1, 2, 3, 0, 255, 0, 0])) },
      'transcriptRefused',
    ],
    [
      'a truncated Word file',
      { fileName: 'x.docx', data: base64(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0])) },
      'transcriptRefused',
    ],
    [
      'a speaker the file does not have',
      { speakers: [{ name: 'Nobody', as: 'other' }] },
      'transcriptSpeakerUnknown',
    ],
    [
      'an interviewee of another account',
      {
        speakers: [
          { name: 'Jorma Salo', as: 'interviewee', intervieweeId: '00000000-0000-4000-8000-000000000000' },
        ],
      },
      'intervieweeNotOfAccount',
    ],
    ['no interview nor account', { interviewId: undefined }, 'transcriptNeedsTarget'],
  ])('%s changes nothing', async (_name, change, key) => {
    const before = dumpTables(ws.db);
    const result = await raw('importTranscript', { ...source(), speakers: [], ...change });
    expect(result).toMatchObject({ ok: false, error: { key } });
    expect(dumpTables(ws.db)).toBe(before);
  });

  test('a chat log is refused as one in the preview and the import, and nothing changes', async () => {
    const chat =
      '10:02 AM From Päivi Mäkelä to Everyone: hei\n10:03 AM From Kaisa Lehto to Everyone: kuuluuko?\n';
    const before = dumpTables(ws.db);
    const refusal = { key: 'transcriptRefused', params: { reason: 'chatLog' } };
    expect(await raw('previewTranscript', source(chat, 'chat.txt'))).toMatchObject({
      ok: false,
      error: refusal,
    });
    expect(await raw('importTranscript', { ...source(chat, 'chat.txt'), speakers: [] })).toMatchObject({
      ok: false,
      error: refusal,
    });
    expect(dumpTables(ws.db)).toBe(before);
  });

  test('a transcript beyond the notes’ length limit is refused in the preview and the import, saying how long and to split it', async () => {
    // ~1.2 million characters of talk: over the notes' limit of a million.
    const cues = Array.from({ length: 12_000 }, (_, i) => {
      const s = String(i % 60).padStart(2, '0');
      const m = String(Math.floor(i / 60) % 60).padStart(2, '0');
      const h = String(Math.floor(i / 3600)).padStart(2, '0');
      return `${h}:${m}:${s}.000 --> ${h}:${m}:${s}.900\n<v ${i % 2 ? 'Jorma Salo' : 'Mäkelä, Päivi'}>${'sana '.repeat(19)}loppu.`;
    });
    const big = `WEBVTT\n\n${cues.join('\n\n')}\n`;
    const before = dumpTables(ws.db);
    const refusal = {
      key: 'transcriptRefused',
      params: { reason: 'tooLongForNotes', params: { limit: 1_000_000 } },
    };
    const preview = await raw('previewTranscript', source(big));
    expect(preview).toMatchObject({ ok: false, error: refusal });
    if (!preview.ok) {
      const { size } = (preview.error.params as unknown as { params: { size: number } }).params;
      expect(size).toBeGreaterThan(1_000_000);
      expect(preview.error.message).toContain(String(size));
      expect(preview.error.message).toMatch(/1000000.*split the file/i);
    }
    const result = await raw('importTranscript', { ...source(big), speakers: mapping().slice(1) });
    expect(result).toMatchObject({ ok: false, error: refusal });
    expect(dumpTables(ws.db)).toBe(before);
  });
});
