import { create } from 'zustand';
import { kuuloEvents } from '../bridge.ts';

/**
 * The core found the workspace file damaged after it opened and stopped all writes. Said once and kept
 * on screen: every save fails from then on, and only a restart (which offers the latest backup) mends it.
 */
export const useWorkspaceDamage = create<{ damaged: boolean }>(() => ({ damaged: false }));

export function followWorkspaceDamage(): () => void {
  const token = kuuloEvents.subscribe('workspaceDamaged', () =>
    useWorkspaceDamage.setState({ damaged: true }),
  );
  return () => kuuloEvents.unsubscribe(token);
}
