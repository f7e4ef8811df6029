import type { DocNode } from './domain.ts';

/** Node types whose inline content becomes one line of the plain text. */
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/**
 * The plain text of a notes document: one line per text block, hard breaks as newlines.
 * Search, word counts, quotes and code-point offsets are all taken from this one derivation.
 */
export function docToPlainText(doc: DocNode): string {
  const lines: string[] = [];
  const walk = (node: DocNode): void => {
    if (TEXTBLOCKS.has(node.type)) {
      lines.push(inlineText(node));
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return lines.join('\n');
}

function inlineText(block: DocNode): string {
  let out = '';
  for (const child of block.content ?? []) {
    if (child.type === 'text') out += child.text ?? '';
    else if (child.type === 'hardBreak') out += '\n';
  }
  return out;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

export const EMPTY_DOC: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

/** Builds a document from plain paragraphs, e.g. for imports and demo data. */
export function paragraphsToDoc(paragraphs: string[]): DocNode {
  if (paragraphs.length === 0) return EMPTY_DOC;
  return {
    type: 'doc',
    content: paragraphs.map((p) =>
      p ? { type: 'paragraph', content: [{ type: 'text', text: p }] } : { type: 'paragraph' },
    ),
  };
}
