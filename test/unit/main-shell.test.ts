import { EventEmitter } from 'node:events';
import { describe, expect, test, vi } from 'vitest';

// The Electron binary cannot run here: fake the module and check what the shell asks of it.
const created: { options: Record<string, unknown>; win: FakeWindow }[] = [];
class FakeWindow extends EventEmitter {
  webContents = Object.assign(new EventEmitter(), { send: vi.fn(), isDestroyed: () => false });
  destroyed = false;
  constructor(options: Record<string, unknown>) {
    super();
    created.push({ options, win: this });
  }
  isDestroyed = () => this.destroyed;
  close = vi.fn(() => {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroyed = true;
  });
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { createMainWindow, saveBeforeClose, FLUSH_CHANNEL, FLUSHED_CHANNEL } = await import(
  '../../electron/main/window.ts'
);
const { guardWebContents, hardenSession, isTrustedFrame, secureWebPreferences, CONTENT_SECURITY_POLICY } =
  await import('../../electron/main/security.ts');
const { registerIpc, CALL_CHANNEL } = await import('../../electron/main/ipc.ts');

const origin = { prefix: 'file:///opt/kuulo/out/renderer/' };
const trustedUrl = `${origin.prefix}index.html#/`;

function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & {
    setWindowOpenHandler: (h: unknown) => void;
    openHandler?: unknown;
  };
  contents.setWindowOpenHandler = (handler) => {
    contents.openHandler = handler;
  };
  return contents;
}

function emitPreventable(target: EventEmitter, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  target.emit(name, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

describe('main-process shell', () => {
  test('spelling is checked only where it needs no download (macOS), never by fetching dictionaries', () => {
    expect(secureWebPreferences('/p', 'darwin').spellcheck).toBe(true);
    for (const platform of ['linux', 'win32'] as const)
      expect(secureWebPreferences('/p', platform).spellcheck).toBe(false);
  });

  test('the window carries the security defaults', () => {
    createMainWindow('/opt/kuulo/out/preload/index.cjs');
    const prefs = created.at(-1)!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/kuulo/out/preload/index.cjs',
    });
  });

  test('navigation away from the app, redirects and <webview> are denied', () => {
    const contents = fakeContents();
    guardWebContents(contents as never, origin, vi.fn());
    expect(emitPreventable(contents, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(emitPreventable(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(emitPreventable(contents, 'will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(emitPreventable(contents, 'will-navigate', `${origin.prefix}index.html#/interview/x`)).toBe(false);
    expect(emitPreventable(contents, 'will-attach-webview')).toBe(true);
  });

  test('new windows are always denied; only https links go to the OS browser', () => {
    const contents = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(contents as never, origin, openExternal);
    const handler = contents.openHandler as (details: { url: string }) => { action: string };
    expect(handler({ url: 'https://kuulo.example/help' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://kuulo.example/help']]);
  });

  test('IPC is answered only for the top frame of the app page', () => {
    const ipc = { handle: vi.fn() };
    const dispatch = vi.fn(() => ({ ok: true as const, value: 'answer' }));
    registerIpc(ipc as never, dispatch, origin);
    const [channel, handler] = ipc.handle.mock.calls[0] as [string, (...a: unknown[]) => unknown];
    expect(channel).toBe(CALL_CHANNEL);
    const top = { url: trustedUrl, parent: null };
    expect(handler({ senderFrame: top }, 'listEngagements', {})).toEqual({ ok: true, value: 'answer' });
    const iframe = { url: trustedUrl, parent: top };
    const foreign = { url: 'https://evil.example/', parent: null };
    for (const senderFrame of [iframe, foreign, null]) {
      expect(handler({ senderFrame }, 'deleteEngagement', { id: 'x' })).toMatchObject({ ok: false });
    }
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(isTrustedFrame(origin, undefined)).toBe(false);
  });

  test('the session denies permissions and remote requests and sends the CSP', () => {
    const handlers: Record<string, (...a: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      webRequest: {
        onBeforeRequest: (h: never) => (handlers.before = h),
        onHeadersReceived: (h: never) => (handlers.headers = h),
      },
    };
    hardenSession(session as never, origin);
    const answer = vi.fn();
    (handlers.request as (...a: unknown[]) => void)({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect((handlers.check as () => boolean)()).toBe(false);
    const decide = (url: string) => {
      const cb = vi.fn();
      (handlers.before as (...a: unknown[]) => void)({ url }, cb);
      return cb.mock.calls[0]![0];
    };
    expect(decide('https://tracker.example/pixel.gif')).toEqual({ cancel: true });
    expect(decide(`${origin.prefix}assets/index.js`)).toEqual({ cancel: false });
    const headers = vi.fn();
    (handlers.headers as (...a: unknown[]) => void)({ responseHeaders: {} }, headers);
    expect(headers.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([
      CONTENT_SECURITY_POLICY,
    ]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  test('closing the window first lets the renderer save its notes', () => {
    const win = createMainWindow('/p');
    const ipc = new EventEmitter();
    const closeAnyway = vi.fn(() => false);
    saveBeforeClose(win as never, ipc as never, closeAnyway);
    const fake = win as unknown as FakeWindow;
    fake.close();
    expect(fake.destroyed).toBe(false);
    expect(fake.webContents.send).toHaveBeenCalledWith(FLUSH_CHANNEL);
    // A failed save: the consultant is asked, says keep it open, and the window stays.
    ipc.emit(FLUSHED_CHANNEL, { sender: fake.webContents }, false);
    expect(closeAnyway).toHaveBeenCalledTimes(1);
    expect(fake.destroyed).toBe(false);
    fake.close();
    ipc.emit(FLUSHED_CHANNEL, { sender: fake.webContents }, true);
    expect(fake.destroyed).toBe(true);
  });
});

describe('show in folder', () => {
  test('opens only an existing file inside the export folder, asked by our page', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { registerShowInFolder, SHOW_IN_FOLDER_CHANNEL } = await import('../../electron/main/ipc.ts');
    const exportDir = mkdtempSync(join(tmpdir(), 'kuulo-export-'));
    const report = join(exportDir, 'report.docx');
    writeFileSync(report, 'x');
    const ipc = new EventEmitter();
    const show = vi.fn();
    registerShowInFolder(ipc as never, origin, exportDir, show);
    const top = { url: trustedUrl, parent: null };
    const ask = (path: unknown, senderFrame: unknown = top) =>
      ipc.emit(SHOW_IN_FOLDER_CHANNEL, { senderFrame }, path);
    ask(report);
    ask(join(exportDir, '..', 'elsewhere.docx'));
    ask('/etc/passwd');
    ask(join(exportDir, 'missing.docx'));
    ask({ path: report });
    ask(report, { url: 'https://evil.example/', parent: null });
    expect(show.mock.calls).toEqual([[report]]);
  });
});
