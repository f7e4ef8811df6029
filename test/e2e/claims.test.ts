import { describe, expect, test } from 'vitest';
import { claimSentence } from '../../shared/claims.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

/** What the consultant sets in the finding editor, and what the card must then say (codes in either order). */
const CASES = {
  en: {
    client: 'Northbeam',
    finding: 'Customers fall between the new platform teams',
    edit: 'Edit Customers fall between the new platform teams',
    save: 'Save',
    counted: 'What the figure measures: Counted codes',
    add: 'Sales-to-delivery handoff failure',
    sentiment: ['Sentiment', 'Negative (raised as a problem)'],
    segment: ['Measured over', 'Key accounts'],
    unit: ['Counted in', 'Accounts'],
    // Northbeam has two key accounts: a small n, marked.
    expected:
      /^Key accounts: in \d of 2 accounts, interviews raised (silos or sales-to-delivery handoff failure|sales-to-delivery handoff failure or silos) as a problem \(\d+%\) — small n, an indication only$/,
    tiers: 'By tier:',
  },
  fi: {
    client: 'Huoltovoima',
    finding: 'Avainasiakkuudet ovat muutaman ihmisen varassa',
    edit: 'Muokkaa: Avainasiakkuudet ovat muutaman ihmisen varassa',
    save: 'Tallenna',
    counted: 'Mitä luku mittaa: Laskettavat koodit',
    add: 'Henkilövaihdos',
    sentiment: ['Sävy', 'Kielteinen (ongelmana)'],
    segment: ['Keneltä mitataan', 'Hoitamattomat asiakkaat'],
    unit: ['Laskentayksikkö', 'Asiakkaat'],
    // Huoltovoima has three unmanaged accounts: a small n, marked.
    expected:
      /^Hoitamattomat asiakkaat: \d\/3 asiakkaan haastatteluissa nousi esiin (avainhenkilöriski tai henkilövaihdos|henkilövaihdos tai avainhenkilöriski) ongelmana \(\d+\u00a0%\) – pieni otos, vain suuntaa antava$/,
    tiers: 'Asiakasryhmittäin:',
  },
} as const;

describe('findings board: a finding’s claim', () => {
  for (const lang of ['en', 'fi'] as const) {
    test(`${lang}: the consultant sets what the figure measures and the card says it with its n`, async () => {
      const c = CASES[lang];
      const app = await openApp(chromium.browser(), chromium.url(), {
        locale: lang === 'fi' ? 'fi-FI' : 'en-GB',
      });
      const { page, ws } = app;
      try {
        ws.call('createDemo', {});
        const engagement = ws.call('listEngagements', {}).find((e) => e.clientName.startsWith(c.client))!;
        await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
        const card = page.locator(`.finding[data-finding="${c.finding}"]`);
        const before = ws
          .call('listFindings', { engagementId: engagement.id })
          .find((f) => f.title === c.finding)!;
        // The demo's claim is on the card as it is stated everywhere.
        await expect
          .poll(() => card.getByTestId('claim').textContent())
          .toBe(claimSentence(before.claim, lang));

        await card.getByRole('button', { name: c.edit, exact: true }).click();
        const dialog = page.getByRole('dialog');
        const counted = dialog.getByRole('group', { name: c.counted });
        await counted.getByRole('checkbox', { name: c.add, exact: true }).check();
        await dialog
          .getByRole('combobox', { name: new RegExp(`^${c.sentiment[0]}`) })
          .selectOption({ label: c.sentiment[1] });
        await dialog
          .getByRole('combobox', { name: new RegExp(`^${c.segment[0]}`) })
          .selectOption({ label: c.segment[1] });
        await dialog
          .getByRole('combobox', { name: new RegExp(`^${c.unit[0]}`) })
          .selectOption({ label: c.unit[1] });
        await counted.scrollIntoViewIfNeeded();
        await screenshot(page, `claims-${lang}-editor`);
        await dialog.getByRole('button', { name: c.save, exact: true }).click();

        await expect.poll(() => card.getByTestId('claim').textContent()).toMatch(c.expected);
        const after = ws
          .call('listFindings', { engagementId: engagement.id })
          .find((f) => f.title === c.finding)!;
        expect(after.claim).toMatchObject({
          sentiment: 'negative',
          segment: { kind: 'tier', value: lang === 'en' ? 'key' : 'unmanaged' },
          unit: 'accounts',
        });
        expect(after.claim.codeIds).toHaveLength(2);
        expect(await card.getByTestId('claim').textContent()).toBe(claimSentence(after.claim, lang));
        // Two or three accounts are a small n: the meter is grey, not the confident accent colour.
        const meter = card.getByTestId('claim').locator('.evidence-meter');
        expect(await meter.getAttribute('data-small-n')).toBe('true');
        const accent = await meter.locator('span').evaluate((e) => getComputedStyle(e).backgroundImage);
        expect(accent).toContain('repeating-linear-gradient');
        // The evidence box breaks it down by tier; the segment leaves one tier in the base.
        const tiers = (await card.getByTestId('claim-tiers').textContent()) ?? '';
        expect(tiers.startsWith(c.tiers)).toBe(true);
        expect(await card.getByTestId('claim-tiers').locator('.badge').count()).toBe(1);
        await card.scrollIntoViewIfNeeded();
        await screenshot(page, `claims-${lang}-board`);
      } finally {
        await app.close();
      }
    });
  }
});
