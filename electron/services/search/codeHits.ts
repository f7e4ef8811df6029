import type { z } from 'zod';
import type { DocNode } from '../../../shared/domain.ts';
import { CODING_MARK, deriveNotes } from '../../../shared/notes.ts';
import type { CodeSearchHits, CodeSearchHitsResult } from '../../../shared/search.ts';
import { KuuloError, notFound } from '../../base/errors.ts';
import { storedDoc } from '../codings.ts';
import type { ServiceContext } from '../context.ts';
import { saveNotes } from '../notes.ts';
import { intoTrash } from '../trash.ts';

type Input = z.output<typeof CodeSearchHits>;

interface NewSpan {
  id: string;
  start: number;
  end: number;
}

/**
 * "Code all hits": codes each span (code points of an interview's plain text) with the code, as a new
 * coding mark saved through the notes service (its checks, the revision moved on, the codings rows and
 * the index in step). Spans already inside a live coding of the code are skipped. One transaction and
 * one Trash entry, so a single undo takes exactly these codings out again; any refusal changes nothing.
 */
export function codeSearchHits(ctx: ServiceContext, input: Input): CodeSearchHitsResult {
  const code = ctx.db
    .prepare('SELECT name_fi AS fi, name_en AS en, engagement_id AS engagementId FROM codes WHERE id = ?')
    .get(input.codeId) as { fi: string; en: string; engagementId: string | null } | undefined;
  if (!code) throw notFound('code');
  const byInterview = new Map<string, Input['hits']>();
  for (const hit of input.hits) {
    const spans = byInterview.get(hit.interviewId) ?? [];
    if (!spans.some((s) => s.start === hit.start && s.end === hit.end)) spans.push(hit);
    byInterview.set(hit.interviewId, spans);
  }
  const engagementOf = ctx.db.prepare('SELECT engagement_id FROM interviews WHERE id = ?').pluck();
  const firstInterview = byInterview.keys().next().value!;
  const engagementId = code.engagementId ?? (engagementOf.get(firstInterview) as string | undefined) ?? null;

  let coded = 0;
  let trashId = '';
  ctx.db.transaction(() => {
    intoTrash(
      ctx,
      {
        kind: 'searchCoding',
        subjectId: input.codeId,
        label: { name: { fi: code.fi, en: code.en }, detail: null },
        engagementId,
      },
      () => {
        for (const [interviewId, spans] of byInterview)
          coded += codeInterview(ctx, interviewId, input.codeId, spans);
      },
      (id) => {
        trashId = id;
      },
    );
  })();
  return { coded, trashId };
}

function codeInterview(
  ctx: ServiceContext,
  interviewId: string,
  codeId: string,
  spans: Input['hits'],
): number {
  if (!ctx.db.prepare('SELECT 1 FROM interviews WHERE id = ?').get(interviewId)) throw notFound('interview');
  const doc = storedDoc(ctx, interviewId);
  const chars = [...deriveNotes(doc).text];
  for (const { start, end, text } of spans) {
    if (end > chars.length) throw new KuuloError('searchSpanOutside', { start, end, length: chars.length });
    // Typing since the search moves the words: coding the old place would code other text.
    if (chars.slice(start, end).join('') !== text) throw new KuuloError('searchHitMoved', { text });
  }
  const coded = ctx.db
    .prepare(`SELECT start, "end" FROM codings WHERE interview_id = ? AND code_id = ? AND deleted_at IS NULL`)
    .all(interviewId, codeId) as { start: number; end: number }[];
  const fresh: NewSpan[] = spans
    .filter((s) => !coded.some((c) => c.start <= s.start && s.end <= c.end))
    .map((s) => ({ ...s, id: ctx.newId() }));
  if (!fresh.length) return 0;
  saveNotes(
    ctx,
    interviewId,
    withCodingMarks(doc, fresh),
    fresh.map(({ id }) => ({ id, codeId, sentiment: null, severity: null, memo: '', star: false })),
  );
  return fresh.length;
}

const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/**
 * The document with a coding mark (the span's id) on the text of each span. Offsets are counted as
 * deriveNotes counts them (code points; a newline between blocks and for a hard break), so a span of
 * a search hit marks exactly the words it found.
 */
export function withCodingMarks(doc: DocNode, spans: readonly NewSpan[]): DocNode {
  let offset = 0;
  let blocks = 0;
  const inline = (node: DocNode): DocNode[] => {
    if (node.type === 'hardBreak') {
      offset += 1;
      return [node];
    }
    if (node.type !== 'text' || !node.text) return [node];
    const chars = [...node.text];
    const from = offset;
    const to = offset + chars.length;
    offset = to;
    const inside = spans.filter((s) => s.start < to && s.end > from);
    if (!inside.length) return [node];
    const cuts = new Set([from, to]);
    for (const s of inside) {
      if (s.start > from) cuts.add(s.start);
      if (s.end < to) cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const pieces: DocNode[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i]!, points[i + 1]!];
      const marks = [
        ...(node.marks ?? []),
        ...inside
          .filter((s) => s.start <= a && b <= s.end)
          .map((s) => ({ type: CODING_MARK, attrs: { id: s.id } })),
      ];
      const piece: DocNode = { ...node, text: chars.slice(a - from, b - from).join('') };
      if (marks.length) piece.marks = marks;
      else delete piece.marks;
      pieces.push(piece);
    }
    return pieces;
  };
  const walk = (node: DocNode): DocNode => {
    if (TEXTBLOCKS.has(node.type)) {
      if (blocks++ > 0) offset += 1;
      return node.content ? { ...node, content: node.content.flatMap(inline) } : node;
    }
    return node.content ? { ...node, content: node.content.map(walk) } : node;
  };
  return walk(doc);
}
