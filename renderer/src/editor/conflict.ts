import type { DocNode } from '../../../shared/domain.ts';
import { deriveNotes, rewriteCodingMarks } from '../../../shared/notes.ts';

/**
 * Two versions of the same notes, one saved elsewhere after this copy was opened: the consultant keeps
 * one, and the other is added at its end as a quoted block headed by `label`, so neither is lost
 * silently; they delete the block once checked. In that block, coding marks whose coding is also in
 * the kept version are dropped (one id in two places would stretch one coding over everything in
 * between); codings only the other version had stay on its words. Its paragraphs answer no guide
 * question (the kept version's answers would count twice). An empty other version adds nothing.
 */
export function keepWithOther(kept: DocNode, other: DocNode, label: string): DocNode {
  const otherNotes = deriveNotes(other);
  if (!otherNotes.text.trim()) return kept;
  const inKept = deriveNotes(kept).codings;
  const shared = new Map<string, null>(
    [...otherNotes.codings.keys()].filter((id) => inKept.has(id)).map((id) => [id, null]),
  );
  const blocks = (rewriteCodingMarks(other, shared).content ?? []).map(withoutAnswers);
  const heading: DocNode = {
    type: 'paragraph',
    content: [{ type: 'text', text: label, marks: [{ type: 'bold' }] }],
  };
  return {
    ...kept,
    content: [...(kept.content ?? []), { type: 'blockquote', content: [heading, ...blocks] }],
  };
}

/** The node with no paragraph in it attributed to a guide question. */
function withoutAnswers(node: DocNode): DocNode {
  const { question: _, ...attrs } = node.attrs ?? {};
  return {
    ...node,
    ...(node.attrs ? { attrs } : {}),
    ...(node.content ? { content: node.content.map(withoutAnswers) } : {}),
  };
}
