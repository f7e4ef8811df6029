/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { repairSearchIndex } from '../../electron/services/search/upkeep.ts';
import { groupHits } from '../../renderer/src/store/searchHits.ts';
import { fi } from '../../shared/i18n/fi.ts';
import type { SearchHit } from '../../shared/search.ts';
import type { TestWorkspace } from '../helpers/workspace.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

/** The words of a hit, cut from its interview's stored plain text by code points. */
const wordsOf = (ws: TestWorkspace, hit: SearchHit): string =>
  Array.from(ws.call('getInterview', { id: hit.interviewId! }).notes.text)
    .slice(hit.start, hit.end)
    .join('');

/** Records whether the app took each Ctrl+F from the browser (its own find must not open). */
async function watchFindKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: boolean[] = [];
    (window as unknown as { findKeys: boolean[] }).findKeys = seen;
    // Added after the app's listener on the same target: it runs last and sees the verdict.
    window.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') seen.push(e.defaultPrevented);
    });
  });
}

const findKeys = (page: Page) => page.evaluate(() => (window as unknown as { findKeys: boolean[] }).findKeys);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

describe('search in Chromium', () => {
  test('in Finnish: Ctrl+F in an interview, the engagement, open a hit, code all hits, undo', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.title === 'Asiakaskuuntelu 2025')!;
      const expected = ws.call('search', { query: 'lasku', engagementId: engagement.id, limit: 100 });
      const notes = expected.hits.filter((h) => h.kind === 'note');
      expect(notes.length).toBeGreaterThan(3);
      const first = groupHits(expected.hits)[0]!;
      const own = notes.find((h) => h.interviewId !== first.hits[0]!.interviewId)!;

      // Ctrl+F in the notes searches that interview, and the focus goes to the search field.
      await page.goto(`${chromium.url()}#/interview/${own.interviewId}`);
      await page.locator('.notes-editor').click();
      await watchFindKeys(page);
      await page.keyboard.press('Control+f');
      const panel = page.getByRole('complementary', { name: 'Haku' });
      await panel.waitFor();
      await expect.poll(() => focusedId(page)).toBe('search-field');
      expect(await panel.getByRole('button', { name: 'Tämä haastattelu' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await expect.poll(() => panel.locator('.search-empty').innerText()).toContain('Kirjoita hakusana');
      await page.keyboard.type('lasku');
      const hits = panel.getByTestId('search-hit');
      const inOwn = ws.call('search', { query: 'lasku', interviewId: own.interviewId! }).total;
      await expect.poll(() => hits.count()).toBe(inOwn);
      expect(await panel.locator('mark').first().innerText()).toMatch(/^lasku/i);

      // Ctrl+Shift+F: the whole engagement, grouped by interview with account, tier, person and date.
      await page.keyboard.press('Control+Shift+F');
      expect(await findKeys(page)).toEqual([true, true]);
      await expect.poll(() => hits.count()).toBe(expected.total);
      const heading = panel.locator('.search-group-title').first();
      expect(await heading.innerText()).toContain(first.hits[0]!.accountName!);
      expect(await heading.innerText()).toContain(fi.account.tiers[first.hits[0]!.tier!]);
      expect(await heading.innerText()).toMatch(/\d{1,2}\.\d{1,2}\.\d{4}/);
      expect(await panel.getByRole('status').innerText()).toContain(`${expected.total} osumaa`);
      await screenshot(page, 'search-fi');

      // Opening a hit opens its interview and selects exactly its words in the editor.
      const opened = first.hits[0]!;
      await hits.first().getByRole('button').click();
      await expect.poll(() => page.url()).toContain(`#/interview/${opened.interviewId}`);
      await expect.poll(() => selectedText(page)).toBe(wordsOf(ws, opened));
      expect(await page.evaluate(() => document.activeElement?.closest('.notes-editor') !== null)).toBe(true);
      // The last passage of that interview, further down: the editor scrolls to show it.
      const last = first.hits.at(-1)!;
      await hits
        .nth(first.hits.length - 1)
        .getByRole('button')
        .click();
      await expect.poll(() => selectedText(page)).toBe(wordsOf(ws, last));
      const shown = await page.evaluate(() => {
        const box = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
        const view = document.querySelector('.notes-scroll')!.getBoundingClientRect();
        const scrolled = document.querySelector('.notes-scroll')!.scrollTop > 0;
        return scrolled && box.top >= view.top && box.bottom <= view.bottom;
      });
      expect(shown).toBe(true);

      // Code every passage with one code, in one step.
      const code = ws
        .call('getCodebook', { engagementId: engagement.id })
        .find((c) => c.name.fi === 'Kapea suhde')!;
      const codedBefore = (interviewId: string) =>
        ws.call('listCodings', { interviewId }).filter((c) => c.codeId === code.id);
      const before = new Map(notes.map((h) => [h.interviewId!, codedBefore(h.interviewId!).length]));
      const marksBefore = await page.locator('.notes-editor [data-coding]').count();
      await panel.getByLabel('Valitse kaikki kohdat').check();
      expect(await panel.innerText()).toContain(`${notes.length} kohtaa valittuna`);
      await panel.getByRole('button', { name: 'Koodaa valitut…' }).click();
      const picker = page.getByRole('dialog', { name: `Koodaa ${notes.length} kohtaa` });
      await picker.getByRole('combobox').fill('Kapea');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => panel.getByRole('status').innerText())
        .toContain(`Koodattiin ${notes.length} kohtaa koodilla ”Kapea suhde”`);
      for (const hit of notes) {
        const coding = codedBefore(hit.interviewId!).find((c) => c.start === hit.start && c.end === hit.end);
        expect(coding?.quote, wordsOf(ws, hit)).toBe(wordsOf(ws, hit));
      }
      // The open interview's editor shows its new codings.
      const inOpened = notes.filter((h) => h.interviewId === opened.interviewId).length;
      await expect
        .poll(() => page.locator('.notes-editor [data-coding]').count())
        .toBe(marksBefore + inOpened);
      await screenshot(page, 'search-fi-coded');

      // One undo takes them all back, in the editor too.
      await panel.getByRole('button', { name: /Kumoa/ }).click();
      await expect.poll(() => panel.getByRole('status').innerText()).toContain('Kumottu');
      for (const [interviewId, count] of before) expect(codedBefore(interviewId)).toHaveLength(count);
      await expect.poll(() => page.locator('.notes-editor [data-coding]').count()).toBe(marksBefore);
      expect(ws.call('listTrash', {})).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('in English: the engagement and all engagements, filters, no hits, an error, Escape', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws
        .call('listEngagements', {})
        .find(
          (e) => e.language === 'en' && ws.call('search', { query: 'price', engagementId: e.id }).total > 0,
        )!;
      await page.goto(`${chromium.url()}#/engagement/${engagement.id}/interviews`);
      const opener = page.getByRole('button', { name: 'Search', exact: true });
      await opener.focus();
      await page.keyboard.press('Control+Shift+F');
      const panel = page.getByRole('complementary', { name: 'Search' });
      await panel.waitFor();
      await expect.poll(() => focusedId(page)).toBe('search-field');
      await page.keyboard.type('price');
      const hits = panel.getByTestId('search-hit');
      const inEngagement = ws.call('search', { query: 'price', engagementId: engagement.id }).total;
      await expect.poll(() => hits.count()).toBe(inEngagement);
      expect(await panel.locator('mark').first().innerText()).toMatch(/^pric/i);

      await panel.getByRole('button', { name: 'All engagements' }).click();
      const everywhere = ws.call('search', { query: 'price' }).total;
      expect(everywhere).toBeGreaterThan(inEngagement);
      await expect.poll(() => hits.count()).toBe(everywhere);
      await screenshot(page, 'search-en');

      // ↓ and ↑ go from the field through the hits and back.
      const isHit = () => page.evaluate(() => document.activeElement?.classList.contains('search-hit-open'));
      await panel.getByLabel('Search words').focus();
      await page.keyboard.press('ArrowDown');
      expect(await isHit()).toBe(true);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      expect(await isHit()).toBe(true);
      await page.keyboard.press('ArrowUp');
      expect(await focusedId(page)).toBe('search-field');

      // Passages of two engagements: only shared codes can code them all, and the panel says so.
      const mixed = panel.getByText('Passages from several engagements can be coded only with shared codes.');
      await panel.getByLabel('Select all passages').check();
      await mixed.waitFor();
      await panel.getByRole('button', { name: 'Code selected…' }).click();
      const passages = ws.call('search', { query: 'price' }).hits.filter((h) => h.kind === 'note').length;
      const picker = page.getByRole('dialog', { name: `Code ${passages} passages` });
      const shared = ws.call('getCodebook', {}).filter((c) => !c.isGroup && !c.retired).length;
      await expect.poll(() => picker.getByRole('option').count()).toBe(shared);
      await page.keyboard.press('Escape');
      await expect.poll(() => picker.count()).toBe(0);
      await panel.getByLabel('Select all passages').uncheck();
      await expect.poll(() => mixed.count()).toBe(0);

      // A tier filter narrows the hits to key accounts.
      await panel.getByText('Filters').click();
      await panel.getByRole('button', { name: 'Key account' }).click();
      const keyOnly = ws.call('search', { query: 'price', tiers: ['key'] }).total;
      await expect.poll(() => hits.count()).toBe(keyOnly);
      await panel.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => hits.count()).toBe(everywhere);

      // Accounts, memos and people come in groups of their own; an account opens its engagement's list.
      const field = panel.getByLabel('Search words');
      await field.fill('Aldgate');
      const titles = panel.locator('.search-group-title');
      await expect.poll(() => titles.allInnerTexts()).toContainEqual(expect.stringMatching(/^Coding memos/));
      expect((await titles.allInnerTexts()).at(-1)).toMatch(/^Accounts/);
      const account = ws.call('search', { query: 'Aldgate' }).hits.find((h) => h.kind === 'account')!;
      await panel.locator('.search-group').last().getByRole('button').first().click();
      await expect.poll(() => page.url()).toContain(`#/engagement/${account.engagementId}/accounts`);

      await field.fill('qqxqzz');
      await expect.poll(() => panel.getByRole('status').innerText()).toContain('Nothing found for “qqxqzz”');
      await field.fill('OR');
      await expect.poll(() => panel.getByRole('alert').innerText()).toContain('The search could not be run');
      await screenshot(page, 'search-en-error');

      await page.keyboard.press('Escape');
      await expect.poll(() => panel.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search');

      // Shortcuts are listed in the help.
      await page.keyboard.press('Control+/');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      expect(await help.innerText()).toContain('Search the engagement or all engagements');
    } finally {
      await app.close();
    }
  });

  test('a search index rebuilt by the core is told in the window, in Finnish and in English', async () => {
    for (const [locale, started, done] of [
      ['fi-FI', 'Hakuhakemisto oli vioittunut', 'Hakuhakemisto rakennettiin uudelleen.'],
      ['en-GB', 'The search index was damaged', 'The search index was rebuilt.'],
    ] as const) {
      const app = await openApp(chromium.browser(), chromium.url(), { locale });
      const { page, ws } = app;
      try {
        ws.call('createDemo', {});
        await page.getByRole('heading').first().waitFor();
        // The real rebuild, run to its end, as the core host runs it after a damaged index is found.
        for (const _step of repairSearchIndex(ws.ctx));
        const toasts = page.locator('.toast');
        await expect.poll(() => toasts.allInnerTexts()).toContainEqual(expect.stringContaining(started));
        await expect.poll(() => toasts.allInnerTexts()).toContainEqual(done);
        await screenshot(page, `search-index-rebuilt-${locale}`);
        expect(ws.call('search', { query: 'lasku' }).total).toBeGreaterThan(0);
      } finally {
        await app.close();
      }
    }
  });
});
