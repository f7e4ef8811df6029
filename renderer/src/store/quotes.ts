import { create } from 'zustand';
import type { Input } from '../../../shared/contract.ts';
import type {
  Importance,
  LifecycleStage,
  MatchMode,
  Quote,
  RoleLevel,
  Sentiment,
  Tier,
} from '../../../shared/domain.ts';
import { kuulo } from '../bridge.ts';
import { attempt, unwrap } from './notify.ts';

export interface QuoteFilters {
  codeIds: string[];
  match: MatchMode;
  allEngagements: boolean;
  tiers: Tier[];
  roleLevels: RoleLevel[];
  sentiments: Sentiment[];
  importances: Importance[];
  lifecycles: LifecycleStage[];
  starredOnly: boolean;
}

export const NO_FILTERS: QuoteFilters = {
  codeIds: [],
  match: 'any',
  allEngagements: false,
  tiers: [],
  roleLevels: [],
  sentiments: [],
  importances: [],
  lifecycles: [],
  starredOnly: false,
};

interface QuotesState extends QuoteFilters {
  quotes: Quote[] | null;
  set: (patch: Partial<QuoteFilters>, engagementId: string | undefined) => void;
  run: (engagementId: string | undefined) => Promise<void>;
}

export const toggle = <T>(list: T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/** The filters as the services take them (`findQuotes`, `exportQuotes`): only those that narrow. */
export function quoteFilters(f: QuoteFilters) {
  return {
    codeIds: f.codeIds,
    match: f.match,
    starredOnly: f.starredOnly,
    ...(f.tiers.length ? { tiers: f.tiers } : {}),
    ...(f.roleLevels.length ? { roleLevels: f.roleLevels } : {}),
    ...(f.sentiments.length ? { sentiments: f.sentiments } : {}),
    ...(f.importances.length ? { importances: f.importances } : {}),
    ...(f.lifecycles.length ? { lifecycles: f.lifecycles } : {}),
  };
}

/** The retrieval view's filters survive a jump into an interview and back. */
export const useQuotes = create<QuotesState>((set, get) => ({
  ...NO_FILTERS,
  quotes: null,
  set: (patch, engagementId) => {
    set(patch);
    void get().run(engagementId);
  },
  run: async (engagementId) => {
    const f = get();
    if (!f.codeIds.length) {
      set({ quotes: null });
      return;
    }
    const query: Input<'findQuotes'> = {
      ...quoteFilters(f),
      ...(engagementId && !f.allEngagements ? { engagementId } : {}),
    };
    await attempt(async () => set({ quotes: await unwrap(kuulo.findQuotes(query)) }));
  },
}));

/** Opens the retrieval view showing exactly the quotes behind a figure. */
export function drillDown(engagementId: string, filters: Partial<QuoteFilters>): void {
  useQuotes.setState({ ...NO_FILTERS, ...filters, quotes: null });
  window.location.hash = `#/quotes/${engagementId}`;
}

/**
 * A file name from the chosen codes ("Quotes – Price, Trust"): characters no file name may hold
 * become spaces, and it is cut to fit the name's limit.
 */
export function suggestedFileName(template: (codes: string) => string, codeNames: readonly string[]): string {
  return template(codeNames.join(', '))
    .replace(/[/\\:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .trim();
}
