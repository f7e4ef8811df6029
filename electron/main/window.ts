import { BrowserWindow, type IpcMain } from 'electron';
import { secureWebPreferences } from './security.ts';

export const FLUSH_CHANNEL = 'kuulo:flush';
export const FLUSHED_CHANNEL = 'kuulo:flushed';
export const FLUSH_TIMEOUT_MS = 3000;

export interface MainWindowOptions {
  /** Only when running from the sources. */
  devTools?: boolean;
  /** The window's icon where the window manager takes it from the window (Linux). */
  icon?: string;
}

export function createMainWindow(preload: string, options: MainWindowOptions = {}): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kuulo',
    backgroundColor: '#f7f6f3',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(preload, process.platform, options.devTools ?? false),
  });
}

export interface CloseQuestions {
  /** A save failed: close anyway? The window stays open unless this says true. */
  closeAfterFailedSave: () => boolean;
  /** The page has not confirmed its save in time: wait longer, or close anyway? */
  whenSaveIsSlow: () => 'wait' | 'close';
}

/**
 * Before the window closes, the renderer saves unsaved notes, and closing waits for its answer.
 * Silence is not taken for "all saved": when the answer is late, the consultant chooses between
 * waiting on and closing anyway. A failed save is also theirs to decide.
 */
export function saveBeforeClose(
  win: BrowserWindow,
  ipcMain: IpcMain,
  ask: CloseQuestions,
  timeoutMs: number = FLUSH_TIMEOUT_MS,
): void {
  let closing = false;
  let waiting = false;
  win.on('close', (event) => {
    // A page that is gone has nothing left to save.
    if (closing || win.webContents.isDestroyed() || win.webContents.isCrashed()) return;
    event.preventDefault();
    // Closing again while the save runs: the first close is still waiting for it.
    if (waiting) return;
    waiting = true;
    let timer: ReturnType<typeof setTimeout>;
    const finish = (close: boolean): void => {
      clearTimeout(timer);
      ipcMain.removeListener(FLUSHED_CHANNEL, onFlushed);
      waiting = false;
      if (!close) return;
      closing = true;
      if (!win.isDestroyed()) win.close();
    };
    const onFlushed = (ipcEvent: Electron.IpcMainEvent, allSaved: unknown): void => {
      if (ipcEvent.sender !== win.webContents) return;
      finish(allSaved !== false || ask.closeAfterFailedSave());
    };
    const onTimeout = (): void => {
      if (ask.whenSaveIsSlow() === 'close') finish(true);
      else timer = setTimeout(onTimeout, timeoutMs);
    };
    timer = setTimeout(onTimeout, timeoutMs);
    ipcMain.on(FLUSHED_CHANNEL, onFlushed);
    win.webContents.send(FLUSH_CHANNEL);
  });
}
