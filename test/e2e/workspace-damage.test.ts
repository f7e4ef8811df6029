/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

describe('a workspace found damaged after it opened', () => {
  test('the window says so and keeps saying so, in Finnish and in English', async () => {
    for (const [locale, text] of [
      ['fi-FI', fi.workspaceDamage],
      ['en-GB', en.workspaceDamage],
    ] as const) {
      const app = await openApp(chromium.browser(), chromium.url(), { locale });
      const { page, ws } = app;
      try {
        ws.call('createDemo', {});
        await page.getByRole('heading').first().waitFor();
        const banner = page.locator('.workspace-damaged');
        expect(await banner.count()).toBe(0);
        // What the core host sends once its whole-file check found damage (core/host.ts stopWrites;
        // the host itself is tested in test/integration/file-damage.test.ts).
        ws.ctx.emit('workspaceDamaged', { detail: 'Page 12: 2nd reference to page 40' });
        await expect.poll(() => banner.innerText()).toContain(text.title);
        expect(await banner.getAttribute('role')).toBe('alert');
        expect(await banner.innerText()).toContain(text.body);
        // Unlike a toast it stays: past a toast's time, and on another screen.
        await page.locator('a[href="#/portfolio"]').click();
        await page.waitForFunction(() => location.hash === '#/portfolio');
        await page.waitForTimeout(3500);
        await screenshot(page, `workspace-damaged-${locale}`);
        expect(await banner.innerText()).toContain(text.title);
        // The interview screen fills the window below the bar: the banner takes its room from it.
        const engagement = ws.call('listEngagements', {})[0]!;
        const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
        await page.goto(`${chromium.url()}#/interview/${interview.id}`);
        await page.locator('.ProseMirror').first().waitFor();
        await screenshot(page, `workspace-damaged-interview-${locale}`);
        expect(await banner.innerText()).toContain(text.title);
        // SQLite's finding is for the log, not the consultant.
        expect(await page.locator('body').innerText()).not.toContain('2nd reference');
      } finally {
        await app.close();
      }
    }
  });
});
