import type { Editor } from '@tiptap/react';
import { create } from 'zustand';
import type { SaveState } from '../editor/autosave.ts';

interface NotesState {
  state: SaveState;
  savedAt: string | null;
  wordCount: number;
  revision: number;
  /** The open notes editor, for panels that read or change its document. */
  editor: Editor | null;
  /** Seconds-since-epoch when the live interview clock started, or null. */
  clockStartedAt: number | null;
  showTimestamps: boolean;
  /** Writes whatever is unsaved now (set by the open editor). */
  flush: () => Promise<void>;
}

export const useNotes = create<NotesState>(() => ({
  state: 'saved',
  savedAt: null,
  wordCount: 0,
  revision: 0,
  editor: null,
  clockStartedAt: null,
  showTimestamps: true,
  flush: async () => {},
}));

/** Saves before the page goes away: window close (Electron), reload, tab hidden. */
export function installFlushOnExit(): void {
  const flush = (): void => void useNotes.getState().flush();
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  window.kuuloShell?.onBeforeClose(() => useNotes.getState().flush());
}
