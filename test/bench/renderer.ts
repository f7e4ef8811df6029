/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import type { Result } from '../../shared/contract.ts';
import type { DocNode } from '../../shared/domain.ts';
import { launchChromium, serveRenderer } from '../e2e/harness.ts';
import type { Connection } from '../helpers/workspace.ts';
import type { DatabaseBench } from './database.ts';
import { measureTyping } from './keystrokes.ts';
import { type Measure, summary } from './stats.ts';

/** What the editor must show before an interview counts as open: every paragraph, down to the last one. */
interface Expected {
  id: string;
  paragraphs: number;
  lastText: string;
}

const textOf = (node: DocNode): string => node.text ?? (node.content ?? []).map(textOf).join('');

/**
 * Navigates the app to `hash` and returns the milliseconds, measured in the page, until the first frame
 * in which `ready` holds: the work between the click and the screen the consultant sees.
 */
async function timeNavigation(page: Page, hash: string, expected: Expected | 'engagements'): Promise<number> {
  return page.evaluate(
    async ({ hash, expected }) => {
      const ready = () => {
        if (expected === 'engagements') return !!document.querySelector('.cards .card');
        const paragraphs = document.querySelectorAll('.notes-editor p');
        return (
          paragraphs.length === expected.paragraphs &&
          paragraphs[paragraphs.length - 1]?.textContent === expected.lastText
        );
      };
      const start = performance.now();
      window.location.hash = hash;
      await new Promise<void>((done, fail) => {
        const check = () => {
          if (ready()) done();
          else if (performance.now() - start > 60_000)
            fail(new Error(`Not ready 60 s after opening ${hash}`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      return performance.now() - start;
    },
    { hash, expected },
  );
}

/**
 * The app in a page, bridged to `conn` like the e2e harness does, but with a transport that costs the
 * renderer what Electron's IPC does: the e2e harness hands the input to Playwright's binding, whose
 * serialiser blocks the page ~30 ms for a 20,000-word document (Electron's structured clone, ~4 ms). Here
 * the page structured-clones the input and passes JSON text, and the result comes back as JSON text.
 */
export async function openBenchApp(
  browser: Browser,
  conn: Connection,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  await context.exposeBinding('kuuloBenchCall', (_source, method: string, input: string) =>
    JSON.stringify(conn.dispatch(method, JSON.parse(input))),
  );
  await context.addInitScript(() => {
    const w = window as unknown as {
      kuuloBenchCall: (method: string, input: string) => Promise<string>;
      kuuloTransport: (method: string, input: unknown) => Promise<Result<unknown>>;
    };
    w.kuuloTransport = async (method, input) =>
      JSON.parse(await w.kuuloBenchCall(method, JSON.stringify(structuredClone(input ?? {}))));
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    page,
    close: async () => {
      await context.close();
      if (errors.length) throw new Error(`Page errors: ${errors.join('\n')}`);
    },
  };
}

/**
 * The renderer in Chromium against the working copy, through the same dispatcher as every other
 * measure (a Playwright binding stands in for Electron's IPC): first screen, opening a long interview,
 * switching between two, and typing in one.
 */
export async function measureRenderer(
  bench: DatabaseBench,
): Promise<{ measures: Measure[]; chromium: string }> {
  const { conn, info, config } = bench;
  const runs = config.runs.renderer;
  const [, firstId, secondId] = info.longInterviewIds;
  const expected = (id: string): Expected => {
    const doc = conn.call('getInterview', { id }).notes.doc;
    return { id, paragraphs: doc.content!.length, lastText: textOf(doc.content!.at(-1)!) };
  };
  const first = expected(firstId);
  const second = expected(secondId);
  const codings = conn.call('listCodings', { interviewId: firstId }).length;

  const { url, server } = await serveRenderer();
  const browser = await launchChromium();
  try {
    const chromium = browser.version();
    const app = await openBenchApp(browser, conn);
    const { page } = app;
    try {
      // First screen: a full page load, from navigation start to the frame with the engagement cards.
      const firstScreen: number[] = [];
      for (let i = -1; i < runs; i++) {
        await page.goto('about:blank');
        await page.goto(url, { waitUntil: 'commit' });
        const handle = await page.waitForFunction(
          () => (document.querySelector('.cards .card') ? performance.now() : 0),
          undefined,
          { polling: 'raf', timeout: 60_000 },
        );
        if (i >= 0) firstScreen.push(await handle.jsonValue());
      }

      const opening: number[] = [];
      for (let i = -1; i < runs; i++) {
        await timeNavigation(page, '#/', 'engagements');
        const ms = await timeNavigation(page, `#/interview/${first.id}`, first);
        if (i >= 0) opening.push(ms);
      }

      const switching: number[] = [];
      for (let i = -1; i < runs; i++) {
        const target = i % 2 === 0 ? first : second;
        const ms = await timeNavigation(page, `#/interview/${target.id}`, target);
        if (i >= 0) switching.push(ms);
      }

      await timeNavigation(page, `#/interview/${first.id}`, first);
      const typing = await measureTyping(page, config.runs.keys, codings);
      const heap = await page.evaluate(
        () =>
          (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
      );
      const long = `${config.long.words} words, ${codings} codings`;
      return {
        chromium,
        measures: [
          {
            name: `first screen: load → engagement cards (${info.counts.engagements} engagements)`,
            ...summary(firstScreen),
          },
          {
            name: `open a long interview from the list (${long}) → every paragraph shown`,
            ...summary(opening),
          },
          { name: 'switch between two long interviews → every paragraph shown', ...summary(switching) },
          ...typing,
          {
            name: 'renderer JS heap after typing',
            unit: 'MB',
            runs: 1,
            p50: heap / 2 ** 20,
            p95: heap / 2 ** 20,
          },
        ],
      };
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}
