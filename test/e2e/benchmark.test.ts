/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

/**
 * The demo's studies by period: Huoltovoima 2024 (7 held interviews), Huoltovoima 2025 (15), Northbeam
 * Feb–Apr 2026 (10 of 12 held: done or coded), Kvarnholm Apr–Jun 2026 (6 of 10; it begins before
 * Northbeam ends).
 */
const CASES = [
  {
    lang: 'fi',
    title: 'Asiakaskuuntelu 2025',
    label: 'Verrattuna yhteen aiempaan selvitykseen (n = 7 haastattelua), 2024',
    picked: 'Verrattuna 2 muuhun selvitykseen (n = 17 haastattelua), 2024–2026',
    later: 'Northbeam Cloud Ltd',
    earliest: 'Vertailukohdaksi ei ole aiempaa selvitystä.',
    legend: 'Aiempi selvitys (n = 7)',
  },
  {
    lang: 'en',
    title: 'Customer listening study 2026',
    label: 'Compared with 2 earlier studies (n = 22 interviews), 2024–2025',
    picked: 'Compared with 3 other studies (n = 28 interviews), 2024–2026',
    later: 'Kvarnholm Logistics AB',
    earliest: 'There is no earlier study to compare with.',
    legend: 'Mean of 2 earlier studies (n = 22)',
  },
] as const;

describe('benchmark section in Chromium', () => {
  for (const c of CASES) {
    test(`${c.lang}: says what it compares with; the picker lists every study with its period and n, and a pick is honoured`, async () => {
      const app = await openApp(chromium.browser(), chromium.url(), {
        locale: c.lang === 'fi' ? 'fi-FI' : 'en-GB',
      });
      const { page, ws } = app;
      try {
        ws.call('createDemo', {});
        const engagements = ws.call('listEngagements', {});
        const engagement = engagements.find((e) => e.title === c.title)!;
        await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
        const section = page.locator('#section-benchmark');
        const label = page.getByTestId('benchmark-label');
        await expect.poll(() => label.textContent()).toBe(c.label);
        // The chart names the comparators with their n and labels its bars.
        const chartText = () => section.locator('figure[data-chart="benchmark"] svg text').allTextContents();
        await expect.poll(async () => (await chartText()).join(' ')).toContain(c.legend);
        expect((await chartText()).filter((t) => /\d\s?%/.test(t)).length).toBeGreaterThan(4);
        await section.scrollIntoViewIfNeeded();
        await screenshot(page, `benchmark-${c.lang}`);

        // The picker: every other study, the earlier ones ticked.
        const picker = page.getByTestId('benchmark-picker');
        await picker.locator('summary').click();
        const rows = picker.locator('li');
        await expect.poll(() => rows.count()).toBe(engagements.length - 1);
        const choice = ws.call('benchmarkChoice', { engagementId: engagement.id });
        for (const candidate of choice.candidates) {
          const row = picker.locator(`li[data-engagement="${candidate.engagementId}"]`);
          expect(await row.locator('input').isChecked()).toBe(candidate.earlier);
          expect(await row.innerText()).toContain(`n = ${candidate.interviews}`);
        }
        await screenshot(page, `benchmark-${c.lang}-picker`);

        // Tick a later study: it is stored, and the label no longer calls them all earlier.
        await picker.locator('li').filter({ hasText: c.later }).locator('input').check();
        await expect.poll(() => label.textContent()).toBe(c.picked);
        expect(ws.call('benchmarkChoice', { engagementId: engagement.id }).picked).toBe(true);
        await screenshot(page, `benchmark-${c.lang}-picked`);
        await picker.locator('fieldset button').click();
        await expect.poll(() => label.textContent()).toBe(c.label);
        expect(ws.call('benchmarkChoice', { engagementId: engagement.id }).picked).toBe(false);

        // The first wave has nothing earlier: the section says so, with no chart or table.
        const first = engagements.find((e) => e.title === 'Asiakaskuuntelu 2024')!;
        await page.goto(`${chromium.url()}#/analysis/${first.id}`);
        await expect.poll(() => label.textContent()).toBe(c.earliest);
        expect(await section.locator('figure, table').count()).toBe(0);
        await section.scrollIntoViewIfNeeded();
        await screenshot(page, `benchmark-${c.lang}-none`);
      } finally {
        await app.close();
      }
    });
  }
});

describe('benchmark picker by keyboard', () => {
  test('Enter on its summary opens it; Escape folds it away and leaves the focus on the summary', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      ws.call('createDemo', {});
      const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'en')!;
      await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
      const picker = page.getByTestId('benchmark-picker');
      const summary = picker.locator('summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => picker.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await picker.getByRole('checkbox').first().focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => picker.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await summary.evaluate((s) => s === document.activeElement)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
