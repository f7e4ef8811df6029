import { describe, expect, test } from 'vitest';
import { personNamed } from '../helpers/workspace.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

describe('the Trash in Chromium', () => {
  test('a deleted interview comes back from the Trash with its codings', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'en')!;
      const interview = ws
        .call('listInterviews', { engagementId: engagement.id })
        .find((i) => ws.call('listCodings', { interviewId: i.id }).length > 2)!;
      const codings = ws.call('listCodings', { interviewId: interview.id });
      const notes = ws.call('getInterview', { id: interview.id }).notes;

      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await page.getByRole('tab', { name: 'Interview' }).click();
      await page.getByRole('button', { name: 'Delete interview' }).click();
      const dialog = page.getByRole('dialog', { name: /Delete/ });
      await expect
        .poll(() => dialog.innerText())
        .toContain('the Trash, where you can restore it for 30 days');
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect.poll(() => page.url()).toContain(`#/engagement/${engagement.id}`);
      expect(ws.raw('getInterview', { id: interview.id })).toMatchObject({ ok: false });

      await page.getByRole('link', { name: 'Trash' }).click();
      const item = page.getByTestId('trash-item');
      await expect.poll(() => item.innerText()).toContain(`${codings.length} codings`);
      expect(await item.innerText()).toContain(engagement.title);
      await screenshot(page, 'trash-en');
      await item.getByRole('button', { name: /^Restore / }).click();
      await expect.poll(() => page.getByText('The Trash is empty.').isVisible()).toBe(true);

      expect(ws.call('getInterview', { id: interview.id }).notes).toEqual(notes);
      expect(ws.call('listCodings', { interviewId: interview.id })).toEqual(codings);
      await page.goto(`${chromium.url()}#/interview/${interview.id}`);
      await expect
        .poll(() => page.locator('.notes-editor [data-coding]').count())
        .toBeGreaterThanOrEqual(codings.length);
    } finally {
      await app.close();
    }
  });

  test('in Finnish: deleting for good asks first and says it is final', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'fi')!;
      const finding = ws.call('listFindings', { engagementId: engagement.id })[0]!;
      ws.call('deleteFinding', { id: finding.id });
      await page.goto(`${chromium.url()}#/trash`);
      const item = page.getByTestId('trash-item');
      await expect.poll(() => item.innerText()).toContain(finding.title);
      expect(await item.innerText()).toContain('Löydös');
      await screenshot(page, 'trash-fi');
      await item.getByRole('button', { name: /lopullisesti/ }).click();
      const dialog = page.getByRole('dialog', { name: /lopullisesti/ });
      await expect.poll(() => dialog.innerText()).toContain('ylikirjoitetaan');
      await dialog.getByRole('button', { name: 'Peruuta' }).click();
      expect(ws.call('listTrash', {})).toHaveLength(1);
      await item.getByRole('button', { name: /lopullisesti/ }).click();
      await dialog.getByRole('button', { name: 'Poista lopullisesti' }).click();
      await expect.poll(() => page.getByText('Roskakori on tyhjä.').isVisible()).toBe(true);
      expect(ws.call('listTrash', {})).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('a person in the Trash can still be erased from there', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const person = personNamed(ws, 'Seppo Kallio');
      ws.call('deleteInterviewee', { id: person.id });
      await page.goto(`${chromium.url()}#/trash`);
      await page.getByRole('button', { name: 'Erase personal data: Seppo Kallio' }).click();
      const dialog = page.getByRole('dialog', { name: /Seppo Kallio/ });
      await expect.poll(() => dialog.innerText()).toMatch(/Sepo(n|lta|lla)/);
      await screenshot(page, 'trash-erase-en');
      await dialog.getByRole('button', { name: 'Erase permanently' }).click();
      await expect.poll(() => dialog.innerText()).toContain('Erased:');
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await expect.poll(() => page.getByTestId('trash-item').innerText()).toContain('[poistettu]'); // his study is in Finnish
      const kept = ws.db.prepare('SELECT label || changes FROM trash').pluck().get() as string;
      expect(kept).not.toMatch(/Seppo|Sepo[nl]|Kallio/);
    } finally {
      await app.close();
    }
  });
});
