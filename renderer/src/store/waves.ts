import { create } from 'zustand';
import type { EngagementSummary } from '../../../shared/domain.ts';
import type { WaveCarryOver, WaveComparison, WaveLinkResult } from '../../../shared/waves.ts';
import { kuulo } from '../bridge.ts';
import { unwrap } from './notify.ts';

/** The Waves tab of one engagement: its chain and comparison, what a next wave would carry, and its link. */
interface WavesState {
  engagementId: string | null;
  comparison: WaveComparison | null;
  carryOver: WaveCarryOver | null;
  /** Engagements of the same client that could be this one's previous wave. */
  candidates: EngagementSummary[];
  load: (engagementId: string) => Promise<void>;
  /** Makes the next wave and returns its id. */
  startNext: (fields: {
    title: string;
    periodStart: string | null;
    periodEnd: string | null;
    language: 'fi' | 'en';
  }) => Promise<string>;
  link: (previousEngagementId: string | null) => Promise<WaveLinkResult>;
}

const sameClient = (a: string, b: string) =>
  a.trim().toLocaleLowerCase().replace(/\s+/g, ' ') === b.trim().toLocaleLowerCase().replace(/\s+/g, ' ');

export const useWaves = create<WavesState>((set, get) => ({
  engagementId: null,
  comparison: null,
  carryOver: null,
  candidates: [],
  load: async (engagementId) => {
    if (get().engagementId !== engagementId)
      set({ engagementId, comparison: null, carryOver: null, candidates: [] });
    const [comparison, carryOver, engagements] = await Promise.all([
      unwrap(kuulo.waveComparison({ engagementId })),
      unwrap(kuulo.waveCarryOver({ engagementId })),
      unwrap(kuulo.listEngagements({})),
    ]);
    if (get().engagementId !== engagementId) return;
    // Not itself nor any later wave of its chain: the service refuses a loop, the list does not offer one.
    const later = new Set(
      comparison.chain.slice(comparison.chain.findIndex((w) => w.id === engagementId)).map((w) => w.id),
    );
    const candidates = engagements
      .filter((e) => !later.has(e.id) && sameClient(e.clientName, comparison.current.clientName))
      .sort((a, b) => (a.periodStart ?? a.createdAt).localeCompare(b.periodStart ?? b.createdAt));
    set({ comparison, carryOver, candidates });
  },
  startNext: async (fields) => {
    const fromEngagementId = get().engagementId;
    if (!fromEngagementId) throw new Error('No engagement is open');
    const created = await unwrap(kuulo.createWave({ fromEngagementId, ...fields }));
    await get().load(fromEngagementId);
    return created.id;
  },
  link: async (previousEngagementId) => {
    const engagementId = get().engagementId;
    if (!engagementId) throw new Error('No engagement is open');
    const result = await unwrap(kuulo.linkWave({ engagementId, previousEngagementId }));
    await get().load(engagementId);
    return result;
  },
}));
