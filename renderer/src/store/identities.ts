import type { EditorView } from '@tiptap/pm/view';
import { create } from 'zustand';
import { isFormOf, nameStems } from '../../../shared/identity/finnish.ts';
import type { Identity, IdentityKind, IdentityRole, RegisterEntry } from '../../../shared/identity/types.ts';
import { kuulo } from '../bridge.ts';
import {
  applyMention,
  holdMentionTarget,
  holdTypedMention,
  type MentionMode,
  mentionTarget,
} from '../editor/mention.ts';
import { useNotes } from './notes.ts';
import { attempt, unwrap } from './notify.ts';

export type MentionOption =
  | { type: 'entry'; entry: RegisterEntry }
  | { type: 'new'; kind: IdentityKind; name: string };

export interface OptionGroup {
  /** The register role of the entries, or null for the "new person / organisation" options. */
  role: IdentityRole | null;
  options: MentionOption[];
}

export interface MentionPicker {
  mode: MentionMode;
  query: string;
  /** Typing mode: where the "@" is on screen, to open the list beside it. */
  at: { left: number; top: number; bottom: number } | null;
}

interface IdentitiesState {
  engagementId: string | null;
  register: RegisterEntry[];
  identities: Identity[];
  picker: MentionPicker | null;
  /** The highlighted option, an index into the picker's options in list order. */
  active: number;
  /** A choice is being stored: a second Enter must not create the person twice. */
  busy: boolean;
  load: (engagementId: string) => Promise<void>;
  /** Opens the picker over the held words (`query` is their text). */
  openPicker: (query: string) => void;
  /** The editor's "@query" changed (null: no longer typing one). */
  follow: (typed: { query: string; at: MentionPicker['at'] } | null) => void;
  setQuery: (query: string) => void;
  move: (step: 1 | -1) => void;
  highlight: (index: number) => void;
  close: () => void;
  /** Marks the held words (or the "@query") with the chosen option's identity, creating it if need be. */
  choose: (index?: number) => Promise<void>;
}

export const useIdentities = create<IdentitiesState>((set, get) => ({
  engagementId: null,
  register: [],
  identities: [],
  picker: null,
  active: 0,
  busy: false,
  load: async (engagementId) => {
    if (get().engagementId !== engagementId) set({ engagementId, register: [], identities: [] });
    const [register, identities] = await Promise.all([
      unwrap(kuulo.identityRegister({ engagementId })),
      unwrap(kuulo.listIdentities({ engagementId })),
    ]);
    if (get().engagementId === engagementId) set({ register, identities });
  },
  openPicker: (query) => {
    set({ picker: { mode: 'selection', query, at: null }, active: 0 });
    // People may have been added since the notes opened; the list shows what is known meanwhile.
    const { engagementId } = get();
    if (engagementId) void attempt(() => get().load(engagementId));
  },
  follow: (typed) => {
    const picker = get().picker;
    if (picker?.mode === 'selection') return;
    if (!typed) {
      if (picker) set({ picker: null });
      return;
    }
    const opening = !picker;
    set({ picker: { mode: 'typing', query: typed.query, at: typed.at }, active: 0 });
    const { engagementId } = get();
    if (opening && engagementId) void attempt(() => get().load(engagementId));
  },
  setQuery: (query) => set((s) => (s.picker ? { picker: { ...s.picker, query }, active: 0 } : {})),
  move: (step) =>
    set((s) => {
      const count = pickerOptions(s).length;
      return { active: count ? (s.active + step + count) % count : 0 };
    }),
  highlight: (index) => set({ active: index }),
  close: () => {
    const picker = get().picker;
    set({ picker: null });
    const editor = useNotes.getState().editor;
    if (!editor) return;
    if (picker?.mode === 'selection') {
      holdMentionTarget(editor.view, null);
      editor.commands.focus();
    }
  },
  choose: async (index) => {
    const state = get();
    const picker = state.picker;
    const option = pickerOptions(state)[index ?? state.active];
    if (!picker || !option || state.busy) return;
    set({ busy: true });
    const view = useNotes.getState().editor?.view;
    if (picker.mode === 'typing' && view) holdTypedMention(view);
    try {
      await attempt(async () => {
        const identity = await identityFor(option);
        const editor = useNotes.getState().editor;
        if (!editor) return;
        set({ picker: null });
        if (picker.mode === 'selection') editor.commands.focus();
        if (applyMention(editor.view, picker.mode, identity.id, identity.name)) {
          // A deliberate act, like a new coding: stored at once rather than a second later.
          void useNotes.getState().flush();
        }
      });
    } finally {
      set({ busy: false });
    }
  },
}));

/** Ctrl+Shift+M or the toolbar: the picker over the selection or the word at the cursor. */
export function pickMention(view: EditorView): void {
  const target = mentionTarget(view.state);
  holdMentionTarget(view, target);
  useIdentities.getState().openPicker(target.text);
}

/** The picker's options in list order (the order ↑↓ moves through). */
export function pickerOptions(
  state: Pick<IdentitiesState, 'picker' | 'register' | 'identities'>,
): MentionOption[] {
  if (!state.picker) return [];
  return mentionOptions(state.register, state.identities, state.picker.query).flatMap((g) => g.options);
}

/** Case- and accent-insensitive, as the code picker compares. */
const fold = (s: string): string => s.toLocaleLowerCase('fi').normalize('NFD').replace(/\p{M}/gu, '');
const lower = (s: string): string => s.toLocaleLowerCase('fi');
const words = (s: string): string[] => s.split(/[\s,.;()]+/u).filter(Boolean);

/** How the picker lists roles when matches are equally good: the likeliest people in notes first. */
const ROLE_ORDER: readonly IdentityRole[] = [
  'interviewee',
  'contact',
  'mentioned',
  'account',
  'client',
  'interviewer',
];

/**
 * How well a word of the query matches a word of a name: 0 the name word starts with it, 1 it is an
 * inflected form (Tapsalle → Tapsa: the same first four letters, or a Finnish case form of the name,
 * Mäelle → Mäki), or null.
 */
function wordMatch(token: string, word: string): number | null {
  const t = fold(token);
  const w = fold(word);
  if (w.startsWith(t)) return 0;
  if (t.length >= 4 && w.startsWith(t.slice(0, 4))) return 1;
  const original = lower(token);
  if (nameStems(lower(word)).some((stem) => isFormOf(original, stem))) return 1;
  return null;
}

/** 0 the whole name starts with the query, 1 every word matches a word start, 2 inflected, or null. */
function rankEntry(entry: RegisterEntry, query: string): number | null {
  const q = fold(query.trim());
  if (!q) return 3;
  const tokens = words(query);
  let best: number | null = null;
  for (const name of new Set([entry.name, ...entry.names])) {
    if (fold(name).startsWith(q)) return 0;
    const nameWords = words(name);
    let worst = 0;
    for (const token of tokens) {
      const matches = nameWords.map((w) => wordMatch(token, w)).filter((m): m is number => m !== null);
      if (!matches.length) {
        worst = -1;
        break;
      }
      worst = Math.max(worst, Math.min(...matches));
    }
    if (worst >= 0 && (best === null || worst + 1 < best)) best = worst + 1;
  }
  return best;
}

/**
 * Everyone the picker can offer for a query, grouped by role (best matching group first), then
 * "new person" and "new organisation" unless the query already names one exactly. Marked identities
 * that stand for a register entry (an interviewee, an account, a contact of the same name) are listed
 * once, under that entry.
 */
export function mentionOptions(
  register: readonly RegisterEntry[],
  identities: readonly Identity[],
  query: string,
): OptionGroup[] {
  const linked = new Set(register.filter((e) => e.role !== 'mentioned').map((e) => e.id));
  const named = new Set(
    register.filter((e) => e.role !== 'mentioned').map((e) => `${e.kind}:${fold(e.name)}`),
  );
  const marked: RegisterEntry[] = identities
    .filter((i) => !register.some((e) => e.id === i.id))
    .map((i) => ({ id: i.id, kind: i.kind, role: 'mentioned', name: i.name, names: [i.name, ...i.aliases] }));
  const entries = [...register, ...marked].filter((e) => {
    if (e.role !== 'mentioned') return true;
    const identity = identities.find((i) => i.id === e.id);
    if (identity?.intervieweeId && linked.has(identity.intervieweeId)) return false;
    if (identity?.accountId && linked.has(identity.accountId)) return false;
    return !named.has(`${e.kind}:${fold(e.name)}`);
  });

  const ranked = entries
    .map((entry) => ({ entry, rank: rankEntry(entry, query) }))
    .filter((r): r is { entry: RegisterEntry; rank: number } => r.rank !== null);
  const groups = new Map<IdentityRole, { rank: number; items: typeof ranked }>();
  for (const item of ranked) {
    const group = groups.get(item.entry.role) ?? { rank: item.rank, items: [] };
    group.rank = Math.min(group.rank, item.rank);
    group.items.push(item);
    groups.set(item.entry.role, group);
  }
  const result: OptionGroup[] = [...groups]
    .sort(([ra, a], [rb, b]) => a.rank - b.rank || ROLE_ORDER.indexOf(ra) - ROLE_ORDER.indexOf(rb))
    .map(([role, group]) => ({
      role,
      options: group.items
        .sort((a, b) => a.rank - b.rank || a.entry.name.localeCompare(b.entry.name, 'fi'))
        .map(({ entry }) => ({ type: 'entry', entry })),
    }));

  const name = query.trim().replace(/\s+/g, ' ');
  if (name) {
    const exact = (kind: IdentityKind) => entries.some((e) => e.kind === kind && fold(e.name) === fold(name));
    const fresh: MentionOption[] = (['person', 'org'] as const)
      .filter((kind) => !exact(kind))
      .map((kind) => ({ type: 'new', kind, name }));
    if (fresh.length) result.push({ role: null, options: fresh });
  }
  return result;
}

const sameName = (a: string, b: string): boolean => fold(a.trim()) === fold(b.trim());

/**
 * The identity a choice stands for: a marked one as it is; an interviewee or account through the
 * identity linked to it; anyone else through an identity of the same name and kind (not one linked to
 * somebody else) — created, and linked, when there is none yet, so that choosing the same person twice
 * never makes two.
 */
async function identityFor(option: MentionOption): Promise<Identity> {
  const { engagementId, identities } = useIdentities.getState();
  if (!engagementId) throw new Error('No engagement is open');
  const kind = option.type === 'new' ? option.kind : option.entry.kind;
  const name = option.type === 'new' ? option.name : option.entry.name;
  const role = option.type === 'entry' ? option.entry.role : null;
  const intervieweeId = role === 'interviewee' && option.type === 'entry' ? option.entry.id : null;
  const accountId = role === 'account' && option.type === 'entry' ? option.entry.id : null;

  const marked = option.type === 'entry' ? identities.find((i) => i.id === option.entry.id) : undefined;
  if (marked) return marked;
  const linked = identities.find(
    (i) => (intervieweeId && i.intervieweeId === intervieweeId) || (accountId && i.accountId === accountId),
  );
  if (linked) return linked;
  const namesake = identities.find(
    (i) =>
      i.kind === kind &&
      sameName(i.name, name) &&
      (!intervieweeId || !i.intervieweeId) &&
      (!accountId || !i.accountId),
  );
  if (namesake && !intervieweeId && !accountId) return namesake;
  const identity = namesake
    ? // Marked by name before; now known to be this interviewee or account.
      await unwrap(kuulo.updateIdentity({ id: namesake.id, patch: { intervieweeId, accountId } }))
    : await unwrap(kuulo.createIdentity({ engagementId, kind, name, intervieweeId, accountId }));
  useIdentities.setState((s) => ({
    identities: [...s.identities.filter((i) => i.id !== identity.id), identity],
  }));
  // The register lists the new identity too; this also overtakes a load that started before it existed.
  void attempt(() => useIdentities.getState().load(engagementId));
  return identity;
}
