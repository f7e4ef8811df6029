/// <reference lib="dom" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Pending, settle } from '../../electron/services/dispatcher.ts';
import type { ImportProgress } from '../../shared/events.ts';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import { teamsVtt } from '../bench/import.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();
const dir = mkdtempSync(join(tmpdir(), 'kuulo-e2e-import-progress-'));
// About 1.3 MB of Teams WebVTT: long enough that its parse is told in steps.
const bigFile = join(dir, 'pitka-haastattelu.vtt');
writeFileSync(bigFile, teamsVtt(8000));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A workspace whose answer to `method` and whose `importProgress` events after the first step inside
 * a counted stage are held back until `release()`: the services in this process finish a preview before
 * the page has heard a thing, so this is how the page is caught part-way, as a 10 MB file would be.
 */
function heldWorkspace(method: string) {
  const ws = openTestWorkspace();
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let midway = false;
  const held: (() => void)[] = [];
  const wrapped: TestWorkspace = {
    ...ws,
    dispatch: (name, input) => {
      const result = ws.dispatch(name, input);
      if (name !== method) return result;
      return { ok: true, value: new Pending(settle(result).then((r) => gate.then(() => r))) };
    },
    events: {
      subscribe: (name, listener) =>
        ws.events.subscribe(name, (payload) => {
          if (name !== 'importProgress') return listener(payload);
          const event = payload as ImportProgress;
          if (midway) {
            held.push(() => listener(payload));
            return;
          }
          midway = event.total > 0 && event.done > 0 && event.done < event.total;
          listener(payload);
        }),
      unsubscribe: ws.events.unsubscribe,
    },
  };
  const releaseAll = () => {
    for (const deliver of held.splice(0)) deliver();
    release();
  };
  return { ws: wrapped, release: releaseAll };
}

for (const { locale, lang, words } of [
  { locale: 'en-GB', lang: 'en', words: en },
  { locale: 'fi-FI', lang: 'fi', words: fi },
] as const) {
  describe(`import progress in Chromium (${lang})`, () => {
    test('a big transcript’s preview shows its stage and how far the parse is, then the preview', async () => {
      const { ws, release } = heldWorkspace('previewTranscript');
      const app = await openApp(chromium.browser(), chromium.url(), { locale, ws });
      const { page } = app;
      try {
        const engagementId = ws.call('createEngagement', {
          clientName: 'Sarastus Oy',
          title: 'Kuuntelu',
          language: lang,
        }).id;
        const accountId = ws.call('createAccount', { engagementId, name: 'Rautaosa Oy', tier: 'key' }).id;
        const interviewId = ws.call('createInterview', { engagementId, accountId, status: 'done' }).id;
        await page.goto(`${chromium.url()}#/interview/${interviewId}`);
        await page.locator('.notes-editor').waitFor();
        await page.locator('[data-testid="transcript-file"]').setInputFiles(bigFile);
        const dialog = page.getByRole('dialog', { name: new RegExp(`${words.transcriptImport.title}: `) });
        const stage = dialog.getByRole('status');
        await expect.poll(() => stage.textContent()).toBe(words.importProgress.parsing);
        const bar = dialog.getByRole('progressbar', { name: words.importProgress.label });
        // Part-way: the bar is filled, not empty, not full.
        await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
        expect(Number(await bar.getAttribute('value'))).toBeLessThan(Number(await bar.getAttribute('max')));
        expect(await stage.getAttribute('aria-live')).toBe('polite');
        await screenshot(page, `import-progress-transcript-${lang}`);

        release();
        await dialog.getByText(words.transcriptImport.formats['vtt-teams']).waitFor();
        // The preview is there and the progress is gone with the wait.
        await expect.poll(() => bar.count()).toBe(0);
        expect(await dialog.getByRole('button', { name: words.transcriptImport.confirm }).isEnabled()).toBe(
          true,
        );
      } finally {
        await app.close();
      }
    });

    test('the account list dialog shows the stage while a list is read', async () => {
      const { ws, release } = heldWorkspace('previewAccountImport');
      const app = await openApp(chromium.browser(), chromium.url(), { locale, ws });
      const { page } = app;
      try {
        const engagementId = ws.call('createEngagement', {
          clientName: 'Asiakas',
          title: 'Kuuntelu',
          language: lang,
        }).id;
        await page.goto(`${chromium.url()}#/engagement/${engagementId}/accounts`);
        await page.getByRole('button', { name: words.accountImport.button }).click();
        const dialog = page.getByRole('dialog', { name: words.accountImport.title });
        await dialog.locator('input[type=file]').setInputFiles({
          name: 'asiakkaat.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('Asiakas;Yhteyshenkilö\r\nValio Oy;Liisa Laine\r\nFazer;Anna Aho\r\n'),
        });
        // The list is read and planned; the answer is held, so the dialog still waits.
        const stage = dialog.getByRole('status');
        await expect.poll(() => stage.textContent()).toBe(words.importProgress.parsing);
        await dialog.getByRole('progressbar', { name: words.importProgress.label }).waitFor();
        await screenshot(page, `import-progress-accounts-${lang}`);
        release();
        await expect.poll(() => stage.count()).toBe(0);
      } finally {
        await app.close();
      }
    });
  });
}
