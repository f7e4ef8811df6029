/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import { guideQuestions } from '../../shared/guide.ts';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import { auditPage, blocking, describeViolations } from './axe.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

const answer = (text: string, question: string): DocNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', attrs: { question }, content: [{ type: 'text', text }] }],
});

describe.each([
  ['en-GB', 'en', en],
  ['fi-FI', 'fi', fi],
] as const)('the guide tab and the answers per question (%s)', (locale, language, words) => {
  test('a guide from the built-in template, a question added; answers side by side, filtered by tier', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale });
    const { page, ws } = app;
    try {
      const engagementId = ws.call('createEngagement', {
        clientName: 'Asiakas Oy',
        title: 'Listening',
        language,
      }).id;
      await page.goto(`${chromium.url()}#/engagement/${engagementId}/guide`);
      await page.getByRole('button', { name: words.guide.useTemplate }).click();
      await expect.poll(() => page.locator('.guide-edit-questions > li').count()).toBe(15);

      // A question of one's own, at the end of the last section.
      await page
        .getByRole('button', { name: `+ ${words.guide.addQuestion}` })
        .last()
        .click();
      const dialog = page.locator('dialog[open]');
      await dialog.locator('#field-text').fill('Would you take part again next year?');
      await dialog.locator('#field-scale').selectOption('yesno');
      await dialog.getByRole('button', { name: words.app.save }).click();
      await expect.poll(() => page.locator('.guide-edit-questions > li').count()).toBe(16);
      await screenshot(page, `guide-tab-${language}`);
      let violations = blocking(await auditPage(page));
      expect(violations, describeViolations(violations)).toEqual([]);
      const guide = ws.call('getGuide', { engagementId });
      expect(guideQuestions(guide).at(-1)).toMatchObject({
        text: 'Would you take part again next year?',
        scale: 'yesno',
      });

      // Three interviews answer the NPS question and the first open one.
      const nps = guideQuestions(guide).find((q) => q.feeds === 'nps')!;
      const first = guideQuestions(guide)[0]!;
      for (const [name, tier, value, text] of [
        ['Konepaja Oy', 'key', 9, 'We met at a fair in Tampere'],
        ['Valimo Oy', 'key', 10, 'Through a colleague'],
        ['Kauppa Oy', 'named', 4, 'A tender in 2019'],
      ] as const) {
        const accountId = ws.call('createAccount', { engagementId, name, tier }).id;
        const person = ws.call('createInterviewee', {
          accountId,
          name: `${name} contact`,
          roleLevel: 'strategic',
          consent: 'given',
        }).id;
        const interviewId = ws.call('createInterview', {
          engagementId,
          accountId,
          intervieweeIds: [person],
          status: 'done',
        }).id;
        ws.saveNotes({ interviewId, doc: answer(text, first.id) });
        ws.call('updateInterview', { id: interviewId, patch: { status: 'done' } });
        ws.call('setAnswer', { interviewId, questionId: nps.id, value });
      }

      await page.goto(`${chromium.url()}#/engagement/${engagementId}/answers`);
      await expect.poll(() => page.locator('.answers-table tbody tr').count()).toBe(3);
      expect(await page.locator('.answers-table').innerText()).toContain('A tender in 2019');
      await page.locator('.answers-filters select').nth(0).selectOption(nps.id);
      await expect.poll(() => page.locator('[data-answers-summary]').innerText()).toContain('NPS 33');
      await expect.poll(() => page.locator('.answers-view figure.chart').count()).toBe(1);
      // Key accounts only: two answers, both promoters.
      await page.locator('.answers-filters select').nth(1).selectOption('key');
      await expect.poll(() => page.locator('.answers-table tbody tr').count()).toBe(2);
      await expect.poll(() => page.locator('[data-answers-summary]').innerText()).toContain('NPS 100');
      await screenshot(page, `answers-${language}`);
      violations = blocking(await auditPage(page));
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

test('the demo: a Huoltovoima interview with its guide beside the notes, and the 2025 NPS question answered', async () => {
  const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
  const { page, ws } = app;
  try {
    ws.call('createDemo', {});
    const engagementId = ws.call('listEngagements', {}).find((e) => e.title === 'Asiakaskuuntelu 2025')!.id;
    const interview = ws.call('listInterviews', { engagementId })[0]!;
    await page.goto(`${chromium.url()}#/interview/${interview.id}`);
    await page.locator('.notes-editor').waitFor();
    await page.getByRole('tab', { name: fi.guide.tab }).click();
    await expect.poll(() => page.locator('[data-guide-progress]').innerText()).toMatch(/^\d+\/15 /);
    await expect.poll(() => page.locator('.notes-editor p[data-qn]').count()).toBeGreaterThan(2);
    await screenshot(page, 'guide-demo-interview-fi');
    const nps = guideQuestions(ws.call('getGuide', { engagementId })).find((q) => q.feeds === 'nps')!;
    await page.goto(`${chromium.url()}#/engagement/${engagementId}/answers`);
    await page.locator('.answers-filters select').nth(0).selectOption(nps.id);
    await expect.poll(() => page.locator('[data-answers-summary]').innerText()).toContain('NPS −29');
    await screenshot(page, 'guide-demo-answers-fi');
  } finally {
    await app.close();
  }
});
