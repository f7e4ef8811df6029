/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import type { ReviewItem } from '../../shared/identity/types.ts';
import { paragraphsToDoc } from '../../shared/notes.ts';
import type { TestWorkspace } from '../helpers/workspace.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();
const STRINGS = { en, fi } as const;

/** The UI in the given language, switched the way a consultant does it: in the settings. */
async function switchLanguage(page: Page, language: 'en' | 'fi'): Promise<void> {
  await page.getByRole('heading', { name: en.engagements.title }).waitFor();
  if (language === 'en') return;
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: en.app.settings });
  // Choosing a language and saving stores it and closes the settings.
  await settings.getByLabel('Suomi').click();
  await settings.getByRole('button', { name: en.app.save }).click();
  await page.getByRole('heading', { name: fi.engagements.title }).waitFor();
  expect(await page.getByRole('dialog').count()).toBe(0);
}

const row = (dialog: Locator, key: string): Locator =>
  dialog.locator(`.review-item[data-key=${JSON.stringify(key)}]`);

function finnishEngagement(ws: TestWorkspace) {
  ws.call('createDemo', {});
  return ws.call('listEngagements', {}).find((e) => e.language === 'fi')!;
}

/** Every text a reader could find the name in, through the client. */
function allNotes(ws: TestWorkspace): string {
  return ws
    .call('listEngagements', {})
    .flatMap((e) => ws.call('listInterviews', { engagementId: e.id }))
    .map((i) => ws.call('getInterview', { id: i.id }).notes.text)
    .join('\n');
}

const wholeWord = (word: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');

describe('privacy review in Chromium', () => {
  for (const language of ['en', 'fi'] as const) {
    test(`the export dialog reviews names before export, and decisions are stored (${language} UI)`, async () => {
      const s = STRINGS[language];
      const app = await openApp(chromium.browser(), chromium.url());
      const { page, ws } = app;
      try {
        const engagement = finnishEngagement(ws);
        await page.reload();
        await switchLanguage(page, language);
        const expected = ws.call('reviewIdentifiers', {
          engagementId: engagement.id,
          anonymize: 'people',
          language: engagement.language,
        });
        const known = expected.items.filter((i) => i.kind === 'known');
        const candidates = expected.items.filter((i) => i.kind === 'candidate' && i.places.length > 0);
        expect(known.length).toBeGreaterThan(0);
        expect(candidates.length).toBeGreaterThanOrEqual(2);

        await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
        await page.getByRole('button', { name: s.findings.export }).click();
        const dialog = page.getByRole('dialog', { name: s.export.title });
        const list = dialog.getByTestId('identity-review');
        await list.waitFor();
        await expect.poll(() => list.locator('[data-group="known"] .review-item').count()).toBe(known.length);
        await expect.poll(() => list.locator('[data-group="known"]').textContent()).toContain(known[0]!.name);
        // Export stays possible with undecided candidates: they are masked unless kept.
        expect(await dialog.getByRole('button', { name: s.export.start, exact: true }).isEnabled()).toBe(
          true,
        );
        expect(await dialog.locator('.review-lead').textContent()).toContain(s.review.undecidedMasked);
        // Attributions that point to fewer than 3 people are shown as warnings.
        await expect.poll(() => list.locator('.review-warnings li').count()).toBe(expected.warnings.length);
        await screenshot(page, language === 'en' ? '40-review-en' : '41-review-fi');

        const [kept, masked] = candidates as [ReviewItem, ReviewItem];
        for (const item of [kept, masked]) {
          await expect
            .poll(() => row(list, item.key).locator('.review-new').textContent())
            .toBe(s.review.new);
        }
        // Its places in context, the match highlighted.
        await row(list, kept.key).locator('summary').click();
        await expect
          .poll(() => row(list, kept.key).locator('.review-places li mark').first().textContent())
          .toBe(kept.places[0]!.match);
        await row(list, kept.key).scrollIntoViewIfNeeded();
        await screenshot(page, language === 'en' ? '40b-review-places-en' : '41b-review-places-fi');

        await row(list, kept.key).getByRole('button', { name: s.review.keep, exact: true }).click();
        await expect.poll(() => row(list, kept.key).getAttribute('data-action')).toBe('keep');
        await expect.poll(() => row(list, kept.key).getAttribute('data-decided')).toBe('true');
        expect(await row(list, kept.key).locator('.review-fate').textContent()).toContain(s.review.keptAsIs);
        expect(await row(list, kept.key).locator('.review-new').count()).toBe(0);

        // "Link to…" opens the register (people only, for a person) with the focus in it; Escape closes
        // the picker, not the dialog.
        await row(list, masked.key).getByRole('button', { name: s.review.link, exact: true }).click();
        const picker = row(list, masked.key).locator('.review-link select');
        await expect.poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
        const register = ws.call('identityRegister', { engagementId: engagement.id });
        const options = await picker.locator('option:not([disabled])').allTextContents();
        const allowed = register.filter((e) => masked.entity === null || e.kind === masked.entity);
        expect(options.sort()).toEqual(allowed.map((e) => e.name).sort());
        await page.keyboard.press('Escape');
        await expect.poll(() => picker.count()).toBe(0);
        expect(await dialog.isVisible()).toBe(true);
        await expect
          .poll(() =>
            row(list, masked.key)
              .getByRole('button', { name: s.review.link, exact: true })
              .evaluate((el) => el === document.activeElement),
          )
          .toBe(true);

        await row(list, masked.key).getByRole('button', { name: s.review.mask, exact: true }).click();
        await expect.poll(() => row(list, masked.key).getAttribute('data-decided')).toBe('true');
        expect(await row(list, masked.key).getAttribute('data-action')).toBe('mask');
        expect(await row(list, masked.key).locator('.review-mask').textContent()).toBeTruthy();

        // With names shown there is nothing to review; hiding them again brings the review back.
        await dialog.getByLabel(s.export.levels.none).check();
        await expect.poll(() => dialog.getByTestId('identity-review').count()).toBe(0);
        await dialog.getByLabel(s.export.levels.accounts).check();
        await list.waitFor();

        // Close and reopen: the decisions are stored and shown as decided.
        await dialog.getByRole('button', { name: s.app.close, exact: true }).click();
        await expect.poll(() => dialog.count()).toBe(0);
        await page.getByRole('button', { name: s.findings.export }).click();
        await list.waitFor();
        await expect.poll(() => row(list, kept.key).getAttribute('data-action')).toBe('keep');
        expect(await row(list, kept.key).getAttribute('data-decided')).toBe('true');
        expect(
          await row(list, kept.key)
            .getByRole('button', { name: s.review.keep, exact: true })
            .getAttribute('aria-pressed'),
        ).toBe('true');
        expect(await row(list, masked.key).getAttribute('data-action')).toBe('mask');
        expect(
          await row(list, masked.key)
            .getByRole('button', { name: s.review.mask, exact: true })
            .getAttribute('aria-pressed'),
        ).toBe('true');
        expect(await row(list, kept.key).locator('.review-new').count()).toBe(0);

        const stored = ws.call('reviewIdentifiers', { engagementId: engagement.id, anonymize: 'people' });
        const byKey = new Map(stored.items.map((i) => [i.key, i]));
        expect(byKey.get(kept.key)).toMatchObject({ decided: true, action: 'keep', mask: null });
        expect(byKey.get(masked.key)).toMatchObject({ decided: true, action: 'mask' });
        expect(stored.undecided).toBe(expected.undecided - 2);

        // Linking from the keyboard: open the picker, choose someone, and the decision is stored.
        if (language === 'en') {
          const target = register.find((e) => masked.entity === null || e.kind === masked.entity)!;
          await row(list, masked.key).getByRole('button', { name: s.review.link, exact: true }).click();
          const select = row(list, masked.key).locator('.review-link select');
          await select.selectOption(target.id);
          await expect
            .poll(() =>
              ws.db
                .prepare('SELECT action, link_to AS linkTo FROM identity_decisions WHERE key = ?')
                .get(masked.key),
            )
            .toEqual({ action: 'link', linkTo: target.id });
          await expect.poll(() => select.count()).toBe(0);
          // The focus stays inside the dialog whether the row stays (linked) or joins its person's entry.
          expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
          await screenshot(page, '40c-review-linked-en');
        }
      } finally {
        await app.close();
      }
    });
  }

  for (const language of ['en', 'fi'] as const) {
    test(`erasing an interviewee shows every place and form first, and the name is gone afterwards (${language} UI)`, async () => {
      const s = STRINGS[language];
      const app = await openApp(chromium.browser(), chromium.url());
      const { page, ws } = app;
      try {
        const engagement = finnishEngagement(ws);
        const people = ws
          .call('listAccounts', { engagementId: engagement.id })
          .flatMap((a) => a.interviewees);
        const previews = people.map((p) => ({ person: p, preview: ws.call('erasurePreview', { id: p.id }) }));
        const { person, preview } = previews.sort((a, b) => b.preview.total - a.preview.total)[0]!;
        expect(preview.total).toBeGreaterThan(0);
        await page.reload();
        await switchLanguage(page, language);

        await page.goto(`${chromium.url()}#/engagement/${engagement.id}/accounts`);
        const entry = page.locator('.people li').filter({ hasText: person.name });
        // Erasure is behind the person's own menu, never a link beside Delete.
        await entry.getByRole('button', { name: s.person.more }).click();
        await entry.getByRole('menuitem', { name: s.privacy.eraseMenu }).click();
        const dialog = page.getByRole('dialog');
        await expect
          .poll(() => dialog.locator('.erase-preview-count').textContent())
          .toBe(
            preview.total === 1
              ? s.privacy.preview_one.replace('{{count}}', '1')
              : s.privacy.preview_other.replace('{{count}}', String(preview.total)),
          );
        await expect
          .poll(() => dialog.locator('.erase-places li').count())
          .toBe(Math.min(500, preview.matches.length));
        expect(await dialog.locator('.erase-places li mark').first().textContent()).toBe(
          preview.matches[0]!.match,
        );
        expect(await dialog.locator('.erase-forms').textContent()).toContain(preview.forms.join(', '));
        // Where each place is, in the UI's language: the notes of an account, or a named field.
        const first = preview.matches[0]!.place;
        expect(first.kind).toBe('notes');
        expect(await dialog.locator('.erase-places .place-where').first().textContent()).toMatch(
          new RegExp(`^${s.privacy.places.notes.split(' ')[0]} · `),
        );
        const field = preview.matches.find((m) => m.place.kind === 'field')?.place;
        if (field?.kind === 'field') {
          // The person's own record adds "(always erased)" after where it is.
          const where = `${s.privacy.places.tables[field.table as keyof typeof s.privacy.places.tables]} · ${s.privacy.places.columns[field.column as keyof typeof s.privacy.places.columns]}`;
          const texts = await dialog.locator('.erase-places .place-where').allTextContents();
          expect(
            texts.some((text) => text.startsWith(where)),
            `${where} in ${texts.join(' | ')}`,
          ).toBe(true);
        }
        await screenshot(page, `42-erase-preview-${language}`);

        await dialog.getByRole('button', { name: s.privacy.eraseConfirm }).click();
        await expect
          .poll(() => dialog.getByRole('status').textContent())
          .toContain(s.privacy.erased.split(':')[0]!);
        expect(await dialog.getByRole('status').textContent()).not.toContain(s.privacy.incomplete);
        await screenshot(page, `43-erase-done-${language}`);
        await dialog.getByRole('button', { name: s.app.close }).click();
        await expect.poll(() => page.locator('.people').first().textContent()).not.toContain(person.name);

        const text = allNotes(ws);
        for (const form of [person.name, ...preview.forms]) expect(text).not.toMatch(wholeWord(form));
        const after = ws.call('listAccounts', { engagementId: engagement.id }).flatMap((a) => a.interviewees);
        expect(after.map((p) => p.name)).not.toContain(person.name);
      } finally {
        await app.close();
      }
    });
  }
  for (const language of ['en', 'fi'] as const) {
    test(`erasure: a place where the name is an ordinary word is unticked and stays; the rest is erased (${language} UI)`, async () => {
      const s = STRINGS[language];
      const app = await openApp(chromium.browser(), chromium.url());
      const { page, ws } = app;
      try {
        const engagement = finnishEngagement(ws);
        const account = ws
          .call('listAccounts', { engagementId: engagement.id })
          .find((a) => a.interviewees.some((p) => p.name === 'Seppo Kallio'))!;
        const person = account.interviewees.find((p) => p.name === 'Seppo Kallio')!;
        // "Kallio" opening a sentence is his surname to the engine, but here it is the rock.
        const interview = ws.call('createInterview', {
          engagementId: engagement.id,
          accountId: account.id,
          intervieweeIds: [],
          date: '2026-12-01',
        });
        ws.saveNotes({
          interviewId: interview.id,
          doc: paragraphsToDoc([
            'Uusi halli louhitaan suoraan kallioon. Kallio kestää nosturin, sanoi Seppo.',
          ]),
        });
        await page.reload();
        await switchLanguage(page, language);
        await page.goto(`${chromium.url()}#/engagement/${engagement.id}/accounts`);
        const entry = page.locator('.people li').filter({ hasText: person.name });
        await entry.getByRole('button', { name: s.person.more }).click();
        await entry.getByRole('menuitem', { name: s.privacy.eraseMenu }).click();
        const dialog = page.getByRole('dialog');
        const rock = dialog.locator('.erase-places li').filter({ hasText: 'kestää nosturin' });
        await expect.poll(() => rock.count()).toBe(2); // "Kallio kestää…" and "…sanoi Seppo"
        const stone = rock.filter({ has: page.locator('mark', { hasText: /^Kallio$/ }) });
        const box = stone.getByRole('checkbox');
        expect(await box.isChecked()).toBe(true);
        // The person's own record is listed and cannot be unticked.
        const own = dialog.locator('.erase-places li').filter({ hasText: s.privacy.alwaysErased });
        expect(await own.count()).toBeGreaterThan(0);
        expect(await own.first().getByRole('checkbox').isDisabled()).toBe(true);

        await box.uncheck();
        await expect
          .poll(() => dialog.locator('.erase-left-out').textContent())
          .toBe(s.privacy.placesLeft_one.replace('{{count}}', '1'));
        await stone.scrollIntoViewIfNeeded();
        await screenshot(page, `44-erase-place-left-out-${language}`);
        await own.first().scrollIntoViewIfNeeded();
        await screenshot(page, `44b-erase-own-record-${language}`);

        await dialog.getByRole('button', { name: s.privacy.eraseConfirm }).click();
        await expect
          .poll(() => dialog.getByRole('status').first().textContent())
          .toContain(s.privacy.erased.split(':')[0]!);
        const text = ws.call('getInterview', { id: interview.id }).notes.text;
        // The study is Finnish: the marker is written in Finnish, whatever the UI's language.
        expect(text).toBe(
          'Uusi halli louhitaan suoraan kallioon. Kallio kestää nosturin, sanoi [poistettu].',
        );
        for (const form of ['Seppo', 'Sepon', 'Sepolta', 'Sepolla', 'Seppo Kallio'])
          expect(allNotes(ws)).not.toMatch(wholeWord(form));
      } finally {
        await app.close();
      }
    });
  }
});
