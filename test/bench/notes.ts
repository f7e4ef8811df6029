import type { DocNode } from '../../shared/domain.ts';
import { CODING_MARK } from '../../shared/notes.ts';

const WORDS =
  'asiakas kertoi että toimitus viivästyi kahdesti ja yhteyshenkilö vaihtui kesken projektin joten tieto katosi matkalla myynnistä toteutukseen customer said delivery slipped twice and the contact changed midway so knowledge was lost between sales and delivery'.split(
    ' ',
  );

/** A seeded pseudo-random sequence (mulberry32): the same seed gives the same workspace. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedNotes {
  doc: DocNode;
  codings: { id: string; codeId: string; sentiment: 'negative' | 'neutral' | 'positive' }[];
}

/**
 * A long interview: `words` words in paragraphs of 10–40 words, with `codings` codings spread over
 * them (each on a run of words inside one paragraph), coded with the given codes.
 */
export function generateNotes(
  rand: () => number,
  words: number,
  codings: number,
  codeIds: string[],
  newId: () => string,
): GeneratedNotes {
  const paragraphs: string[][] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 10 + Math.floor(rand() * 30));
    paragraphs.push(Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!));
    left -= n;
  }
  const coded = new Map<number, { id: string; from: number; to: number }>();
  const list: GeneratedNotes['codings'] = [];
  const step = paragraphs.length / codings;
  for (let i = 0; i < codings && i < paragraphs.length; i++) {
    const index = Math.floor(i * step);
    const length = paragraphs[index]!.length;
    const from = Math.floor(rand() * (length / 2));
    const to = Math.min(length, from + 3 + Math.floor(rand() * 12));
    const id = newId();
    coded.set(index, { id, from, to });
    const sentiment = (['negative', 'neutral', 'positive'] as const)[Math.floor(rand() * 3)]!;
    list.push({ id, codeId: codeIds[i % codeIds.length]!, sentiment });
  }
  const content = paragraphs.map((p, index): DocNode => {
    const c = coded.get(index);
    if (!c) return { type: 'paragraph', content: [{ type: 'text', text: p.join(' ') }] };
    const parts: DocNode[] = [];
    const before = p.slice(0, c.from).join(' ');
    const inside = p.slice(c.from, c.to).join(' ');
    const after = p.slice(c.to).join(' ');
    if (before) parts.push({ type: 'text', text: `${before} ` });
    parts.push({ type: 'text', text: inside, marks: [{ type: CODING_MARK, attrs: { id: c.id } }] });
    if (after) parts.push({ type: 'text', text: ` ${after}` });
    return { type: 'paragraph', content: parts };
  });
  return { doc: { type: 'doc', content }, codings: list };
}
