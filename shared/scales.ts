/**
 * The scales a guide question can be answered on, and what a set of answers on one adds up to. Used by
 * the answers per question, the wave comparison, `kuulo answers` and the report alike, so that every
 * place says the same n, distribution and score.
 */

export const SCALES = ['open', 'nps', 'five', 'yesno'] as const;
export type Scale = (typeof SCALES)[number];

/** A question may keep its answer in the interview's own NPS or satisfaction field (never twice). */
export const FEEDS = ['nps', 'satisfaction'] as const;
export type Feeds = (typeof FEEDS)[number];

/** The values a scale's answer may take, lowest first; an open question has none (its answer is text). */
export function scaleValues(scale: Scale): number[] {
  switch (scale) {
    case 'nps':
      return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    case 'five':
      return [1, 2, 3, 4, 5];
    case 'yesno':
      // 1 = yes, 0 = no.
      return [0, 1];
    case 'open':
      return [];
  }
}

export const isScaleValue = (scale: Scale, value: number): boolean => scaleValues(scale).includes(value);

/** Which scale a question feeding an interview field must have. */
export const FEEDS_SCALE: Record<Feeds, Scale> = { nps: 'nps', satisfaction: 'five' };

export interface ScaleSummary {
  scale: Exclude<Scale, 'open'>;
  n: number;
  /** Answers per value, in `scaleValues(scale)` order. */
  distribution: { value: number; count: number }[];
  /** The arithmetic mean; null when n = 0. For yes/no, the share answering yes (0–1). */
  mean: number | null;
  /** NPS scale only: promoters (9–10) − detractors (0–6), % of n, rounded; null otherwise or when n = 0. */
  nps: number | null;
  promoters: number;
  passives: number;
  detractors: number;
}

/** Sums up answers on one scale. Values the scale does not have are ignored (they cannot be stored). */
export function summariseScale(scale: Exclude<Scale, 'open'>, values: readonly number[]): ScaleSummary {
  const allowed = scaleValues(scale);
  const kept = values.filter((v) => allowed.includes(v));
  const n = kept.length;
  const distribution = allowed.map((value) => ({ value, count: kept.filter((v) => v === value).length }));
  const mean = n ? kept.reduce((sum, v) => sum + v, 0) / n : null;
  const promoters = scale === 'nps' ? kept.filter((v) => v >= 9).length : 0;
  const detractors = scale === 'nps' ? kept.filter((v) => v <= 6).length : 0;
  const passives = scale === 'nps' ? n - promoters - detractors : 0;
  const nps = scale === 'nps' && n ? Math.round(((promoters - detractors) / n) * 100) : null;
  return { scale, n, distribution, mean, nps, promoters, passives, detractors };
}
