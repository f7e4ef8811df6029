import { describe, expect, test } from 'vitest';
import { workbook } from '../fixtures/account-lists.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

/** A client's list as it comes: a title row, Finnish headers, a column the app does not know by name. */
async function clientList(): Promise<Buffer> {
  return Buffer.from(
    await workbook([
      {
        name: 'Asiakkaat',
        rows: [
          ['Asiakaslista syksy 2026'],
          [
            'Yritys',
            'Ryhmä',
            'Liikevaihto',
            'Yhteyshenkilö',
            'Titteli',
            'Päätösvalta',
            'Sähköposti',
            'Kanava',
          ],
          [
            'Valio Oy',
            'Avainasiakas',
            '1 200 000 €',
            'Liisa Laine',
            'Ostojohtaja',
            'päättäjä',
            'liisa.laine@valio.example',
            'kenttämyynti',
          ],
          [
            'Kesko Oyj',
            'B',
            2_500_000,
            'Ville Vallaton',
            'Kategoriapäällikkö',
            'vaikuttaja',
            'ville@kesko.example',
            'verkko',
          ],
          ['Kesko', '', '', 'Pirjo Pomo', '', '', '', ''],
          ['Hartwall', 'kultainen', 'paljon', '', '', '', '', ''],
          ['Valio', 'platina', '', '', '', '', '', ''],
        ],
      },
    ]),
  );
}

for (const { locale, lang } of [
  { locale: 'en-GB', lang: 'en' },
  { locale: 'fi-FI', lang: 'fi' },
] as const) {
  describe(`importing an account list in Chromium (${lang})`, () => {
    test('column mapping, a duplicate of an existing account, summary, confirm, the list reloads', async () => {
      const app = await openApp(chromium.browser(), chromium.url(), { locale });
      const { page, ws } = app;
      const fi = lang === 'fi';
      try {
        const engagementId = ws.call('createEngagement', {
          clientName: 'Asiakas',
          title: 'Kuuntelu',
          language: lang,
        }).id;
        const valio = ws.call('createAccount', { engagementId, name: 'Valio', tier: 'named' });
        await page.goto(`${chromium.url()}#/engagement/${engagementId}/accounts`);

        await page.getByRole('button', { name: fi ? 'Tuo lista' : 'Import list' }).click();
        const dialog = page.getByRole('dialog', {
          name: fi ? 'Tuo asiakkaat ja henkilöt' : 'Import accounts and people',
        });
        // A file that is not a workbook is refused in words, and the dialog stays to choose another.
        await dialog.locator('input[type=file]').setInputFiles({
          name: 'rikki.xlsx',
          mimeType: 'application/octet-stream',
          buffer: Buffer.from('Asiakas;Myynti\nA;1\n'),
        });
        await expect
          .poll(() => dialog.getByRole('alert').innerText())
          .toContain(fi ? 'ei ole Excel-työkirja' : 'is not an Excel workbook');
        await screenshot(page, `account-import-refused-${lang}`);
        // Headless Chromium does not always open a file chooser from Enter right after another one:
        // the picker is opened by a click here; the mapping and summary below are still driven by keyboard.
        const chooseFile = dialog.getByRole('button', { name: fi ? 'Valitse tiedosto…' : 'Choose file…' });
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), chooseFile.click()]);
        await chooser.setFiles({
          name: 'asiakkaat.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await clientList(),
        });
        // The suggestion is preselected; the column it does not know ("Päätösvalta" is, "Kanava" is not).
        const roleSelect = dialog.getByRole('combobox', { name: /^Päätösvalta:/ });
        await expect.poll(() => roleSelect.inputValue()).toBe('roleLevel');
        expect(await dialog.getByRole('combobox', { name: /^Yritys:/ }).inputValue()).toBe('name');
        expect(await dialog.getByRole('combobox', { name: /^Kanava:/ }).inputValue()).toBe('');
        expect(await dialog.getByRole('combobox', { name: /^Sähköposti:/ }).inputValue()).toBe('email');
        // The note under the mapping says the addresses are saved with the people.
        expect(await dialog.innerText()).toContain(
          fi
            ? 'Sähköpostiosoitteet tallennetaan henkilöiden tietoihin'
            : 'E-mail addresses are saved with the people',
        );
        // The consultant changes one: "Ryhmä" is the tier (suggested) — and leaves revenue out by keyboard.
        const revenue = dialog.getByRole('combobox', { name: /^Liikevaihto:/ });
        expect(await revenue.inputValue()).toBe('revenue');
        await revenue.focus();
        await page.keyboard.press('Home'); // the first option: leave the column out
        await expect.poll(() => revenue.inputValue()).toBe('');
        await screenshot(page, `account-import-mapping-${lang}`);

        // Tab from the last column's select reaches the footer: Cancel, then Show summary.
        await dialog.getByRole('combobox', { name: /^Kanava:/ }).focus();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        const totals = dialog.getByRole('list', { name: fi ? 'Mitä tuodaan' : 'What will be imported' });
        await expect.poll(() => totals.innerText()).toContain(fi ? '2 uutta asiakasta' : '2 new accounts');
        expect(await totals.innerText()).toContain(
          fi ? '1 asiakas on jo toimeksiannossa' : '1 account already in the engagement',
        );
        expect(await totals.innerText()).toContain(fi ? '3 uutta henkilöä' : '3 new people');
        const body = await dialog.innerText();
        expect(body).toContain(fi ? 'Rivi 6' : 'Row 6');
        expect(body).toContain('kultainen');
        // An unknown tier on an account already there: its stored tier stays, and the dialog says so.
        expect(body).toContain(
          fi
            ? 'Asiakasryhmä ”platina” ei ole sovelluksen tuntema arvo: tallennettu arvo Nimetty asiakas säilyy.'
            : 'Tier “platina” is not one the app knows: the stored Named account is kept.',
        );
        await screenshot(page, `account-import-summary-${lang}`);

        await dialog.getByRole('button', { name: fi ? 'Tuo' : 'Import', exact: true }).click();
        await expect.poll(() => dialog.isVisible()).toBe(false);
        const cards = page.locator('.accounts');
        await expect.poll(() => cards.innerText()).toContain('Kesko Oyj');
        expect(await cards.innerText()).toContain('Pirjo Pomo');
        // Each person's address is shown with their details.
        expect(await cards.innerText()).toContain('liisa.laine@valio.example');
        expect(await cards.innerText()).toContain('ville@kesko.example');
        await screenshot(page, `account-import-done-${lang}`);
        // The person's form holds the address, to correct by hand.
        await page
          .locator('.people li', { hasText: 'Liisa Laine' })
          .getByRole('button', { name: fi ? 'Muokkaa: Liisa Laine' : 'Edit Liisa Laine', exact: true })
          .click();
        const personForm = page.getByRole('dialog', {
          name: fi ? 'Muokkaa haastateltavaa' : 'Edit interviewee',
        });
        expect(await personForm.getByLabel(fi ? 'Sähköposti' : 'E-mail').inputValue()).toBe(
          'liisa.laine@valio.example',
        );
        await screenshot(page, `account-import-person-${lang}`);
        await personForm.getByRole('button', { name: fi ? 'Peruuta' : 'Cancel' }).click();

        const accounts = ws.call('listAccounts', { engagementId });
        expect(accounts.map((a) => [a.name, a.tier, a.revenue]).sort()).toEqual(
          [
            ['Hartwall', 'unmanaged', null],
            ['Kesko Oyj', 'named', null],
            ['Valio', 'named', null],
          ].sort(),
        );
        expect(
          accounts.find((a) => a.id === valio.id)?.interviewees.map((p) => [p.name, p.roleLevel]),
        ).toEqual([['Liisa Laine', 'strategic']]);

        // The Trash undoes the import: what it added goes, the account that was there stays.
        await page.goto(`${chromium.url()}#/trash`);
        const item = page.getByTestId('trash-item');
        await expect.poll(() => item.innerText()).toContain('asiakkaat.xlsx');
        await screenshot(page, `account-import-trash-${lang}`);
        await item
          .getByRole('button', {
            name: fi ? 'Peru tiedoston asiakkaat.xlsx tuonti' : 'Undo import of asiakkaat.xlsx',
          })
          .click();
        await expect.poll(() => ws.call('listAccounts', { engagementId }).length).toBe(1);
        expect(ws.call('listAccounts', { engagementId })[0]).toMatchObject({
          id: valio.id,
          interviewees: [],
        });
      } finally {
        await app.close();
      }
    });
  });
}
