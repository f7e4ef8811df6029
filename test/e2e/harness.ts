import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { settle } from '../../electron/services/dispatcher.ts';
import { EVENT_NAMES } from '../../shared/events.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

const RENDERER_DIR = resolve('out/renderer');
export const SCREENSHOT_DIR = resolve('test-results/screenshots');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Serves the built renderer on 127.0.0.1 (Chromium refuses module scripts from file://). */
export async function serveRenderer(): Promise<{ url: string; server: Server }> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" first (npm run test:e2e does).');
  }
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : path));
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface AppSession {
  page: Page;
  ws: TestWorkspace;
  close: () => Promise<void>;
}

/**
 * A page running the real renderer against the real services on a fresh workspace file; the
 * Playwright binding stands in for Electron's IPC, carrying the same client calls, and the services'
 * events reach the page in order, as the preload hands them on in the app.
 */
export async function openApp(
  browser: Browser,
  baseUrl: string,
  options: {
    locale?: string;
    ws?: TestWorkspace;
    /** Milliseconds to hold back the answer to these calls (a busy core, a slow disk). */
    latency?: Record<string, number>;
    /** Told of every call the page makes (e.g. to show that nothing polls). */
    onCall?: (method: string) => void;
  } = {},
): Promise<AppSession> {
  const ws = options.ws ?? openTestWorkspace();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: options.locale ?? 'en-GB',
  });
  await context.exposeBinding('kuuloTransport', async (_source, method: unknown, input: unknown) => {
    options.onCall?.(String(method));
    const wait = options.latency?.[String(method)];
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    return settle(ws.dispatch(method, input));
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let delivered = Promise.resolve();
  const tokens = EVENT_NAMES.map((name) =>
    ws.events.subscribe(name, (payload) => {
      delivered = delivered
        .then(() =>
          page.evaluate(
            ([event, data]) =>
              (window as { kuuloDeliverEvent?: (n: unknown, p: unknown) => void }).kuuloDeliverEvent?.(
                event,
                data,
              ),
            [name, payload] as const,
          ),
        )
        // A page that is navigating or closed misses the event, as a closed window would.
        .catch(() => {});
    }),
  );
  await page.goto(baseUrl);
  return {
    page,
    ws,
    close: async () => {
      for (const token of tokens) ws.events.unsubscribe(token);
      await context.close();
      ws.close();
      if (errors.length) throw new Error(`Page errors: ${errors.join('\n')}`);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * One Chromium and one renderer server per test file: registers the hooks and returns getters
 * (the values exist only once `beforeAll` has run).
 */
export function chromiumPerFile(): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    ({ url, server } = await serveRenderer());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('Chromium is not running yet');
      return browser;
    },
    url: () => url,
  };
}
