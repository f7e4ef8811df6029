/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import type { TestWorkspace } from '../helpers/workspace.ts';
import { selectIn } from './editor.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

/** Every run of text carrying a mention mark in a notes document, with the mark's attributes. */
function mentionsIn(doc: DocNode): { text: string; attrs: Record<string, unknown> }[] {
  const runs: { text: string; attrs: Record<string, unknown> }[] = [];
  const walk = (node: DocNode, inBlock: { last: Record<string, unknown> | null }) => {
    if (node.type === 'text') {
      const mark = node.marks?.find((m) => m.type === 'mention');
      const previous = runs.at(-1);
      if (mark && inBlock.last?.id === mark.attrs?.id && previous) previous.text += node.text ?? '';
      else if (mark) runs.push({ text: node.text ?? '', attrs: mark.attrs ?? {} });
      inBlock.last = mark?.attrs ?? null;
      return;
    }
    const block = { last: null };
    for (const child of node.content ?? []) walk(child, block);
  };
  walk(doc, { last: null });
  return runs;
}

const savedMentions = (ws: TestWorkspace, interviewId: string) =>
  mentionsIn(ws.call('getInterview', { id: interviewId }).notes.doc);

/** The last lines of the stored plain text: what was typed into the notes' new last paragraphs. */
const lastLines = (ws: TestWorkspace, interviewId: string, count = 1) =>
  ws.call('getInterview', { id: interviewId }).notes.text.split('\n').slice(-count);

/** Puts the cursor at the very end of the notes, as a click after the last word would. */
async function cursorAtEnd(page: Page): Promise<void> {
  await page.locator('.notes-editor p').last().click();
  await page.evaluate(() => {
    const root = document.querySelector('.notes-editor')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    while (walker.nextNode()) last = walker.currentNode as Text;
    if (!last) throw new Error('the notes are empty');
    window.getSelection()!.collapse(last, last.data.length);
    document.dispatchEvent(new Event('selectionchange'));
  });
  await page.waitForTimeout(100);
}

/** Opens an interview of the Finnish demo engagement whose account has Tapio Nurmi as an interviewee. */
async function openSawmillInterview(ws: TestWorkspace, page: Page, url: string) {
  ws.call('createDemo', {});
  const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'fi')!;
  const interview = ws
    .call('listInterviews', { engagementId: engagement.id })
    .find((i) => i.interviewees.some((p) => p.name === 'Tapio Nurmi'))!;
  const tapio = interview.interviewees.find((p) => p.name === 'Tapio Nurmi')!;
  await page.goto(`${url}#/interview/${interview.id}`);
  await cursorAtEnd(page);
  return { engagementId: engagement.id, interviewId: interview.id, tapioId: tapio.id };
}

const saved = (page: Page) => page.locator('.save-state[data-state="saved"]').waitFor();

describe('mentions in Chromium', () => {
  test('mark a word as a new person, then again by an inflected form; kept through edits, undo and cut-paste', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const { engagementId, interviewId } = await openSawmillInterview(ws, page, chromium.url());
      await page.keyboard.press('Enter');
      await page.keyboard.type('Soitin Tapsalle eilen illalla. Hinta nousi Tapsan mukaan.');

      // Ctrl+Shift+M over the selected word: the filter starts from it, Esc gives the notes the focus back.
      await selectIn(page, 'Tapsalle');
      await page.keyboard.press('Control+Shift+M');
      const filter = page.getByRole('combobox', { name: 'Who is this?' });
      await expect.poll(() => filter.inputValue()).toBe('Tapsalle');
      await page.keyboard.press('Escape');
      await expect.poll(() => filter.count()).toBe(0);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.classList.contains('notes-editor')))
        .toBe(true);
      expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Tapsalle');

      // Again, and this time a new person under the base form of the name.
      await page.keyboard.press('Control+Shift+M');
      await filter.fill('Tapsa');
      const options = page.locator('#mention-options').getByRole('option');
      await expect
        .poll(() => options.allTextContents())
        .toEqual(['New person “Tapsa”', 'New organisation “Tapsa”']);
      await screenshot(page, '30-mention-picker');
      await page.keyboard.press('Enter');
      await saved(page);
      await expect.poll(() => filter.count()).toBe(0);

      const tapsa = () => ws.call('listIdentities', { engagementId }).filter((i) => i.name === 'Tapsa');
      await expect.poll(() => tapsa().length).toBe(1);
      const [identity] = tapsa();
      expect(identity).toMatchObject({ kind: 'person', intervieweeId: null, accountId: null });
      await expect
        .poll(() => savedMentions(ws, interviewId))
        .toEqual([{ text: 'Tapsalle', attrs: { id: identity!.id } }]);
      await expect
        .poll(() => page.locator('.notes-editor [title="Mention of Tapsa"]').textContent())
        .toBe('Tapsalle');

      // "Tapsan": the first four letters find the person marked a moment ago; no second Tapsa is made.
      await page.waitForTimeout(600); // a person's pause: ProseMirror joins edits within 500 ms into one undo step
      await selectIn(page, 'Tapsan', { cursorOnly: true }); // the cursor just after the word takes the word
      await page.keyboard.press('Control+Shift+M');
      await expect.poll(() => filter.inputValue()).toBe('Tapsan');
      await expect.poll(async () => (await options.allTextContents())[0]).toBe('Tapsa');
      await expect
        .poll(() => page.locator('#mention-options [role="group"]').first().getAttribute('aria-labelledby'))
        .toBe('mention-group-mentioned');
      await page.keyboard.press('Enter');
      await saved(page);
      const both = [
        { text: 'Tapsalle', attrs: { id: identity!.id } },
        { text: 'Tapsan', attrs: { id: identity!.id } },
      ];
      await expect.poll(() => savedMentions(ws, interviewId)).toEqual(both);
      expect(tapsa()).toHaveLength(1);
      await screenshot(page, '31-mention-marked');

      // Undo takes the last mark off, redo puts it back.
      await page.keyboard.press('Control+z');
      await saved(page);
      await expect.poll(() => savedMentions(ws, interviewId)).toEqual(both.slice(0, 1));
      await page.keyboard.press('Control+Shift+z');
      await saved(page);
      await expect.poll(() => savedMentions(ws, interviewId)).toEqual(both);

      // Typing before the name, and right after it (not inclusive: the new letters stay outside).
      await selectIn(page, 'Soitin ', { cursorOnly: true });
      await page.keyboard.type('kyllä ');
      await selectIn(page, 'Tapsalle', { cursorOnly: true });
      await page.keyboard.type('kin');
      await saved(page);
      await expect.poll(() => savedMentions(ws, interviewId)).toEqual(both);
      expect(lastLines(ws, interviewId)).toEqual([
        'Soitin kyllä Tapsallekin eilen illalla. Hinta nousi Tapsan mukaan.',
      ]);
      // Undoing and redoing the typing around a name leaves its mark alone.
      await page.keyboard.press('Control+z');
      await saved(page);
      await expect
        .poll(() => lastLines(ws, interviewId))
        .toEqual(['Soitin kyllä Tapsalle eilen illalla. Hinta nousi Tapsan mukaan.']);
      expect(savedMentions(ws, interviewId)).toEqual(both);
      await page.keyboard.press('Control+Shift+z');
      await saved(page);
      await expect
        .poll(() => lastLines(ws, interviewId))
        .toEqual(['Soitin kyllä Tapsallekin eilen illalla. Hinta nousi Tapsan mukaan.']);
      expect(savedMentions(ws, interviewId)).toEqual(both);

      // Cut the sentence and paste it at the end of the notes: the mark moves with the words.
      await selectIn(page, 'Soitin kyllä Tapsallekin eilen illalla. ');
      await page.keyboard.press('Control+x');
      await cursorAtEnd(page);
      await page.keyboard.type(' ');
      await page.keyboard.press('Control+v');
      await saved(page);
      await expect
        .poll(() => lastLines(ws, interviewId))
        .toEqual(['Hinta nousi Tapsan mukaan. Soitin kyllä Tapsallekin eilen illalla. ']);
      expect(savedMentions(ws, interviewId)).toEqual([both[1], both[0]]);
      // The mentions are stored for search, anonymisation and erasure as well.
      const stored = ws.db
        .prepare('SELECT text FROM mentions WHERE interview_id = ? AND identity_id = ? ORDER BY start')
        .pluck()
        .all(interviewId, identity!.id);
      expect(stored).toEqual(['Tapsan', 'Tapsalle']);
    } finally {
      await app.close();
    }
  });

  test('typing "@" and a few letters inserts a mention of an interviewee; typing goes on outside it', async () => {
    // The identity is created while the consultant goes on typing: none of those letters may be lost.
    const app = await openApp(chromium.browser(), chromium.url(), { latency: { createIdentity: 400 } });
    const { page, ws } = app;
    try {
      const { engagementId, interviewId, tapioId } = await openSawmillInterview(ws, page, chromium.url());
      await page.keyboard.press('Enter');
      await page.keyboard.type('Tätä kysyin @Tapi');
      const popup = page.getByRole('dialog', { name: 'Who is this?' });
      const options = popup.getByRole('option');
      await expect.poll(async () => (await options.allTextContents())[0]).toBe('Tapio Nurmi');
      expect(await popup.getByRole('group').first().textContent()).toContain('Interviewee');
      await screenshot(page, '32-mention-typing');
      await page.keyboard.press('Enter');
      await page.keyboard.type('lta itseltään.');
      // The name arrives when the identity is created (slowed down above): saves before it are fine.
      await expect.poll(() => lastLines(ws, interviewId)).toEqual(['Tätä kysyin Tapio Nurmilta itseltään.']);
      await saved(page);

      const notes = ws.call('getInterview', { id: interviewId }).notes;
      const linked = ws.call('listIdentities', { engagementId }).filter((i) => i.intervieweeId === tapioId);
      expect(linked).toMatchObject([{ name: 'Tapio Nurmi', kind: 'person' }]);
      expect(mentionsIn(notes.doc)).toEqual([{ text: 'Tapio Nurmi', attrs: { id: linked[0]!.id } }]);
      expect(await popup.count()).toBe(0);

      // The same person again: the identity linked to the interviewee is reused, not duplicated.
      await page.keyboard.type(' Myöhemmin @Nurm');
      await expect.poll(async () => (await options.allTextContents())[0]).toBe('Tapio Nurmi');
      await page.keyboard.press('Tab');
      await saved(page);
      expect(
        ws.call('listIdentities', { engagementId }).filter((i) => i.intervieweeId === tapioId),
      ).toHaveLength(1);
      expect(savedMentions(ws, interviewId).map((m) => m.attrs.id)).toEqual([linked[0]!.id, linked[0]!.id]);

      // Esc leaves "@" as typed (an e-mail style handle, say) and the list does not come back for it.
      await page.keyboard.type(' @asiakas');
      await expect.poll(() => popup.count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => popup.count()).toBe(0);
      await page.keyboard.type('palvelu ok.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Seuraava.');
      await saved(page);
      expect(await popup.count()).toBe(0);
      expect(lastLines(ws, interviewId, 2)).toEqual([
        'Tätä kysyin Tapio Nurmilta itseltään. Myöhemmin Tapio Nurmi @asiakaspalvelu ok.',
        'Seuraava.',
      ]);
      expect(savedMentions(ws, interviewId)).toHaveLength(2);
    } finally {
      await app.close();
    }
  });

  test('in Finnish: the toolbar button opens the picker, grouped by role, and marks an account', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      const { engagementId, interviewId } = await openSawmillInterview(ws, page, chromium.url());
      await page.keyboard.press('Enter');
      await page.keyboard.type('Saha Nurmella on oma kuivaamo.');
      await selectIn(page, 'Saha Nurmella');
      await page.getByRole('button', { name: 'Maininta' }).click();
      const filter = page.getByRole('combobox', { name: 'Kuka tämä on?' });
      await expect.poll(() => filter.inputValue()).toBe('Saha Nurmella');
      const options = page.locator('#mention-options').getByRole('option');
      await expect.poll(async () => (await options.allTextContents())[0]).toBe('Saha Nurmi Oy');
      expect(await page.locator('#mention-options').textContent()).toContain('Asiakasyritys');
      await screenshot(page, '33-mention-picker-fi');
      await page.keyboard.press('Enter');
      await saved(page);

      await expect.poll(() => savedMentions(ws, interviewId)).toHaveLength(1);
      const [account, ...others] = ws.call('listIdentities', { engagementId });
      expect(others).toEqual([]);
      expect(account).toMatchObject({
        kind: 'org',
        name: 'Saha Nurmi Oy',
        accountId: ws.call('getInterview', { id: interviewId }).accountId,
      });
      expect(savedMentions(ws, interviewId)).toEqual([{ text: 'Saha Nurmella', attrs: { id: account!.id } }]);
      await expect
        .poll(() => page.locator('.notes-editor [title="Maininta: Saha Nurmi Oy"]').count())
        .toBeGreaterThan(0);

      await page.keyboard.press('End');
      await page.keyboard.type(' Kysyin @Hei');
      await expect.poll(() => page.getByRole('dialog', { name: 'Kuka tämä on?' }).count()).toBe(1);
      await screenshot(page, '34-mention-typing-fi');
      await page.keyboard.press('Escape');
      await saved(page);
      expect(lastLines(ws, interviewId)).toEqual(['Saha Nurmella on oma kuivaamo. Kysyin @Hei']);

      await page.keyboard.press('Control+/');
      await expect
        .poll(() => page.getByRole('dialog').textContent())
        .toContain('Merkitse sana tai valinta henkilöksi tai organisaatioksi');
    } finally {
      await app.close();
    }
  });
});
