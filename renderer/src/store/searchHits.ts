import type { SearchHit, SearchKind } from '../../../shared/search.ts';

/** One hit's identity in the list (selection, React keys): a paragraph of a note, or a field of a record. */
export const hitKey = (hit: SearchHit): string =>
  `${hit.kind}:${hit.sourceId}:${hit.paragraph ?? ''}:${hit.start}:${hit.end}`;

export type HitGroup =
  | { kind: 'interview'; key: string; interviewId: string; about: SearchHit; hits: SearchHit[] }
  | { kind: Exclude<SearchKind, 'note'>; key: string; hits: SearchHit[] };

const OTHER_KINDS = ['memo', 'finding', 'interviewee', 'account'] as const;

/**
 * Note hits by interview, the interviews in the order of their best hit (the list comes ranked), each
 * interview's passages in the order they are in its notes; then memos, findings, people and accounts,
 * each kind a group of its own in ranked order.
 */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const interviews = new Map<string, SearchHit[]>();
  const others = new Map<Exclude<SearchKind, 'note'>, SearchHit[]>();
  for (const hit of hits) {
    if (hit.kind === 'note' && hit.interviewId) {
      const list = interviews.get(hit.interviewId) ?? [];
      list.push(hit);
      interviews.set(hit.interviewId, list);
    } else if (hit.kind !== 'note') {
      const list = others.get(hit.kind) ?? [];
      list.push(hit);
      others.set(hit.kind, list);
    }
  }
  const groups: HitGroup[] = [...interviews].map(([interviewId, list]) => ({
    kind: 'interview',
    key: `interview:${interviewId}`,
    interviewId,
    about: list[0]!,
    hits: [...list].sort((a, b) => a.start - b.start),
  }));
  for (const kind of OTHER_KINDS) {
    const list = others.get(kind);
    if (list) groups.push({ kind, key: kind, hits: list });
  }
  return groups;
}

/** The snippet cut into plain and highlighted pieces; highlights are code-point ranges and may overlap. */
export function snippetParts(
  snippet: string,
  highlights: readonly [number, number][],
): { text: string; marked: boolean }[] {
  const chars = Array.from(snippet);
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const [start, end] of highlights)
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) marked[i] = true;
  const parts: { text: string; marked: boolean }[] = [];
  chars.forEach((ch, i) => {
    const last = parts.at(-1);
    if (last && last.marked === marked[i]) last.text += ch;
    else parts.push({ text: ch, marked: marked[i]! });
  });
  return parts;
}

/** The spans to code for the selected hits: notes only (other kinds are not passages of notes). */
export function codableSpans(
  hits: readonly SearchHit[],
  selected: ReadonlySet<string>,
): { interviewId: string; start: number; end: number; text: string }[] {
  return hits
    .filter((hit) => hit.kind === 'note' && hit.interviewId && selected.has(hitKey(hit)))
    .map((hit) => ({ interviewId: hit.interviewId!, start: hit.start, end: hit.end, text: hit.text }));
}
