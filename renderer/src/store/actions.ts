import { useEffect } from 'react';
import { create } from 'zustand';
import type { ActionRegister } from '../../../shared/actions.ts';
import { kuulo } from '../bridge.ts';
import { attempt, unwrap } from './notify.ts';

/**
 * The action register of the engagement on screen: its tab and each finding's actions read the same
 * copy, so an action made from a recommendation shows in both at once.
 */
interface ActionsState {
  engagementId: string | null;
  register: ActionRegister | null;
  load: (engagementId: string) => Promise<void>;
  reload: () => Promise<void>;
}

export const useActions = create<ActionsState>((set, get) => ({
  engagementId: null,
  register: null,
  load: async (engagementId) => {
    if (get().engagementId !== engagementId) set({ engagementId, register: null });
    const register = await unwrap(kuulo.actionRegister({ engagementId }));
    // A later load for another engagement wins.
    if (get().engagementId === engagementId) set({ register });
  },
  reload: async () => {
    const id = get().engagementId;
    if (id) await get().load(id);
  },
}));

/** The register of `engagementId`, loaded when first asked for. */
export function useActionRegister(engagementId: string): ActionRegister | null {
  const register = useActions((s) => (s.engagementId === engagementId ? s.register : null));
  useEffect(() => {
    void attempt(() => useActions.getState().load(engagementId));
  }, [engagementId]);
  return register;
}
