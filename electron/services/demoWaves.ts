import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { linkWave } from './waves.ts';

/**
 * The demo's waves: Huoltovoima's 2025 study follows its 2024 one. Both were made before waves existed,
 * so they are linked as a consultant would link them, by matching names (accounts, people, codes).
 */
const DEMO_WAVES: [later: string, earlier: string][] = [['huoltovoima-2025', 'huoltovoima-2024']];

export function linkDemoWaves(ctx: ServiceContext, engagementIds: ReadonlyMap<string, string>): void {
  for (const [later, earlier] of DEMO_WAVES) {
    const laterId = engagementIds.get(later);
    const earlierId = engagementIds.get(earlier);
    if (!laterId || !earlierId) continue;
    // The link keeps the engagement's own last change, so the demo's lists stay in their order.
    const { updatedAt } = getEngagement(ctx, laterId);
    linkWave({ ...ctx, now: () => updatedAt }, laterId, earlierId);
  }
}
