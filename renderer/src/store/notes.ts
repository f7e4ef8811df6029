import type { Editor } from '@tiptap/react';
import { create } from 'zustand';
import { IDLE_CLOCK, type InterviewClock } from '../../../shared/clock.ts';
import type { DocNode } from '../../../shared/domain.ts';
import type { SaveState } from '../editor/autosave.ts';

interface NotesState {
  state: SaveState;
  savedAt: string | null;
  wordCount: number;
  revision: number;
  /** The open notes editor, for panels that read or change its document. */
  editor: Editor | null;
  /** The interview whose notes `editor` holds. */
  editorOf: string | null;
  /**
   * The notes as saved elsewhere after the open copy was loaded: saving waits until the consultant
   * chooses which version to keep.
   */
  conflict: { revision: number; doc: DocNode; updatedAt: string } | null;
  /** The open interview's clock, as stored with it. */
  clock: InterviewClock;
  showTimestamps: boolean;
  /** Writes whatever is unsaved now (set by the open editor); false if a save failed. */
  flush: () => Promise<boolean>;
}

export const useNotes = create<NotesState>(() => ({
  state: 'saved',
  savedAt: null,
  wordCount: 0,
  revision: 0,
  editor: null,
  editorOf: null,
  conflict: null,
  clock: IDLE_CLOCK,
  showTimestamps: true,
  flush: async () => true,
}));

/** Last saves of editors that have closed (switching interviews), still on their way. */
const closingSaves = new Set<Promise<boolean>>();

export function trackClosingSave(save: Promise<boolean>): void {
  closingSaves.add(save);
  void save.finally(() => closingSaves.delete(save));
}

/**
 * Waits for the last saves of closed editors: an interview opened again must load what they stored,
 * or its editor would start from an older revision and every save of it would be refused.
 */
export async function closingSavesDone(): Promise<void> {
  await Promise.all([...closingSaves]);
}

/** Everything typed anywhere is stored: true, or a save failed: false. */
export async function flushEverything(): Promise<boolean> {
  const results = await Promise.all([useNotes.getState().flush(), ...closingSaves]);
  return results.every(Boolean);
}

/** Saves before the page goes away: window close (Electron), reload, tab hidden. */
export function installFlushOnExit(): void {
  const flush = (): void => void flushEverything();
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  window.kuuloShell?.onBeforeClose(flushEverything);
}
