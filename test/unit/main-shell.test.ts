import { EventEmitter } from 'node:events';
import { describe, expect, test, vi } from 'vitest';

// The Electron binary cannot run here: fake the module and check what the shell asks of it.
const created: { options: Record<string, unknown>; win: FakeWindow }[] = [];
class FakeWindow extends EventEmitter {
  webContents = Object.assign(new EventEmitter(), {
    send: vi.fn(),
    isDestroyed: () => false,
    isCrashed: (): boolean => false,
  });
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
vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
}));

const { createMainWindow, saveBeforeClose, FLUSH_CHANNEL, FLUSHED_CHANNEL } = await import(
  '../../electron/main/window.ts'
);
const { guardWebContents, hardenSession, isTrustedFrame, secureWebPreferences, CONTENT_SECURITY_POLICY } =
  await import('../../electron/main/security.ts');
const { registerIpc, CALL_CHANNEL } = await import('../../electron/main/ipc.ts');

const { APP_ORIGIN } = await import('../../electron/main/protocol.ts');
const origin = { prefix: APP_ORIGIN };
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

  test('navigation away from the app, redirects and <webview> are denied; links leave only through the opener', () => {
    const contents = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(contents as never, origin, openExternal);
    expect(emitPreventable(contents, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(emitPreventable(contents, 'will-navigate', 'file:///opt/kuulo/out/renderer/index.html')).toBe(
      true,
    );
    expect(emitPreventable(contents, 'will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(emitPreventable(contents, 'will-navigate', `${origin.prefix}index.html#/interview/x`)).toBe(false);
    expect(emitPreventable(contents, 'will-navigate', 'app://other/index.html')).toBe(true);
    expect(emitPreventable(contents, 'will-attach-webview')).toBe(true);
    // The opener decides (allow-list and confirmation); the app's own page is never handed to it.
    expect(openExternal.mock.calls).toEqual([
      ['https://example.com/'],
      ['file:///opt/kuulo/out/renderer/index.html'],
      ['app://other/index.html'],
    ]);
  });

  test('new windows are always denied; the link is handed to the opener', () => {
    const contents = fakeContents();
    const openExternal = vi.fn();
    guardWebContents(contents as never, origin, openExternal);
    const handler = contents.openHandler as (details: { url: string }) => { action: string };
    expect(handler({ url: 'https://kuulo.invalid/help' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://kuulo.invalid/help'], ['javascript:alert(1)']]);
  });

  test('IPC is answered only for the top frame of the app page', () => {
    const ipc = { handle: vi.fn() };
    const dispatch = vi.fn(() => JSON.stringify({ ok: true as const, value: 'answer' }));
    registerIpc(ipc as never, dispatch, origin);
    const [channel, handler] = ipc.handle.mock.calls[0] as [string, (...a: unknown[]) => string];
    expect(channel).toBe(CALL_CHANNEL);
    const top = { url: trustedUrl, parent: null };
    expect(JSON.parse(handler({ senderFrame: top }, 'listEngagements', {}))).toEqual({
      ok: true,
      value: 'answer',
    });
    const iframe = { url: trustedUrl, parent: top };
    const foreign = { url: 'https://evil.example/', parent: null };
    // A local file is not the app, even the app's own index.html opened from disk.
    const localFile = { url: 'file:///opt/kuulo/out/renderer/index.html', parent: null };
    const otherHost = { url: 'app://kuulo.evil/index.html', parent: null };
    for (const senderFrame of [iframe, foreign, localFile, otherHost, null]) {
      expect(JSON.parse(handler({ senderFrame }, 'deleteEngagement', { id: 'x' }))).toMatchObject({
        ok: false,
        error: { key: 'requestRefused' },
      });
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
    saveBeforeClose(win as never, ipc as never, {
      closeAfterFailedSave: closeAnyway,
      whenSaveIsSlow: () => 'wait',
    });
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

describe('packaged build', () => {
  const roles = (items: readonly Record<string, unknown>[]): unknown[] =>
    items.flatMap((item) => [
      item.role,
      ...roles((item.submenu as Record<string, unknown>[] | undefined) ?? []),
    ]);

  test('menus of a packaged app have no Reload and no DevTools; zoom and full screen stay', async () => {
    const { menuTemplate } = await import('../../electron/main/menu.ts');
    for (const isMac of [false, true]) {
      const packaged = roles(menuTemplate(isMac, true) as never);
      for (const role of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu'])
        expect(packaged).not.toContain(role);
      expect(packaged).toEqual(
        expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
      );
      expect(packaged).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu']));
    }
    // Running from the sources keeps Electron's View menu, DevTools included.
    expect(roles(menuTemplate(false, false) as never)).toContain('viewMenu');
  });

  test('DevTools cannot be opened unless asked for (development only); the window gets its icon', () => {
    createMainWindow('/p');
    expect((created.at(-1)!.options.webPreferences as Record<string, unknown>).devTools).toBe(false);
    createMainWindow('/p', { devTools: true, icon: '/opt/kuulo/resources/icon.png' });
    expect((created.at(-1)!.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
    expect(created.at(-1)!.options.icon).toBe('/opt/kuulo/resources/icon.png');
  });
});

describe('closing waits for a confirmed save', () => {
  function setUp(whenSaveIsSlow: () => 'wait' | 'close') {
    vi.useFakeTimers();
    const win = createMainWindow('/p') as unknown as FakeWindow;
    const ipc = new EventEmitter();
    const ask = { closeAfterFailedSave: vi.fn(() => false), whenSaveIsSlow: vi.fn(whenSaveIsSlow) };
    saveBeforeClose(win as never, ipc as never, ask, 1000);
    return { win, ipc, ask };
  }

  test('no answer in time is not taken as saved: the consultant may wait, and the late save then closes', () => {
    const { win, ipc, ask } = setUp(() => 'wait');
    win.close();
    vi.advanceTimersByTime(999);
    expect(ask.whenSaveIsSlow).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ask.whenSaveIsSlow).toHaveBeenCalledTimes(1);
    expect(win.destroyed).toBe(false);
    // Still silent: asked again after another wait, the window still open.
    vi.advanceTimersByTime(1000);
    expect(ask.whenSaveIsSlow).toHaveBeenCalledTimes(2);
    expect(win.destroyed).toBe(false);
    ipc.emit(FLUSHED_CHANNEL, { sender: win.webContents }, true);
    expect(win.destroyed).toBe(true);
    vi.useRealTimers();
  });

  test('"Close anyway" closes without the save', () => {
    const { win, ask } = setUp(() => 'close');
    win.close();
    vi.advanceTimersByTime(1000);
    expect(ask.whenSaveIsSlow).toHaveBeenCalledTimes(1);
    expect(win.destroyed).toBe(true);
    vi.useRealTimers();
  });

  test('closing again while waiting asks the page to save only once; another window’s answer is ignored', () => {
    const { win, ipc, ask } = setUp(() => 'wait');
    win.close();
    win.close();
    expect(win.webContents.send).toHaveBeenCalledTimes(1);
    ipc.emit(FLUSHED_CHANNEL, { sender: {} }, true);
    expect(win.destroyed).toBe(false);
    ipc.emit(FLUSHED_CHANNEL, { sender: win.webContents }, true);
    expect(win.destroyed).toBe(true);
    expect(ask.whenSaveIsSlow).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  test('a crashed page has nothing to save: the window closes at once', () => {
    const { win } = setUp(() => 'wait');
    win.webContents.isCrashed = () => true;
    win.close();
    expect(win.destroyed).toBe(true);
    expect(win.webContents.send).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});

describe('external links', () => {
  test('only https links to allowed hosts may leave, and only after the consultant confirms', async () => {
    const { createExternalOpener, isAllowedExternalLink } = await import('../../electron/main/external.ts');
    const hosts = ['help.kuulo.example'];
    expect(isAllowedExternalLink('https://help.kuulo.example/fi/ohje', hosts)).toBe(true);
    for (const url of [
      'http://help.kuulo.example/',
      'https://evil.example/',
      'https://help.kuulo.example.evil.example/',
      'https://user:pw@help.kuulo.example/',
      'mailto:someone@kuulo.example',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(isAllowedExternalLink(url, hosts), url).toBe(false);

    const confirm = vi.fn(async () => false);
    const open = vi.fn(async () => {});
    const openExternal = createExternalOpener({ hosts, confirm, open });
    expect(await openExternal('https://evil.example/')).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
    expect(await openExternal('https://help.kuulo.example/a')).toBe(false);
    expect(confirm).toHaveBeenCalledWith('https://help.kuulo.example/a');
    expect(open).not.toHaveBeenCalled();
    confirm.mockResolvedValue(true);
    expect(await openExternal('https://help.kuulo.example/b')).toBe(true);
    expect(open.mock.calls).toEqual([['https://help.kuulo.example/b']]);
  });

  test('the confirmation speaks the app language', async () => {
    const { fill, shellText } = await import('../../electron/main/text.ts');
    expect(fill(shellText('fi').openLinkDetail, { url: 'https://x.example/' })).toMatch(
      /^https:\/\/x\.example\/\n/,
    );
    expect(shellText('fi').closeAnyway).toBe('Sulje silti');
    expect(shellText('en').closeAnyway).toBe('Close anyway');
  });
});
