/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import { resources } from '../../shared/i18n/index.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

describe('the sample on screen, in both languages', () => {
  for (const lang of ['en', 'fi'] as const) {
    test(`${lang}: the analysis says it is interim and marks shares of fewer than 5 interviews`, async () => {
      const app = await openApp(chromium.browser(), chromium.url(), {
        locale: lang === 'fi' ? 'fi-FI' : 'en-GB',
      });
      const { page, ws } = app;
      const a = resources[lang].translation.analysis;
      try {
        ws.call('createDemo', {});
        const engagement = ws.call('listEngagements', {}).find((e) => e.language === lang)!;
        // The Finnish demo study is complete: one more interview is planned, so it becomes interim.
        const [account] = ws.call('listAccounts', { engagementId: engagement.id });
        ws.call('createInterview', {
          engagementId: engagement.id,
          accountId: account!.id,
          status: 'planned',
        });
        const { sample, crosstabs } = ws.call('engagementStats', { engagementId: engagement.id });
        expect(sample.notYetHeld).toBeGreaterThan(0);

        await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
        const interim = page.getByTestId('interim');
        await expect
          .poll(() => interim.textContent())
          .toBe(
            a.interim.replace('{{held}}', String(sample.held)).replace('{{total}}', String(sample.total)),
          );

        // The tier table: columns under 5 interviews are hatched grey, with the legend under the table.
        const small = crosstabs.tier.columns.filter((c) => c.smallN).length;
        expect(small).toBeGreaterThan(0);
        const table = page.getByTestId('crosstab');
        const rows = crosstabs.tier.rows.filter((r) => r.cells.some((c) => c.interviews > 0)).length;
        await expect.poll(() => table.locator('tbody tr').count()).toBe(rows);
        await expect.poll(() => table.locator('td[data-small-n]').count()).toBe(small * rows);
        const hatched = await table
          .locator('td[data-small-n]')
          .first()
          .evaluate((td) => getComputedStyle(td).backgroundImage);
        expect(hatched).toContain('repeating-linear-gradient');
        await expect.poll(() => page.getByTestId('small-n-legend').textContent()).toContain(a.smallNCell);
        // A cell's n is within reach: its tooltip gives the count and the base.
        expect(await table.locator('td[data-small-n]').first().getAttribute('title')).toMatch(
          /\(\d+\/\d+\)$/,
        );

        await screenshot(page, `sample-${lang}-analysis`);
        await page.getByTestId('crosstab').scrollIntoViewIfNeeded();
        await screenshot(page, `sample-${lang}-crosstab`);

        // The portfolio: an engagement with one held interview has its column hatched, its NPS split.
        const pilot = ws.call('createEngagement', { clientName: 'Pilot', title: 'Pilot', language: lang }).id;
        const pilotAccount = ws.call('createAccount', { engagementId: pilot, name: 'P1', tier: 'key' }).id;
        ws.call('createInterview', { engagementId: pilot, accountId: pilotAccount, status: 'done', nps: 9 });
        await page.goto(`${chromium.url()}#/portfolio`);
        const portfolio = page.getByTestId('portfolio');
        const codes = ws.call('portfolio', {}).codes.length;
        await expect.poll(() => portfolio.locator('td[data-small-n]').count()).toBe(codes);
        await expect
          .poll(() => portfolio.locator('th', { hasText: 'Pilot' }).locator('.nps-split').textContent())
          .toContain(
            a.npsSplit
              .replace('{{promoters}}', '1')
              .replace('{{passives}}', '0')
              .replace('{{detractors}}', '0'),
          );
        await expect
          .poll(() => page.getByTestId('small-n-legend').textContent())
          .toContain(a.smallNPortfolio);
        await screenshot(page, `sample-${lang}-portfolio`);
      } finally {
        await app.close();
      }
    });
  }

  test('fi: a quote whose interviewee has not yet given consent is marked in the quotes view', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'fi')!;
      // The Finnish demo has one held interview with consent pending: find a code quoted from it.
      const codes = ws.call('getCodebook', { engagementId: engagement.id }).filter((c) => !c.isGroup);
      const code = codes.find((c) =>
        ws.call('findQuotes', { engagementId: engagement.id, codeIds: [c.id] }).some((q) => !q.quotable),
      )!;
      const quotes = ws.call('findQuotes', { engagementId: engagement.id, codeIds: [code.id] });
      const pending = quotes.filter((q) => !q.quotable);
      await page.goto(`${chromium.url()}#/quotes/${engagement.id}`);
      // The label is the name and its usage count.
      const name = code.name.fi.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await page.getByRole('checkbox', { name: new RegExp(`^${name} \\d+$`) }).check();
      await expect.poll(() => page.locator('.quote-card').count()).toBe(quotes.length);
      await expect.poll(() => page.getByTestId('consent-pending').count()).toBe(pending.length);
      const card = page.locator(`.quote-card[data-coding="${pending[0]!.id}"]`);
      expect(await card.getByTestId('consent-pending').textContent()).toBe(
        resources.fi.translation.quotes.consentPending,
      );
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'sample-fi-quotes-pending');
    } finally {
      await app.close();
    }
  });
});
