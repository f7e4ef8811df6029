import type { Session, WebContents, WebFrameMain, WebPreferences } from 'electron';

/** The only page the app ever shows: the built renderer (app://kuulo/) or, in development, the dev server. */
export interface AppOrigin {
  /** URL prefix every trusted page starts with. */
  prefix: string;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/**
 * Spelling is checked only where the system does it (macOS): elsewhere Chromium would download its
 * dictionaries from Google's servers, and Kuulo never goes on the network.
 */
export const spellcheckWithoutNetwork = (platform: NodeJS.Platform): boolean => platform === 'darwin';

/** `devTools` only when running from the sources: a packaged app has no DevTools to open. */
export function secureWebPreferences(
  preload: string,
  platform: NodeJS.Platform = process.platform,
  devTools = false,
): WebPreferences {
  return {
    preload,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: spellcheckWithoutNetwork(platform),
  };
}

export const isTrustedUrl = (origin: AppOrigin, url: string): boolean => url.startsWith(origin.prefix);

/** IPC is answered only for the top frame of our own page, never for an iframe or a foreign page. */
export function isTrustedFrame(origin: AppOrigin, frame: WebFrameMain | null | undefined): boolean {
  return !!frame && frame.parent === null && isTrustedUrl(origin, frame.url);
}

/**
 * Denies navigation, new windows and <webview>. A link that would leave the app is handed to
 * `openExternal`, which decides whether it may go to the OS browser (see external.ts).
 */
export function guardWebContents(
  contents: WebContents,
  origin: AppOrigin,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (isTrustedUrl(origin, url)) return;
    event.preventDefault();
    openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(origin, url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

/** No permissions, no network: only our own files (and the dev server in development) load. */
export function hardenSession(session: Session, origin: AppOrigin): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isTrustedUrl(origin, details.url) ||
      details.url.startsWith('devtools:') ||
      details.url.startsWith('data:');
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
