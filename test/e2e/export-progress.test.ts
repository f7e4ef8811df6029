/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import { errorMessage } from '../../shared/errors.ts';
import { en } from '../../shared/i18n/en.ts';
import { phraseError } from '../../shared/i18n/errors.ts';
import type { ExportJob } from '../../shared/report.ts';
import { openTestWorkspace } from '../helpers/workspace.ts';
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

  test('an export whose core host stopped ends as failed with the reason, and Start can be pressed again', async () => {
    const ws = openTestWorkspace();
    // As a host that died after the export's first step: the page hears nothing more from it.
    const heard: { first: ExportJob | null } = { first: null };
    // The real export still runs in this process: the test waits for it before closing the workspace.
    const realEnd = new Promise<void>((resolve) =>
      ws.events.subscribe('exportProgress', (job) => {
        if (job.done) resolve();
      }),
    );
    const app = await openApp(chromium.browser(), chromium.url(), {
      ws: {
        ...ws,
        events: {
          subscribe: (name, listener) =>
            ws.events.subscribe(name, (payload) => {
              if (name !== 'exportProgress') return listener(payload);
              if (heard.first) return;
              heard.first = payload as ExportJob;
              listener(payload);
            }),
          unsubscribe: ws.events.unsubscribe,
        },
      },
    });
    const { page } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'en')!;
      await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
      await page.getByRole('button', { name: en.findings.export }).click();
      const dialog = page.getByRole('dialog', { name: en.export.title });
      await dialog.getByLabel(en.export.levels.none).check();
      const start = dialog.getByRole('button', { name: en.export.start, exact: true });
      await start.click();
      await expect.poll(() => heard.first !== null).toBe(true);
      await expect.poll(() => start.isDisabled()).toBe(true);
      // What the main side's client sends for every export still running when its host stops.
      const failure = errorMessage('exportInterrupted');
      const end: ExportJob = {
        ...heard.first!,
        done: true,
        error: phraseError(failure, 'en'),
        failure,
        ms: null,
      };
      await page.evaluate(
        (job) =>
          (window as { kuuloDeliverEvent?: (n: unknown, p: unknown) => void }).kuuloDeliverEvent?.(
            'exportProgress',
            job,
          ),
        end,
      );
      const shown = dialog.locator('.form-error');
      await shown.waitFor();
      expect(await shown.textContent()).toBe(
        en.export.failed.replace('{{message}}', phraseError(failure, 'en')),
      );
      expect(await start.isDisabled()).toBe(false);
      await screenshot(page, 'export-interrupted');
      await realEnd;
    } finally {
      await app.close();
    }
  });
});
