import { NOT_XML } from './xmlText.ts';

/**
 * How much text fits a box on a slide. A slide has no page to flow onto and PowerPoint's shrink-on-
 * overflow only acts once someone edits the box, so the deck measures text itself and cuts what
 * does not fit at a word with an ellipsis. Widths are estimated from Arial's metrics by character
 * class, on the generous side so that a line never comes out longer than estimated.
 */

const NARROW = /[iljtfrI.,;:'’!|()[\]\s-]/u;
const WIDE = /[A-ZÅÄÖÜ@%&mwMW—–]/u;

/** Width of one character in ems (Arial: "i" ~0.22, "a" ~0.56, "M" ~0.83). */
const charWidth = (ch: string): number => (NARROW.test(ch) ? 0.29 : WIDE.test(ch) ? 0.72 : 0.56);

/** Estimated width of a line of text in inches at `pt` points. */
export function textWidth(text: string, pt: number): number {
  let ems = 0;
  for (const ch of text) ems += charWidth(ch);
  return (ems * pt) / 72;
}

/**
 * Lines the text takes when wrapped at words in `width` inches; a word longer than a line breaks.
 * A line is filled to 97 % of the width only: a line estimated a little too short would wrap once
 * more on the slide and run into what is below the box.
 */
export function wrap(text: string, boxWidth: number, pt: number): string[] {
  const width = boxWidth * 0.97;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, pt) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      // A word wider than the whole line (a long Finnish compound) is cut where it overflows.
      let rest = word;
      while (textWidth(rest, pt) > width) {
        let cut = [...rest].length - 1;
        while (cut > 1 && textWidth([...rest].slice(0, cut).join(''), pt) > width) cut--;
        lines.push([...rest].slice(0, cut).join(''));
        rest = [...rest].slice(cut).join('');
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Lines of `pt`-point text, at the line spacing PowerPoint and LibreOffice use (1.2), that fit `height` inches. */
export const linesIn = (height: number, pt: number): number =>
  Math.max(1, Math.floor(height / ((pt * 1.2) / 72)));

/**
 * The text cut to at most `maxLines` lines of `width` inches, ending in "…" at a word boundary
 * when it had to be cut. Paragraph breaks are kept.
 */
export function clampLines(text: string, width: number, pt: number, maxLines: number): string {
  const clean = text
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  if (wrap(clean, width, pt).length <= maxLines) return clean;
  // The longest run of whole words that fits with the ellipsis, found by halving (a quote may have 500 words).
  const parts = clean.split(/(\s+)/);
  const words = Math.ceil(parts.length / 2);
  const prefix = (k: number) =>
    `${parts
      .slice(0, 2 * k - 1)
      .join('')
      .replace(/[\s,;:–—-]+$/u, '')}…`;
  let low = 0;
  let high = words - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (wrap(prefix(mid), width, pt).length <= maxLines) low = mid;
    else high = mid - 1;
  }
  return low > 0 ? prefix(low) : '…';
}

/** The text cut to fit a box of `width` × `height` inches at `pt` points. */
export const fitBox = (text: string, width: number, height: number, pt: number): string =>
  clampLines(text, width, pt, linesIn(height, pt));

/** The largest of `sizes` (points, largest first) at which the text fits in `maxLines` lines. */
export function fontToFit(text: string, width: number, maxLines: number, sizes: readonly number[]): number {
  for (const pt of sizes) if (wrap(text, width, pt).length <= maxLines) return pt;
  return sizes[sizes.length - 1]!;
}

/**
 * Every string in a value without the characters XML 1.0 cannot hold (a bell or a vertical tab
 * pasted into notes, half of an emoji): pptxgenjs escapes markup but writes those as they are, and a
 * part with one in it is not XML. Functions (a chart's label formatters) are kept as they are.
 */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return value.replace(NOT_XML, '') as T;
  if (Array.isArray(value)) return value.map(xmlSafe) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, xmlSafe(v)])) as T;
  return value;
}
