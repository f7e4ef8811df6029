import type { CueBlock, DocComment } from '../../../shared/import.ts';
import { cleanText } from './clean.ts';
import type { SourceLine } from './text.ts';

/**
 * A Word document's text through mammoth's document model (the HTML it also makes is thrown away):
 * paragraphs, headings and list items as lines, table rows as cells joined by " | ", and comments
 * with the text of the paragraph they are attached to (mammoth keeps where a comment is referenced,
 * not the range it covers). Footnotes and endnotes keep their text: "[1]" where referenced, and the
 * notes as "[1] …" at the end of the document.
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
  noteType?: string;
  noteId?: string;
  notes?: { resolve(reference: DocElement): DocElement | null };
}

const HEADING = /^(?:heading|otsikko|title|otsikko|subtitle|alaotsikko)\s*\d*$/i;
const LIST = /^(?:list|luettelo)/i;

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  // Loaded when a Word file comes: it is a fifth of the core's start-up memory and time otherwise.
  const { default: mammoth } = await import('mammoth');
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
  const anchors = new Map<string, { text: string; occurrence: number }>();
  // How many paragraphs so far had each text: a comment on the second "Kyllä." is told from the first.
  const seen = new Map<string, number>();
  const anchor = (ids: readonly string[], text: string) => {
    const occurrence = seen.get(text) ?? 0;
    seen.set(text, occurrence + 1);
    for (const id of ids) if (!anchors.has(id)) anchors.set(id, { text, occurrence });
  };
  const noteRefs: DocElement[] = [];

  const addParagraph = (paragraph: DocElement, block?: CueBlock) => {
    const ids: string[] = [];
    const text = inlineText(paragraph, ids, noteRefs);
    const clean = cleanText(text);
    anchor(ids, clean);
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
          const cells = (row.children ?? []).map((cell) => cleanText(blockText(cell, ids, noteRefs)));
          const text = cells.filter(Boolean).join(' | ');
          anchor(ids, text);
          if (text) lines.push({ text, block: 'tableRow' });
        }
      } else if (element.children) walk(element.children);
    }
  };
  walk(root.children ?? []);
  // Notes numbered in the order they are referenced; a note inside a note is not followed.
  noteRefs.forEach((reference, i) => {
    const note = root.notes?.resolve(reference);
    const text = cleanText((note?.body ?? []).map((p) => blockText(p, [])).join('\n'));
    if (text) lines.push({ text: `[${i + 1}] ${text}` });
  });

  const comments: DocComment[] = (root.comments ?? []).flatMap((comment) => {
    const text = cleanText((comment.body ?? []).map((p) => blockText(p, [])).join('\n'));
    if (!text) return [];
    const at = anchors.get(comment.commentId ?? '');
    const read: DocComment = {
      text,
      author: comment.authorName?.trim() || null,
      anchorText: at?.text || null,
    };
    if (at?.text && at.occurrence) read.anchorOccurrence = at.occurrence;
    return [read];
  });
  return { ok: true, lines, comments };
}

function blockOf(paragraph: DocElement): CueBlock | undefined {
  const style = paragraph.styleName ?? paragraph.styleId ?? '';
  if (HEADING.test(style.trim())) return 'heading';
  if (paragraph.numbering || LIST.test(style.trim())) return 'listItem';
  return undefined;
}

/**
 * The text of a paragraph's runs; tabs as spaces, line breaks as new lines; comment ids noted, and
 * note references noted and marked "[n]".
 */
function inlineText(element: DocElement, commentIds: string[], noteRefs?: DocElement[]): string {
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
      if (!noteRefs) return '';
      noteRefs.push(element);
      return `[${noteRefs.length}]`;
    case 'image':
      return '';
    default:
      return (element.children ?? []).map((child) => inlineText(child, commentIds, noteRefs)).join('');
  }
}

/** All the text of a table cell or comment body: its paragraphs (and nested tables) on lines. */
function blockText(element: DocElement, commentIds: string[], noteRefs?: DocElement[]): string {
  if (element.type === 'paragraph') return inlineText(element, commentIds, noteRefs);
  return (element.children ?? []).map((child) => blockText(child, commentIds, noteRefs)).join('\n');
}
