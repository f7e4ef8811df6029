/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import { formatter } from '../../shared/format.ts';
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
          .poll(() => row.locator('td').nth(1).textContent())
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
