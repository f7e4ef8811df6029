/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import { formatter } from '../../shared/format.ts';
import { CODING_MARK } from '../../shared/notes.ts';
import { newInterview } from '../helpers/workspace.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

describe('figures on screen, in both languages', () => {
  for (const lang of ['en', 'fi'] as const) {
    test(`${lang}: the analysis table and charts round once, in the language's form`, async () => {
      const app = await openApp(chromium.browser(), chromium.url(), {
        locale: lang === 'fi' ? 'fi-FI' : 'en-GB',
      });
      const { page, ws } = app;
      try {
        ws.call('createDemo', {});
        const engagement = ws.call('listEngagements', {}).find((e) => e.language === lang)!;
        const stats = ws.call('engagementStats', { engagementId: engagement.id });
        const f = formatter(lang);
        await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
        await expect.poll(() => page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(4);

        const first = stats.prevalence[0]!;
        const row = page.locator(`tr[data-code="${first.codeId}"]`);
        await expect
          .poll(() => row.locator('td').nth(0).textContent())
          .toContain(f.percent(first.interviews, first.base.interviews));
        const svgText = await page.locator('figure.chart svg').allTextContents();
        if (lang === 'fi') expect(svgText.join(' ')).not.toMatch(/\d\.\d\s?%/);
        else expect(svgText.join(' ')).not.toMatch(/\d\s%/);
        await screenshot(page, `format-${lang}-analysis`);
        await page.locator('#section-coverage').scrollIntoViewIfNeeded();
        await screenshot(page, `format-${lang}-coverage`);
        await page.locator('#section-benchmark').scrollIntoViewIfNeeded();
        await screenshot(page, `format-${lang}-benchmark`);

        await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
        await expect.poll(() => page.locator('.finding').count()).toBeGreaterThan(0);
        await screenshot(page, `format-${lang}-findings`);
      } finally {
        await app.close();
      }
    });
  }

  test('a revenue share is formatted once from its sums: €3,990,000 of €4,011,000 is 99%, not 100%', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'en-GB' });
    const { page, ws } = app;
    try {
      const engagementId = ws.call('createEngagement', {
        clientName: 'Client',
        title: 'Study',
        language: 'en',
      }).id;
      const kpr = ws.call('getCodebook', {}).find((c) => c.key === 'key-person-risk')!.id;
      // Two held interviews; only the big account's raises the theme: 99.48 % of the known revenue.
      for (const [name, revenue, coded] of [
        ['Big', 3_990_000, true],
        ['Small', 21_000, false],
      ] as const) {
        const accountId = ws.call('createAccount', { engagementId, name, tier: 'named', revenue }).id;
        const { id } = ws.call('createInterview', { engagementId, accountId });
        if (coded) {
          const mark = crypto.randomUUID();
          ws.saveNotes({
            interviewId: id,
            doc: {
              type: 'doc',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    {
                      type: 'text',
                      text: 'Only one contact.',
                      marks: [{ type: CODING_MARK, attrs: { id: mark } }],
                    },
                  ],
                },
              ],
            },
            codings: [{ id: mark, codeId: kpr, sentiment: 'negative' }],
          });
        }
        ws.call('updateInterview', { id, patch: { status: 'done' } });
      }
      const row = ws.call('engagementStats', { engagementId }).prevalence.find((r) => r.codeId === kpr)!;
      // The service's one-decimal share would show as 100 % if it were rounded again.
      expect(row.revenuePct).toBe(99.5);
      await page.goto(`${chromium.url()}#/analysis/${engagementId}`);
      await page.getByRole('checkbox', { name: 'Show share of revenue' }).check();
      const cell = page.locator(`tr[data-code="${kpr}"] td`).nth(2);
      await expect.poll(() => cell.textContent()).toBe('99%');
      await screenshot(page, 'format-en-revenue-share');
    } finally {
      await app.close();
    }
  });

  test('the save indicator tells the time on a 24-hour clock in English too', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'en-GB' });
    const { page, ws } = app;
    try {
      const interview = newInterview(ws, { name: 'Account', tier: 'named' });
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await page.locator('.notes-editor').click();
      await page.keyboard.type('Saved at what time?');
      await expect.poll(() => page.locator('.save-state').getAttribute('data-state')).toBe('saved');
      const label = (await page.locator('.save-state').textContent()) ?? '';
      expect(label).toMatch(/^Saved \d{2}:\d{2}:\d{2}$/);
      expect(label).not.toMatch(/AM|PM/);
      await screenshot(page, 'format-en-saved');
    } finally {
      await app.close();
    }
  });
});
