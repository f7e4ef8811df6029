import { create } from 'zustand';
import type { BackupReason } from '../../../shared/contract.ts';
import { kuuloEvents } from '../bridge.ts';
import { i18next } from '../i18n/index.ts';
import { phraseServiceError, useNotify } from './notify.ts';

interface BackupsState {
  /** A backup being written now (the daily one at start, or one asked for), else null. */
  running: BackupReason | null;
  /** Backups finished (written or failed) since the window opened: a list of backups reloads on each. */
  finished: number;
}

export const useBackups = create<BackupsState>(() => ({ running: null, finished: 0 }));

/**
 * Follows the core's backup events for the whole window: a backup under way is shown where backups
 * are listed, a finished one refreshes that list, and a failed one — the daily backup in particular,
 * which nobody asked for and nobody would otherwise see — is told at once.
 */
export function followBackups(): () => void {
  const token = kuuloEvents.subscribe('backupProgress', ({ reason, done, failure }) => {
    if (!done) return useBackups.setState({ running: reason });
    useBackups.setState((s) => ({ running: null, finished: s.finished + 1 }));
    if (failure) {
      useNotify
        .getState()
        .push('error', i18next.t('backups.failed', { reason: phraseServiceError(failure) }));
    }
  });
  return () => kuuloEvents.unsubscribe(token);
}
