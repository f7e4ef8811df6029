import type { IpcMain } from 'electron';
import type { Result } from '../../shared/contract.ts';
import type { Dispatch } from '../services/dispatcher.ts';
import { type AppOrigin, isTrustedFrame } from './security.ts';

export const CALL_CHANNEL = 'kuulo:call';

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'invalid_input', message: 'Request refused: it did not come from the Kuulo window.' },
};

/** Connects the preload client to the dispatcher; requests from any other frame are refused. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, origin: AppOrigin): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) =>
    isTrustedFrame(origin, event.senderFrame) ? dispatch(method, input) : REFUSED,
  );
}
