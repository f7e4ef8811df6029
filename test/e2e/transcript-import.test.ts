/// <reference lib="dom" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { paragraphsToDoc } from '../../shared/notes.ts';
import { TEAMS_VTT } from '../helpers/transcripts.ts';
import type { TestWorkspace } from '../helpers/workspace.ts';
import { selectIn } from './editor.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();
const dir = mkdtempSync(join(tmpdir(), 'kuulo-e2e-transcript-'));
const file = join(dir, 'asiakashaastattelu.vtt');
writeFileSync(file, TEAMS_VTT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An engagement whose interview has Päivi Mäkelä as interviewee and Kaisa Lehto as interviewer. */
function setUp(ws: TestWorkspace, language: 'fi' | 'en') {
  const engagementId = ws.call('createEngagement', {
    clientName: 'Sarastus Oy',
    title: 'Kuuntelu',
    language,
  }).id;
  const accountId = ws.call('createAccount', { engagementId, name: 'Rautaosa Oy', tier: 'key' }).id;
  const paiviId = ws.call('createInterviewee', {
    accountId,
    name: 'Päivi Mäkelä',
    roleLevel: 'strategic',
    consent: 'given',
  }).id;
  const interviewId = ws.call('createInterview', {
    engagementId,
    accountId,
    intervieweeIds: [paiviId],
    interviewer: 'Kaisa Lehto',
    status: 'done',
  }).id;
  ws.saveNotes({ interviewId, doc: paragraphsToDoc(['Omat muistiinpanot ennen litteraattia.']) });
  return { engagementId, accountId, paiviId, interviewId };
}

describe('transcript import in Chromium', () => {
  test('import with a speaker mapping, code a passage of it, find it in quotes and analysis (en)', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'en-GB' });
    const { page, ws } = app;
    try {
      const { engagementId, interviewId, paiviId } = setUp(ws, 'en');
      await page.goto(`${chromium.url()}#/interview/${interviewId}`);
      await page.locator('.notes-editor').waitFor();
      await page.getByRole('button', { name: 'Import transcript…' }).waitFor();
      await page.locator('[data-testid="transcript-file"]').setInputFiles(file);
      const dialog = page.getByRole('dialog', { name: /Import transcript: asiakashaastattelu\.vtt/ });
      await dialog.getByText('Teams (WebVTT)').waitFor();
      expect(await dialog.textContent()).toContain('4 passages · 3 paragraphs');
      const paivi = dialog.getByRole('combobox', { name: 'Who is Päivi Mäkelä?' });
      const kaisa = dialog.getByRole('combobox', { name: 'Who is Kaisa Lehto?' });
      const jorma = dialog.getByRole('combobox', { name: 'Who is Jorma Salo?' });
      // Suggested from the names: the interviewee (written "Mäkelä, Päivi" in the file), the interviewer.
      expect(await paivi.inputValue()).toBe(`interviewee:${paiviId}`);
      expect(await kaisa.inputValue()).toBe('interviewer');
      expect(await jorma.inputValue()).toBe('other');
      // Chosen by keyboard, as without a mouse: Jorma is someone else; Kaisa too, then back.
      await kaisa.focus();
      await page.keyboard.press('ArrowDown');
      expect(await kaisa.inputValue()).toBe('other');
      await kaisa.selectOption('interviewer');
      await screenshot(page, 'transcript-preview-en');
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();

      const section = page.locator('.notes-editor section.transcript');
      await section.waitFor();
      expect(await section.getAttribute('data-file-name')).toBe('asiakashaastattelu.vtt');
      expect(await section.locator('p').count()).toBe(3);
      expect(await section.locator('p').nth(1).getAttribute('data-ts')).toBe('0:10');
      // The label of a mapped speaker is a mention, as one marked by hand.
      expect(await section.locator('p').nth(1).locator('.mention').textContent()).toBe('Päivi Mäkelä');
      await page
        .locator('.notes-scroll, .notes-editor')
        .first()
        .evaluate((el) => el.scrollTo?.(0, 0));
      await screenshot(page, 'transcript-notes-en');

      // The same file again: the preview says the interview already has it.
      await page.locator('[data-testid="transcript-file"]').setInputFiles(file);
      await dialog.getByText('This interview already has a transcript from asiakashaastattelu.vtt').waitFor();
      await screenshot(page, 'transcript-duplicate-en');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });

      await selectIn(page, 'laskutus on sekavaa');
      await page.keyboard.press('Control+1');
      await expect
        .poll(() => ws.call('listCodings', { interviewId }).map((c) => c.quote))
        .toEqual(['laskutus on sekavaa']);
      const [coding] = ws.call('listCodings', { interviewId });
      const code = ws.call('getCodebook', { engagementId }).find((c) => c.id === coding!.codeId)!;
      // Typing after the section goes into the consultant's own notes, outside it.
      await page.locator('.notes-editor > p').last().click();
      await page.keyboard.type('Oma huomio.');
      await expect
        .poll(() => ws.call('getInterview', { id: interviewId }).notes.doc.content!.map((n) => n.type))
        .toEqual(['paragraph', 'transcript', 'paragraph']);
      await expect
        .poll(() => ws.call('getInterview', { id: interviewId }).notes.text.split('\n').at(-1))
        .toBe('Oma huomio.');

      await page.goto(`${chromium.url()}#/quotes/${engagementId}`);
      await page.getByRole('checkbox', { name: new RegExp(code.name.en) }).check();
      const card = page.locator(`.quote-card[data-coding="${coding!.id}"]`);
      await card.waitFor();
      expect(await card.textContent()).toContain('laskutus on sekavaa');
      await screenshot(page, 'transcript-quotes-en');

      await page.goto(`${chromium.url()}#/analysis/${engagementId}`);
      const prevalence = page.locator('figure[data-chart="prevalence"]');
      await expect.poll(() => prevalence.locator('svg text').allTextContents()).toContain(code.name.en);
      await screenshot(page, 'transcript-analysis-en');
    } finally {
      await app.close();
    }
  });

  test('Finnish: the preview and the section in Finnish, a refused file explained, a new interview from the list', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      const { engagementId, accountId, paiviId } = setUp(ws, 'fi');
      await page.goto(`${chromium.url()}#/engagement/${engagementId}/interviews`);
      await page.getByRole('button', { name: 'Tuo litteraatti uudeksi haastatteluksi…' }).waitFor();
      // A file that is not a transcript: a clear message, nothing imported.
      const binary = join(dir, 'kuva.txt');
      writeFileSync(
        binary,
        Uint8Array.from({ length: 512 }, (_, i) => (i * 31) % 256),
      );
      await page.locator('[data-testid="transcript-file"]').setInputFiles(binary);
      const refused = page.getByRole('dialog');
      await refused.getByRole('alert').waitFor();
      expect(await refused.getByRole('alert').textContent()).toContain(
        'Tiedosto ei ole teksti- tai Word-tiedosto',
      );
      await screenshot(page, 'transcript-refused-fi');
      await refused.getByRole('button', { name: 'Peruuta' }).click();
      // A Zoom chat is no interview: said so, nothing imported.
      const chat = join(dir, 'chat.txt');
      writeFileSync(
        chat,
        '10:02 AM From Päivi Mäkelä to Everyone: hei\n10:03 AM From Kaisa Lehto to Everyone: kuuluuko?\n',
      );
      await page.locator('[data-testid="transcript-file"]').setInputFiles(chat);
      await refused.getByRole('alert').waitFor();
      expect(await refused.getByRole('alert').textContent()).toContain('näyttää chat-keskustelulta');
      await screenshot(page, 'transcript-chat-refused-fi');
      await refused.getByRole('button', { name: 'Peruuta' }).click();

      await page.locator('[data-testid="transcript-file"]').setInputFiles(file);
      const dialog = page.getByRole('dialog', { name: /Litteraatin tuonti/ });
      await dialog.getByText('4 kohtaa · 3 kappaletta').waitFor();
      expect(await dialog.getByRole('combobox', { name: 'Uuden haastattelun asiakas' }).inputValue()).toBe(
        accountId,
      );
      expect(await dialog.getByRole('combobox', { name: 'Kuka on Päivi Mäkelä?' }).inputValue()).toBe(
        `interviewee:${paiviId}`,
      );
      await screenshot(page, 'transcript-preview-fi');
      await dialog.getByRole('button', { name: 'Tuo', exact: true }).click();
      await page.locator('.notes-editor section.transcript').waitFor();
      const interviews = ws.call('listInterviews', { engagementId });
      expect(interviews).toHaveLength(2);
      expect(page.url()).toContain(`#/interview/${interviews.find((i) => i.wordCount > 30)!.id}`);
      await screenshot(page, 'transcript-notes-fi');
      await page.locator('[data-testid="transcript-file"]').setInputFiles(file);
      await page
        .getByRole('dialog')
        .getByText('Haastattelussa on jo litteraatti tiedostosta asiakashaastattelu.vtt')
        .waitFor();
      await screenshot(page, 'transcript-duplicate-fi');
    } finally {
      await app.close();
    }
  });
});
