import { contextBridge, ipcRenderer } from 'electron';
import { createClient } from '../../shared/client.ts';
import type { Result } from '../../shared/contract.ts';
import { createEventHub } from '../../shared/events.ts';

// Channel names are repeated here on purpose: the sandboxed preload is bundled apart from main.
const CALL_CHANNEL = 'kuulo:call';
const FLUSH_CHANNEL = 'kuulo:flush';
const FLUSHED_CHANNEL = 'kuulo:flushed';
const SHOW_IN_FOLDER_CHANNEL = 'kuulo:show-in-folder';
const EVENT_CHANNEL = 'kuulo:event';

contextBridge.exposeInMainWorld(
  'kuulo',
  // Results come as JSON text from the core host, untouched by the main process (see main/ipc.ts).
  createClient(
    async (method, input) =>
      JSON.parse((await ipcRenderer.invoke(CALL_CHANNEL, method, input)) as string) as Result<unknown>,
  ),
);

// The core's events (shared/events.ts): only names on the fixed list are passed on or subscribed to.
const events = createEventHub({ holdEarly: true });
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => events.emit(name, payload));
contextBridge.exposeInMainWorld('kuuloEvents', {
  subscribe: events.subscribe,
  unsubscribe: events.unsubscribe,
});

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
