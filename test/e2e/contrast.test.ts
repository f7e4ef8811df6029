/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { contrastRatio } from '../../shared/contrast.ts';
import { auditPage, describeViolations } from './axe.ts';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

/** Text contrast (WCAG 1.4.3) as axe judges it on the screen as rendered, at any impact. */
async function contrastFailures(page: Page): Promise<string> {
  return describeViolations((await auditPage(page)).filter((v) => v.rule === 'color-contrast'));
}

/** `rgb(r, g, b)` from getComputedStyle as #rrggbb. */
const hex = (css: string): string => {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return `#${[r, g, b]
    .map((c) =>
      Math.round(c ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
};

describe('colour contrast on the demo, in English and Finnish', () => {
  for (const { locale, lang } of [
    { locale: 'en-GB', lang: 'en' },
    { locale: 'fi-FI', lang: 'fi' },
  ]) {
    test(`${lang}: analysis with heat maps, portfolio, engagement, coded notes and the code picker pass AA contrast`, async () => {
      const app = await openApp(chromium.browser(), chromium.url(), { locale });
      const { page, ws } = app;
      const failures: string[] = [];
      const audit = async (screen: string) => {
        const found = await contrastFailures(page);
        if (found) failures.push(`${screen}:\n${found}`);
      };
      try {
        ws.call('createDemo', {});
        const engagement = ws.call('listEngagements', {}).find((e) => e.language === 'fi')!;

        await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
        await expect.poll(() => page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(4);
        await audit('analysis');
        await screenshot(page, `contrast-${lang}-charts`);
        // The series palette and the benchmark's grey, for the eye (their contrast is checked in chart-palette.test.ts).
        await page.locator('#section-coverage').scrollIntoViewIfNeeded();
        await screenshot(page, `contrast-${lang}-coverage`);
        await page.locator('#section-benchmark').scrollIntoViewIfNeeded();
        await screenshot(page, `contrast-${lang}-benchmark`);
        await page.locator('#section-crosstab').scrollIntoViewIfNeeded();
        // The heat map is drawn in colour: at least one cell on the darkest steps is there to judge.
        expect(
          await page.locator('[data-testid="crosstab"] td[style*="background"]').count(),
        ).toBeGreaterThan(5);
        await audit('crosstab');
        await screenshot(page, `contrast-${lang}-crosstab`);
        // A focused cell's ring is its ink: 3:1 or more against the cell it sits on.
        const cell = page.locator('[data-testid="crosstab"] td[style*="background"] .num-link').first();
        await cell.focus();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
        const ring = await cell.evaluate((el) => {
          const style = getComputedStyle(el);
          return {
            outline: style.outlineColor,
            width: style.outlineWidth,
            cell: getComputedStyle(el.parentElement!).backgroundColor,
          };
        });
        expect(ring.width).toBe('2px');
        expect(contrastRatio(hex(ring.outline), hex(ring.cell))).toBeGreaterThanOrEqual(3);
        await page.locator('#section-cooccurrence').scrollIntoViewIfNeeded();
        await audit('co-occurrence');
        await screenshot(page, `contrast-${lang}-cooccurrence`);

        await page.goto(`${chromium.url()}#/portfolio`);
        await expect
          .poll(() => page.locator('[data-testid="portfolio"] tbody tr').count())
          .toBeGreaterThan(3);
        await audit('portfolio');
        await screenshot(page, `contrast-${lang}-portfolio`);

        // A retired code is shown muted, not faded to 2:1.
        const retired = ws.call('getCodebook', { engagementId: engagement.id }).find((c) => !c.isGroup)!;
        ws.call('updateCode', { id: retired.id, patch: { retired: true } });
        await page.goto(`${chromium.url()}#/codebook/${engagement.id}`);
        await page.locator('.page-header input[type="checkbox"]').check();
        await page.locator('.code-row.retired').first().waitFor();
        await audit('codebook with a retired code');
        ws.call('updateCode', { id: retired.id, patch: { retired: false } });

        await page.goto(`${chromium.url()}#/engagement/${engagement.id}/interviews`);
        await page.locator('.count').first().waitFor();
        await audit('engagement');

        const interview = ws
          .call('listInterviews', { engagementId: engagement.id })
          .find((i) => ws.call('listCodings', { interviewId: i.id }).length > 2)!;
        await page.goto(`${chromium.url()}#/interview/${interview.id}`);
        const coded = page.locator('.notes-editor [data-coding]');
        await coded.first().waitFor();
        await audit('interview');
        await screenshot(page, `contrast-${lang}-coded-notes`);
        // Every coded passage is underlined 3:1 or more against the white page, whatever its code's colour.
        const underlines = await coded.evaluateAll((spans) =>
          spans.map((s) => getComputedStyle(s).boxShadow.match(/rgb\([^)]*\)/)?.[0] ?? ''),
        );
        expect(underlines.length).toBeGreaterThan(2);
        for (const u of underlines) expect(contrastRatio(hex(u), '#ffffff')).toBeGreaterThanOrEqual(3);
        // The timestamp gutter is drawn by ::before, which axe does not read: judge it here.
        const stamps: string[] = await page
          .locator('.show-ts .notes-editor p[data-ts]')
          .evaluateAll((ps) => ps.map((p) => getComputedStyle(p, '::before').color));
        for (const colour of stamps)
          expect(contrastRatio(hex(colour), '#ffffff')).toBeGreaterThanOrEqual(4.5);

        await page.locator('.notes-editor').click();
        await page.keyboard.press('Control+k');
        // The active option's tint lies under its muted group name.
        await page.locator('#code-options [role="option"][aria-selected="true"]').waitFor();
        await audit('code picker');
        await screenshot(page, `contrast-${lang}-picker`);

        expect(failures.join('\n')).toBe('');
      } finally {
        await app.close();
      }
    });
  }
});
