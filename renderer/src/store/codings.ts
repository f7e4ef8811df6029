import { create } from 'zustand';
import type { Input } from '../../../shared/contract.ts';
import type { CodebookEntry, Coding } from '../../../shared/domain.ts';
import { kuulo } from '../bridge.ts';
import { codingMarkRule } from '../editor/codingMark.ts';
import { attempt, unwrap } from './notify.ts';

type NewCoding = Input<'saveNotes'>['codings'] extends (infer T)[] | undefined ? T : never;
export type CodingMeta = Pick<Coding, 'id' | 'codeId' | 'sentiment' | 'severity' | 'memo' | 'star'>;
type CodingPatch = Partial<Omit<CodingMeta, 'id'>>;

interface CodingState {
  interviewId: string | null;
  engagementId: string | null;
  codebook: CodebookEntry[];
  /** Every coding of the open interview the editor may show, by id. */
  codings: Record<string, CodingMeta>;
  /**
   * Created in the editor since the last save, with the interview they belong to; they travel with
   * the next save of that interview's notes, even if the consultant has moved on to another one.
   */
  pending: (NewCoding & { interviewId: string })[];
  /** Codings whose details are open (several when they overlap where the user clicked). */
  selected: string[];
  pickerOpen: boolean;
  /** Counts requests to move the focus into the open details (Mod+Shift+K pressed twice in the notes). */
  focusDetails: number;
  load: (interviewId: string, engagementId: string) => Promise<void>;
  reloadCodebook: () => Promise<void>;
  add: (meta: CodingMeta) => void;
  /** Codings the service already stored for the open interview (pasted from another one). */
  adopt: (metas: CodingMeta[]) => void;
  update: (id: string, patch: CodingPatch) => Promise<void>;
  /** Hands an interview's pending codings to a save; `restore` puts them back if the save failed. */
  takePending: (interviewId: string) => { codings: NewCoding[]; restore: () => void };
}

export const useCodings = create<CodingState>((set, get) => ({
  interviewId: null,
  engagementId: null,
  codebook: [],
  codings: {},
  pending: [],
  selected: [],
  pickerOpen: false,
  focusDetails: 0,
  load: async (interviewId, engagementId) => {
    const [codebook, codings] = await Promise.all([
      unwrap(kuulo.getCodebook({ engagementId })),
      unwrap(kuulo.listCodings({ interviewId })),
    ]);
    set({
      interviewId,
      engagementId,
      codebook,
      codings: Object.fromEntries(codings.map((c) => [c.id, c])),
      selected: [],
    });
  },
  reloadCodebook: async () => {
    const engagementId = get().engagementId;
    if (!engagementId) return;
    const codebook = await unwrap(kuulo.getCodebook({ engagementId }));
    set({ codebook });
  },
  add: (meta) =>
    set((s) => ({
      codings: { ...s.codings, [meta.id]: meta },
      pending: s.interviewId ? [...s.pending, { ...meta, interviewId: s.interviewId }] : s.pending,
    })),
  adopt: (metas) =>
    set((s) => ({
      codings: {
        ...s.codings,
        ...Object.fromEntries(
          metas.map(({ id, codeId, sentiment, severity, memo, star }) => [
            id,
            { id, codeId, sentiment, severity, memo, star },
          ]),
        ),
      },
    })),
  update: async (id, patch) => {
    const current = get().codings[id];
    if (!current) return;
    const next = { ...current, ...patch };
    set((s) => ({
      codings: { ...s.codings, [id]: next },
      pending: s.pending.map((p) => (p.id === id ? { ...next, interviewId: p.interviewId } : p)),
    }));
    if (get().pending.some((p) => p.id === id)) return;
    await attempt(() => unwrap(kuulo.updateCoding({ id, patch })));
  },
  takePending: (interviewId) => {
    const taken = get().pending.filter((p) => p.interviewId === interviewId);
    set((s) => ({ pending: s.pending.filter((p) => p.interviewId !== interviewId) }));
    return {
      codings: taken.map(({ interviewId: _, ...coding }) => coding),
      restore: () => set((s) => ({ pending: [...taken, ...s.pending] })),
    };
  },
}));

/** Codes a consultant can apply now: not groups, not retired. */
export const applicableCodes = (codebook: CodebookEntry[]): CodebookEntry[] =>
  codebook.filter((c) => !c.isGroup && !c.retired);

/**
 * Highlight colours live in one stylesheet keyed by coding id, so the marks in the document stay a
 * bare id and a code's colour change never touches the notes.
 */
export function codingStyles(
  codings: Record<string, CodingMeta>,
  codebook: CodebookEntry[],
  selected: string[],
): string {
  const colorOf = new Map(codebook.map((c) => [c.id, c.color]));
  const rules: string[] = [];
  for (const coding of Object.values(codings)) {
    rules.push(codingMarkRule(coding.id, colorOf.get(coding.codeId) ?? '#999999'));
  }
  for (const id of selected)
    rules.push(`.notes-editor [data-coding="${id}"]{outline:2px solid #1d2430;outline-offset:1px}`);
  return rules.join('\n');
}
