import type { Polarity } from './domain.ts';

/** What a change in how often a code comes up means for the client. */
export type ChangeMeaning = 'better' | 'worse' | 'neutral';

/**
 * A rise in a problem is worse and a rise in a strength better; a neutral code, or no change, is
 * neither. Colours follow this meaning, never the sign alone ("Trust and delight +8 pp" is good news).
 * Pass the difference as it is shown, so a figure printed as 0 is never coloured.
 */
export function changeMeaning(polarity: Polarity, delta: number | null): ChangeMeaning {
  if (delta === null || delta === 0 || !Number.isFinite(delta)) return 'neutral';
  switch (polarity) {
    case 'problem':
      return delta > 0 ? 'worse' : 'better';
    case 'strength':
      return delta > 0 ? 'better' : 'worse';
    case 'neutral':
      return 'neutral';
  }
}

/**
 * Okabe–Ito vermillion and bluish green, darkened so text in them has a contrast of 5:1 or more on
 * white (the app's tables and the report print the figure itself in the colour); grey for neither.
 */
export const CHANGE_COLOURS: Readonly<Record<ChangeMeaning, string>> = {
  worse: '#C23B00',
  better: '#00785A',
  neutral: '#667085',
};

export const changeColour = (polarity: Polarity, delta: number | null): string =>
  CHANGE_COLOURS[changeMeaning(polarity, delta)];

/**
 * A theme's own colour in charts that show themes: a problem in the colour of worse news, a strength
 * in that of better news, a neutral theme grey — the same three the benchmark's differences use.
 */
export function polarityColour(polarity: Polarity): string {
  switch (polarity) {
    case 'problem':
      return CHANGE_COLOURS.worse;
    case 'strength':
      return CHANGE_COLOURS.better;
    case 'neutral':
      return CHANGE_COLOURS.neutral;
  }
}
