import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeReport } from '../../electron/report/export.ts';
import { visibleText } from '../../electron/report/leaks.ts';
import { erasedMarker } from '../../electron/services/erasure.ts';

/** Every engagement here is Finnish: erasure writes its marker in Finnish. */
const ERASED = erasedMarker('fi');

import { paragraphsToDoc } from '../../shared/notes.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';
import { unzipText } from '../helpers/zip.ts';

/** Cases the corpus does not hold: a company named after a person, labels, capitals, e-mails. */
let ws: TestWorkspace;
let engagementId = '';
let personId = '';
beforeEach(() => {
  ws = openTestWorkspace();
  engagementId = ws.call('createEngagement', {
    clientName: 'Sarastus Oy',
    title: 'Kuuntelu',
    language: 'fi',
  }).id;
  const account = ws.call('createAccount', { engagementId, name: 'Nurmi Oy', tier: 'key' });
  personId = ws.call('createInterviewee', {
    accountId: account.id,
    name: 'Tapio Nurmi',
    roleLevel: 'strategic',
    // Quoted in the report: only consented interviews are.
    consent: 'given',
    anonLabel: 'Tapio N., toimitusjohtaja',
  }).id;
  const interview = ws.call('createInterview', {
    engagementId,
    accountId: account.id,
    intervieweeIds: [personId],
    status: 'done',
  });
  const code = ws.call('getCodebook', {}).find((c) => !c.isGroup)!;
  const codingId = ws.ctx.newId();
  const text =
    'NURMI kertoi, että Nurmi Oy ostaa vähemmän. Tapsan osoite on tapio.nurmi(at)nurmi.fi ja TAPIO.NURMI@NURMI.FI.';
  const doc = paragraphsToDoc([text]);
  doc.content![0]!.content = [{ type: 'text', text, marks: [{ type: 'coding', attrs: { id: codingId } }] }];
  ws.saveNotes({ interviewId: interview.id, doc, codings: [{ id: codingId, codeId: code.id }] });
  ws.call('createFinding', { engagementId, title: 'Hinta', codeIds: [code.id], quoteIds: [codingId] });
});
afterEach(() => ws.close());

async function report(): Promise<string> {
  const out = join(ws.dir, 'r.docx');
  await writeReport(ws.ctx, { engagementId, anonymize: 'people' }, out);
  return [...unzipText(readFileSync(out))].map(([, xml]) => visibleText(xml)).join('\n');
}

test('a company named after a person stays named at people level; the person, their label and e-mails do not', async () => {
  const text = await report();
  expect(text).toContain('Nurmi Oy');
  expect(text).not.toMatch(/NURMI kertoi|Tapio|Tapsan|tapio\.nurmi/i);
  expect(text).toContain('[päättäjä, avainasiakas]');
  // The codebook's own words are not names, even where they open a code's name.
  expect(text).toContain('Hiljaisen poistuman riski');
});

test('the review warns that a named family firm points to its owner, and only when accounts are named', () => {
  const people = ws.call('reviewIdentifiers', { engagementId, anonymize: 'people' }).warnings;
  expect(people).toContainEqual({ kind: 'accountNamesPerson', account: 'Nurmi Oy', person: 'Tapio Nurmi' });
  const accounts = ws.call('reviewIdentifiers', { engagementId, anonymize: 'accounts' }).warnings;
  expect(accounts.filter((w) => w.kind === 'accountNamesPerson')).toEqual([]);
});

test('in the demo, exactly the firms named after someone interviewed there are flagged', () => {
  const demoWs = openTestWorkspace();
  demoWs.call('createDemo', {});
  const demo = demoWs.call('listEngagements', {}).find((e) => e.clientName === 'Huoltovoima Oy')!;
  const flagged = demoWs
    .call('reviewIdentifiers', { engagementId: demo.id, anonymize: 'people' })
    .warnings.flatMap((w) => (w.kind === 'accountNamesPerson' ? [`${w.account} / ${w.person}`] : []));
  demoWs.close();
  expect(flagged.sort()).toEqual([
    'Konepaja Lahtinen Ky / Esa Lahtinen',
    'Muovitekniikka Aalto Oy / Laura Aalto',
    'Saha Nurmi Oy / Tapio Nurmi',
    'Teräsvalimo Koskela Oy / Ulla Koskela',
  ]);
});

test('erasure takes the name in capitals and the e-mail addresses built from it', () => {
  ws.call('eraseInterviewee', { id: personId });
  const notes = ws.db.prepare('SELECT text FROM notes').pluck().get() as string;
  expect(notes).toBe(
    `${ERASED} kertoi, että Nurmi Oy ostaa vähemmän. ${ERASED} osoite on ${ERASED} ja ${ERASED}.`,
  );
});

test('erasure leaves a shared first name in another study to the person of that study', () => {
  const other = ws.call('createEngagement', { clientName: 'Aamu Oy', title: 'Toinen', language: 'fi' }).id;
  const account = ws.call('createAccount', { engagementId: other, name: 'Lehto Ky', tier: 'named' });
  const tapio = ws.call('createInterviewee', {
    accountId: account.id,
    name: 'Tapio Lehto',
    roleLevel: 'influencer',
  });
  const interview = ws.call('createInterview', {
    engagementId: other,
    accountId: account.id,
    intervieweeIds: [tapio.id],
  });
  const text = 'Tapio kertoi hinnoista. Tapio Nurmi soitti hänelle.';
  ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc([text]) });
  ws.call('eraseInterviewee', { id: personId });
  expect(ws.call('getInterview', { id: interview.id }).notes.text).toBe(
    `Tapio kertoi hinnoista. ${ERASED} soitti hänelle.`,
  );
});

test('erasure takes e-mail addresses written without ä and ö, or with an initial, and leaves other people’s', () => {
  const account = ws.call('createAccount', { engagementId, name: 'Sievänen Oy', tier: 'key' });
  const kyosti = ws.call('createInterviewee', {
    accountId: account.id,
    name: 'Kyösti Häkkinen',
    roleLevel: 'operational',
  });
  const interview = ws.call('createInterview', {
    engagementId,
    accountId: account.id,
    intervieweeIds: [kyosti.id],
  });
  // His: both names show. Not his: another Häkkinen, a surname or first name alone, another person.
  const his =
    'kyosti.hakkinen@sievanen.fi, k.hakkinen@sievanen.fi, KHakkinen@sievanen.fi, kyosti_hakkinen(a)sievanen.fi';
  const others =
    'maija.hakkinen@sievanen.fi, m.hakkinen@sievanen.fi, hakkinen@sievanen.fi, kyosti@sievanen.fi, matti.virtanen@sievanen.fi';
  ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc([`Hänen: ${his}. Muut: ${others}.`]) });
  ws.call('eraseInterviewee', { id: kyosti.id });
  expect(ws.call('getInterview', { id: interview.id }).notes.text).toBe(
    `Hänen: ${ERASED}, ${ERASED}, ${ERASED}, ${ERASED}. Muut: ${others}.`,
  );
});

test('a report label made of the person’s initials is not used', async () => {
  ws.call('updateInterviewee', { id: personId, patch: { anonLabel: 'T.N., toimitusjohtaja' } });
  const text = await report();
  expect(text).not.toMatch(/T\.N\./);
  expect(text).toContain('[päättäjä, avainasiakas]');
});

test('a name with brackets and a typed label: the report is written and uses the label', async () => {
  const account = ws.call('createAccount', { engagementId, name: 'Valimo Oy', tier: 'named' });
  ws.call('createInterviewee', {
    accountId: account.id,
    name: 'Seppo Kallio (ent. Virtanen)',
    roleLevel: 'strategic',
    anonLabel: 'Talousjohtaja, valimo',
  });
  ws.call('updateInterviewee', { id: personId, patch: { anonLabel: 'Matti (CEO)' } });
  await expect(report()).resolves.toBeTypeOf('string');
});
