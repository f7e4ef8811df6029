/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import type { TestWorkspace } from '../helpers/workspace.ts';
import { auditPage, blocking, describeViolations } from './axe.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();
const STRINGS = { en, fi } as const;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name that begins with the word: "Edit" matches "Edit Anna", not "Editor". */
const startsWith = (word: string) => new RegExp(`^${escapeRegExp(word)}\\b`);

/** 'trigger' when the locator's element has the focus, else what has it (readable in a failure). */
async function focusOn(page: Page, target: Locator): Promise<string> {
  if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return 'trigger';
  return page.evaluate(() => {
    const a = document.activeElement;
    return a ? `${a.tagName.toLowerCase()}.${a.className} "${(a.textContent ?? '').slice(0, 40)}"` : 'none';
  });
}

/** Presses Tab (or Shift+Tab) until the target has the focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusOn(page, target)) === 'trigger') return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} Tabs did not reach ${target}: the focus is on ${await focusOn(page, target)}`);
}

/** The demo workspace with the page showing it (createDemo runs after the page first loaded). */
async function demo(page: Page, ws: TestWorkspace, language: 'en' | 'fi') {
  ws.call('createDemo', {});
  const engagement = ws.call('listEngagements', {}).find((e) => e.language === language)!;
  await page.reload();
  return engagement;
}

const openDialog = () => (page: Page) => page.locator('dialog[open]');

/**
 * Opens a dialog from its trigger by keyboard, closes it with Escape and then with its own
 * Cancel/Close button; each time the focus must be back on the trigger.
 */
async function roundTrip(
  page: Page,
  trigger: Locator,
  closeLabel: string,
  {
    open = async () => {
      await trigger.focus();
      await page.keyboard.press('Enter');
    },
    check,
  }: { open?: () => Promise<void>; check?: (dialog: Locator) => Promise<void> } = {},
): Promise<void> {
  const dialog = openDialog()(page);
  for (const how of ['Escape', 'button'] as const) {
    await open();
    await dialog.waitFor();
    // The focus went into the dialog (a modal's focus stays inside it).
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await check?.(dialog);
    if (how === 'Escape') await page.keyboard.press('Escape');
    else await dialog.getByRole('button', { name: closeLabel, exact: true }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusOn(page, trigger), { message: `after closing with ${how}` }).toBe('trigger');
  }
}

/** A form dialog opens on its first field, not on the scrolling form around it. */
const onFirstField = async (dialog: Locator) =>
  expect
    .poll(() =>
      dialog.evaluate(
        (d) => d.querySelector('form input, form select, form textarea') === document.activeElement,
      ),
    )
    .toBe(true);

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** What has the focus, by its name (aria-label, else text): 'body' when the focus is lost. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'body';
    return a.getAttribute('aria-label') ?? (a.textContent ?? '').trim();
  });

/** The accessible names (aria-label) of the buttons a locator finds, in order. */
const labels = (buttons: Locator) =>
  buttons.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label') ?? ''));

describe('keyboard use in Chromium', () => {
  test.each(['en', 'fi'] as const)(
    'in %s: every dialog opens from its trigger by keyboard and gives the focus back when it closes',
    async (language) => {
      const s = STRINGS[language];
      const app = await openApp(chromium.browser(), chromium.url(), {
        locale: language === 'fi' ? 'fi-FI' : 'en-GB',
      });
      const { page, ws } = app;
      try {
        const engagement = await demo(page, ws, language);
        await page.getByRole('heading', { name: s.engagements.title }).waitFor();
        const topbar = page.locator('.topbar');
        await roundTrip(page, topbar.getByRole('button', { name: s.app.settings }), s.app.close);
        await roundTrip(page, topbar.getByRole('button', { name: s.app.shortcuts }), s.app.close);
        await roundTrip(page, page.getByRole('button', { name: `+ ${s.engagements.new}` }), s.app.cancel, {
          check: onFirstField,
        });

        await page.goto(`${chromium.url()}#/engagement/${engagement.id}/interviews`);
        const header = page.locator('.page-header');
        await header.getByRole('heading', { name: engagement.title }).waitFor();
        await roundTrip(page, header.getByRole('button', { name: startsWith(s.app.edit) }), s.app.cancel, {
          check: onFirstField,
        });
        await roundTrip(page, header.getByRole('button', { name: startsWith(s.app.delete) }), s.app.cancel);
        await roundTrip(page, page.getByRole('button', { name: `+ ${s.interviews.new}` }), s.app.cancel, {
          check: onFirstField,
        });
        // The transcript's file comes from the system's file dialog, which the test stands in for.
        const importButton = page.getByRole('button', { name: s.transcriptImport.newInterview });
        await roundTrip(page, importButton, s.app.cancel, {
          open: async () => {
            await importButton.focus();
            await page.locator('[data-testid="transcript-file"]').setInputFiles({
              name: 'call.vtt',
              mimeType: 'text/vtt',
              buffer: Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Matti>Hello there.\n'),
            });
          },
        });

        await page.goto(`${chromium.url()}#/engagement/${engagement.id}/accounts`);
        await page.locator('.account').first().waitFor();
        await roundTrip(page, page.getByRole('button', { name: `+ ${s.account.new}` }), s.app.cancel, {
          check: onFirstField,
        });
        await roundTrip(page, page.getByRole('button', { name: s.accountImport.button }), s.app.cancel);
        const account = page.locator('.account').first();
        await roundTrip(page, account.getByRole('button', { name: `+ ${s.person.new}` }), s.app.cancel, {
          check: onFirstField,
        });
        const person = account.locator('.people li').first();
        await roundTrip(page, person.getByRole('button', { name: startsWith(s.app.edit) }), s.app.cancel, {
          check: onFirstField,
        });
        await roundTrip(page, person.getByRole('button', { name: startsWith(s.app.delete) }), s.app.cancel);
        // Erasure is behind the person's ⋯ menu: the focus comes back to that button.
        const more = person.getByRole('button', { name: s.person.more });
        await roundTrip(page, more, s.app.cancel, {
          open: async () => {
            await more.focus();
            await page.keyboard.press('Enter');
            const item = person.getByRole('menuitem', { name: s.privacy.eraseMenu });
            await expect.poll(() => focusOn(page, item)).not.toBe('none');
            await item.focus();
            await page.keyboard.press('Enter');
          },
        });

        await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
        await roundTrip(page, page.getByRole('button', { name: s.findings.export }), s.app.close);
        await roundTrip(page, page.getByRole('button', { name: `+ ${s.findings.new}` }), s.app.cancel, {
          check: onFirstField,
        });

        await page.goto(`${chromium.url()}#/quotes/${engagement.id}`);
        // Quotes to export: those of the most used code, ticked by keyboard.
        const code = ws
          .call('getCodebook', { engagementId: engagement.id })
          .filter((c) => !c.isGroup)
          .sort((a, b) => b.usage - a.usage)[0]!;
        await page
          .getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(code.name[language])} \\d+$`) })
          .press('Space');
        const quoteExport = page.getByRole('button', { name: s.quoteExport.action });
        await expect.poll(() => quoteExport.isEnabled()).toBe(true);
        await roundTrip(page, quoteExport, s.app.close);

        await page.goto(`${chromium.url()}#/codebook/${engagement.id}`);
        for (const label of [s.codebook.newGroup, s.codebook.newCode])
          await roundTrip(page, header.getByRole('button', { name: `+ ${label}` }), s.app.cancel, {
            check: onFirstField,
          });

        const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
        await page.goto(`${chromium.url()}#/interview/${interview.id}`);
        // Delete is on the side panel's Interview tab.
        await page.getByRole('tab', { name: s.interview.title, exact: true }).press('Enter');
        await roundTrip(page, page.getByRole('button', { name: s.interview.delete }), s.app.cancel);
      } finally {
        await app.close();
      }
    },
  );

  test('in Finnish: an erasure and an export keep the focus on their result, and closing returns it', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      const engagement = await demo(page, ws, 'fi');
      await page.getByRole('heading', { name: fi.engagements.title }).waitFor();
      await roundTrip(page, page.getByRole('button', { name: fi.app.settings }), fi.app.close);
      await roundTrip(page, page.getByRole('button', { name: `+ ${fi.engagements.new}` }), fi.app.cancel, {
        check: onFirstField,
      });

      // The export: Start is disabled while it runs, so the focus moves to the progress and stays
      // on the result.
      await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
      const exportButton = page.getByRole('button', { name: fi.findings.export });
      await exportButton.focus();
      await page.keyboard.press('Enter');
      const dialog = openDialog()(page);
      const start = dialog.getByRole('button', { name: fi.export.start, exact: true });
      // The identity review lists every name to decide on before it (the demo's actions add some).
      await tabTo(page, start, { max: 200 });
      await page.keyboard.press('Enter');
      const status = dialog.locator('.export-status');
      await expect.poll(() => focusOn(page, status)).toBe('trigger');
      await dialog.locator('.export-done, .export-status .form-error').waitFor({ timeout: 60_000 });
      expect(await focusOn(page, status)).toBe('trigger');
      expect(await dialog.locator('.export-done').count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => focusOn(page, exportButton)).toBe('trigger');

      // The erasure: the buttons that ran it give way to Close; the focus goes to what was done.
      const people = ws.call('listAccounts', { engagementId: engagement.id }).flatMap((a) => a.interviewees);
      const target = people[0]!;
      await page.goto(`${chromium.url()}#/engagement/${engagement.id}/accounts`);
      const entry = page.locator('.people li').filter({ hasText: target.name });
      await entry.getByRole('button', { name: fi.person.more }).focus();
      await page.keyboard.press('Enter');
      await entry.getByRole('menuitem', { name: fi.privacy.eraseMenu }).focus();
      await page.keyboard.press('Enter');
      const erase = dialog.getByRole('button', { name: fi.privacy.eraseConfirm });
      await expect.poll(() => erase.isEnabled()).toBe(true);
      await erase.focus();
      await page.keyboard.press('Enter');
      const result = dialog.getByRole('status');
      await result.waitFor();
      await expect.poll(() => focusOn(page, result)).toBe('trigger');
      await screenshot(page, 'keyboard-erase-done-fi');
      await dialog.getByRole('button', { name: fi.app.close }).press('Enter');
      await dialog.waitFor({ state: 'detached' });
      // Back on the ⋯ button of the person's row, which now goes without the name.
      await expect
        .poll(() =>
          page.evaluate(() => {
            const active = document.activeElement;
            return active?.classList.contains('menu-button')
              ? (active.closest('li')?.textContent ?? '')
              : null;
          }),
        )
        .not.toBe(null);
      expect(await page.locator('.people').first().textContent()).not.toContain(target.name);
    } finally {
      await app.close();
    }
  });

  test('a whole interview by keyboard: open, type, select, code with the picker, analysis, export', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const engagement = await demo(page, ws, 'en');
      await page.getByRole('heading', { name: en.engagements.title }).waitFor();
      await tabTo(page, page.locator('a.card').filter({ hasText: engagement.title }));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: engagement.title }).waitFor();
      const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
      await tabTo(page, page.locator(`a[href="#/interview/${interview.id}"]`));
      await page.keyboard.press('Enter');
      const editor = page.locator('.notes-editor[contenteditable="true"]');
      await tabTo(page, editor);
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Keyboard only remark.');
      // Saved first: a save landing mid-selection can put back the selection it started from.
      await expect
        .poll(() => JSON.stringify(ws.call('getInterview', { id: interview.id }).notes))
        .toContain('Keyboard only remark.');
      // "remark" and its full stop, selected backwards from the end.
      for (let i = 0; i < 'remark.'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
      await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('remark.');
      // The editor takes the selection from the page's selectionchange event, a task of its own: let
      // it run before Ctrl+K (keys sent back to back by the test can come first; see the report).
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
      await page.keyboard.press('Control+k');
      const picker = openDialog()(page);
      const input = picker.getByRole('combobox');
      await expect.poll(() => focusOn(page, input)).toBe('trigger');
      await page.keyboard.type('NEW-KEYBOARD-CODE');
      await page.keyboard.press('Enter');
      await picker.waitFor({ state: 'detached' });
      await screenshot(page, 'keyboard-flow-coded');
      await expect
        .poll(() =>
          ws
            .call('listCodings', { interviewId: interview.id })
            .map((c) => c.quote)
            .filter((q) => q.includes('mark')),
        )
        .toEqual(['remark.']);
      // Back in the notes, where the coding was made.
      await expect.poll(() => focusOn(page, editor)).toBe('trigger');

      await tabTo(page, page.locator('.topbar').getByRole('link', { name: en.nav.analysis }), { back: true });
      await page.keyboard.press('Enter');
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent()).toContain(en.analysis.title);
      await expect.poll(() => focusOn(page, heading)).toBe('trigger');

      await tabTo(page, page.locator('.topbar').getByRole('link', { name: en.nav.findings }), { back: true });
      await page.keyboard.press('Enter');
      const exportButton = page.getByRole('button', { name: en.findings.export });
      await tabTo(page, exportButton);
      await page.keyboard.press('Enter');
      const dialog = openDialog()(page);
      await tabTo(page, dialog.getByRole('button', { name: en.export.start, exact: true }));
      await page.keyboard.press('Enter');
      await dialog.locator('.export-done').waitFor({ timeout: 60_000 });
      await page.keyboard.press('Escape');
      await expect.poll(() => focusOn(page, exportButton)).toBe('trigger');
    } finally {
      await app.close();
    }
  });

  test('each screen names itself in the title and takes the focus to its heading; the skip link goes to it too', async () => {
    for (const language of ['en', 'fi'] as const) {
      const s = STRINGS[language];
      const app = await openApp(chromium.browser(), chromium.url(), {
        locale: language === 'fi' ? 'fi-FI' : 'en-GB',
      });
      const { page, ws } = app;
      try {
        const engagement = await demo(page, ws, language);
        const heading = page.getByRole('heading', { level: 1 });
        await page.getByRole('heading', { name: s.engagements.title }).waitFor();
        await expect.poll(() => page.title()).toBe(`${s.engagements.title} — Kuulo`);
        // The first screen after start takes no focus: nothing to announce yet.
        expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

        // The skip link is the first Tab stop, shown when it has the focus, and leads to the heading.
        await page.keyboard.press('Tab');
        const skip = page.getByRole('link', { name: s.app.skipToContent });
        expect(await focusOn(page, skip)).toBe('trigger');
        const box = await skip.boundingBox();
        expect(box && box.y >= 0 && box.height > 0).toBe(true);
        await screenshot(page, `keyboard-skip-link-${language}`);
        await page.keyboard.press('Enter');
        await expect.poll(() => focusOn(page, heading)).toBe('trigger');
        expect(await page.locator('main, [role="main"]').count()).toBe(1);

        const screens = [
          {
            link: page.locator('a.card').filter({ hasText: engagement.title }),
            title: `${engagement.clientName} · ${engagement.title} — Kuulo`,
          },
          {
            link: page.locator('.topbar').getByRole('link', { name: s.nav.analysis }),
            title: `${s.analysis.title} — ${engagement.clientName} · ${engagement.title} — Kuulo`,
          },
          {
            link: page.locator('.topbar').getByRole('link', { name: s.nav.findings }),
            title: `${s.findings.title} — ${engagement.clientName} · ${engagement.title} — Kuulo`,
          },
          {
            link: page.locator('.topbar').getByRole('link', { name: s.nav.quotes }),
            title: `${s.quotes.title} — Kuulo`,
          },
          {
            link: page.locator('.topbar').getByRole('link', { name: s.nav.codebook }),
            title: `${s.codebook.title} — Kuulo`,
          },
          {
            link: page.locator('.topbar').getByRole('link', { name: s.nav.portfolio }),
            title: `${s.analysis.portfolio} — Kuulo`,
          },
          {
            link: page.locator('.topbar').getByRole('link', { name: s.nav.trash }),
            title: `${s.trash.title} — Kuulo`,
          },
          {
            link: page.locator('.topbar .crumbs').getByRole('link', { name: s.engagements.title }),
            title: `${s.engagements.title} — Kuulo`,
          },
        ];
        for (const screen of screens) {
          await screen.link.focus();
          await page.keyboard.press('Enter');
          await expect.poll(() => page.title()).toBe(screen.title);
          await expect.poll(() => focusOn(page, heading), { message: screen.title }).toBe('trigger');
          expect(await page.locator('main, [role="main"]').count()).toBe(1);
          const found = blocking(await auditPage(page)).filter((v) =>
            ['bypass', 'document-title'].includes(v.rule),
          );
          expect(describeViolations(found), screen.title).toBe('');
        }

        // An interview's title says whose it is.
        const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
        await page.goto(`${chromium.url()}#/interview/${interview.id}`);
        await expect
          .poll(() => page.title())
          .toBe(`${s.interview.title} — ${interview.accountName} · ${engagement.title} — Kuulo`);
        await expect.poll(() => focusOn(page, heading)).toBe('trigger');
      } finally {
        await app.close();
      }
    }
  });

  test('removing a row by keyboard moves the focus to the next row, the previous one, or the heading; never to the page', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const engagement = await demo(page, ws, 'en');

      // Trash → Restore: on to the next entry's Restore, from the last to the one before, then the heading.
      // Of three accounts: an entry's Restore is named by its account.
      const accounts = new Map(
        ws.call('listInterviews', { engagementId: engagement.id }).map((i) => [i.accountName, i.id]),
      );
      for (const id of [...accounts.values()].slice(0, 3)) ws.call('deleteInterview', { id });
      await page.goto(`${chromium.url()}#/trash`);
      const restores = page.getByTestId('trash-item').getByRole('button', { name: /^Restore / });
      await expect.poll(() => restores.count()).toBe(3);
      const names = await labels(restores);
      await page.getByRole('button', { name: names[0]!, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page), { message: 'after the first' }).toBe(names[1]);
      await page.getByRole('button', { name: names[2]!, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page), { message: 'after the last' }).toBe(names[1]);
      await page.keyboard.press('Enter');
      await expect.poll(() => focusOn(page, page.getByRole('heading', { level: 1 }))).toBe('trigger');
      expect(await restores.count()).toBe(0);

      // Findings → Add quotes → "+ Add": on to the next suggestion; a chosen quote's Remove: on to the
      // next quote's Remove, and from the last one to Add quotes.
      const chosen = ws
        .call('listFindings', { engagementId: engagement.id })
        .find((f) => f.codeIds.length > 0 && f.quotes.length >= 2)!;
      await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
      const finding = page
        .locator('.finding')
        .filter({ has: page.getByRole('heading', { name: chosen.title, exact: true }) });
      const addQuotes = finding.getByRole('button', { name: `${en.findings.addQuotes} ${chosen.title}` });
      await addQuotes.focus();
      await page.keyboard.press('Enter');
      const adds = finding.locator('.suggestions').getByRole('button');
      await expect.poll(() => adds.count()).toBeGreaterThan(2);
      const addNames = await labels(adds);
      // Each named by its quote, after the visible "+ Add" (WCAG 2.5.3, label in name).
      expect(new Set(addNames).size).toBe(addNames.length);
      for (const name of addNames) expect(name.startsWith(`+ ${en.findings.add} quote: “`), name).toBe(true);
      expect(await adds.first().textContent()).toBe(`+ ${en.findings.add}`);
      await adds.first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedName(page)).toBe(addNames[1]);
      await expect
        .poll(
          () =>
            ws.call('listFindings', { engagementId: engagement.id }).find((f) => f.id === chosen.id)!.quotes
              .length,
        )
        .toBe(chosen.quotes.length + 1);

      const removes = finding.locator('.chosen-quotes').getByRole('button');
      await expect.poll(() => removes.count()).toBe(chosen.quotes.length + 1);
      let removeNames = await labels(removes);
      await removes.first().focus();
      while (removeNames.length > 1) {
        await page.keyboard.press('Enter');
        await expect
          .poll(() => focusedName(page), { message: `${removeNames.length} quotes` })
          .toBe(removeNames[1]);
        removeNames = removeNames.slice(1);
      }
      await page.keyboard.press('Enter');
      await expect.poll(() => focusOn(page, addQuotes)).toBe('trigger');
      expect(await removes.count()).toBe(0);
      await screenshot(page, 'keyboard-quotes-removed');

      // Coding details → Remove coding: back in the notes, the caret where the passage begins.
      const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
      const before = ws.call('listCodings', { interviewId: interview.id }).length;
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      const item = page.locator('.coding-item').first();
      await item.waitFor();
      const quote = ((await item.locator('.coding-quote').textContent()) ?? '').slice(0, 20);
      await item.focus();
      await page.keyboard.press('Enter');
      const remove = page.locator('.coding-details').getByRole('button', { name: en.coding.remove });
      await remove.focus();
      await page.keyboard.press('Enter');
      const editor = page.locator('.notes-editor[contenteditable="true"]');
      await expect.poll(() => focusOn(page, editor)).toBe('trigger');
      const after = await editor.evaluate((el) => {
        const selection = getSelection()!;
        const range = document.createRange();
        range.setStart(selection.anchorNode!, selection.anchorOffset);
        range.setEnd(el, el.childNodes.length);
        return { collapsed: selection.isCollapsed, text: range.toString() };
      });
      expect(after.collapsed).toBe(true);
      expect(after.text.startsWith(quote), `"${after.text.slice(0, 40)}" starts with "${quote}"`).toBe(true);
      await expect.poll(() => ws.call('listCodings', { interviewId: interview.id }).length).toBe(before - 1);
    } finally {
      await app.close();
    }
  });

  for (const language of ['en', 'fi'] as const) {
    test(`in ${language}: codebook, finding, trash, clock and shortcut dialogs give the focus back when they close`, async () => {
      const s = STRINGS[language];
      const app = await openApp(chromium.browser(), chromium.url(), {
        locale: language === 'fi' ? 'fi-FI' : 'en-GB',
      });
      const { page, ws } = app;
      const named = (action: string, name: string) =>
        page.getByRole('button', { name: fill(s.a11y.actOn, { action, name }), exact: true });
      try {
        const engagement = await demo(page, ws, language);

        await page.goto(`${chromium.url()}#/codebook/${engagement.id}`);
        const code = ws
          .call('getCodebook', { engagementId: engagement.id })
          .filter((c) => !c.isGroup && !c.retired)
          .sort((a, b) => b.usage - a.usage)[0]!;
        await roundTrip(page, named(s.app.edit, code.name[language]), s.app.cancel, { check: onFirstField });
        await roundTrip(page, named(s.codebook.merge, code.name[language]), s.app.cancel);
        await roundTrip(page, named(s.app.delete, code.name[language]), s.app.cancel);

        await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
        const finding = ws.call('listFindings', { engagementId: engagement.id })[0]!;
        await roundTrip(page, named(s.app.edit, finding.title), s.app.cancel, { check: onFirstField });
        await roundTrip(page, named(s.app.delete, finding.title), s.app.cancel);
        // The shortcuts: their dialogs give the focus back to wherever it was.
        const exportButton = page.getByRole('button', { name: s.findings.export });
        for (const [keys, close] of [
          ['Control+n', s.app.cancel],
          ['Control+/', s.app.close],
        ] as const)
          await roundTrip(page, exportButton, close, {
            open: async () => {
              await exportButton.focus();
              await page.keyboard.press(keys);
            },
          });

        // The trash: an interviewee (who can be erased) and an interview.
        const person = ws
          .call('listAccounts', { engagementId: engagement.id })
          .flatMap((a) => a.interviewees)[0]!;
        ws.call('deleteInterviewee', { id: person.id });
        ws.call('deleteInterview', { id: ws.call('listInterviews', { engagementId: engagement.id })[0]!.id });
        await page.goto(`${chromium.url()}#/trash`);
        await page.getByTestId('trash-item').first().waitFor();
        await roundTrip(
          page,
          page.getByRole('button', { name: fill(s.trash.eraseNamed, { name: person.name }) }),
          s.app.cancel,
        );
        await roundTrip(
          page,
          page.getByRole('button', { name: fill(s.trash.deleteNamed, { name: person.name }) }),
          s.app.cancel,
        );
        await roundTrip(page, page.getByRole('button', { name: s.trash.emptyAll }), s.app.cancel);

        // The interview clock's Stop asks first.
        const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
        await page.goto(`${chromium.url()}#/interview/${interview.id}`);
        const stop = page.getByRole('button', { name: s.editor.stopClock, exact: true });
        // Started (or resumed) by keyboard first: a demo interview's clock may be idle or stopped.
        const going = page.locator('.toolbar').getByRole('button', {
          name: new RegExp(
            `^(○ )?(${escapeRegExp(s.editor.startClock)}|${escapeRegExp(s.editor.resumeClock)})$`,
          ),
        });
        await going.focus();
        await page.keyboard.press('Enter');
        await stop.waitFor();
        await roundTrip(page, stop, s.app.cancel);
      } finally {
        await app.close();
      }
    });
  }

  test('analysis section links take the focus to the section, so Tab goes on from there', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const engagement = await demo(page, ws, 'en');
      await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
      const nav = page.locator('.section-nav');
      await nav.getByRole('link', { name: en.analysis.benchmark }).focus();
      await page.keyboard.press('Enter');
      const sectionHeading = page.locator('#section-benchmark h2');
      await expect.poll(() => focusOn(page, sectionHeading)).toBe('trigger');
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() =>
          document.querySelector('#section-benchmark')?.contains(document.activeElement),
        ),
      ).toBe(true);
    } finally {
      await app.close();
    }
  });

  test('the code picker keeps the option the arrows reach in view, and names it as the active one', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const engagement = await demo(page, ws, 'en');
      const interview = ws.call('listInterviews', { engagementId: engagement.id })[0]!;
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      const editor = page.locator('.notes-editor[contenteditable="true"]');
      await editor.focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.press('Control+k');
      const picker = openDialog()(page);
      const list = picker.getByRole('listbox');
      const count = await list.getByRole('option').count();
      expect(count).toBeGreaterThan(15);
      for (let i = 0; i < count - 2; i++) {
        await page.keyboard.press('ArrowDown');
        const active = list.locator('.picker-option.active');
        const [option, box] = [await active.boundingBox(), await list.boundingBox()];
        expect(option && box, `option ${i + 1}`).toBeTruthy();
        // Wholly inside the list's visible box, give or take a pixel of rounding.
        expect(option!.y, `option ${i + 1}`).toBeGreaterThanOrEqual(box!.y - 1);
        expect(option!.y + option!.height, `option ${i + 1}`).toBeLessThanOrEqual(box!.y + box!.height + 1);
        expect(await picker.getByRole('combobox').getAttribute('aria-activedescendant')).toBe(
          await active.getAttribute('id'),
        );
      }
      await screenshot(page, 'keyboard-picker-scrolled');
      await page.keyboard.press('Escape');
      await expect.poll(() => focusOn(page, editor)).toBe('trigger');
    } finally {
      await app.close();
    }
  });

  test('the language radios only choose; Save applies the language, Close leaves it as it was', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page } = app;
    try {
      await page.getByRole('heading', { name: en.firstRun.title }).waitFor();
      const settingsButton = page.getByRole('button', { name: en.app.settings });
      await settingsButton.focus();
      await page.keyboard.press('Enter');
      const dialog = openDialog()(page);
      // It opens on the language chosen now (the system's).
      await expect.poll(() => focusOn(page, dialog.getByLabel(en.settings.system))).toBe('trigger');
      await page.keyboard.press('ArrowDown');
      expect(await dialog.getByLabel('Suomi').isChecked()).toBe(true);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      // Passing over the languages switched nothing and closed nothing.
      expect(await dialog.isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.lang)).not.toBe('fi');
      expect(await settingsButton.textContent()).toBe(en.app.settings);
      await dialog.getByRole('button', { name: en.app.close }).press('Enter');
      await dialog.waitFor({ state: 'detached' });
      expect(await settingsButton.textContent()).toBe(en.app.settings);
      await expect.poll(() => focusOn(page, settingsButton)).toBe('trigger');

      // Chosen again, and saved this time.
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('ArrowDown');
      await tabTo(page, dialog.getByRole('button', { name: en.app.save }));
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      const fiSettings = page.getByRole('button', { name: fi.app.settings });
      await expect.poll(() => fiSettings.isVisible()).toBe(true);
      await expect.poll(() => focusOn(page, fiSettings)).toBe('trigger');
    } finally {
      await app.close();
    }
  });
});
