import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import { CODING_MARK } from '../../shared/notes.ts';
import type { TestWorkspace } from '../helpers/workspace.ts';
import { selectIn } from './editor.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

function notes(plain: string, coded: string, id: string): DocNode {
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: plain }] },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: coded, marks: [{ type: CODING_MARK, attrs: { id } }] }],
      },
    ],
  };
}

/** An engagement with two interviews; the first holds one coded passage with a memo, a star and a sentiment. */
function setUp(ws: TestWorkspace, ownCode?: (engagementId: string) => string) {
  const engagement = ws.call('createEngagement', {
    clientName: 'Asiakas',
    title: 'Kuuntelu',
    language: 'fi',
  });
  const account = ws.call('createAccount', {
    engagementId: engagement.id,
    name: 'Kärkkäinen Oy',
    tier: 'key',
  });
  const interview = () =>
    ws.call('createInterview', { engagementId: engagement.id, accountId: account.id }).id;
  const [from, to] = [interview(), interview()];
  const source = crypto.randomUUID();
  const code =
    ownCode?.(engagement.id) ?? ws.call('getCodebook', {}).find((c) => c.key === 'key-person-risk')!.id;
  ws.saveNotes({
    interviewId: from,
    doc: notes('Alussa puhuttiin hinnoista.', 'Vain Matti osaa laskutuksen.', source),
    codings: [
      { id: source, codeId: code, sentiment: 'negative', severity: 2, memo: 'Avainhenkilö', star: true },
    ],
  });
  ws.saveNotes({
    interviewId: to,
    doc: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Toinen haastattelu.' }] }],
    },
  });
  return { engagementId: engagement.id, from, to, code, source };
}

/** Cuts the words from the open notes and pastes them at the end of another interview's notes. */
async function cutAndPaste(page: Page, words: string, to: string): Promise<void> {
  await selectIn(page, words);
  await page.keyboard.press('Control+x');
  await page.locator('.save-state[data-state="saved"]').waitFor();
  await page.goto(`${chromium.url()}#/interview/${to}`);
  await page.locator('.notes-editor p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+v');
}

describe('cut and paste of coded text between interviews', () => {
  test('the coding moves with its memo, star, sentiment and severity, and the counts per code stay the same', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      const { engagementId, from, to, code, source } = setUp(ws);
      const counts = () =>
        Object.fromEntries(
          ws
            .call('getCodebook', { engagementId })
            .filter((c) => c.usage > 0)
            .map((c) => [c.id, c.usage]),
        );
      const before = counts();
      expect(before).toEqual({ [code]: 1 });

      await page.goto(`${chromium.url()}#/interview/${from}`);
      await cutAndPaste(page, 'Vain Matti osaa laskutuksen.', to);
      await expect.poll(() => ws.call('listCodings', { interviewId: to }).length).toBe(1);
      await page.locator('.save-state[data-state="saved"]').waitFor();

      expect(ws.call('getInterview', { id: from }).notes.text).not.toContain('Matti');
      expect(ws.call('listCodings', { interviewId: from })).toEqual([]);
      const [moved] = ws.call('listCodings', { interviewId: to });
      expect(moved).toMatchObject({
        codeId: code,
        quote: 'Vain Matti osaa laskutuksen.',
        memo: 'Avainhenkilö',
        star: true,
        sentiment: 'negative',
        severity: 2,
      });
      expect(moved!.id).not.toBe(source);
      expect(counts()).toEqual(before);
      await expect
        .poll(() => page.locator('.toast').allTextContents())
        .toContainEqual(expect.stringContaining('brought its coding along'));
      // The pasted words are shown coded (the highlight comes from the coding's row).
      expect(await page.locator(`.notes-editor [data-coding="${moved!.id}"]`).textContent()).toBe(
        'Vain Matti osaa laskutuksen.',
      );
      await screenshot(page, '45-cut-paste-coding');
    } finally {
      await app.close();
    }
  });

  test('into another engagement whose codebook lacks the code: the text comes uncoded and the consultant is told', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      // The source's engagement has a code of its own; the target is in another engagement.
      const group = ws.call('getCodebook', {}).find((c) => c.isGroup)!;
      const source = setUp(
        ws,
        (engagementId) =>
          ws.call('createCode', {
            engagementId,
            parentId: group.id,
            name: { fi: 'Hinnoittelu', en: 'Pricing' },
            color: '#cc79a7',
          }).id,
      );
      const other = setUp(ws);
      await page.goto(`${chromium.url()}#/interview/${source.from}`);
      await cutAndPaste(page, 'Vain Matti osaa laskutuksen.', other.to);
      await expect
        .poll(() => page.locator('.toast').allTextContents())
        .toContainEqual(expect.stringContaining('ei kuulu tämän toimeksiannon koodikirjaan'));
      await expect
        .poll(() => ws.call('getInterview', { id: other.to }).notes.text)
        .toContain('Vain Matti osaa laskutuksen.');
      await page.locator('.save-state[data-state="saved"]').waitFor();
      expect(ws.call('listCodings', { interviewId: other.to })).toEqual([]);
      expect(await page.locator('.notes-editor [data-coding]').count()).toBe(0);
      await screenshot(page, '46-paste-coding-other-engagement-fi');
    } finally {
      await app.close();
    }
  });
});
