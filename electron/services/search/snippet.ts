import type { Span } from './match.ts';

/** About how many characters of context a hit shows. */
const WIDTH = 200;
const BEFORE = 70;

/**
 * The text around a hit's first span, cut at word boundaries with "…" where cut, and the code-point
 * ranges in it of every span that falls inside. Offsets in and out are in code points.
 */
export function snippetOf(
  text: string,
  spans: readonly Span[],
): { snippet: string; highlights: [number, number][] } {
  const chars = [...text];
  const first = spans[0] ?? { start: 0, end: 0 };
  let from = Math.max(0, first.start - BEFORE);
  let to = Math.min(chars.length, Math.max(first.end, from + WIDTH));
  // Cut between words: move inwards to the next space (never past the hit itself).
  if (from > 0) {
    let i = from;
    while (i < first.start && !/\s/u.test(chars[i - 1]!)) i++;
    from = i;
  }
  if (to < chars.length) {
    let i = to;
    while (i > first.end && !/\s/u.test(chars[i]!)) i--;
    to = i;
  }
  const lead = from > 0 ? '…' : '';
  // Line breaks read as spaces in a one-line hit (one code point for one: the offsets stay).
  const body = chars
    .slice(from, to)
    .join('')
    .replace(/\s+$/u, '')
    .replace(/[\n\r]/gu, ' ');
  const trail = to < chars.length ? '…' : '';
  const bodyLength = [...body].length;
  const shift = from - lead.length;
  const highlights = spans
    .filter((s) => s.start >= from && s.end <= from + bodyLength)
    .map((s): [number, number] => [s.start - shift, s.end - shift]);
  return { snippet: lead + body + trail, highlights };
}
