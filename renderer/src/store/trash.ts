import { create } from 'zustand';
import type { TrashItem } from '../../../shared/contract.ts';
import { kuulo } from '../bridge.ts';
import { unwrap } from './notify.ts';

interface TrashState {
  items: TrashItem[] | null;
  load: () => Promise<void>;
  restore: (id: string) => Promise<TrashItem>;
  deleteForGood: (id: string) => Promise<void>;
  emptyAll: () => Promise<number>;
}

/** The Trash screen's list; every change reloads it, so it never shows what is gone. */
export const useTrash = create<TrashState>((set, get) => ({
  items: null,
  load: async () => set({ items: await unwrap(kuulo.listTrash({})) }),
  restore: async (id) => {
    try {
      return await unwrap(kuulo.restoreFromTrash({ id }));
    } finally {
      await get().load();
    }
  },
  deleteForGood: async (id) => {
    await unwrap(kuulo.deleteFromTrash({ id }));
    await get().load();
  },
  emptyAll: async () => {
    const { removed } = await unwrap(kuulo.emptyTrash({}));
    await get().load();
    return removed;
  },
}));

/** Whole days left before an entry is deleted for good (0 on its last day). */
export const daysLeft = (item: TrashItem, now = Date.now()): number =>
  Math.max(0, Math.floor((Date.parse(item.expiresAt) - now) / (24 * 60 * 60 * 1000)));
