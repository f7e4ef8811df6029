import { describe, expect, test } from 'vitest';
import { chromiumPerFile, openApp, screenshot } from './harness.ts';

const chromium = chromiumPerFile();

/** The analysis view's code, a chunk of its own loaded when the view is first opened. */
const ANALYSIS_CHUNK = /\/assets\/AnalysisView-[^/]*\.js$/;

describe('a view whose code cannot be loaded', () => {
  test('shows a message with Try again in its place, and loads once the code can be read', async () => {
    const app = await openApp(chromium.browser(), chromium.url());
    const { page, ws } = app;
    try {
      const engagement = ws.call('createEngagement', {
        clientName: 'Asiakas Oy',
        title: 'Study',
        language: 'en',
      });
      // A file replaced by an update, or a read error: the request for the chunk fails.
      await page.route(ANALYSIS_CHUNK, (route) => route.abort());
      await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
      const failure = page.getByRole('alert').filter({ hasText: 'This part of Kuulo could not be opened.' });
      await expect.poll(() => failure.isVisible()).toBe(true);
      // The rest of the window stays: the header and its links still work.
      expect(await page.getByRole('button', { name: 'Settings' }).isVisible()).toBe(true);
      await screenshot(page, 'lazy-view-failed-en');

      await page.unroute(ANALYSIS_CHUNK);
      await failure.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Prevalence' }).isVisible()).toBe(true);
      expect(await failure.count()).toBe(0);
      await screenshot(page, 'lazy-view-retried-en');
    } finally {
      await app.close();
    }
  });

  test('in Finnish; going to another view and back also tries again', async () => {
    const app = await openApp(chromium.browser(), chromium.url(), { locale: 'fi-FI' });
    const { page, ws } = app;
    try {
      const engagement = ws.call('createEngagement', {
        clientName: 'Asiakas Oy',
        title: 'Kuuntelu',
        language: 'fi',
      });
      await page.route(ANALYSIS_CHUNK, (route) => route.abort());
      await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
      const failure = page.getByRole('alert').filter({ hasText: 'Tätä Kuulon osaa ei voitu avata.' });
      await expect.poll(() => failure.isVisible()).toBe(true);
      expect(await failure.getByRole('button', { name: 'Yritä uudelleen' }).isVisible()).toBe(true);
      await screenshot(page, 'lazy-view-failed-fi');

      // Elsewhere the window works; coming back loads the view now that its code can be read.
      await page.goto(`${chromium.url()}#/engagement/${engagement.id}`);
      await expect.poll(() => failure.count()).toBe(0);
      await expect.poll(() => page.getByText('Kuuntelu').first().isVisible()).toBe(true);
      await page.unroute(ANALYSIS_CHUNK);
      await page.goto(`${chromium.url()}#/analysis/${engagement.id}`);
      await expect.poll(() => page.getByRole('heading', { name: 'Esiintyvyys' }).isVisible()).toBe(true);
    } finally {
      await app.close();
    }
  });
});
