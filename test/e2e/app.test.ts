import { describe, expect, test } from 'vitest';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

describe('foundation flow in Chromium', () => {
  test('create engagement, account, interviewee and interview; notes survive a reload; language switch', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Kuulo' }).isVisible()).toBe(true);
      await screenshot(page, '01-first-run');

      // Ctrl+N opens the new-engagement form on the start screen.
      await page.keyboard.press('Control+n');
      const form = page.getByRole('dialog', { name: 'New engagement' });
      await form.getByLabel(/^Client/).fill('Pohjolan Kone Oy');
      await form.getByLabel(/^Title/).fill('Customer listening 2026');
      await form.getByLabel('Industry').fill('Industrial maintenance');
      await form.getByLabel('Report language').selectOption('en');
      await form.getByRole('button', { name: 'Create' }).click();

      // A new engagement opens on its accounts tab.
      await page.getByRole('button', { name: '+ New account' }).click();
      const accountForm = page.getByRole('dialog', { name: 'New account' });
      await accountForm.getByLabel(/^Name/).fill('Kestävä Teräs Oy');
      await accountForm.getByLabel(/^Tier/).selectOption('key');
      await accountForm.getByLabel('Lifecycle stage').selectOption('development');
      await accountForm.getByLabel('Annual revenue (€)').fill('1200000');
      await accountForm.getByRole('button', { name: 'Create' }).click();

      await page.getByRole('button', { name: '+ Add interviewee' }).click();
      const personForm = page.getByRole('dialog', { name: 'Add interviewee' });
      await personForm.getByLabel(/^Name/).fill('Äijälä Öhman');
      await personForm.getByLabel('Job title').fill('Head of Operations');
      await personForm.getByLabel(/^Role level/).selectOption('strategic');
      await personForm.getByRole('button', { name: 'Create' }).click();
      await expect.poll(() => page.getByText('Äijälä Öhman').isVisible()).toBe(true);
      await screenshot(page, '03-engagement-accounts');

      await page.getByRole('tab', { name: /Interviews/ }).click();
      await page.getByRole('button', { name: '+ New interview' }).click();
      const interviewForm = page.getByRole('dialog', { name: 'New interview' });
      await interviewForm.getByLabel(/Äijälä Öhman/).check();
      await interviewForm.getByLabel('Interviewer').fill('Consultant C');
      await interviewForm.getByRole('button', { name: 'Create' }).click();

      const editor = page.locator('.notes-editor');
      await editor.click();
      await page.keyboard.type('Background: relationship rests on one contact person. ');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Käyttöönotto venyi — “nobody told delivery what we bought”.');
      await expect.poll(() => page.locator('.save-state').getAttribute('data-state')).toBe('saved');

      // Scores and the relationship map are stored as they are set.
      await page.getByRole('tab', { name: 'Interview' }).click();
      await page
        .getByRole('group', { name: /recommend/ })
        .getByRole('button', { name: '9', exact: true })
        .click();
      await page.getByLabel('Client person').fill('Matti Myyjä');
      await page.getByLabel('Their role').fill('Account manager');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect.poll(() => page.getByText('Only one contact known').isVisible()).toBe(true);
      await screenshot(page, '04-interview');

      await page.reload();
      await expect
        .poll(() => page.locator('.notes-editor').innerText())
        .toContain('nobody told delivery what we bought');
      const [engagement] = ws.call('listEngagements', {});
      const [interview] = ws.call('listInterviews', { engagementId: engagement!.id });
      const detail = ws.call('getInterview', { id: interview!.id });
      expect(detail.notes.text).toBe(
        'Background: relationship rests on one contact person. \nKäyttöönotto venyi — “nobody told delivery what we bought”.',
      );
      expect(detail.nps).toBe(9);
      expect(detail.relationships.map((r) => r.clientPerson)).toEqual(['Matti Myyjä']);
      expect(detail.interviewees.map((p) => p.name)).toEqual(['Äijälä Öhman']);

      // Switch the UI to Finnish and back; the choice is stored and survives a reload.
      await page.keyboard.press('Control+,');
      await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Suomi').click();
      await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Arviot' }).isVisible()).toBe(true);
      await page.reload();
      await page.getByRole('tab', { name: 'Haastattelu' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Suhdekartta' }).isVisible()).toBe(true);
      await screenshot(page, '05-interview-fi');
      await page.getByRole('button', { name: 'Asetukset' }).click();
      await page.getByRole('dialog', { name: 'Asetukset' }).getByLabel('English').click();
      await page.getByRole('dialog', { name: 'Asetukset' }).getByRole('button', { name: 'Tallenna' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Relationship map' }).isVisible()).toBe(true);
      expect(ws.call('getSettings', {}).language).toBe('en');
    } finally {
      await app.close();
    }
  });

  test('first run offers sample data, and the sample workspace opens', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page } = app;
    try {
      await page.getByRole('button', { name: /Start with sample data/ }).click();
      await expect.poll(() => page.locator('.card').count()).toBe(4);
      await screenshot(page, '02-engagement-list');
      await page.locator('.card').filter({ hasText: 'EN' }).first().click();
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(5);
      await screenshot(page, '06-engagement-interviews');
      await page.getByRole('tab', { name: /Accounts and people/ }).click();
      await expect.poll(() => page.locator('.account').count()).toBeGreaterThan(3);
      await screenshot(page, '07-sample-accounts');
      await page.getByRole('tab', { name: /Interviews/ }).click();
      // Open the longest interview to see real notes.
      const words = await page.locator('tbody tr td.num').allInnerTexts();
      const longest = words
        .map((w) => Number(w.replace(/\D/g, '')))
        .reduce((best, n, i, all) => (n > all[best]! ? i : best), 0);
      await page.locator('tbody tr').nth(longest).click();
      await expect.poll(() => page.locator('.notes-editor p').count()).toBeGreaterThan(3);
      await screenshot(page, '08-sample-interview');
    } finally {
      await app.close();
    }
  });

  test('deleting asks first and says what goes with it', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const target = ws.call('listEngagements', {}).find((e) => e.language === 'fi')!;
      const accounts = ws.call('listAccounts', { engagementId: target.id });
      await page.goto(`${chromium.url()}#/engagement/${target.id}/interviews`);
      await page.getByRole('button', { name: `Delete ${target.title}`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: /Delete/ });
      await expect.poll(() => dialog.innerText()).toContain(`${accounts.length} accounts`);
      await screenshot(page, '09-delete-confirmation');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(ws.call('listEngagements', {})).toHaveLength(4);
      await page.getByRole('button', { name: `Delete ${target.title}`, exact: true }).click();
      await page
        .getByRole('dialog', { name: /Delete/ })
        .getByRole('button', { name: 'Delete', exact: true })
        .click();
      await expect.poll(() => page.locator('.card').count()).toBe(3);
      expect(ws.call('listEngagements', {}).map((e) => e.id)).not.toContain(target.id);
    } finally {
      await app.close();
    }
  });
});
