import { create } from 'zustand';
import type { ClockAction } from '../../../shared/clock.ts';
import type { Input } from '../../../shared/contract.ts';
import type { InterviewDetail } from '../../../shared/domain.ts';
import { kuulo } from '../bridge.ts';
import { useCodings } from './codings.ts';
import { closingSavesDone, useNotes } from './notes.ts';
import { attempt, unwrap } from './notify.ts';

type Patch = Input<'updateInterview'>['patch'];

interface InterviewState {
  detail: InterviewDetail | null;
  /** Goes up when the notes were changed outside the editor (coding search hits, an import): the editor reopens. */
  notesVersion: number;
  load: (id: string) => Promise<void>;
  /** Reloads the open interview's notes and codings if it is one of these, and reopens its editor. */
  reloadNotes: (interviewIds: readonly string[]) => Promise<void>;
  update: (patch: Patch) => Promise<void>;
  addRelationship: (input: Omit<Input<'addRelationship'>, 'interviewId'>) => Promise<void>;
  removeRelationship: (id: string) => Promise<void>;
  /** Starts, pauses or stops the open interview's clock; the service keeps the time. */
  clockAction: (action: ClockAction) => Promise<void>;
}

export const useInterview = create<InterviewState>((set, get) => ({
  detail: null,
  notesVersion: 0,
  load: async (id) => {
    await closingSavesDone();
    const detail = await unwrap(kuulo.getInterview({ id }));
    useNotes.setState({
      savedAt: detail.notes.updatedAt,
      wordCount: detail.wordCount,
      state: 'saved',
      clock: detail.clock,
    });
    set({ detail });
  },
  reloadNotes: async (interviewIds) => {
    const detail = get().detail;
    if (!detail || !interviewIds.includes(detail.id)) return;
    await get().load(detail.id);
    await useCodings.getState().load(detail.id, detail.engagementId);
    set((s) => ({ notesVersion: s.notesVersion + 1 }));
  },
  update: async (patch) => {
    const detail = get().detail;
    if (!detail) return;
    await attempt(async () => {
      const updated = await unwrap(kuulo.updateInterview({ id: detail.id, patch }));
      // Interviewee names come with the detail, so a change of people reloads it.
      if (patch.intervieweeIds) await get().load(detail.id);
      else set({ detail: { ...detail, ...updated } });
    });
  },
  addRelationship: async (input) => {
    const detail = get().detail;
    if (!detail) return;
    const added = await unwrap(kuulo.addRelationship({ ...input, interviewId: detail.id }));
    set({ detail: { ...detail, relationships: [...detail.relationships, added] } });
  },
  removeRelationship: async (id) => {
    const detail = get().detail;
    if (!detail) return;
    await attempt(async () => {
      await unwrap(kuulo.removeRelationship({ id }));
      set({ detail: { ...detail, relationships: detail.relationships.filter((r) => r.id !== id) } });
    });
  },
  clockAction: async (action) => {
    const detail = get().detail;
    if (!detail) return;
    await attempt(async () => {
      const clock = await unwrap(kuulo.interviewClock({ id: detail.id, action }));
      if (get().detail?.id === detail.id) useNotes.setState({ clock });
    });
  },
}));
