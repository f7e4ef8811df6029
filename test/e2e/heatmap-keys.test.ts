/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { formatter } from '../../shared/format.ts';
import { en } from '../../shared/i18n/en.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** Elements Tab stops at: visible, enabled, tabIndex 0 or more. */
const tabStops = (page: Page, within = 'body') =>
  page
    .locator(within)
    .evaluate(
      (root) =>
        [
          ...root.querySelectorAll<HTMLElement>(
            'a[href], button, input, select, textarea, summary, [tabindex]',
          ),
        ].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.checkVisibility())
          .length,
    );

const focusedName = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
  );

describe('heat maps take one Tab stop and are walked by arrow keys', () => {
  test('analysis: the crosstab and the matrix are one stop each; arrows, Home, End move; Enter drills down', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'en')!;
      const stats = ws.call('engagementStats', { engagementId: engagement.id });
      await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
      const crosstab = page.locator('[data-testid="crosstab"]');
      await crosstab.locator('tbody button').first().waitFor();

      // One stop per heat map, however many figures it holds.
      for (const table of ['[data-testid="crosstab"]', 'table.matrix']) {
        expect(await page.locator(`${table} tbody button`).count()).toBeGreaterThan(10);
        expect(await tabStops(page, table)).toBe(1);
      }
      const stops = await tabStops(page);
      // Issue 19 counted 386 (the matrix alone some 200); what is left is the other tables' figures and the page's controls.
      expect(stops).toBeLessThan(150);

      // The rows and columns with a figure, as the table shows them.
      const f = formatter('en');
      const tier = stats.crosstabs.tier;
      const rows = tier.rows.filter((r) => r.cells.some((c) => c.interviews > 0));
      const name = (r: number, c: number) => {
        const column = tier.columns[c]!;
        const cell = rows[r]!.cells[c]!;
        return fill(en.a11y.cell, {
          row: rows[r]!.code.en,
          column: en.account.tiers[column.value as keyof typeof en.account.tiers],
          value: `${f.percent(cell.interviews, column.n)} (${cell.interviews})`,
        });
      };
      const filled = (r: number) =>
        rows[r]!.cells.map((c, i) => (c.interviews > 0 ? i : -1)).filter((i) => i >= 0);

      // Tab from the attribute chips lands on the table's first figure…
      await page.locator('#section-crosstab .panel-head').getByRole('button').last().focus();
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe(name(0, filled(0)[0]!));
      // …the arrows move along the row and down the column, skipping empty cells.
      await page.keyboard.press('ArrowRight');
      expect(await focusedName(page)).toBe(name(0, filled(0)[1]!));
      await page.keyboard.press('End');
      expect(await focusedName(page)).toBe(name(0, filled(0).at(-1)!));
      await page.keyboard.press('Home');
      expect(await focusedName(page)).toBe(name(0, filled(0)[0]!));
      const col = filled(0)[0]!;
      const below = rows.findIndex((r, i) => i > 0 && r.cells[col]!.interviews > 0);
      await page.keyboard.press('ArrowDown');
      expect(await focusedName(page)).toBe(name(below, col));
      await page.keyboard.press('ArrowUp');
      expect(await focusedName(page)).toBe(name(0, col));
      await page.keyboard.press('Control+End');
      const lastRow = rows.length - 1;
      expect(await focusedName(page)).toBe(name(lastRow, filled(lastRow).at(-1)!));
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      const at = { row: below, col: filled(below).find((c) => c > col)! };
      expect(await focusedName(page)).toBe(name(at.row, at.col));
      await screenshot(page, 'heatmap-keys-crosstab');

      // Tab leaves the table; Shift+Tab comes back to the figure left.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('table') === null)).toBe(true);
      await page.keyboard.press('Shift+Tab');
      expect(await focusedName(page)).toBe(name(at.row, at.col));

      // Enter opens the figure's quotes, as a click does.
      const column = tier.columns[at.col]!;
      const expected = ws.call('findQuotes', {
        engagementId: engagement.id,
        codeIds: [rows[at.row]!.codeId],
        tiers: [column.value as 'key'],
      });
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.quote-card').count()).toBe(expected.length);
      const shown = await page
        .locator('.quote-card')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-coding')));
      expect(shown.sort()).toEqual(expected.map((q) => q.id).sort());
    } finally {
      await app.close();
    }
  });

  test('portfolio: the table is one stop and its figures are walked by arrows', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      await page.goto(`${chromium.url()}#/portfolio`);
      const portfolio = page.locator('[data-testid="portfolio"]');
      await portfolio.locator('tbody button').first().waitFor();
      expect(await portfolio.locator('tbody button').count()).toBeGreaterThan(10);
      // The engagements' links in the header stay stops of their own; the figures are one.
      const links = await portfolio.locator('thead a[href]').count();
      expect(await tabStops(page, '[data-testid="portfolio"]')).toBe(links + 1);
      await portfolio.locator('thead a[href]').last().focus();
      await page.keyboard.press('Tab');
      const first = await focusedName(page);
      expect(first).toBe(await portfolio.locator('tbody button').first().getAttribute('aria-label'));
      await page.keyboard.press('ArrowDown');
      const second = await focusedName(page);
      expect(second).not.toBe(first);
      expect(await page.evaluate(() => document.activeElement?.closest('tbody') !== null)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
