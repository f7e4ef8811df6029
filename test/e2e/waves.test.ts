/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import { auditPage, describeViolations } from './axe.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

describe('waves in Chromium', () => {
  test('fi: the demo’s Huoltovoima 2025 compared with 2024, same accounts first, keyboard only', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagements = ws.call('listEngagements', {});
      const later = engagements.find((e) => e.title === 'Asiakaskuuntelu 2025')!;
      const earlier = engagements.find((e) => e.title === 'Asiakaskuuntelu 2024')!;
      const comparison = ws.call('waveComparison', { engagementId: later.id });
      expect(comparison.panelFirst).toBe(true);

      // The list says which engagement is a wave of which.
      await page.goto(`${chromium.url()}#/`);
      await expect
        .poll(() => page.locator('.wave-of').allTextContents())
        .toEqual([fill(fi.waves.waveOf, { n: 2, title: earlier.title })]);
      await screenshot(page, 'waves-01-list-fi');

      await page.goto(`${chromium.url()}#/engagement/${later.id}/waves`);
      const heading = page.getByRole('heading', { name: fill(fi.waves.compared, { title: earlier.title }) });
      await heading.waitFor();
      await expect.poll(() => page.locator('figure[data-chart="waves"] svg text').count()).toBeGreaterThan(5);
      // The same accounts first: its chip is pressed, its bases are shown.
      const panelChip = page.getByRole('button', {
        name: fill(fi.waves.scopePanel, { count: comparison.panelAccounts }),
      });
      expect(await panelChip.getAttribute('aria-pressed')).toBe('true');
      const panel = comparison.panel!;
      await expect
        .poll(() => page.locator('.waves-comparison > p.muted').first().textContent())
        .toBe(
          fill(fi.waves.bases, {
            beforeInterviews: panel.base.before.interviews,
            afterInterviews: panel.base.after.interviews,
            beforeAccounts: panel.base.before.accounts,
            afterAccounts: panel.base.after.accounts,
          }),
        );
      // One row per theme; as many "Nousi" marks as the service marked up, and no arrow elsewhere.
      const themeRows = page.locator('.waves-table').nth(1).locator('tbody tr');
      expect(await themeRows.count()).toBe(panel.codes.length);
      const ups = panel.codes.filter((c) => c.change === 'up').length;
      expect(ups).toBeGreaterThan(0);
      // Counted in the themes table: a scale question's table may mark its own changes.
      expect(await themeRows.locator('td').filter({ hasText: fi.waves.marks.up }).count()).toBe(ups);
      expect(await themeRows.getByText('▲').count()).toBe(ups);
      await screenshot(page, 'waves-02-comparison-fi');
      await page.locator('figure[data-chart="waves"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'waves-02b-chart-fi');
      expect(describeViolations(await auditPage(page))).toBe('');

      // To all accounts by keyboard: Tab from the pressed chip to the next, Enter.
      await panelChip.focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const allChip = page.getByRole('button', { name: fi.waves.scopeAll });
      await expect.poll(() => allChip.getAttribute('aria-pressed')).toBe('true');
      await expect
        .poll(() => page.locator('.waves-table').nth(1).locator('tbody tr').count())
        .toBe(comparison.all!.codes.length);
      await page.getByRole('heading', { name: fi.waves.accountsHeading }).scrollIntoViewIfNeeded();
      await screenshot(page, 'waves-03-accounts-fi');
      expect(describeViolations(await auditPage(page))).toBe('');
    } finally {
      await app.close();
    }
  }, 180_000);

  test('en: start the next wave of a study with the keyboard, then compare it once interviews are held', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'en-GB' });
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const first = ws.call('listEngagements', {}).find((e) => e.clientName === 'Northbeam Cloud Ltd')!;
      const carry = ws.call('waveCarryOver', { engagementId: first.id });
      await page.goto(`${chromium.url()}#/engagement/${first.id}/waves`);
      await page.getByRole('heading', { name: en.waves.chain }).waitFor();
      expect(await page.getByText(en.waves.noPrevious).count()).toBe(1);
      await screenshot(page, 'waves-04-first-wave-en');

      await page.getByRole('button', { name: en.waves.startNext }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: fill(en.waves.startTitle, { title: first.title }) });
      await dialog.waitFor();
      // It says what goes over and what stays.
      await expect
        .poll(() => dialog.locator('.waves-carry li').allTextContents())
        .toEqual(
          (
            [
              ['carriedAccounts', carry.accounts],
              ['carriedPeople', carry.interviewees],
              ['carriedGuide', carry.guideQuestions],
              ['carriedCodes', carry.codes],
              ['carriedActions', carry.actions],
            ] as const
          )
            .filter(([, count]) => count > 0)
            .map(([key, count]) => fill(en.waves[`${key}_${count === 1 ? 'one' : 'other'}`], { count })),
        );
      expect(carry.accounts).toBeGreaterThan(0);
      expect(describeViolations(await auditPage(page))).toBe('');
      await screenshot(page, 'waves-05-start-dialog-en');
      // The title field has the focus; type and submit with Enter.
      await page.keyboard.type('Customer listening study 2027');
      await page.keyboard.press('Enter');
      // The app opens the new wave's Waves tab.
      await page.waitForURL((url) => url.hash.endsWith('/waves') && !url.hash.includes(first.id));
      const second = ws.call('listEngagements', {}).find((e) => e.title === 'Customer listening study 2027')!;
      expect(second).toMatchObject({ previousEngagementId: first.id, language: 'en', status: 'planned' });
      expect(page.url()).toContain(second.id);
      await expect
        .poll(() => page.locator('.waves-list li').allTextContents())
        .toEqual([
          expect.stringContaining(first.title),
          expect.stringContaining('Customer listening study 2027'),
        ]);

      // Interviews held in the new wave with the carried accounts and people.
      const accounts = ws.call('listAccounts', { engagementId: second.id });
      for (const [i, account] of accounts.entries()) {
        const person = account.interviewees[0];
        if (!person) continue;
        ws.call('updateInterviewee', { id: person.id, patch: { consent: 'given' } });
        ws.call('createInterview', {
          engagementId: second.id,
          accountId: account.id,
          intervieweeIds: [person.id],
          status: 'done',
          nps: 6 + (i % 5),
          satisfaction: 3 + (i % 3),
        });
      }
      await page.reload();
      await page.getByRole('heading', { name: fill(en.waves.compared, { title: first.title }) }).waitFor();
      await screenshot(page, 'waves-06-second-wave-en');
      expect(describeViolations(await auditPage(page))).toBe('');
      // The earlier engagement now names its next wave instead of offering another.
      await page.goto(`${chromium.url()}#/engagement/${first.id}/waves`);
      await page.getByText(fill(en.waves.followedBy, { title: 'Customer listening study 2027' })).waitFor();
      expect(await page.getByRole('button', { name: en.waves.startNext }).count()).toBe(0);
    } finally {
      await app.close();
    }
  }, 180_000);

  test('en: link an engagement to an earlier one of the same client from the Waves tab', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'en-GB' });
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagements = ws.call('listEngagements', {});
      const later = engagements.find((e) => e.title === 'Asiakaskuuntelu 2025')!;
      const earlier = engagements.find((e) => e.title === 'Asiakaskuuntelu 2024')!;
      ws.call('linkWave', { engagementId: later.id, previousEngagementId: null });
      await page.goto(`${chromium.url()}#/engagement/${later.id}/waves`);
      await page.getByRole('button', { name: en.waves.changeLink }).click();
      const dialog = page.getByRole('dialog', { name: en.waves.linkTitle });
      await dialog.waitFor();
      const select = dialog.getByLabel(en.waves.link);
      // Only the same client's other engagement is offered (and none).
      expect(await select.locator('option').allTextContents()).toEqual([
        en.waves.linkNone,
        expect.stringContaining(earlier.title),
      ]);
      expect(describeViolations(await auditPage(page))).toBe('');
      await screenshot(page, 'waves-07-link-dialog-en');
      await select.selectOption(earlier.id);
      await dialog.getByRole('button', { name: en.waves.linkSave }).click();
      await page.getByRole('heading', { name: fill(en.waves.compared, { title: earlier.title }) }).waitFor();
      expect(ws.call('getEngagement', { id: later.id }).previousEngagementId).toBe(earlier.id);
    } finally {
      await app.close();
    }
  }, 180_000);
});
