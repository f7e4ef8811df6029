import { describe, expect, test } from 'vitest';
import { paragraphsToDoc } from '../../shared/notes.ts';
import { newInterview } from '../helpers/workspace.ts';
import { selectIn } from './editor.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

describe('coding in Chromium', () => {
  test('the hotkey pressed twice on the same words leaves one coding', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const interview = newInterview(ws);
      ws.saveNotes({
        interviewId: interview.id,
        doc: paragraphsToDoc(['Laskutus on sekavaa.']),
      });
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await page.locator('.notes-editor').click();
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+1');
      await selectIn(page, 'sekavaa');
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+1');
      await expect.poll(() => ws.call('listCodings', { interviewId: interview.id }).length).toBe(2);
      await page.waitForTimeout(1000);
      expect(
        ws
          .call('listCodings', { interviewId: interview.id })
          .map((c) => c.quote)
          .sort(),
      ).toEqual(['Laskutus on sekavaa.', 'sekavaa']);
    } finally {
      await app.close();
    }
  });

  test('coding after the fact while the interview clock runs adds no times to the paragraphs', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const interview = newInterview(ws);
      ws.saveNotes({
        interviewId: interview.id,
        doc: paragraphsToDoc(['Laskutus on sekavaa.', 'Toimitukset myöhässä.']),
      });
      const times = () =>
        ws.call('getInterview', { id: interview.id }).notes.doc.content!.map((p) => p.attrs?.ts ?? null);
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await page.getByRole('button', { name: 'Start interview clock' }).click();
      await selectIn(page, 'sekavaa');
      await page.keyboard.press('Control+1');
      await page.locator('.notes-editor').getByText('Toimitukset').click();
      await page.keyboard.press('Control+2');
      await expect.poll(() => ws.call('listCodings', { interviewId: interview.id }).length).toBe(2);
      await page.waitForTimeout(800);
      expect(times()).toEqual([null, null]);
      // Typing into a paragraph while the clock runs does stamp it: the clock is on. (Click again:
      // the coding's immediate save may have moved the focus.)
      await page.locator('.notes-editor').getByText('Toimitukset').click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Kaksi viikkoa.');
      await expect
        .poll(() => ws.call('getInterview', { id: interview.id }).notes.text)
        .toContain('Kaksi viikkoa.');
      await expect.poll(() => times()[1]).toBeTypeOf('number');
      expect(times()[0]).toBeNull();
      // Deleting a typo in an older paragraph is no new words: it keeps no time.
      await page.locator('.notes-editor').getByText('Laskutus').click();
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      await expect
        .poll(() => ws.call('getInterview', { id: interview.id }).notes.text)
        .toContain('Laskutus on sekavaa\n');
      expect(times()[0]).toBeNull();
    } finally {
      await app.close();
    }
  });

  test('the code picker offers no new code under a name in use, in either language or case', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const interview = newInterview(ws);
      ws.saveNotes({
        interviewId: interview.id,
        doc: paragraphsToDoc(['Siilot.']),
      });
      const code = ws.call('getCodebook', {}).find((c) => !c.isGroup)!;
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await page.locator('.notes-editor').click();
      await page.keyboard.press('Control+k');
      const picker = page.getByRole('dialog');
      const input = picker.getByRole('combobox').or(picker.locator('input')).first();
      // The Finnish name in the English UI, in capitals and without its accents.
      const typed = code.name.fi.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
      await input.fill(typed);
      await expect.poll(() => picker.locator('.picker-option').count()).toBeGreaterThan(0);
      expect(await picker.locator('.picker-option.create').count()).toBe(0);
      await input.fill('Täysin uusi teema');
      await expect.poll(() => picker.locator('.picker-option.create').count()).toBe(1);
    } finally {
      await app.close();
    }
  });

  test('reading a coded interview — opening it, clicking codings, moving around — saves nothing', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      // Every coded interview of the demo, whatever its last block (lists, headings, paragraphs).
      const interviews = ws
        .call('listEngagements', {})
        .flatMap((e) => ws.call('listInterviews', { engagementId: e.id }))
        .filter((i) => i.status === 'coded')
        .slice(0, 4);
      expect(interviews.length).toBeGreaterThan(0);
      for (const interview of interviews) {
        const before = ws.call('getInterview', { id: interview.id }).notes;
        await page.goto(`${chromium.url()}#/interview/${interview.id}`);
        const coded = page.locator('.notes-editor .coding').first();
        await coded.waitFor();
        await coded.click();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('End');
        await page.keyboard.press('Control+End');
        // Longer than the autosave's idle time and its longest wait.
        await page.waitForTimeout(1200);
        await page.goto(`${chromium.url()}#/`);
        await page.waitForTimeout(300);
        const after = ws.call('getInterview', { id: interview.id }).notes;
        expect({ id: interview.id, revision: after.revision, updatedAt: after.updatedAt }).toEqual({
          id: interview.id,
          revision: before.revision,
          updatedAt: before.updatedAt,
        });
      }
    } finally {
      await app.close();
    }
  });

  test('hotkey and picker codings, overlapping, survive edits before, inside, after and a partial delete', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const interview = newInterview(ws, { name: 'Kärkkäinen Oy', tier: 'key' });
      ws.saveNotes({
        interviewId: interview.id,
        doc: paragraphsToDoc(['Alpha beta gamma delta epsilon.', 'Second paragraph stays uncoded.']),
      });
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await page.locator('.notes-editor').click();

      // Hotkey: Ctrl+1 is the default hotkey of "Key-person risk".
      await selectIn(page, 'beta gamma');
      await page.keyboard.press('Control+1');
      // Picker: Ctrl+K, type to filter, Enter.
      await selectIn(page, 'gamma delta');
      await page.keyboard.press('Control+k');
      await page.locator('.picker-input').fill('silo');
      await screenshot(page, '10-code-picker');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.coding-item').count()).toBe(2);

      const quotes = () =>
        Object.fromEntries(
          ws.call('listCodings', { interviewId: interview.id }).map((c) => {
            const code = ws.call('getCodebook', {}).find((k) => k.id === c.codeId)!;
            return [code.key, c.quote];
          }),
        );
      await expect.poll(quotes).toEqual({ 'key-person-risk': 'beta gamma', silos: 'gamma delta' });

      // Type before, inside and after the codings, then delete part of one.
      await selectIn(page, 'Alpha', { length: 0, cursorOnly: true });
      await page.keyboard.type('Intro ');
      await selectIn(page, 'beta ', { cursorOnly: true });
      await page.keyboard.type('big ');
      await selectIn(page, 'epsilon', { cursorOnly: true });
      await page.keyboard.type(' omega');
      await selectIn(page, 'delta', { cursorOnly: true });
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.locator('.save-state[data-state="saved"]').waitFor();
      // The list follows the saves as they happen, not only after a reload.
      await expect
        .poll(() => page.locator('.coding-quote').allTextContents())
        .toEqual(['beta big gamma', 'gamma del']);
      await page.reload();
      await expect.poll(() => page.locator('.coding-item').count()).toBe(2);

      const text = ws.call('getInterview', { id: interview.id }).notes.text;
      expect(text).toBe('Intro Alpha beta big gamma del epsilon omega.\nSecond paragraph stays uncoded.');
      expect(quotes()).toEqual({ 'key-person-risk': 'beta big gamma', silos: 'gamma del' });
      const items = await page.locator('.coding-quote').allTextContents();
      expect(items).toEqual(['beta big gamma', 'gamma del']);

      // Clicking a coding opens its details: set sentiment and star, and they are stored.
      await page.locator('.notes-editor [data-coding]').filter({ hasText: 'big' }).first().click();
      const details = page.getByRole('region', { name: 'Coding details' });
      await details.getByRole('button', { name: 'Negative' }).click();
      await details.getByRole('button', { name: /Key quote/ }).click();
      await expect
        .poll(() =>
          ws.call('listCodings', { interviewId: interview.id }).find((c) => c.quote === 'beta big gamma'),
        )
        .toMatchObject({ sentiment: 'negative', star: true });
      await screenshot(page, '11-interview-codings');

      // Undo removes the last coding action's effect on text; redo brings it back.
      await details.getByRole('button', { name: 'Remove coding' }).click();
      await expect.poll(() => page.locator('.coding-item').count()).toBe(1);
      await page.locator('.notes-editor').focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.locator('.coding-item').count()).toBe(2);
      await page.locator('.save-state[data-state="saved"]').waitFor();
      await expect
        .poll(() =>
          ws.call('listCodings', { interviewId: interview.id }).find((c) => c.quote === 'beta big gamma'),
        )
        .toMatchObject({ sentiment: 'negative', star: true });
    } finally {
      await app.close();
    }
  });

  test('pasting a copy of coded text does not stretch the coding over the text in between', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const interview = newInterview(ws, { name: 'Account', tier: 'named' });
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await page.locator('.notes-editor').click();
      await page.keyboard.type('Only Matti knows. Much later text.');
      await selectIn(page, 'Only Matti knows');
      await page.keyboard.press('Control+1');
      await page.locator('.save-state[data-state="saved"]').waitFor();
      const [coding] = ws.call('listCodings', { interviewId: interview.id });
      await selectIn(page, 'later text.', { cursorOnly: true });
      // What the app puts on the clipboard when coded text is copied: the mark with its id.
      await page.evaluate((id) => {
        const data = new DataTransfer();
        data.setData('text/html', `<p><span data-coding="${id}">Only Matti knows</span></p>`);
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        document.querySelector('.notes-editor')!.dispatchEvent(event);
      }, coding!.id);
      await page.locator('.save-state[data-state="saved"]').waitFor();
      await expect
        .poll(() => ws.call('getInterview', { id: interview.id }).notes.text)
        .toContain('later text.Only Matti knows');
      expect(ws.call('listCodings', { interviewId: interview.id }).map((c) => c.quote)).toEqual([
        'Only Matti knows',
      ]);
    } finally {
      await app.close();
    }
  });

  test('live mode: the hotkey with no selection codes the paragraph and typing goes on', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const interview = newInterview(ws, { name: 'Account', tier: 'named' });
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await page.locator('.notes-editor').click();
      await page.keyboard.type('Only Matti knows the history');
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+Shift+L');
      await page.keyboard.type(' of the account.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Next point.');
      await page.locator('.save-state[data-state="saved"]').waitFor();
      const notes = ws.call('getInterview', { id: interview.id }).notes;
      expect(notes.text).toBe('Only Matti knows the history of the account.\nNext point.');
      expect(ws.call('listCodings', { interviewId: interview.id }).map((c) => c.quote)).toEqual([
        'Only Matti knows the history',
      ]);
      expect(JSON.stringify(notes.doc)).toContain('"followUp":true');
      await expect.poll(() => page.locator('.follow-ups').textContent()).toContain('1 paragraph');
    } finally {
      await app.close();
    }
  });

  test('retrieval view: quotes from several interviews, filters, and a jump to the passage', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'fi')!;
      const code = ws.call('getCodebook', {}).find((c) => c.key === 'unvoiced-irritation')!;
      const expected = ws.call('findQuotes', { engagementId: engagement.id, codeIds: [code.id] });
      await page.goto(`${chromium.url()}#/quotes/${engagement.id}`);
      await page.getByRole('checkbox', { name: /Unvoiced irritation/ }).check();
      await expect.poll(() => page.locator('.quote-card').count()).toBe(expected.length);
      expect(new Set(expected.map((q) => q.accountId)).size).toBeGreaterThan(1);
      await screenshot(page, '12-quotes');

      const unmanaged = expected.filter((q) => q.tier === 'unmanaged');
      await page.getByRole('button', { name: 'Unmanaged account', exact: true }).click();
      await expect.poll(() => page.locator('.quote-card').count()).toBe(unmanaged.length);
      await page.getByRole('button', { name: 'Unmanaged account', exact: true }).click();
      const negative = expected.filter((q) => q.sentiment === 'negative');
      await page.getByRole('button', { name: 'Negative', exact: true }).click();
      await expect.poll(() => page.locator('.quote-card').count()).toBe(negative.length);

      const first = negative[0]!;
      await page
        .locator(`.quote-card[data-coding="${first.id}"]`)
        .getByRole('link', { name: /Open in interview/ })
        .click();
      await expect.poll(() => page.locator('.coding-details').count()).toBe(1);
      const selected = await page.evaluate(() => window.getSelection()?.toString());
      expect(selected).toBe(first.quote);
    } finally {
      await app.close();
    }
  });

  test('in the Finnish UI a refused code name is explained in Finnish', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const taken = ws.call('getCodebook', {}).find((c) => c.key === 'silos')!;
      await page.goto(`${chromium.url()}#/codebook`);
      await page.getByRole('button', { name: '+ Uusi koodi' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Nimi suomeksi').fill(` ${taken.name.fi.toUpperCase()} `);
      await dialog.getByLabel('Nimi englanniksi').fill('Something new');
      await dialog.getByRole('button', { name: 'Luo' }).click();
      const alert = dialog.getByRole('alert');
      await expect
        .poll(() => alert.textContent())
        .toBe(`Täällä on jo koodi nimeltä ”${taken.name.fi}”; käytä sitä tai valitse toinen nimi.`);
      await screenshot(page, '13b-codebook-name-taken-fi');
    } finally {
      await app.close();
    }
  });

  test('in Finnish, a code’s polarity is chosen in the codebook and marked in the list', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      await page.goto(`${chromium.url()}#/codebook`);
      const marker = (key: string) => page.locator(`.code-row[data-code="${key}"] [data-polarity]`);
      await expect.poll(() => marker('key-person-risk').textContent()).toBe('Ongelma');
      expect(await marker('trust-and-delight').textContent()).toBe('Vahvuus');
      expect(await marker('commitment-vs-lock-in').count()).toBe(0);

      await page
        .locator('.code-row[data-code="commitment-vs-lock-in"]')
        .getByRole('button', { name: 'Muokkaa' })
        .click();
      const dialog = page.getByRole('dialog');
      const choice = dialog.getByRole('group', { name: 'Luonne' });
      expect(await choice.getByRole('radio', { name: 'Neutraali' }).isChecked()).toBe(true);
      await choice.getByRole('radio', { name: 'Vahvuus' }).check();
      await screenshot(page, '13c-codebook-polarity-fi');
      await dialog.getByRole('button', { name: 'Tallenna' }).click();
      await expect.poll(() => marker('commitment-vs-lock-in').textContent()).toBe('Vahvuus');
      const code = ws.call('getCodebook', {}).find((c) => c.key === 'commitment-vs-lock-in')!;
      expect(code.polarity).toBe('strength');
      await screenshot(page, '13d-codebook-polarity-marked-fi');
    } finally {
      await app.close();
    }
  });

  test('codebook screen: usage counts, retire hides from the picker, merge keeps codings', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      await page.goto(`${chromium.url()}#/codebook`);
      const silos = ws.call('getCodebook', {}).find((c) => c.key === 'silos')!;
      const row = page.locator('.code-row[data-code="silos"]');
      await expect.poll(() => row.textContent()).toContain(`${silos.usage} codings`);
      await screenshot(page, '13-codebook');
      await row.getByRole('button', { name: 'Retire' }).click();
      await expect.poll(() => row.count()).toBe(0);
      expect(ws.call('getCodebook', {}).find((c) => c.id === silos.id)).toMatchObject({
        retired: true,
        usage: silos.usage,
      });

      const interview = ws
        .call('listInterviews', { engagementId: ws.call('listEngagements', {})[0]!.id })
        .find((i) => i.wordCount > 0)!;
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await page.locator('.notes-editor').click();
      await page.keyboard.press('Control+k');
      await page.locator('.picker-input').fill('silos');
      const options = page.locator('#code-options').getByRole('option');
      await expect.poll(() => options.last().textContent()).toContain('Create code “silos”');
      expect((await options.allTextContents()).filter((o) => o.startsWith('Silos'))).toEqual([]);
      await page.keyboard.press('Escape');

      await page.goto(`${chromium.url()}#/codebook`);
      const before = ws.db.prepare('SELECT count(*) FROM codings WHERE deleted_at IS NULL').pluck().get();
      const narrow = ws.call('getCodebook', {}).find((c) => c.key === 'narrow-relationship')!;
      await page
        .locator('.code-row[data-code="narrow-relationship"]')
        .getByRole('button', { name: 'Merge into…' })
        .click();
      const dialog = page.getByRole('dialog');
      const target = ws.call('getCodebook', {}).find((c) => c.key === 'key-person-risk')!;
      await dialog.getByLabel('Target code').selectOption(target.id);
      await dialog.getByRole('button', { name: 'Merge' }).click();
      await expect.poll(() => page.locator('.code-row[data-code="narrow-relationship"]').count()).toBe(0);
      const after = ws.db
        .prepare('SELECT count(*) FROM codings WHERE deleted_at IS NULL')
        .pluck()
        .get() as number;
      const merged = ws.call('getCodebook', {}).find((c) => c.id === target.id)!;
      expect(merged.usage).toBe(target.usage + narrow.usage - ((before as number) - after));
    } finally {
      await app.close();
    }
  });
});
