import type { App } from 'electron';
import type { Language } from '../../shared/domain.ts';
import { phraseError } from '../../shared/i18n/errors.ts';
import { KuuloError } from '../base/errors.ts';
import type { CoreClient } from '../core/client.ts';
import { CoreOpenError } from '../core/client.ts';
import type { WriterLock } from '../db/lock.ts';

/** Why the workspace did not open, in the consultant's language where the problem is a known one. */
export function openProblemText(error: unknown, language: Language): string {
  if (error instanceof KuuloError) return phraseError(error.detail, language);
  if (error instanceof CoreOpenError) {
    return error.problem ? phraseError(error.problem, language) : String(error.cause ?? error.message);
  }
  return String(error);
}

/**
 * Quitting waits for the core host to close the workspace (its WAL checkpointed into the file) and only
 * then gives up the writer lock, so no other program can open the file while it is still being written.
 */
export function closeCoreOnQuit(app: Pick<App, 'on' | 'quit'>, core: CoreClient, lock: WriterLock): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      lock.release();
      app.quit();
    });
  });
}
