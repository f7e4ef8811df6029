/// <reference lib="dom" />
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { errorValue } from '../../electron/base/errors.ts';
import { createBackup } from '../../electron/services/backup.ts';
import { paragraphsToDoc } from '../../shared/notes.ts';
import { newInterview, openTestWorkspace } from '../helpers/workspace.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

describe('safety in Chromium', () => {
  test('the content security policy blocks inline script and remote resources', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page } = app;
    const remote: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(chromium.url()) && !request.url().startsWith('data:'))
        remote.push(request.url());
    });
    try {
      await page.getByRole('heading', { name: 'Welcome to Kuulo' }).waitFor();
      const violations = await page.evaluate(async () => {
        const seen: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.body.append(script);
        const img = document.createElement('img');
        img.src = 'https://tracker.example/pixel.gif';
        document.body.append(img);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return {
          seen,
          ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
          imageLoaded: img.naturalWidth > 0,
        };
      });
      expect(violations.ran).toBe(false);
      expect(violations.seen).toEqual(
        expect.arrayContaining([expect.stringMatching(/^script-src/), expect.stringMatching(/^img-src/)]),
      );
      expect(violations.imageLoaded).toBe(false);
    } finally {
      await app.close();
    }
  });

  test('pasting HTML from Word or the web keeps text and basic formatting, drops scripts, styles and remote images', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    const remote: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(chromium.url()) && !request.url().startsWith('data:'))
        remote.push(request.url());
    });
    try {
      const interview = newInterview(ws, { name: 'A', tier: 'key' });
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await page.locator('.notes-editor').click();
      const html = `<html><head><style>p.MsoNormal{color:red}</style><script>window.__pasted=1</script></head>
        <body><p class="MsoNormal" style="mso-line-height:12pt">Word paragraph with <b>bold</b> and <i>italic</i><o:p></o:p></p>
        <ul><li>first point</li><li>second point</li></ul>
        <p>Image: <img src="https://example.com/tracker.png" onerror="window.__pasted=2"> end</p>
        <blockquote>a quoted line</blockquote><iframe src="https://example.com"></iframe></body></html>`;
      await page.evaluate((content) => {
        const data = new DataTransfer();
        data.setData('text/html', content);
        data.setData('text/plain', 'fallback');
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        document.querySelector('.notes-editor')!.dispatchEvent(event);
      }, html);
      await page.locator('.save-state[data-state="saved"]').waitFor();
      await page.waitForTimeout(300);
      const notes = ws.call('getInterview', { id: interview.id }).notes;
      const json = JSON.stringify(notes.doc);
      expect(notes.text).toContain('Word paragraph with bold and italic');
      expect(notes.text).toContain('first point');
      expect(notes.text).toContain('a quoted line');
      expect(json).toContain('"bold"');
      expect(json).toContain('"italic"');
      expect(json).toContain('bulletList');
      expect(json).not.toMatch(/image|iframe|script|MsoNormal|color:red|tracker/);
      expect(
        await page.evaluate(() => (window as unknown as { __pasted?: number }).__pasted),
      ).toBeUndefined();
      expect(remote).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('notes stored in a shape the editor cannot load open read-only with their text, and nothing is saved', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const interview = newInterview(ws);
      ws.saveNotes({
        interviewId: interview.id,
        doc: paragraphsToDoc(['Ensin tämä.']),
      });
      // Written by an older version or another tool: a node type this editor does not have.
      const bad = {
        type: 'doc',
        content: [
          {
            type: 'codeBlock',
            content: [{ type: 'text', text: 'Hinnoittelu sekava, tarjous 3 vk myöhässä.' }],
          },
        ],
      };
      ws.db
        .prepare('UPDATE notes SET doc = ?, text = ? WHERE interview_id = ?')
        .run(JSON.stringify(bad), 'Hinnoittelu sekava, tarjous 3 vk myöhässä.', interview.id);
      const before = ws.call('getInterview', { id: interview.id }).notes;
      expect(before.problem).toMatch(/codeBlock/);

      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      const unreadable = page.getByTestId('notes-unreadable');
      await expect
        .poll(() => unreadable.getByRole('alert').textContent())
        .toContain('These notes cannot be opened for editing');
      expect(await unreadable.locator('pre').textContent()).toBe(
        'Hinnoittelu sekava, tarjous 3 vk myöhässä.',
      );
      expect(await page.locator('.notes-editor').count()).toBe(0);
      await screenshot(page, '24-notes-unreadable');
      // Typing anywhere changes nothing: there is no editor to save from.
      await unreadable.locator('pre').click();
      await page.keyboard.type('x');
      await page.waitForTimeout(1500);
      expect(ws.call('getInterview', { id: interview.id }).notes).toEqual(before);
    } finally {
      await app.close();
    }
  });

  test('a second writer changed the notes: nothing is saved over them until the consultant chooses; keeping mine keeps theirs as a marked block, with their coding', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const interview = newInterview(ws);
      ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc(['Ensimmäinen versio.']) });
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      const editor = page.locator('.notes-editor');
      await expect.poll(() => editor.textContent()).toBe('Ensimmäinen versio.');

      // Another window or a script saves these notes meanwhile, with a coding of its own.
      const codeId = ws.call('getCodebook', {}).find((c) => c.key === 'key-person-risk')!.id;
      const theirCoding = crypto.randomUUID();
      ws.saveNotes({
        interviewId: interview.id,
        doc: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Toisen kirjoittajan versio.' }] },
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: 'Vain Matti tietää.',
                  marks: [{ type: 'coding', attrs: { id: theirCoding } }],
                },
              ],
            },
          ],
        },
        codings: [{ id: theirCoding, codeId, sentiment: null, severity: null, memo: 'Heidän', star: false }],
      });
      const stored = ws.call('getInterview', { id: interview.id }).notes;
      await editor.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Lisäys.');
      const dialog = page.getByRole('dialog', { name: 'These notes were changed elsewhere' });
      await dialog.waitFor();
      await screenshot(page, '25-save-conflict');
      // Waiting for the choice, nothing is written over the other writer's notes, and the typing stays.
      await page.waitForTimeout(2500);
      expect(ws.call('getInterview', { id: interview.id }).notes).toEqual(stored);
      expect(await editor.textContent()).toBe('Ensimmäinen versio. Lisäys.');

      await dialog.getByRole('button', { name: 'Keep mine' }).click();
      await expect
        .poll(() => ws.call('getInterview', { id: interview.id }).notes.revision)
        .toBe(stored.revision + 1);
      const kept = ws.call('getInterview', { id: interview.id }).notes;
      const lines = kept.text.split('\n');
      expect(lines[0]).toBe('Ensimmäinen versio. Lisäys.');
      expect(lines[1]).toContain('replaced by yours');
      // The time in that label is written into the notes: the one formatter's form, never "10:23:05 PM".
      expect(lines[1]).toMatch(/\b\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\b/);
      expect(lines[1]).not.toMatch(/AM|PM|\d+\/\d+\/\d{4}/);
      expect(lines.slice(2)).toEqual(['Toisen kirjoittajan versio.', 'Vain Matti tietää.']);
      expect(kept.doc.content?.[1]?.type).toBe('blockquote');
      // Their coding stays on its words, with its memo, and is shown.
      expect(
        ws.call('listCodings', { interviewId: interview.id }).map((c) => [c.id, c.quote, c.memo]),
      ).toEqual([[theirCoding, 'Vain Matti tietää.', 'Heidän']]);
      await expect
        .poll(() => page.locator('.coding-card, .notes-editor [data-coding]').count())
        .toBeGreaterThan(0);
      await screenshot(page, '26-save-conflict-kept-mine');

      // Typing goes on and saves as usual.
      await editor.locator('p').first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Vielä.');
      await expect
        .poll(() => ws.call('getInterview', { id: interview.id }).notes.text)
        .toContain('Lisäys. Vielä.');
      expect(await page.locator('.toast').count()).toBe(0);
    } finally {
      await app.close();
    }
  });

  test('a second writer changed the notes: taking the stored version keeps my unsaved typing as a marked block after it', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      const interview = newInterview(ws);
      ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc(['Ensimmäinen versio.']) });
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      const editor = page.locator('.notes-editor');
      await expect.poll(() => editor.textContent()).toBe('Ensimmäinen versio.');
      ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc(['Toisen kirjoittajan versio.']) });
      const stored = ws.call('getInterview', { id: interview.id }).notes;
      await editor.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Lisäys.');
      const dialog = page.getByRole('dialog', { name: 'Muistiinpanoja on muutettu muualla' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Ota tallennettu versio' }).click();
      await expect
        .poll(() => ws.call('getInterview', { id: interview.id }).notes.revision)
        .toBe(stored.revision + 1);
      const lines = ws.call('getInterview', { id: interview.id }).notes.text.split('\n');
      expect(lines[0]).toBe('Toisen kirjoittajan versio.');
      expect(lines[1]).toContain('Tallentamaton versiosi');
      expect(lines[1]).toMatch(/\d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}(?![.:]\d)/);
      expect(lines[2]).toBe('Ensimmäinen versio. Lisäys.');
      await expect
        .poll(() => editor.locator('blockquote').textContent())
        .toContain('Ensimmäinen versio. Lisäys.');
      await screenshot(page, '27-save-conflict-took-stored-fi');
    } finally {
      await app.close();
    }
  });

  test('a second writer changed the notes and the consultant leaves without choosing: the stored version stays, the typing is added after it', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const interview = newInterview(ws);
      ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc(['Ensimmäinen versio.']) });
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      const editor = page.locator('.notes-editor');
      await expect.poll(() => editor.textContent()).toBe('Ensimmäinen versio.');
      ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc(['Toisen kirjoittajan versio.']) });
      await editor.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Lisäys.');
      await page.getByRole('dialog', { name: 'These notes were changed elsewhere' }).waitFor();
      await page.goto(`${chromium.url()}#/`);
      await expect
        .poll(() => ws.call('getInterview', { id: interview.id }).notes.text.split('\n'))
        .toEqual([
          'Toisen kirjoittajan versio.',
          expect.stringContaining('Your unsaved version'),
          'Ensimmäinen versio. Lisäys.',
        ]);
    } finally {
      await app.close();
    }
  });

  test('the core stored a save and stopped before answering: the retry finds its own notes stored and asks nothing', async () => {
    const ws = openTestWorkspace();
    let dieAfterNextSave = false;
    const app = await openApp(chromium.browser(), chromium.url(), {
      ws: {
        ...ws,
        // As a core host that commits the save and dies before its answer is sent.
        dispatch: (method, input) => {
          const result = ws.dispatch(method, input);
          if (method !== 'saveNotes' || !dieAfterNextSave) return result;
          dieAfterNextSave = false;
          return { ok: false, error: errorValue({ key: 'coreStopped', params: {} }) };
        },
      },
    });
    const { page } = app;
    try {
      const interview = newInterview(ws);
      ws.saveNotes({ interviewId: interview.id, doc: paragraphsToDoc(['Ensimmäinen versio.']) });
      const before = ws.call('getInterview', { id: interview.id }).notes.revision;
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      const editor = page.locator('.notes-editor');
      await expect.poll(() => editor.textContent()).toBe('Ensimmäinen versio.');
      dieAfterNextSave = true;
      await editor.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Lisäys.');
      // The unanswered save was stored; the retry goes on from it rather than calling it a conflict.
      await expect
        .poll(() => ws.call('getInterview', { id: interview.id }).notes.revision, { timeout: 10_000 })
        .toBeGreaterThanOrEqual(before + 2);
      expect(dieAfterNextSave).toBe(false);
      expect(ws.call('getInterview', { id: interview.id }).notes.text).toBe('Ensimmäinen versio. Lisäys.');
      expect(await page.getByRole('dialog', { name: 'These notes were changed elsewhere' }).count()).toBe(0);
      await page.keyboard.type(' Vielä.');
      await expect
        .poll(() => ws.call('getInterview', { id: interview.id }).notes.text)
        .toBe('Ensimmäinen versio. Lisäys. Vielä.');
      expect(await page.getByRole('dialog', { name: 'These notes were changed elsewhere' }).count()).toBe(0);
      await screenshot(page, 'save-unanswered-no-conflict');
    } finally {
      await app.close();
    }
  });

  test('erasing an interviewee from the UI removes the name and offers to replace old backups', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      ws.call('createBackup', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.clientName.startsWith('Kvarnholm'))!;
      await page.goto(`${chromium.url()}#/engagement/${engagement.id}/accounts`);
      const row = page.locator('.people li').filter({ hasText: 'Karin Åberg' });
      await row.getByRole('button', { name: 'More actions' }).click();
      await row.getByRole('menuitem', { name: 'Erase personal data (GDPR)…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Erase permanently' }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain('1 backup made earlier');
      await screenshot(page, '22-erasure');
      await dialog.getByRole('button', { name: 'Replace them with a fresh backup' }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Old backups removed');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => page.locator('.people').first().textContent()).not.toContain('Karin');
      const text = ws.db.prepare('SELECT group_concat(text) FROM notes').pluck().get() as string;
      expect(text).not.toMatch(/Karin|Åberg/);
    } finally {
      await app.close();
    }
  });

  test('a backup the core makes on its own shows up in the open list; a failed one is told at once', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      await page.getByRole('button', { name: 'Settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.getByText('No backups yet.').waitFor();
      // The daily backup at start runs in the core, not from this panel: only its events say so.
      createBackup(ws.ctx, 'start');
      await expect.poll(() => dialog.locator('.backup-list li').count()).toBe(1);
      expect(await dialog.locator('.backup-list .badge').textContent()).toBe('Daily');
      // A backups "folder" that is a file cannot take a backup.
      const folder = join(dirname(ws.path), 'backups');
      rmSync(folder, { recursive: true, force: true });
      writeFileSync(folder, 'not a folder');
      expect(() => createBackup(ws.ctx, 'start')).toThrow();
      await expect.poll(() => dialog.locator('.backup-list li').count()).toBe(0);
      const toast = page.locator('.toast.error');
      await expect
        .poll(() => toast.textContent())
        .toMatch(/^The backup failed: No backup could be written to .*backups: it is not a folder/);
      await expect.poll(() => dialog.getByRole('button', { name: 'Back up now' }).isEnabled()).toBe(true);
      await screenshot(page, '23-backup-failed');
      // In the top layer with the dialog, above its backdrop, so that it can be read.
      expect(await toast.evaluate((el) => el.parentElement?.matches(':popover-open'))).toBe(true);
    } finally {
      await app.close();
    }
  });

  test('backups can be made and restored from the settings', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createEngagement', { clientName: 'Before', title: 'Kept in the backup', language: 'en' });
      await page.reload();
      await page.getByRole('heading', { name: 'Engagements' }).waitFor();
      await page.getByRole('button', { name: 'Settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.getByRole('button', { name: 'Back up now' }).click();
      await expect.poll(() => dialog.locator('.backup-list li').count()).toBe(1);
      // When it was made, in the one formatter's en-GB form ("12 Mar 2026, 22:23"), not "Mar 12, 2026, 10:23 PM".
      expect(await dialog.locator('.backup-list li > span').first().textContent()).toMatch(
        /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/,
      );
      await screenshot(page, '23-backups');
      ws.call('createEngagement', { clientName: 'After', title: 'Made after the backup', language: 'en' });
      await dialog.locator('.backup-list li').first().getByRole('button', { name: 'Restore' }).click();
      await dialog.locator('.confirm-restore').getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => ws.call('listEngagements', {}).map((e) => e.clientName)).toEqual(['Before']);
      await expect.poll(() => page.locator('.card').count(), { timeout: 10_000 }).toBe(1);
    } finally {
      await app.close();
    }
  });
});
