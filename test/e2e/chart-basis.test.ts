/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

describe('charts in the analysis view say what they rest on', () => {
  test.each([
    ['fi', 'n\u00a0=\u00a015 tehtyä haastattelua', 'Teeman esiintyvyys haastatteluissa'],
    ['en', 'n\u00a0=\u00a010 held interviews', 'Share of interviews where each theme comes up'],
  ] as const)(
    '%s: the prevalence chart shows every theme, named whole, with n under it',
    async (lang, basis, title) => {
      const app = await openApp(chromium.browser(), chromium.url(), {
        locale: lang === 'fi' ? 'fi-FI' : 'en-GB',
      });
      const { page, ws } = app;
      try {
        ws.call('createDemo', {});
        const engagement = ws
          .call('listEngagements', {})
          .find((e) => (lang === 'fi' ? e.language === 'fi' : e.clientName.startsWith('Northbeam')))!;
        const stats = ws.call('engagementStats', { engagementId: engagement.id });
        const used = stats.prevalence.filter((p) => p.interviews > 0);
        expect(stats.base.interviews).toBe(Number(/\d+/.exec(basis)![0]));
        await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
        const figure = page.locator('figure[data-chart="prevalence"]');
        await expect.poll(() => figure.locator('figcaption').textContent()).toBe(basis);
        // The chart draws after its caption: wait for its text before reading it.
        const svgText = () => figure.locator('svg text').allTextContents();
        await expect.poll(async () => (await svgText()).includes(title)).toBe(true);
        const texts = await svgText();
        // All themes fit under the limit: the title does not claim a cut, and no name is cut short.
        expect(texts.join('\n')).not.toContain('…');
        const labels = texts.join(' ').replace(/\s+/g, ' ');
        for (const row of used) expect(labels).toContain(row.code[lang]);
        await figure.scrollIntoViewIfNeeded();
        await screenshot(page, `chart-basis-${lang}-prevalence`);
      } finally {
        await app.close();
      }
    },
  );
});
