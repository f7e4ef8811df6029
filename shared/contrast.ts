/**
 * WCAG 2.1 contrast arithmetic on `#rrggbb` colours: relative luminance, contrast ratio, and the
 * darkening that brings a colour to a required ratio. The heat maps, the chart palette and the coding
 * marks are computed or checked with it, so a colour a consultant picks still meets AA.
 */

export type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const digits = hex.trim().replace(/^#/, '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

const channel = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance as WCAG 2.1 defines it (sRGB, 0 for black, 1 for white). */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map(channel) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, 1 to 21, whichever is lighter. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `a` moved towards `b` by `t` (0 keeps `a`, 1 gives `b`), channel by channel in sRGB. */
export function mix(a: string, b: string, t: number): string {
  const [x, y] = [parseHex(a), parseHex(b)];
  return toHex([0, 1, 2].map((i) => x[i]! + (y[i]! - x[i]!) * t) as unknown as Rgb);
}

/**
 * The least change of `colour` towards `towards` (black by default: same hue, darker) that gives at
 * least `ratio` against `against`; the colour itself when it already does. Mixing with black lowers
 * the luminance monotonically, so a bisection finds the boundary.
 */
export function reachContrast(colour: string, against: string, ratio: number, towards = '#000000'): string {
  if (contrastRatio(colour, against) >= ratio) return colour;
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 24; i++) {
    const t = (lo + hi) / 2;
    if (contrastRatio(mix(colour, towards, t), against) >= ratio) hi = t;
    else lo = t;
  }
  // Rounding to whole channels can land a hair under the ratio: step on until it holds.
  let t = hi;
  let result = mix(colour, towards, t);
  while (contrastRatio(result, against) < ratio && t < 1) {
    t = Math.min(1, t + 0.002);
    result = mix(colour, towards, t);
  }
  return result;
}
