import { Extension, getSchema, Mark, Node } from '@tiptap/core';
import { Node as PMNode, type Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import type { DocNode } from '../domain.ts';
import { CODING_MARK, MENTION_MARK } from '../notes.ts';

/**
 * The notes document's schema, in one place: the editor is built from these extensions (adding its
 * plugins) and the notes service refuses any document they cannot load. A document the editor cannot
 * load would open empty, and the next keystroke would save over the whole note.
 */

export const HEADING_LEVELS = [2, 3] as const;

/** "1:05": minutes and seconds since the interview started. */
export function formatOffset(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

export const NotesStarterKit = StarterKit.configure({
  heading: { levels: [...HEADING_LEVELS] },
  link: false,
  code: false,
  codeBlock: false,
  // It adds an empty paragraph to any note that ends in a list or heading as soon as it opens: reading
  // would change the notes. Enter at the end of a list or heading makes that paragraph when wanted.
  trailingNode: false,
});

/**
 * A coding in the notes: a mark whose only attribute is the coding's id (the row holds the rest).
 * `excludes: ''` lets codings overlap; `inclusive: false` keeps typing at its edge outside it.
 */
export const CodingMarkSchema = Mark.create({
  name: CODING_MARK,
  excludes: '',
  inclusive: false,
  spanning: true,
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-coding'),
        renderHTML: (attributes) => ({ 'data-coding': attributes.id }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-coding]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', { ...HTMLAttributes, class: 'coding' }, 0];
  },
});

/**
 * A person or organisation named in the notes: a mark whose only attribute is the id of an identity
 * row (the row holds the name, kind and role), like a coding. The default `excludes` (its own type
 * only) means a word refers to one identity — marking it again replaces the mark — while codings,
 * which exclude nothing, overlap it freely. Not inclusive: typing right after a name stays outside it.
 * Copies keep the mark on purpose: every mention of a person carries the same id.
 */
export const MentionMarkSchema = Mark.create({
  name: MENTION_MARK,
  inclusive: false,
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-mention'),
        renderHTML: (attributes) => ({ 'data-mention': attributes.id }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-mention]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', { ...HTMLAttributes, class: 'mention' }, 0];
  },
});

/**
 * What paragraphs and headings carry besides their text: the interview time a paragraph was started
 * at (shown by CSS, so long notes need no React node views), the guide question it answers, and a flag
 * to revisit it afterwards.
 */
export const NoteAttributes = Extension.create({
  name: 'noteAttributes',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph'],
        attributes: {
          ts: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => {
              const value = Number(element.getAttribute('data-ts-seconds'));
              return Number.isFinite(value) && element.hasAttribute('data-ts-seconds') ? value : null;
            },
            renderHTML: (attributes) =>
              typeof attributes.ts === 'number'
                ? { 'data-ts': formatOffset(attributes.ts), 'data-ts-seconds': String(attributes.ts) }
                : {},
          },
        },
      },
      {
        // Which guide question a paragraph answers (the question's id). Kept on Enter, so an answer
        // typed on goes on answering; a block attribute, so merging and pasting keep it with its text.
        types: ['paragraph'],
        attributes: {
          question: {
            default: null,
            keepOnSplit: true,
            parseHTML: (element) => element.getAttribute('data-question') || null,
            renderHTML: (attributes) =>
              typeof attributes.question === 'string' ? { 'data-question': attributes.question } : {},
          },
        },
      },
      {
        types: ['paragraph', 'heading'],
        attributes: {
          followUp: {
            default: false,
            keepOnSplit: false,
            parseHTML: (element) => element.hasAttribute('data-follow-up'),
            renderHTML: (attributes) => (attributes.followUp ? { 'data-follow-up': '' } : {}),
          },
        },
      },
    ];
  },
});

/** The node type of an imported transcript (shared/notes.ts walks it like any other container). */
export const TRANSCRIPT_NODE = 'transcript';

/**
 * An imported transcript: one marked section of the notes holding one paragraph per turn, so the
 * consultant's own notes stay apart from it. Its paragraphs are ordinary ones (times, codings,
 * mentions); `isolating` keeps Enter, Backspace and joins from carrying text across its edges.
 */
export const TranscriptSchema = Node.create({
  name: TRANSCRIPT_NODE,
  group: 'block',
  content: 'paragraph+',
  defining: true,
  isolating: true,
  addAttributes() {
    return {
      fileName: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-file-name') ?? '',
        renderHTML: (attributes) => ({ 'data-file-name': attributes.fileName }),
      },
      format: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-format') ?? '',
        renderHTML: (attributes) => ({ 'data-format': attributes.format }),
      },
      importedAt: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-imported-at') ?? '',
        renderHTML: (attributes) => ({ 'data-imported-at': attributes.importedAt }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'section[data-transcript]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['section', { ...HTMLAttributes, 'data-transcript': '', class: 'transcript' }, 0];
  },
});

export const NOTES_SCHEMA_EXTENSIONS = [
  NotesStarterKit,
  CodingMarkSchema,
  MentionMarkSchema,
  NoteAttributes,
  TranscriptSchema,
];

let schema: Schema | null = null;
export function notesSchema(): Schema {
  schema ??= getSchema(NOTES_SCHEMA_EXTENSIONS);
  return schema;
}

/** Why the editor could not load this document, or null when it can. */
export function notesDocProblem(doc: DocNode): string | null {
  // An empty document opens as one empty paragraph: nothing in it can be lost.
  if (doc.type === 'doc' && !doc.content?.length && !doc.attrs && !doc.marks && doc.text === undefined)
    return null;
  let node: PMNode;
  try {
    node = PMNode.fromJSON(notesSchema(), doc);
    node.check();
  } catch (error) {
    return (error as Error).message;
  }
  let problem: string | null = null;
  node.descendants((child) => {
    if (problem) return false;
    const { attrs } = child;
    if (child.type.name === 'heading' && !(HEADING_LEVELS as readonly unknown[]).includes(attrs.level))
      problem = `A heading of level ${String(attrs.level)} (only ${HEADING_LEVELS.join(' and ')} are used)`;
    else if (
      'ts' in attrs &&
      attrs.ts !== null &&
      !(typeof attrs.ts === 'number' && Number.isFinite(attrs.ts))
    )
      problem = `A paragraph time that is not a number of seconds: ${JSON.stringify(attrs.ts)}`;
    else if (
      child.type.name === TRANSCRIPT_NODE &&
      !['fileName', 'format', 'importedAt'].every((key) => typeof attrs[key] === 'string')
    )
      problem = `A transcript whose file name, format or import time is not text`;
    else if ('question' in attrs && attrs.question !== null && !isId(attrs.question))
      problem = `A paragraph's question that is not an id: ${JSON.stringify(attrs.question)}`;
    else if ('followUp' in attrs && typeof attrs.followUp !== 'boolean')
      problem = `A follow-up flag that is not true or false: ${JSON.stringify(attrs.followUp)}`;
    else
      for (const mark of child.marks)
        if ((mark.type.name === CODING_MARK || mark.type.name === MENTION_MARK) && !isId(mark.attrs.id))
          problem = `A ${mark.type.name} mark without an id`;
    return !problem;
  });
  return problem;
}

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
