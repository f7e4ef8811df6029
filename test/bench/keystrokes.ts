/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, serveRenderer } from '../e2e/harness.ts';
import { generateNotes, random } from './notes.ts';
import { type Measure, percentile } from './stats.ts';

/**
 * Keystroke latency while typing live into a 20,000-word interview with 500 codings: from the
 * keydown event to the next animation frame, i.e. the frame that paints the character. (Chromium's
 * Event Timing API is no help here: headless Chromium paints only on demand, so its durations are
 * meaningless.) Every 40 keys the code hotkey is pressed with no selection, as during a live interview.
 */
export async function measureKeystrokes(options: {
  words: number;
  codings: number;
  keys: number;
}): Promise<Measure[]> {
  const { url, server } = await serveRenderer();
  const browser: Browser = await launchChromium();
  try {
    const app = await openApp(browser, url);
    const { page, ws } = app;
    const engagement = ws.call('createEngagement', { clientName: 'Bench', title: 'Bench', language: 'en' });
    const account = ws.call('createAccount', { engagementId: engagement.id, name: 'Account', tier: 'key' });
    const interview = ws.call('createInterview', { engagementId: engagement.id, accountId: account.id });
    const codeIds = ws
      .call('getCodebook', {})
      .filter((c) => !c.isGroup)
      .map((c) => c.id);
    const rand = random(7);
    const notes = generateNotes(rand, options.words, options.codings, codeIds, () => crypto.randomUUID());
    ws.call('saveNotes', { interviewId: interview.id, doc: notes.doc, codings: notes.codings });

    const openStart = Date.now();
    await page.goto(`${url}#/interview/${interview.id}`);
    await page.locator('.notes-editor p').nth(100).waitFor();
    const openMs = Date.now() - openStart;

    await page.evaluate(() => {
      const frames: number[] = [];
      Object.assign(window, { __frames: frames });
      document.addEventListener(
        'keydown',
        (event) => {
          const start = event.timeStamp;
          requestAnimationFrame(() => frames.push(performance.now() - start));
        },
        true,
      );
    });
    await page.locator('.notes-editor').click();
    await page.keyboard.press('Control+End');
    const text = 'the customer says nobody told delivery what was sold ';
    for (let i = 0; i < options.keys; i++) {
      if (i > 0 && i % 40 === 0) await page.keyboard.press('Control+1');
      await page.keyboard.type(text[i % text.length]!);
      await page.waitForTimeout(15);
    }
    await page.locator('.save-state[data-state="saved"]').waitFor();
    const { frames, serialize, place } = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[] };
      const durations = (name: string) => performance.getEntriesByName(name).map((e) => e.duration);
      return {
        frames: w.__frames,
        serialize: durations('kuulo:serialize-notes'),
        place: durations('kuulo:place-codings'),
      };
    });
    const codings = ws.call('listCodings', { interviewId: interview.id }).length;
    await app.close();
    return [
      {
        name: `open ${options.words}-word interview, ${options.codings} codings (ms)`,
        p50: openMs,
        p95: openMs,
      },
      {
        name: `keystroke to next frame (ms), ${frames.length} keys, ${codings} codings`,
        p50: percentile(frames, 50),
        p95: percentile(frames, 95),
        budget: 16,
      },
      {
        name: `autosave: serialize the notes (ms), ${serialize.length} saves`,
        p50: percentile(serialize, 50),
        p95: percentile(serialize, 95),
      },
      {
        name: 'coding panel: place codings (ms, idle time)',
        p50: percentile(place, 50),
        p95: percentile(place, 95),
      },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}
