import mammoth from 'mammoth';
import type { CueBlock, DocComment } from '../../../shared/import.ts';
import { cleanText } from './clean.ts';
import type { SourceLine } from './text.ts';

/**
 * A Word document's text through mammoth's document model (the HTML it also makes is thrown away):
 * paragraphs, headings and list items as lines, table rows as cells joined by " | ", and comments
 * with the text of the paragraph they are attached to (mammoth keeps where a comment is referenced,
 * not the range it covers).
 */

export type DocxRead = { ok: true; lines: SourceLine[]; comments: DocComment[] } | { ok: false };

/** The parts of mammoth's document model read here (it ships no types for it). */
interface DocElement {
  type: string;
  children?: DocElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: unknown;
  breakType?: string;
  commentId?: string;
  body?: DocElement[];
  authorName?: string | null;
  comments?: DocElement[];
}

const HEADING = /^(?:heading|otsikko|title|otsikko|subtitle|alaotsikko)\s*\d*$/i;
const LIST = /^(?:list|luettelo)/i;

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  let document: DocElement | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Images would be base64-encoded into the HTML nobody reads.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: (element: DocElement) => {
          document = element;
          return element;
        },
      },
    );
  } catch {
    return { ok: false };
  }
  if (!document) return { ok: false };
  const root: DocElement = document;
  const lines: SourceLine[] = [];
  const anchors = new Map<string, string>();

  const addParagraph = (paragraph: DocElement, block?: CueBlock) => {
    const ids: string[] = [];
    const text = inlineText(paragraph, ids);
    const clean = cleanText(text);
    for (const id of ids) if (!anchors.has(id)) anchors.set(id, clean);
    // A line break inside a paragraph (Teams' Word download puts one after the speaker) starts a line.
    for (const part of text.split('\n')) {
      if (!part.trim()) continue;
      lines.push(block ? { text: part, block } : { text: part });
    }
  };
  const walk = (elements: readonly DocElement[]) => {
    for (const element of elements) {
      if (element.type === 'paragraph') addParagraph(element, blockOf(element));
      else if (element.type === 'table') {
        for (const row of element.children ?? []) {
          const ids: string[] = [];
          const cells = (row.children ?? []).map((cell) => cleanText(blockText(cell, ids)));
          const text = cells.filter(Boolean).join(' | ');
          for (const id of ids) if (!anchors.has(id)) anchors.set(id, text);
          if (text) lines.push({ text, block: 'tableRow' });
        }
      } else if (element.children) walk(element.children);
    }
  };
  walk(root.children ?? []);

  const comments: DocComment[] = (root.comments ?? []).flatMap((comment) => {
    const text = cleanText((comment.body ?? []).map((p) => blockText(p, [])).join('\n'));
    if (!text) return [];
    return [
      {
        text,
        author: comment.authorName?.trim() || null,
        anchorText: anchors.get(comment.commentId ?? '') || null,
      },
    ];
  });
  return { ok: true, lines, comments };
}

function blockOf(paragraph: DocElement): CueBlock | undefined {
  const style = paragraph.styleName ?? paragraph.styleId ?? '';
  if (HEADING.test(style.trim())) return 'heading';
  if (paragraph.numbering || LIST.test(style.trim())) return 'listItem';
  return undefined;
}

/** The text of a paragraph's runs; tabs as spaces, line breaks as new lines; comment ids noted. */
function inlineText(element: DocElement, commentIds: string[]): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return element.breakType === 'line' ? '\n' : ' ';
    case 'commentReference':
      if (element.commentId !== undefined) commentIds.push(element.commentId);
      return '';
    case 'noteReference':
    case 'image':
      return '';
    default:
      return (element.children ?? []).map((child) => inlineText(child, commentIds)).join('');
  }
}

/** All the text of a table cell or comment body: its paragraphs (and nested tables) on lines. */
function blockText(element: DocElement, commentIds: string[]): string {
  if (element.type === 'paragraph') return inlineText(element, commentIds);
  return (element.children ?? []).map((child) => blockText(child, commentIds)).join('\n');
}
