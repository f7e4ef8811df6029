import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { IpcMain, WebContents } from 'electron';
import type { Result } from '../../shared/contract.ts';
import { type EventName, type Events, isEventName } from '../../shared/events.ts';
import { errorValue } from '../base/errors.ts';
import { type CoreClient, STOPPED } from '../core/client.ts';
import { type AppOrigin, isTrustedFrame } from './security.ts';

export const CALL_CHANNEL = 'kuulo:call';

const REFUSED = JSON.stringify({
  ok: false,
  error: errorValue({ key: 'requestRefused', params: {} }),
} satisfies Result<never>);

/**
 * Where calls go: the core host's client in the app. The answer is the result as JSON text, passed
 * through untouched (the preload decodes it), so a large result costs the main thread only a copy.
 */
export type Forward = (method: unknown, input: unknown) => string | Promise<string>;

/** Connects the preload client to the core; requests from any other frame are refused. */
export function registerIpc(ipcMain: IpcMain, dispatch: Forward, origin: AppOrigin): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) =>
    isTrustedFrame(origin, event.senderFrame) ? dispatch(method, input) : REFUSED,
  );
}

/**
 * Forwards to a core host that is still starting: the window loads meanwhile, and its first calls
 * wait for the workspace to open. If it never opens, they are answered as by a stopped host (the app
 * then explains and quits).
 */
export function forwardWhenReady(starting: Promise<Pick<CoreClient, 'callJson'>>): Forward {
  return (method, input) =>
    starting.then(
      (core) => core.callJson(method, input),
      () => STOPPED,
    );
}

export const SHOW_IN_FOLDER_CHANNEL = 'kuulo:show-in-folder';

/** "Show in folder" after an export: only for a file inside the export folder, only from our page. */
export function registerShowInFolder(
  ipcMain: IpcMain,
  origin: AppOrigin,
  exportDir: string,
  show: (path: string) => void,
): void {
  ipcMain.on(SHOW_IN_FOLDER_CHANNEL, (event, path: unknown) => {
    if (!isTrustedFrame(origin, event.senderFrame) || typeof path !== 'string') return;
    const target = resolve(path);
    if (target.startsWith(resolve(exportDir) + sep) && existsSync(target)) show(target);
  });
}

export const EVENT_CHANNEL = 'kuulo:event';

/** Hands the core's events to the window's page, which subscribes to them through the preload. */
export function forwardEvents(
  core: Pick<CoreClient, 'onEvent'>,
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
): () => void {
  return core.onEvent(<N extends EventName>(name: N, payload: Events[N]) => {
    if (isEventName(name) && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
  });
}
