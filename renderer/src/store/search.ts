import type { Editor } from '@tiptap/react';
import { create } from 'zustand';
import type { Input } from '../../../shared/contract.ts';
import type { CodebookEntry, RoleLevel, Tier } from '../../../shared/domain.ts';
import type { SearchHit } from '../../../shared/search.ts';
import { kuulo } from '../bridge.ts';
import { selectText } from '../editor/selectText.ts';
import { i18next } from '../i18n/index.ts';
import { useInterview } from './interview.ts';
import { useNotes } from './notes.ts';
import { ServiceError, unwrap, useNotify } from './notify.ts';
import { useRouter } from './router.ts';
import { codableSpans, hitKey } from './searchHits.ts';
import { useWorkspace } from './workspace.ts';

export type SearchScope = 'interview' | 'engagement' | 'all';

export interface SearchFilters {
  tiers: Tier[];
  roleLevels: RoleLevel[];
  codeId: string | null;
  /** 'YYYY-MM-DD' or empty. */
  from: string;
  to: string;
}

export const NO_SEARCH_FILTERS: SearchFilters = { tiers: [], roleLevels: [], codeId: null, from: '', to: '' };

/** The last coding of hits, while it can still be undone from here. */
export interface SearchCoding {
  coded: number;
  trashId: string;
  code: { fi: string; en: string };
  interviewIds: string[];
}

interface SearchState {
  open: boolean;
  scope: SearchScope;
  /** The interview the search was opened from (the "this interview" scope), if any. */
  interviewId: string | null;
  engagementId: string | null;
  query: string;
  filters: SearchFilters;
  status: 'idle' | 'searching' | 'done' | 'error';
  error: string | null;
  hits: SearchHit[];
  total: number;
  more: boolean;
  /** Hit keys (searchHits.ts). */
  selected: string[];
  /** Codes offered for the code filter and for coding hits: the scope's codebook. */
  codebook: CodebookEntry[];
  /** The code picker for the selection is open, with the codes it offers. */
  picking: { codebook: CodebookEntry[]; engagementId: string | null } | null;
  coding: SearchCoding | null;
  /** What the status line says after coding or undoing. */
  notice: { kind: 'coded' | 'nothingNew' | 'undone'; count: number; code: { fi: string; en: string } } | null;
}

/** Hits asked for at a time; "show more" asks for the next ones. */
export const PAGE = 100;
/** Typing pauses this long before a search runs. */
export const DEBOUNCE_MS = 250;

export const useSearch = create<SearchState>(() => ({
  open: false,
  scope: 'engagement',
  interviewId: null,
  engagementId: null,
  query: '',
  filters: NO_SEARCH_FILTERS,
  status: 'idle',
  error: null,
  hits: [],
  total: 0,
  more: false,
  selected: [],
  codebook: [],
  picking: null,
  coding: null,
  notice: null,
}));

let returnFocus: HTMLElement | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
/** Only the answer to the latest search is shown: an older one arriving late is dropped. */
let sequence = 0;

// Saved notes move the offsets of the hits after the edit: while the panel is open, they are found again.
useNotes.subscribe((state, previous) => {
  const { open, query } = useSearch.getState();
  if (state.revision === previous.revision || !open || !query.trim()) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void runSearch(), DEBOUNCE_MS);
});

/** The interview and engagement the consultant is in now, from the screen shown. */
function here(): { interviewId: string | null; engagementId: string | null } {
  const route = useRouter.getState().route;
  const detail = useInterview.getState().detail;
  if (route.name === 'interview')
    return { interviewId: route.id, engagementId: detail?.id === route.id ? detail.engagementId : null };
  if (route.name === 'engagement') return { interviewId: null, engagementId: route.id };
  if ('engagementId' in route && route.engagementId)
    return { interviewId: null, engagementId: route.engagementId };
  if (route.name === 'engagements') return { interviewId: null, engagementId: null };
  return { interviewId: null, engagementId: useWorkspace.getState().current?.engagement.id ?? null };
}

/** Ctrl+F (`narrow`: this interview, where there is one) or Ctrl+Shift+F (the engagement, or all). */
export function openSearch(width: 'narrow' | 'wide'): void {
  const { interviewId, engagementId } = here();
  const scope: SearchScope =
    width === 'narrow' && interviewId ? 'interview' : engagementId || interviewId ? 'engagement' : 'all';
  const state = useSearch.getState();
  if (!state.open && document.activeElement instanceof HTMLElement) returnFocus = document.activeElement;
  const moved = state.interviewId !== interviewId || state.engagementId !== engagementId;
  useSearch.setState({
    open: true,
    scope,
    interviewId,
    // An engagement chosen in the list stays until the consultant goes into another one.
    engagementId: engagementId ?? state.engagementId,
    ...(moved ? { selected: [], filters: { ...state.filters, codeId: null } } : {}),
  });
  void loadCodebook();
  if (moved || scope !== state.scope) void runSearch();
  focusField();
}

export function focusField(): void {
  requestAnimationFrame(() => {
    const field = document.getElementById('search-field') as HTMLInputElement | null;
    field?.focus();
    field?.select();
  });
}

/** Escape: the panel closes and the focus goes back where it was. */
export function closeSearch(): void {
  useSearch.setState({ open: false, picking: null });
  if (timer) clearTimeout(timer);
  const target = returnFocus;
  returnFocus = null;
  if (target?.isConnected) target.focus();
  else useNotes.getState().editor?.commands.focus();
}

export function setQuery(query: string): void {
  useSearch.setState({ query });
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void runSearch(), DEBOUNCE_MS);
}

export function setScope(scope: SearchScope, engagementId?: string): void {
  useSearch.setState((s) => ({
    scope,
    engagementId: engagementId ?? s.engagementId,
    selected: [],
    filters: { ...s.filters, codeId: null },
  }));
  void loadCodebook();
  void runSearch();
}

export function setFilters(patch: Partial<SearchFilters>): void {
  useSearch.setState((s) => ({ filters: { ...s.filters, ...patch } }));
  void runSearch();
}

export function clearFilters(): void {
  useSearch.setState({ filters: NO_SEARCH_FILTERS });
  void runSearch();
}

/** What the service is asked, from the query, the scope and the filters. */
export function searchInput(state: SearchState, offset: number): Input<'search'> | null {
  const query = state.query.trim();
  if (!query) return null;
  const { scope, filters: f } = state;
  const inInterview = scope === 'interview' && state.interviewId !== null;
  return {
    query: query.slice(0, 500),
    limit: PAGE,
    offset,
    ...(inInterview ? { interviewId: state.interviewId! } : {}),
    ...(scope === 'engagement' && state.engagementId ? { engagementId: state.engagementId } : {}),
    ...(!inInterview && f.tiers.length ? { tiers: f.tiers } : {}),
    ...(!inInterview && f.roleLevels.length ? { roleLevels: f.roleLevels } : {}),
    ...(f.codeId ? { codeIds: [f.codeId] } : {}),
    ...(!inInterview && f.from ? { from: f.from } : {}),
    ...(!inInterview && f.to ? { to: f.to } : {}),
  };
}

/** Runs the search now (again from the first hit, or the next page with `append`). */
export async function runSearch(append = false): Promise<void> {
  if (timer) clearTimeout(timer);
  const state = useSearch.getState();
  const input = searchInput(state, append ? state.hits.length : 0);
  const mine = ++sequence;
  if (!input) {
    useSearch.setState({ status: 'idle', error: null, hits: [], total: 0, more: false, selected: [] });
    return;
  }
  useSearch.setState({ status: 'searching', error: null });
  try {
    const result = await unwrap(kuulo.search(input));
    if (mine !== sequence) return;
    useSearch.setState((s) => {
      const hits = append ? [...s.hits, ...result.hits] : result.hits;
      const keys = new Set(hits.map(hitKey));
      return {
        status: 'done',
        hits,
        total: result.total,
        more: result.more,
        // A passage stays selected while it is still a hit.
        selected: s.selected.filter((key) => keys.has(key)),
      };
    });
  } catch (error) {
    if (mine !== sequence) return;
    useSearch.setState({
      status: 'error',
      error: error instanceof Error ? error.message : String(error),
      ...(append ? {} : { hits: [], total: 0, more: false }),
    });
  }
}

async function loadCodebook(): Promise<void> {
  const { scope, engagementId } = useSearch.getState();
  try {
    const codebook = await unwrap(kuulo.getCodebook(scope !== 'all' && engagementId ? { engagementId } : {}));
    useSearch.setState({ codebook });
  } catch {
    useSearch.setState({ codebook: [] });
  }
}

export function toggleHit(key: string): void {
  useSearch.setState((s) => ({
    selected: s.selected.includes(key) ? s.selected.filter((k) => k !== key) : [...s.selected, key],
  }));
}

/** Selects every passage shown (notes only: the other kinds cannot be coded), or none. */
export function selectAll(all: boolean): void {
  useSearch.setState((s) => ({
    selected: all ? s.hits.filter((h) => h.kind === 'note').map(hitKey) : [],
  }));
}

/** The engagements the selected passages come from. */
export function selectedEngagements(state: SearchState): string[] {
  const selected = new Set(state.selected);
  return [...new Set(state.hits.filter((h) => selected.has(hitKey(h))).map((h) => h.engagementId))];
}

/**
 * Opens the code picker for the selection. Passages of one engagement take its codes and the shared
 * ones (fetched when the search spans all engagements); passages of several take only shared codes.
 */
export async function pickCode(): Promise<void> {
  const engagements = selectedEngagements(useSearch.getState());
  const engagementId = engagements.length === 1 ? engagements[0]! : null;
  try {
    const codebook = await unwrap(kuulo.getCodebook(engagementId ? { engagementId } : {}));
    useSearch.setState({ picking: { codebook, engagementId } });
  } catch (error) {
    useNotify.getState().push('error', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Codes the selected passages in one step. Unsaved typing is saved first (the service rewrites the
 * stored notes); an open editor of a coded interview then reopens with the new codings.
 */
export async function codeSelected(codeId: string, code: { fi: string; en: string }): Promise<void> {
  const state = useSearch.getState();
  const spans = codableSpans(state.hits, new Set(state.selected));
  useSearch.setState({ picking: null });
  if (!spans.length) return;
  try {
    // Unsaved typing would be lost under the rewritten notes (or refused as stale): not without it saved.
    if (!(await useNotes.getState().flush())) {
      useNotify.getState().push('error', i18next.t('save.failed'));
      return;
    }
    const result = await unwrap(kuulo.codeSearchHits({ codeId, hits: spans }));
    const interviewIds = [...new Set(spans.map((s) => s.interviewId))];
    useSearch.setState({
      coding: result.coded ? { ...result, code, interviewIds } : null,
      notice: { kind: result.coded ? 'coded' : 'nothingNew', count: result.coded, code },
      selected: [],
    });
    await useInterview.getState().reloadNotes(interviewIds);
    await runSearch();
  } catch (error) {
    useNotify.getState().push('error', error instanceof Error ? error.message : String(error));
  }
}

/** Takes the last coding of hits back, as one step (the Trash entry it made). */
export async function undoCoding(): Promise<void> {
  const { coding } = useSearch.getState();
  if (!coding) return;
  try {
    await useNotes.getState().flush();
    await unwrap(kuulo.restoreFromTrash({ id: coding.trashId }));
    useSearch.setState({ coding: null, notice: { kind: 'undone', count: coding.coded, code: coding.code } });
    await useInterview.getState().reloadNotes(coding.interviewIds);
    await runSearch();
  } catch (error) {
    // Refused (the notes changed since): the offer to undo is gone, the Trash keeps the entry.
    if (error instanceof ServiceError && error.error.key === 'undoChangedSince')
      useSearch.setState({ coding: null });
    useNotify
      .getState()
      .push('error', error instanceof ServiceError || error instanceof Error ? error.message : String(error));
  }
}

/** Resolves with the editor once the notes of this interview are open in it (null after `ms`). */
function editorFor(interviewId: string, ms = 10_000): Promise<Editor | null> {
  const ready = () => {
    const { editor, editorOf } = useNotes.getState();
    return editor && editorOf === interviewId && !editor.isDestroyed ? editor : null;
  };
  const now = ready();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const stop = setTimeout(() => {
      unsubscribe();
      resolve(null);
    }, ms);
    const unsubscribe = useNotes.subscribe(() => {
      const editor = ready();
      if (!editor) return;
      clearTimeout(stop);
      unsubscribe();
      resolve(editor);
    });
  });
}

/**
 * Opens a hit where it lives: a passage of notes is selected in its interview's editor (the panel stays
 * open beside it, to go on to the next hit); a memo opens at its coding; the rest open their page.
 */
export async function openHit(hit: SearchHit): Promise<void> {
  const { navigate, route } = useRouter.getState();
  switch (hit.kind) {
    case 'note': {
      const interviewId = hit.interviewId!;
      if (route.name !== 'interview' || route.id !== interviewId)
        navigate({ name: 'interview', id: interviewId });
      const editor = await editorFor(interviewId);
      // The editor draws its document in the next frame; select after that.
      if (editor) requestAnimationFrame(() => selectText(editor, hit.start, hit.end));
      return;
    }
    case 'memo':
      navigate({ name: 'interview', id: hit.interviewId!, codingId: hit.sourceId });
      return;
    case 'finding':
      navigate({ name: 'findings', engagementId: hit.engagementId });
      return;
    case 'interviewee':
    case 'account':
      navigate({ name: 'engagement', id: hit.engagementId, tab: 'accounts' });
      return;
  }
}
