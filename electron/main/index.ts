import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, dialog, ipcMain, session, shell } from 'electron';
import type { openDatabase } from '../db/connection.ts';
import { keepFilesPrivate } from '../db/private.ts';
import { openWithRecovery } from '../db/recover.ts';
import { backupOnStart } from '../services/backup.ts';
import { createContext } from '../services/context.ts';
import { createDispatcher } from '../services/dispatcher.ts';
import { createHandlers } from '../services/handlers.ts';
import { createErrorLog } from '../services/log.ts';
import { getSettings } from '../services/settings.ts';
import { registerIpc, registerShowInFolder } from './ipc.ts';
import { installMenu } from './menu.ts';
import { type AppOrigin, guardWebContents, hardenSession, isSafeExternalLink } from './security.ts';
import { createMainWindow, saveBeforeClose } from './window.ts';

keepFilesPrivate();

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const origin: AppOrigin = {
  // Ends with a slash, so http://localhost:5173.example.com is not taken for the dev server.
  prefix: devServerUrl
    ? `${new URL(devServerUrl).origin}/`
    : pathToFileURL(join(import.meta.dirname, '../renderer/')).href,
};

function openExternal(url: string): void {
  if (isSafeExternalLink(url)) void shell.openExternal(url);
}

function start(): void {
  const log = createErrorLog(join(app.getPath('userData'), 'logs'));
  const dbPath = process.env.KUULO_DB ?? join(app.getPath('userData'), 'kuulo.db');
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openWithRecovery(
      dbPath,
      (problem, latest) =>
        dialog.showMessageBoxSync({
          type: 'error',
          buttons: ['Restore the latest backup', 'Quit'],
          defaultId: 0,
          cancelId: 1,
          message: 'Kuulo cannot open its workspace',
          detail: `${problem}\n\nRestore the backup of ${new Date(latest.createdAt).toLocaleString()}? The damaged file is kept as a backup too.`,
        }) === 0,
    );
  } catch (error) {
    log.error('openWorkspace', error);
    dialog.showErrorBox('Kuulo cannot open its workspace', (error as Error).message);
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
  const dispatch = createDispatcher(createHandlers(ctx), {
    onUnexpectedError: (method, error) => log.error(method, error),
  });
  registerIpc(ipcMain, dispatch, origin);
  registerShowInFolder(ipcMain, origin, ctx.exportDir, (path) => shell.showItemInFolder(path));
  hardenSession(session.defaultSession, origin);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origin, openExternal));
  installMenu(process.platform === 'darwin');

  const win = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
  saveBeforeClose(
    win,
    ipcMain,
    () =>
      dialog.showMessageBoxSync(win, {
        type: 'warning',
        buttons: ['Keep Kuulo open', 'Close anyway'],
        defaultId: 0,
        cancelId: 0,
        message: 'Some notes could not be saved.',
        detail:
          'They are still on screen. Keep Kuulo open and copy them somewhere safe, or check the disk and try again.',
      }) === 1,
  );
  win.once('ready-to-show', () => win.show());
  void (devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(rendererFile));
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
