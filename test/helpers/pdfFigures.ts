/**
 * Figures as a reader finds them in a report's PDF text ("87 % (13/15)", "13/15 … (87 %)",
 * "5 of 12 … (42%)"), so that a test can check each against its own counts — independently of the
 * formatter that printed it.
 */
export interface RatioFigure {
  /** The words the figure was read from, whitespace collapsed. */
  text: string;
  percent: number;
  decimals: number;
  part: number;
  whole: number;
}

const PCT = String.raw`(\d{1,3}(?:[.,]\d+)?)\s?%`;
const OF = String.raw`\s?(?:/|of)\s?`;
const GAP = String.raw`[^%()]{0,80}?`;
const PATTERNS: { re: RegExp; order: 'pct-first' | 'ratio-first' }[] = [
  { re: new RegExp(String.raw`${PCT}${GAP}\((\d+)${OF}(\d+)\)`, 'gi'), order: 'pct-first' },
  {
    re: new RegExp(String.raw`(?<![\d/])(\d+)${OF}(\d+)(?![\d/])${GAP}\(${PCT}\)`, 'gi'),
    order: 'ratio-first',
  },
];

/** Text as one line: PDF line breaks, NBSPs and thin spaces become single spaces. */
export const flatten = (text: string) => text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ');

export function ratioFigures(text: string): RatioFigure[] {
  const flat = flatten(text);
  const found: RatioFigure[] = [];
  for (const { re, order } of PATTERNS) {
    for (const m of flat.matchAll(re)) {
      const [pctText, a, b] = order === 'pct-first' ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[1]!, m[2]!];
      const decimals = pctText.split(/[.,]/)[1]?.length ?? 0;
      found.push({
        text: m[0],
        percent: Number(pctText.replace(',', '.')),
        decimals,
        part: Number(a),
        whole: Number(b),
      });
    }
  }
  return found;
}

/** part/whole as a percentage rounded once, half up, with integers only (no float drift at .5). */
export function roundedOnce(part: number, whole: number, decimals: number): number {
  const scale = 100 * 10 ** decimals;
  return Math.floor((2 * part * scale + whole) / (2 * whole)) / 10 ** decimals;
}

/** The figures whose printed percentage is not their counts rounded once. */
export function misrounded(figures: readonly RatioFigure[]): RatioFigure[] {
  return figures.filter((f) => f.whole === 0 || roundedOnce(f.part, f.whole, f.decimals) !== f.percent);
}
