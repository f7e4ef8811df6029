import { join } from 'node:path';
import { app, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { Language } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { phraseError } from '../../shared/i18n/errors.ts';
import { languageFromLocale } from '../../shared/i18n/index.ts';
import { KuuloError } from '../base/errors.ts';
import { createHandlers } from '../core/handlers.ts';
import type { openDatabase } from '../db/connection.ts';
import { keepFilesPrivate } from '../db/private.ts';
import { openWithRecovery } from '../db/recover.ts';
import { RUNTIME_RESOURCES, resourcePath } from '../resources.ts';
import { backupOnStart } from '../services/backup.ts';
import { createContext } from '../services/context.ts';
import { createDispatcher } from '../services/dispatcher.ts';
import { createErrorLog } from '../services/log.ts';
import { getSettings } from '../services/settings.ts';
import { emptyExpiredTrash } from '../services/trash.ts';
import { createExternalOpener } from './external.ts';
import { registerIpc, registerShowInFolder } from './ipc.ts';
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

function start(): void {
  const log = createErrorLog(join(app.getPath('userData'), 'logs'));
  const dbPath = process.env.KUULO_DB ?? join(app.getPath('userData'), 'kuulo.db');
  // Before the workspace is open its language setting is unknown: the system's language speaks.
  const systemLanguage = languageFromLocale(app.getLocale());
  const opening = shellText(systemLanguage);
  const problemText = (error: unknown) =>
    error instanceof KuuloError ? phraseError(error.detail, systemLanguage) : String(error);
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openWithRecovery(
      dbPath,
      (problem, latest) =>
        dialog.showMessageBoxSync({
          type: 'error',
          buttons: [opening.restoreLatest, opening.quit],
          defaultId: 0,
          cancelId: 1,
          message: opening.cannotOpenTitle,
          detail: fill(opening.restoreDetail, {
            problem: problemText(problem),
            date: formatter(systemLanguage).dateTime(latest.createdAt),
          }),
        }) === 0,
    );
  } catch (error) {
    log.error('openWorkspace', error);
    dialog.showErrorBox(opening.cannotOpenTitle, problemText(error));
    app.exit(1);
    return;
  }
  const ctx = createContext(db, {
    exportDir: join(app.getPath('documents'), 'Kuulo'),
    // Built beside this file from electron/report/worker.ts (see electron.vite.config.ts).
    reportWorker: new URL('./reportWorker.js', import.meta.url),
  });
  try {
    backupOnStart(ctx, getSettings(ctx).backupsKept);
  } catch (error) {
    // A failed daily backup must not keep the consultant from their notes; the next start tries again.
    log.error('backupOnStart', error);
  }
  try {
    emptyExpiredTrash(ctx);
  } catch (error) {
    log.error('emptyExpiredTrash', error);
  }
  const dispatch = createDispatcher(createHandlers(ctx), {
    onUnexpectedError: (method, error) => log.error(method, error),
    onSlowCall: (method, ms) => log.slow(method, ms),
  });
  // The workspace's language setting, else the OS's, as the renderer does.
  const language = (): Language => {
    try {
      const chosen = getSettings(ctx).language;
      if (chosen) return chosen;
    } catch {
      // A dialog must still speak when the workspace cannot be read (e.g. mid-restore).
    }
    return languageFromLocale(app.getLocale());
  };
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
  registerIpc(ipcMain, dispatch, origin);
  registerShowInFolder(ipcMain, origin, ctx.exportDir, (path) => shell.showItemInFolder(path));
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
  // Restoring a backup replaces the connection in the context: close the current one.
  app.on('will-quit', () => ctx.db.close());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
