/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { guideQuestions } from '../../shared/guide.ts';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import { auditPage, blocking, describeViolations } from './axe.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

/** Presses Tab until the notes editor has the focus: how a keyboard user gets there. */
async function tabToNotes(page: Page): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate(() => document.activeElement?.classList.contains('notes-editor'))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the notes');
}

describe.each([
  ['en-GB', 'en', en],
  ['fi-FI', 'fi', fi],
] as const)(
  'an interview run with the guide in live mode, keystrokes only (%s)',
  (locale, language, words) => {
    test('open, live mode, answers typed under each question, scale answers by keys, attribution visible', async () => {
      const app = await openApp(chromium.browser(), chromium.url(), { locale });
      const { page, ws } = app;
      try {
        const engagementId = ws.call('createEngagement', {
          clientName: 'Asiakas Oy',
          title: 'Listening',
          language,
        }).id;
        const accountId = ws.call('createAccount', { engagementId, name: 'Konepaja Oy', tier: 'key' }).id;
        const person = ws.call('createInterviewee', {
          accountId,
          name: 'Maija Virta',
          roleLevel: 'strategic',
          consent: 'given',
        }).id;
        const interviewId = ws.call('createInterview', {
          engagementId,
          accountId,
          intervieweeIds: [person],
        }).id;
        const guide = ws.call('applyGuideTemplate', { engagementId, templateId: `builtin:${language}` });
        const questions = guideQuestions(guide);
        const at = (n: number) => questions[n - 1]!;
        const satisfaction = questions.findIndex((q) => q.feeds === 'satisfaction') + 1;
        const yesno = questions.findIndex((q) => q.scale === 'yesno') + 1;
        const nps = questions.findIndex((q) => q.feeds === 'nps') + 1;
        expect([satisfaction, yesno, nps]).toEqual([6, 9, 14]);

        await page.goto(`${chromium.url()}#/interview/${interviewId}`);
        await page.locator('.notes-editor').waitFor();
        await tabToNotes(page);
        await page.keyboard.type('Small talk first');

        // Live mode: the guide appears beside the notes.
        await page.keyboard.press('Control+Alt+g');
        const panel = page.locator('.guide-panel');
        await expect.poll(() => panel.isVisible()).toBe(true);
        await expect
          .poll(() => panel.getByRole('button', { name: words.guide.live }).getAttribute('aria-pressed'))
          .toBe('true');

        // The first question: its answer starts on a paragraph of its own, and Enter goes on answering it.
        await page.keyboard.press('Control+Alt+ArrowDown');
        await expect.poll(() => panel.locator('.guide-current-text').innerText()).toBe(at(1).text);
        await page.keyboard.type('We met at a fair in Tampere');
        await page.keyboard.press('Enter');
        await page.keyboard.type('and the work grew from there');
        await page.keyboard.press('Control+Alt+ArrowDown');
        await page.keyboard.type('Volumes doubled');
        // Two paragraphs pasted into the answer both go on answering its question.
        await page.keyboard.press('Enter');
        await page.evaluate(() => {
          const data = new DataTransfer();
          data.setData('text/html', '<p>pasted one</p><p>pasted two</p>');
          data.setData('text/plain', 'pasted one\n\npasted two');
          document.activeElement?.dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
          );
        });

        // On to the satisfaction question: its field takes the focus, a digit answers it.
        for (let n = 3; n <= satisfaction; n++) await page.keyboard.press('Control+Alt+ArrowDown');
        await expect.poll(() => panel.locator('.guide-current-text').innerText()).toBe(at(satisfaction).text);
        await page.keyboard.type('4');
        await expect.poll(() => ws.call('getInterview', { id: interviewId }).satisfaction).toBe(4);
        // Esc goes back to the notes, into the answer's paragraph.
        await page.keyboard.press('Escape');
        await page.keyboard.type('Good, not great');
        for (let n = satisfaction + 1; n <= yesno; n++) await page.keyboard.press('Control+Alt+ArrowDown');
        await page.keyboard.type(language === 'fi' ? 'k' : 'y');
        await expect.poll(() => ws.call('interviewAnswers', { interviewId })[at(yesno).id]).toBe(1);
        for (let n = yesno + 1; n <= nps; n++) await page.keyboard.press('Control+Alt+ArrowDown');
        await page.keyboard.type('10');
        await expect.poll(() => ws.call('getInterview', { id: interviewId }).nps).toBe(10);
        await page.keyboard.press('Escape');
        await page.keyboard.type('They always call back');

        // Every answer carries its question's label in the notes; the panel counts what is answered.
        const notes = page.locator('.notes-editor');
        const prefix = words.guide.questionShort;
        await expect.poll(() => notes.locator(`p[data-qn="${prefix}1"]`).count()).toBe(2);
        await expect
          .poll(() => notes.locator(`p[data-qn="${prefix}${satisfaction}"]`).innerText())
          .toBe('Good, not great');
        await expect
          .poll(() => notes.locator(`p[data-qn="${prefix}${nps}"]`).innerText())
          .toBe('They always call back');
        await expect
          .poll(() => panel.locator('[data-guide-progress]').innerText())
          .toBe(words.guide.progress.replace('{{answered}}', '5').replace('{{total}}', '15'));

        // Ctrl+Alt+A on a paragraph answering the current question clears its attribution; again, sets it.
        const last = notes.locator('p').last();
        await page.keyboard.press('Control+Alt+a');
        await expect.poll(() => last.getAttribute('data-qn')).toBeNull();
        await page.keyboard.press('Control+Alt+a');
        await expect.poll(() => last.getAttribute('data-qn')).toBe(`${prefix}${nps}`);

        await screenshot(page, `guide-live-${language}`);
        const violations = blocking(await auditPage(page));
        expect(violations, describeViolations(violations)).toEqual([]);

        // What was typed is stored, each answer under its question.
        await page.keyboard.press('Control+s');
        await expect
          .poll(() => ws.call('questionAnswers', { questionId: at(1).id }).rows[0]?.paragraphs)
          .toEqual(['We met at a fair in Tampere', 'and the work grew from there']);
        expect(ws.call('questionAnswers', { questionId: at(2).id }).rows[0]?.paragraphs).toEqual([
          'Volumes doubled',
          'pasted one',
          'pasted two',
        ]);
        expect(ws.call('questionAnswers', { questionId: at(nps).id }).rows[0]).toMatchObject({
          value: 10,
          paragraphs: ['They always call back'],
        });
        expect(ws.call('getInterview', { id: interviewId }).notes.text.split('\n')[0]).toBe(
          'Small talk first',
        );
      } finally {
        await app.close();
      }
    });
  },
);
