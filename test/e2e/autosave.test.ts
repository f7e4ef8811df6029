import { expect, test } from 'vitest';
import { newInterview } from '../helpers/workspace.ts';
import { chromiumPerFile, openApp } from './harness.ts';

const chromium = chromiumPerFile();

const TYPING_MS = 10_000;
const MAX_LOST_MS = 1_000;

test('after 10 s of continuous typing and a reload with no blur, at most ~1 s of text is lost', async () => {
  const app = await openApp(chromium.browser(), chromium.url());
  const { page, ws } = app;
  try {
    const interview = newInterview(ws, { name: 'Account', tier: 'named' });
    await page.goto(`${chromium.url()}#/interview/${interview.id}`);
    await page.locator('.notes-editor').click();

    // Type a known text one key at a time, remembering when each character went in.
    const source = 'the customer says delivery never heard what sales promised and nobody calls them back ';
    let typed = '';
    const typedAt: number[] = [];
    const start = Date.now();
    while (Date.now() - start < TYPING_MS) {
      const char = source[typed.length % source.length]!;
      await page.keyboard.type(char);
      typed += char;
      typedAt.push(Date.now());
    }
    const lastKeystroke = Date.now();
    await page.reload();

    const saved = ws.call('getInterview', { id: interview.id }).notes.text;
    expect(typed.startsWith(saved)).toBe(true);
    const firstLost = saved.length;
    const lostMs = firstLost >= typed.length ? 0 : lastKeystroke - typedAt[firstLost]!;
    console.log(
      `typed ${typed.length} chars in ${TYPING_MS} ms; saved ${saved.length}; lost ${typed.length - saved.length} chars = last ${lostMs} ms`,
    );
    expect(typed.length).toBeGreaterThan(100);
    expect(lostMs).toBeLessThanOrEqual(MAX_LOST_MS);
    await expect
      .poll(async () => (await page.locator('.notes-editor').innerText()).trim())
      .toBe(saved.trim());
  } finally {
    await app.close();
  }
});
