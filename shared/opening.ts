/**
 * The first words of a quote, to name what a link opens ("Open in interview: …, “We waited two
 * weeks…”") without reading the whole passage out as the link's name.
 */
export function quoteOpening(text: string, words = 6): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ');
}
