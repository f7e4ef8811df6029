import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { IpcMain } from 'electron';
import type { Result } from '../../shared/contract.ts';
import { errorValue } from '../base/errors.ts';
import type { Dispatch } from '../services/dispatcher.ts';
import { type AppOrigin, isTrustedFrame } from './security.ts';

export const CALL_CHANNEL = 'kuulo:call';

const REFUSED: Result<never> = { ok: false, error: errorValue({ key: 'requestRefused', params: {} }) };

/** Connects the preload client to the dispatcher; requests from any other frame are refused. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, origin: AppOrigin): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) =>
    isTrustedFrame(origin, event.senderFrame) ? dispatch(method, input) : REFUSED,
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
