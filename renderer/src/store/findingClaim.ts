import type { ClaimDefinition, ClaimSegment, ClaimSentiment, ClaimUnit } from '../../../shared/domain.ts';
import { IMPORTANCES, LIFECYCLE_STAGES, ROLE_LEVELS, TIERS } from '../../../shared/domain.ts';
import { type FieldValue, list, str } from '../components/FormDialog.tsx';

/**
 * The finding editor's claim fields and the claim they stand for. A segment is one select whose
 * value is "kind:value" ('' for the whole sample), so kind and value can never disagree.
 */

export const SEGMENT_CHOICES: readonly ClaimSegment[] = [
  ...TIERS.map((value) => ({ kind: 'tier', value }) as const),
  ...ROLE_LEVELS.map((value) => ({ kind: 'roleLevel', value }) as const),
  ...IMPORTANCES.map((value) => ({ kind: 'importance', value }) as const),
  ...LIFECYCLE_STAGES.map((value) => ({ kind: 'lifecycle', value }) as const),
];

export const segmentKey = (segment: ClaimSegment | null): string =>
  segment ? `${segment.kind}:${segment.value}` : '';

export function claimFormValues(claim: ClaimDefinition | null): Record<string, FieldValue> {
  return {
    claimCodeIds: claim?.codeIds ?? [],
    claimSentiment: claim?.sentiment ?? 'any',
    claimSegment: segmentKey(claim?.segment ?? null),
    claimUnit: claim?.unit ?? 'interviews',
  };
}

/**
 * The claim the form asks for, or undefined to let the service keep or default it: with none of
 * the counted themes still linked there is nothing the consultant chose.
 */
export function claimFromForm(values: Record<string, FieldValue>): ClaimDefinition | undefined {
  const linked = list(values.codeIds);
  const codeIds = list(values.claimCodeIds).filter((id) => linked.includes(id));
  if (!codeIds.length) return undefined;
  return {
    codeIds,
    sentiment: (str(values.claimSentiment) || 'any') as ClaimSentiment,
    segment: SEGMENT_CHOICES.find((s) => segmentKey(s) === str(values.claimSegment)) ?? null,
    unit: (str(values.claimUnit) || 'interviews') as ClaimUnit,
  };
}
