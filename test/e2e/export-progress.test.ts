/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

describe('report export in Chromium', () => {
  test('the progress bar moves with the core’s events, and nothing asks for the job’s state', async () => {
    const calls: string[] = [];
    const app = await openApp(chromium.browser(), chromium.url(), { onCall: (method) => calls.push(method) });
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'en')!;
      await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
      await page.getByRole('button', { name: en.findings.export }).click();
      const dialog = page.getByRole('dialog', { name: en.export.title });
      await dialog.getByLabel(en.export.levels.none).check();
      // Every width the bar is drawn with, as the page commits it.
      await page.evaluate(() => {
        const widths: string[] = [];
        (window as unknown as { widths: string[] }).widths = widths;
        new MutationObserver(() => {
          const bar = document.querySelector<HTMLElement>('.export-progress span');
          if (bar && widths.at(-1) !== bar.style.width) widths.push(bar.style.width);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      calls.length = 0;
      await dialog.getByRole('button', { name: en.export.start, exact: true }).click();
      const done = dialog.locator('.export-done');
      await done.waitFor();
      expect(await done.textContent()).toMatch(/Report ready \(\d+\.\d s\): .*\.docx/);
      await screenshot(page, 'export-progress-done');

      const widths = await page.evaluate(() => (window as unknown as { widths: string[] }).widths);
      const shares = widths.map((w) => Number.parseFloat(w));
      // Steps between the start and the end were shown, only ever forward, ending full.
      expect(shares.filter((s) => s > 0 && s < 100).length).toBeGreaterThan(1);
      expect(shares).toEqual([...shares].sort((a, b) => a - b));
      expect(shares.at(-1)).toBe(100);
      // One call started the export; progress and the end came without another call (no polling).
      expect(calls).toEqual(['startReportExport']);
    } finally {
      await app.close();
    }
  });
});
