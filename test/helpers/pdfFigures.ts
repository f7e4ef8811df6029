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
// A claim sentence may run long between its counts and its percentage.
const GAP = String.raw`[^%()]{0,240}?`;
const PATTERNS: { re: RegExp; order: 'pct-first' | 'ratio-first' }[] = [
  { re: new RegExp(String.raw`${PCT}${GAP}\((\d+)${OF}(\d+)\)`, 'gi'), order: 'pct-first' },
  {
    // Not a date: no leading zero ("02/2026"), no range after it ("10/2025–12/2025").
    re: new RegExp(String.raw`(?<![\d/–-])([1-9]\d*|0)${OF}(\d+)(?![\d/–-])${GAP}\(${PCT}\)`, 'gi'),
    order: 'ratio-first',
  },
];

/**
 * Text to compare sentences in: no spaces or hyphens at all, since a PDF reader joins a word broken at
 * its hyphen at the end of a line ("repeat-the-\nstory" → "repeat-thestory").
 */
export const squashed = (text: string) => text.replace(/[\s\u00a0\u202f\u2009\-‐‑]+/g, '');

/** Text as one line: PDF line breaks, NBSPs and thin spaces become single spaces. */
export const flatten = (text: string) => text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ');

export function ratioFigures(text: string): RatioFigure[] {
  const flat = flatten(text);
  const found: RatioFigure[] = [];
  for (const { re, order } of PATTERNS) {
    for (const m of flat.matchAll(re)) {
      const [pctText, a, b] = order === 'pct-first' ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[1]!, m[2]!];
      // A month and year ("11/2025" in a source line) is a date, not counts.
      if (Number(a) >= 1 && Number(a) <= 12 && Number(b) >= 1990 && Number(b) <= 2100) continue;
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
