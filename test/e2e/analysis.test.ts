/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import { claimSentence } from '../../shared/claims.ts';
import { changeMeaning } from '../../shared/polarity.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

describe('analysis in Chromium', () => {
  test('every view renders with charts, and a heat-map cell drills down to exactly its quotes', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'fi')!;
      const stats = ws.call('engagementStats', { engagementId: engagement.id });
      await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
      await expect.poll(() => page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(4);
      for (const id of ['prevalence', 'nps', 'coverage', 'benchmark']) {
        await expect
          .poll(() => page.locator(`figure[data-chart="${id}"] svg text`).count())
          .toBeGreaterThan(3);
      }
      await screenshot(page, '14-analysis');
      await page.locator('#section-crosstab').scrollIntoViewIfNeeded();
      await screenshot(page, '15-analysis-crosstab');
      await page.locator('#section-keyPerson').scrollIntoViewIfNeeded();
      await screenshot(page, '16-analysis-keyperson');
      // Benchmark differences take the colour of what they mean for the client, not of their sign.
      await page.locator('#section-benchmark').scrollIntoViewIfNeeded();
      const changes = await page
        .locator('#section-benchmark tbody tr td[data-change]')
        .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-change')));
      expect(changes).toEqual(
        stats.benchmark.rows.map((r) =>
          changeMeaning(r.polarity, r.diff === null ? null : Math.round(r.diff)),
        ),
      );
      expect(changes).toContain('better');
      expect(changes).toContain('worse');
      await screenshot(page, '16b-analysis-benchmark');

      // The tier heat map: pick the cell of the most frequent code in the unmanaged column.
      const crosstab = stats.crosstabs.tier;
      const column = crosstab.columns.findIndex((c) => c.value === 'unmanaged');
      const row = crosstab.rows
        .filter((r) => r.cells[column]!.interviews > 0)
        .sort((a, b) => b.cells[column]!.interviews - a.cells[column]!.interviews)[0]!;
      const expected = ws.call('findQuotes', {
        engagementId: engagement.id,
        codeIds: [row.codeId],
        tiers: ['unmanaged'],
      });
      const cell = page
        .locator('[data-testid="crosstab"] tbody tr')
        .filter({ hasText: row.code.en })
        .locator('td')
        .nth(column);
      await cell.getByRole('button').click();
      await expect.poll(() => page.locator('.quote-card').count()).toBe(expected.length);
      const shown = await page
        .locator('.quote-card')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-coding')));
      expect(shown.sort()).toEqual(expected.map((q) => q.id).sort());
      // Its number counts interviews: the quotes come from exactly that many interviews.
      expect(new Set(expected.map((q) => q.interviewId)).size).toBe(row.cells[column]!.interviews);
      await screenshot(page, '17-drilldown-quotes');

      await page.goto(`${chromium.url()}#/portfolio`);
      await expect.poll(() => page.locator('[data-testid="portfolio"] tbody tr').count()).toBeGreaterThan(10);
      await screenshot(page, '18-portfolio');
    } finally {
      await app.close();
    }
  });

  test('findings board: evidence strength, suggested quotes and reordering', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.clientName.startsWith('Northbeam'))!;
      await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
      const findings = ws.call('listFindings', { engagementId: engagement.id });
      await expect.poll(() => page.locator('.finding').count()).toBe(findings.length);
      const first = findings[0]!;
      await expect
        .poll(() => page.locator('.finding').first().locator('.evidence').textContent())
        .toContain(claimSentence(first.claim, 'en'));
      await screenshot(page, '19-findings');

      await page.locator('.finding').first().getByRole('button', { name: 'Add quotes' }).click();
      const before = first.quotes.length;
      await page
        .locator('.finding')
        .first()
        .locator('.suggestions')
        .getByRole('button', { name: /Add/ })
        .first()
        .click();
      await expect
        .poll(() => ws.call('listFindings', { engagementId: engagement.id })[0]!.quotes.length)
        .toBe(before + 1);

      await page.locator('.finding').nth(1).getByRole('button', { name: 'Move up' }).click();
      await expect
        .poll(() => ws.call('listFindings', { engagementId: engagement.id })[0]!.id)
        .toBe(findings[1]!.id);
    } finally {
      await app.close();
    }
  });
});

describe('report export in Chromium', () => {
  test('the export dialog writes the report on a worker, with progress, and names the file', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.clientName.startsWith('Kvarnholm'))!;
      await page.goto(`${chromium.url()}#/findings/${engagement.id}`);
      await page.getByRole('button', { name: 'Export report' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export the findings report' });
      await dialog.getByLabel('File name').fill('Kvarnholm board report');
      await dialog.getByLabel('Hide interviewees and customer companies').check();
      await dialog.getByLabel('Appendix B: Codebook').uncheck();
      await screenshot(page, '20-export-dialog');
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect
        .poll(() => dialog.locator('.export-done').textContent(), { timeout: 30_000 })
        .toContain('Report ready');
      const path = `${ws.dir}/reports/Kvarnholm board report.docx`;
      expect((await dialog.locator('.export-done').textContent()) ?? '').toContain(path);
      const { existsSync, statSync } = await import('node:fs');
      expect(existsSync(path)).toBe(true);
      expect(statSync(path).size).toBeGreaterThan(20_000);
      await screenshot(page, '21-export-done');
    } finally {
      await app.close();
    }
  });
});
