import { describe, expect, test } from 'vitest';
import { paragraphsToDoc } from '../../shared/notes.ts';
import { newInterview } from '../helpers/workspace.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

/** "m:ss" shown by the clock, in seconds. */
const seconds = (shown: string): number => {
  const match = /(\d+):(\d\d)/.exec(shown);
  if (!match) throw new Error(`no time in "${shown}"`);
  return Number(match[1]) * 60 + Number(match[2]);
};

describe('the interview clock in Chromium', () => {
  test('shows the elapsed time, pauses and resumes, survives a reload, stamps paragraphs, and asks before it stops', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const interview = newInterview(ws);
      ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc(['Alku.']) });
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      const timer = page.getByRole('timer');
      // The service's clock says the start was 2 minutes ago (as if the interview began before the notes).
      const realNow = ws.ctx.now;
      ws.ctx.now = () => new Date(Date.now() - 120_000).toISOString();
      await page.getByRole('button', { name: 'Start interview clock' }).click();
      await timer.waitFor();
      ws.ctx.now = realNow;
      await expect.poll(async () => seconds(await timer.innerText())).toBeGreaterThanOrEqual(120);
      const first = seconds(await timer.innerText());
      expect(first).toBeLessThan(130);
      // It runs.
      await expect.poll(async () => seconds(await timer.innerText())).toBeGreaterThan(first);

      // A paragraph typed now is stamped with the clock's time.
      await page.locator('.notes-editor p').last().click();
      // The document's end, wherever the click put the caret (a loaded machine once split the paragraph before).
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Haastateltava kertoo taustastaan.');
      await expect
        .poll(() => ws.call('getInterview', { id: interview.id }).notes.doc.content?.[1]?.attrs?.ts)
        .toBeGreaterThanOrEqual(120);
      await screenshot(page, '40-clock-running');

      // Pause: the time stands still, and the stored clock says so.
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => timer.innerText()).toContain('paused');
      const paused = seconds(await timer.innerText());
      await page.waitForTimeout(2200);
      expect(seconds(await timer.innerText())).toBe(paused);
      expect(ws.call('getInterview', { id: interview.id }).clock.runningSince).toBeNull();
      await screenshot(page, '41-clock-paused');

      // Resume goes on from the paused time, not from 0:00 and not counting the pause.
      await page.getByRole('button', { name: 'Resume' }).click();
      await expect.poll(async () => seconds(await timer.innerText())).toBeGreaterThan(paused);
      expect(seconds(await timer.innerText())).toBeLessThan(paused + 5);

      // A reload continues the running clock.
      await page.reload();
      await timer.waitFor();
      expect(seconds(await timer.innerText())).toBeGreaterThanOrEqual(paused);
      expect(await timer.innerText()).not.toContain('paused');
      expect(ws.call('getInterview', { id: interview.id }).clock.runningSince).not.toBeNull();

      // Stop asks first; cancelling leaves it running.
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Stop the interview clock?' });
      await dialog.waitFor();
      await screenshot(page, '42-clock-stop-asks');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      expect(ws.call('getInterview', { id: interview.id }).clock).toMatchObject({ stopped: false });
      expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(1);

      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await dialog.getByRole('button', { name: 'Stop the clock' }).click();
      await expect.poll(() => timer.innerText()).toContain('ended');
      const clock = ws.call('getInterview', { id: interview.id }).clock;
      expect(clock).toMatchObject({ stopped: true, runningSince: null });
      expect(Math.floor(clock.elapsedMs / 1000)).toBe(seconds(await timer.innerText()));
      await screenshot(page, '43-clock-stopped');

      // After the end, new paragraphs get no time.
      await page.locator('.notes-editor p').last().click();
      // The document's end, wherever the click put the caret (a loaded machine once split the paragraph before).
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Jälkikirjoitus.');
      await expect
        .poll(() => ws.call('getInterview', { id: interview.id }).notes.text)
        .toContain('Jälkikirjoitus.');
      expect(
        ws.call('getInterview', { id: interview.id }).notes.doc.content?.[2]?.attrs?.ts ?? null,
      ).toBeNull();
    } finally {
      await app.close();
    }
  });

  test('in Finnish', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      const interview = newInterview(ws);
      ws.call('interviewClock', { id: interview.id, action: 'start' });
      ws.call('interviewClock', { id: interview.id, action: 'pause' });
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await expect.poll(() => page.getByRole('timer').innerText()).toContain('tauolla');
      expect(await page.getByRole('button', { name: 'Jatka' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Lopeta' }).click();
      await page.getByRole('dialog', { name: 'Pysäytetäänkö haastattelukello?' }).waitFor();
      await screenshot(page, '44-clock-stop-asks-fi');
    } finally {
      await app.close();
    }
  });
});
