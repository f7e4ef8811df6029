import { mix, reachContrast } from './contrast.ts';

/**
 * The heat maps' colour ramp (analysis crosstab and co-occurrence, portfolio): one hue, Okabe–Ito
 * blue, light to mid, read by lightness alone and so safe for colour-blind readers. Every number is
 * printed in dark ink on every step: the darkest step is the blue lightened just enough for 5:1
 * against the ink (AA asks 4.5:1 of the 11 px "(n)" too), so no cell needs white text.
 */

/** The text of every heat-map cell, and the outline of a focused one (≥ 3:1 on each step and on the page). */
export const HEAT_INK = '#1d2430';
const HUE = '#0072B2';
const LIGHTEST = '#f2f7fb';
export const HEAT_STEPS = 6;

const darkest = reachContrast(HUE, HEAT_INK, 5, '#ffffff');

/** Light to dark; step i is used for shares in ((i / steps) × 100, ((i + 1) / steps) × 100]. */
export const HEAT_RAMP: readonly string[] = Array.from({ length: HEAT_STEPS }, (_, i) =>
  mix(LIGHTEST, darkest, i / (HEAT_STEPS - 1)),
);

/** The cell colour for a share of 0–100; none for 0 (an empty cell shows a dash on the table's own background). */
export function heatColour(percent: number): string | undefined {
  if (!(percent > 0)) return undefined;
  const step = Math.min(HEAT_STEPS - 1, Math.ceil((percent / 100) * HEAT_STEPS) - 1);
  return HEAT_RAMP[step];
}

/** Style of a heat-map cell: its colour and the ink its number is printed in; none for an empty cell. */
export function heatStyle(percent: number): { background: string; color: string } | undefined {
  const background = heatColour(percent);
  return background ? { background, color: HEAT_INK } : undefined;
}
