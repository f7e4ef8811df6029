import type { DocNode } from './domain.ts';

/** Node types whose inline content becomes one line of the plain text. */
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

export const CODING_MARK = 'coding';
/** A person or organisation the consultant marked; like a coding, the mark carries only an id. */
export const MENTION_MARK = 'mention';

/** Where one coding lies in the plain text, in Unicode code points (REFI-QDA's convention). */
export interface CodingSpan {
  start: number;
  end: number;
}

export interface DerivedNotes {
  text: string;
  /** The text's length in code points. */
  length: number;
  /** Coding id → the span from its first to its last marked character. */
  codings: Map<string, CodingSpan>;
  /** Every marked mention, one per run of marked text, with the words it covers. */
  mentions: { id: string; start: number; end: number; text: string }[];
  /** Each text block (paragraph, heading…) in document order: its line of `text` and where it starts. */
  blocks: { start: number; text: string }[];
}

const SURROGATE = /[\uD800-\uDFFF]/;

const codePoints = (s: string): number => {
  // Most text has no character outside the BMP: then each UTF-16 unit is a code point.
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
};

/**
 * The plain text of a notes document — one line per text block, hard breaks as newlines — and the
 * span of every coding mark in it. Search, word counts, quotes and offsets all come from this walk.
 */
export function deriveNotes(doc: DocNode): DerivedNotes {
  const lines: string[] = [];
  const codings = new Map<string, CodingSpan>();
  const mentions: DerivedNotes['mentions'] = [];
  const blocks: DerivedNotes['blocks'] = [];
  let offset = 0;

  const inline = (block: DocNode): string => {
    let line = '';
    for (const child of block.content ?? []) {
      const piece = child.type === 'text' ? (child.text ?? '') : child.type === 'hardBreak' ? '\n' : '';
      const length = codePoints(piece);
      for (const mark of child.marks ?? []) {
        const id = mark.attrs?.id;
        if (typeof id !== 'string' || length === 0) continue;
        if (mark.type === MENTION_MARK) {
          // Pieces of one mention split by formatting join into one run.
          const previous = mentions.at(-1);
          if (previous?.id === id && previous.end === offset) {
            previous.end = offset + length;
            previous.text += piece;
          } else mentions.push({ id, start: offset, end: offset + length, text: piece });
          continue;
        }
        if (mark.type !== CODING_MARK) continue;
        const span = codings.get(id);
        if (span) span.end = offset + length;
        else codings.set(id, { start: offset, end: offset + length });
      }
      line += piece;
      offset += length;
    }
    return line;
  };

  const walk = (node: DocNode): void => {
    if (TEXTBLOCKS.has(node.type)) {
      if (lines.length > 0) offset += 1; // the newline between lines
      const start = offset;
      const line = inline(node);
      lines.push(line);
      blocks.push({ start, text: line });
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return { text: lines.join('\n'), length: offset, codings, mentions, blocks };
}

export function docToPlainText(doc: DocNode): string {
  return deriveNotes(doc).text;
}

/**
 * Cuts [start, end) in code points out of `text`, as often as asked. Text without characters outside
 * the BMP is sliced as it is; only other text is split into code points (once).
 */
export function codePointSlicer(text: string): (start: number, end: number) => string {
  if (!SURROGATE.test(text)) return (start, end) => text.slice(start, end);
  const chars = Array.from(text);
  return (start, end) => sliceCodePoints(chars, start, end);
}

/** Cuts [start, end) out of a text in code points. */
export function sliceCodePoints(chars: readonly string[], start: number, end: number): string {
  return chars.slice(start, end).join('');
}

/**
 * Returns the document with coding marks renamed (id → other id) or removed (id → null); used when
 * codes are merged or deleted. Marks that become duplicates on the same text are collapsed.
 */
export function rewriteCodingMarks(doc: DocNode, changes: ReadonlyMap<string, string | null>): DocNode {
  const rewrite = (node: DocNode): DocNode => {
    const next: DocNode = { ...node };
    if (node.marks) {
      const seen = new Set<string>();
      const marks = node.marks.flatMap((mark) => {
        if (mark.type !== CODING_MARK) return [mark];
        const id = String(mark.attrs?.id);
        const target = changes.has(id) ? changes.get(id) : id;
        if (!target || seen.has(target)) return [];
        seen.add(target);
        return [{ ...mark, attrs: { ...mark.attrs, id: target } }];
      });
      if (marks.length) next.marks = marks;
      else delete next.marks;
    }
    if (node.content) next.content = node.content.map(rewrite);
    return next;
  };
  return rewrite(doc);
}

/** A word: letters and digits of any script, joined inside by an apostrophe or a hyphen (ei-toimi). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/**
 * What one interview's notes may hold. A 20,000-word interview is about 150,000 characters with 500
 * codings; the limits leave several times that, and keep one save, its derived text and the analysis
 * of the interview within a second.
 */
export const NOTE_LIMITS = {
  characters: 1_000_000,
  codings: 5_000,
  /** Code points under all codings together: each coding stores its passage, and a save compares them. */
  codedCharacters: 5_000_000,
  /** The stored document's JSON in UTF-8 bytes: about 16 times what a million characters of plain text need. */
  documentBytes: 16_000_000,
} as const;

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
