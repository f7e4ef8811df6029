import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { app, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { Language } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { phraseError } from '../../shared/i18n/errors.ts';
import { languageFromLocale } from '../../shared/i18n/index.ts';
import { type CoreClient, CoreOpenError, startCore } from '../core/client.ts';
import { acquireWriterLock, type WriterLock } from '../db/lock.ts';
import { keepFilesPrivate } from '../db/private.ts';
import { RUNTIME_RESOURCES, resourcePath } from '../resources.ts';
import { createErrorLog } from '../services/log.ts';
import { closeCoreOnQuit, openProblemText } from './core.ts';
import { createExternalOpener } from './external.ts';
import { forwardEvents, forwardWhenReady, registerIpc, registerShowInFolder } from './ipc.ts';
import { installMenu } from './menu.ts';
import { APP_ORIGIN, registerAppScheme, serveApp } from './protocol.ts';
import { type AppOrigin, guardWebContents, hardenSession } from './security.ts';
import { fill, shellText } from './text.ts';
import { createMainWindow, saveBeforeClose } from './window.ts';

keepFilesPrivate();
// Before ready: Chromium fixes its list of privileged schemes at start-up.
registerAppScheme(protocol);

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const origin: AppOrigin = {
  // Ends with a slash, so http://localhost:5173.example.com is not taken for the dev server.
  prefix: devServerUrl ? `${new URL(devServerUrl).origin}/` : APP_ORIGIN,
};

async function start(): Promise<void> {
  const log = createErrorLog(join(app.getPath('userData'), 'logs'));
  const dbPath = process.env.KUULO_DB ?? join(app.getPath('userData'), 'kuulo.db');
  // Before the workspace is open its language setting is unknown: the system's language speaks.
  const systemLanguage = languageFromLocale(app.getLocale());
  const opening = shellText(systemLanguage);
  const cannotOpen = (error: unknown) => {
    log.error('openWorkspace', error instanceof CoreOpenError ? error.cause : error);
    dialog.showErrorBox(opening.cannotOpenTitle, openProblemText(error, systemLanguage));
    app.exit(1);
  };
  let lock: WriterLock;
  try {
    // The lock is this process's: the core host opens the workspace under it (see db/lock.ts).
    lock = acquireWriterLock(dbPath, 'Kuulo');
  } catch (error) {
    cannotOpen(error);
    return;
  }
  const exportDir = join(app.getPath('documents'), 'Kuulo');
  // The window is made while the core host opens the workspace: the first screen waits for the later
  // of the two, not for both one after the other.
  const starting = startCore(
    {
      dbPath,
      exportDir,
      // Both built beside this file (see electron.vite.config.ts).
      reportWorker: new URL('./reportWorker.js', import.meta.url).href,
      housekeeping: true,
    },
    {
      spawn: (workerData) => new Worker(new URL('./coreHost.js', import.meta.url), { workerData }),
      askRestore: (problem, latest) =>
        dialog.showMessageBoxSync({
          type: 'error',
          buttons: [opening.restoreLatest, opening.quit],
          defaultId: 0,
          cancelId: 1,
          message: opening.cannotOpenTitle,
          detail: fill(opening.restoreDetail, {
            problem: phraseError(problem, systemLanguage),
            date: formatter(systemLanguage).dateTime(latest.createdAt),
          }),
        }) === 0,
      log: (operation, error) => log.error(operation, error),
      logSlow: (method, ms) => log.slow(method, ms),
    },
  );
  let core: CoreClient | null = null;
  // The workspace's language setting, else the OS's, as the renderer does; the copy the host keeps
  // current, since a dialog must answer at once.
  const language = (): Language => core?.settings().language ?? languageFromLocale(app.getLocale());
  const openExternal = createExternalOpener({
    confirm: async (url) => {
      const text = shellText(language());
      const { response } = await dialog.showMessageBox({
        type: 'question',
        buttons: [text.openLink, text.cancel],
        defaultId: 1,
        cancelId: 1,
        message: text.openLinkTitle,
        detail: fill(text.openLinkDetail, { url }),
      });
      return response === 0;
    },
    open: (url) => shell.openExternal(url),
  });

  if (!devServerUrl) serveApp(protocol, join(import.meta.dirname, '../renderer'));
  registerIpc(ipcMain, forwardWhenReady(starting), origin);
  registerShowInFolder(ipcMain, origin, exportDir, (path) => shell.showItemInFolder(path));
  hardenSession(session.defaultSession, origin);
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, origin, (url) => void openExternal(url)),
  );
  installMenu(process.platform === 'darwin', app.isPackaged);

  const win = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), {
    devTools: !app.isPackaged,
    ...(process.platform === 'linux' ? { icon: resourcePath(RUNTIME_RESOURCES.windowIcon) } : {}),
  });
  saveBeforeClose(win, ipcMain, {
    closeAfterFailedSave: () => {
      const text = shellText(language());
      return (
        dialog.showMessageBoxSync(win, {
          type: 'warning',
          buttons: [text.keepOpen, text.closeAnyway],
          defaultId: 0,
          cancelId: 0,
          message: text.notSavedTitle,
          detail: text.notSavedDetail,
        }) === 1
      );
    },
    whenSaveIsSlow: () => {
      const text = shellText(language());
      const answer = dialog.showMessageBoxSync(win, {
        type: 'warning',
        buttons: [text.wait, text.closeAnyway],
        defaultId: 0,
        cancelId: 0,
        message: text.stillSavingTitle,
        detail: text.stillSavingDetail,
      });
      return answer === 1 ? 'close' : 'wait';
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}index.html`);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  try {
    core = await starting;
  } catch (error) {
    win.destroy();
    lock.release();
    cannotOpen(error);
    return;
  }
  forwardEvents(core, win.webContents);
  closeCoreOnQuit(app, core, lock);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
