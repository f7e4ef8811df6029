/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { type Measure, summary } from './stats.ts';

/**
 * Keystroke latency while typing live into the interview open in `page`: from the keydown event to the
 * next animation frame, i.e. the frame that paints the character. (Chromium's Event Timing API is no
 * help here: headless Chromium paints only on demand, so its durations are meaningless.) Every 40 keys
 * the code hotkey is pressed with no selection, as during a live interview. Also reports the editor's
 * own marks for serialising the notes (autosave) and placing the coding panel.
 */
export async function measureTyping(page: Page, keys: number, codings: number): Promise<Measure[]> {
  await page.evaluate(() => {
    const frames: number[] = [];
    performance.clearMeasures();
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
  for (let i = 0; i < keys; i++) {
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
  return [
    {
      name: `keystroke to next frame while typing in it (${codings} codings)`,
      ...summary(frames),
      budget: 16,
    },
    { name: 'editor: serialise the notes for autosave', ...summary(serialize) },
    { name: 'editor: place the coding panel (idle time)', ...summary(place) },
  ];
}
