import { create } from 'zustand';
import type { SpeakerMapping, TranscriptPreview } from '../../../shared/import.ts';
import { kuulo } from '../bridge.ts';
import { i18next } from '../i18n/index.ts';
import { useInterview } from './interview.ts';
import { useNotes } from './notes.ts';
import { unwrap, useNotify } from './notify.ts';
import { useRouter } from './router.ts';
import { useWorkspace } from './workspace.ts';

/** Where the transcript goes: an open interview, or a new interview of one of the engagement's accounts. */
export type ImportTarget = { engagementId: string } & ({ interviewId: string } | { accountId: string });

interface Pending {
  target: ImportTarget;
  fileName: string;
  data: string;
  preview: TranscriptPreview | null;
  mapping: SpeakerMapping[];
  busy: boolean;
  error: string | null;
}

interface TranscriptImportState {
  pending: Pending | null;
  choose: (file: File, target: ImportTarget) => Promise<void>;
  /** Another account for a new interview: the people and suggestions are theirs. */
  retarget: (target: ImportTarget) => Promise<void>;
  map: (mapping: SpeakerMapping) => void;
  confirm: () => Promise<void>;
  close: () => void;
}

/** The file's bytes as base64, the way they cross the contract; in slices, as a 10 MB file would overflow one call. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const source = ({ target, fileName, data }: Pending) => ({ ...target, fileName, data });

export const useTranscriptImport = create<TranscriptImportState>((set, get) => {
  const preview = async (pending: Pending) => {
    set({ pending: { ...pending, busy: true, error: null, preview: null } });
    try {
      const found = await unwrap(kuulo.previewTranscript(source(pending)));
      set({
        pending: {
          ...pending,
          busy: false,
          error: null,
          preview: found,
          mapping: found.speakers.map((s) => s.suggested),
        },
      });
    } catch (error) {
      set({ pending: { ...pending, busy: false, preview: null, error: (error as Error).message } });
    }
  };
  return {
    pending: null,
    choose: async (file, target) => {
      const pending: Pending = {
        target,
        fileName: file.name,
        data: '',
        preview: null,
        mapping: [],
        busy: true,
        error: null,
      };
      set({ pending });
      await preview({ ...pending, data: await base64Of(file) });
    },
    retarget: async (target) => {
      const pending = get().pending;
      if (pending) await preview({ ...pending, target });
    },
    map: (mapping) => {
      const pending = get().pending;
      if (!pending) return;
      set({
        pending: {
          ...pending,
          mapping: pending.mapping.map((m) => (m.name === mapping.name ? mapping : m)),
        },
      });
    },
    confirm: async () => {
      const pending = get().pending;
      if (!pending?.preview || pending.busy) return;
      set({ pending: { ...pending, busy: true, error: null } });
      try {
        // The notes on screen are saved first: the import builds on the stored ones.
        if (!(await useNotes.getState().flush()))
          throw new Error(i18next.t('transcriptImport.notesNotSaved'));
        const { interviewId } = await unwrap(
          kuulo.importTranscript({ ...source(pending), speakers: pending.mapping }),
        );
        set({ pending: null });
        useNotify.getState().push('info', i18next.t('transcriptImport.done', { fileName: pending.fileName }));
        if ('interviewId' in pending.target) {
          await useInterview.getState().reloadNotes([interviewId]);
        } else {
          await useWorkspace.getState().loadEngagement(pending.target.engagementId);
          useRouter.getState().navigate({ name: 'interview', id: interviewId });
        }
      } catch (error) {
        const current = get().pending;
        if (current) set({ pending: { ...current, busy: false, error: (error as Error).message } });
      }
    },
    close: () => set({ pending: null }),
  };
});
