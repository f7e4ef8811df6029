import { BrowserWindow, type IpcMain } from 'electron';
import { secureWebPreferences } from './security.ts';

export const FLUSH_CHANNEL = 'kuulo:flush';
export const FLUSHED_CHANNEL = 'kuulo:flushed';
const FLUSH_TIMEOUT_MS = 3000;

export function createMainWindow(preload: string): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kuulo',
    backgroundColor: '#f7f6f3',
    webPreferences: secureWebPreferences(preload),
  });
}

/**
 * Before the window closes, the renderer saves unsaved notes: closing waits for its answer (or a
 * timeout, so a hung page can still be closed). If a save failed, the consultant decides:
 * `closeAnyway` asks them, and the window stays open unless they say so.
 */
export function saveBeforeClose(win: BrowserWindow, ipcMain: IpcMain, closeAnyway: () => boolean): void {
  let saved = false;
  win.on('close', (event) => {
    if (saved || win.webContents.isDestroyed()) return;
    event.preventDefault();
    const finish = (allSaved: boolean): void => {
      clearTimeout(timer);
      ipcMain.removeListener(FLUSHED_CHANNEL, onFlushed);
      if (!allSaved && !closeAnyway()) return;
      saved = true;
      if (!win.isDestroyed()) win.close();
    };
    const onFlushed = (ipcEvent: Electron.IpcMainEvent, allSaved: unknown): void => {
      if (ipcEvent.sender === win.webContents) finish(allSaved !== false);
    };
    const timer = setTimeout(() => finish(true), FLUSH_TIMEOUT_MS);
    ipcMain.on(FLUSHED_CHANNEL, onFlushed);
    win.webContents.send(FLUSH_CHANNEL);
  });
}
