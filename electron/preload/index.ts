import { contextBridge, ipcRenderer } from 'electron';
import { createClient } from '../../shared/client.ts';
import type { Result } from '../../shared/contract.ts';

// Channel names are repeated here on purpose: the sandboxed preload is bundled apart from main.
const CALL_CHANNEL = 'kuulo:call';
const FLUSH_CHANNEL = 'kuulo:flush';
const FLUSHED_CHANNEL = 'kuulo:flushed';
const SHOW_IN_FOLDER_CHANNEL = 'kuulo:show-in-folder';

contextBridge.exposeInMainWorld(
  'kuulo',
  createClient(
    (method, input) => ipcRenderer.invoke(CALL_CHANNEL, method, input) as Promise<Result<unknown>>,
  ),
);

contextBridge.exposeInMainWorld('kuuloShell', {
  /** The window is closing or the app quitting: `save` must finish writing unsaved notes. */
  onBeforeClose(save: () => Promise<boolean>): void {
    ipcRenderer.on(FLUSH_CHANNEL, () => {
      save().then(
        (saved) => ipcRenderer.send(FLUSHED_CHANNEL, saved),
        () => ipcRenderer.send(FLUSHED_CHANNEL, false),
      );
    });
  },
  showInFolder(path: string): void {
    ipcRenderer.send(SHOW_IN_FOLDER_CHANNEL, path);
  },
});
