import { Extension } from '@tiptap/core';
import type { Mark as PMMark, Node as PMNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { MentionMarkSchema } from '../../../shared/editor/schema.ts';
import type { IdentityKind } from '../../../shared/identity/types.ts';
import { MENTION_MARK } from '../../../shared/notes.ts';
import './mention.css';

/** The mention mark of the notes schema (the editor adds nothing to it). */
export const MentionMark = MentionMarkSchema;

export interface Range {
  from: number;
  to: number;
}

/** "@query" typed just before the cursor. */
export interface Typed extends Range {
  query: string;
}

/** What a mention's decoration shows: whom it refers to. */
export interface MentionLabel {
  title: string;
  kind: IdentityKind;
}

export interface MentionOptions {
  /** Whom an identity id refers to, or null when it is not known (yet). */
  describe: (id: string) => MentionLabel | null;
  /** The "@query" before the cursor changed (null: no longer typing one); `at` is where the "@" is on screen. */
  onTyping: (typed: { query: string; at: { left: number; top: number; bottom: number } } | null) => void;
  /** Keys while "@query" is typed: move in the list, or choose; false when the picker is not open. */
  onMove: (step: 1 | -1) => boolean;
  onChoose: () => boolean;
}

interface PluginState {
  /** The "@query" the picker follows, unless dismissed with Esc. */
  typed: Typed | null;
  /** Where Esc dismissed the picker: that same "@" does not open it again. */
  dismissed: number | null;
  /** The words the open picker will mark, kept in step with every edit until it closes. */
  target: Range | null;
  decorations: DecorationSet;
}

type Meta = { dismiss: true } | { target: Range | null } | { refresh: true };

export const mentionKey = new PluginKey<PluginState>('mention');

/** "@" at the start of a line or after a space or an opening bracket/quote, then letters (no spaces). */
const TRIGGER = /(?:^|[\s([{"'“”‘’«»–—/])@(\p{L}[\p{L}\p{N}'’-]*)$/u;
/** Letters of a word, with the apostrophes and hyphens inside names (O'Brien, Anna-Liisa, ABB:n). */
const WORD_CHAR = /[\p{L}\p{N}'’:-]/u;
const EDGE_NOISE = /[^\p{L}\p{N}]/u;

function findTyped(state: EditorState): Typed | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const $pos = selection.$from;
  if (!$pos.parent.isTextblock) return null;
  // Leaf nodes (hard breaks) count as one character so that offsets stay document positions.
  const before = $pos.parent.textBetween(0, $pos.parentOffset, undefined, '\ufffc');
  const match = TRIGGER.exec(before);
  if (!match) return null;
  const query = match[1]!;
  return { from: $pos.pos - query.length - 1, to: $pos.pos, query };
}

/** Mention decorations: a title saying whom each refers to, its kind, and which piece starts it. */
function decorate(doc: PMNode, describe: MentionOptions['describe']): DecorationSet {
  const decorations: Decoration[] = [];
  // Where the last piece of each mention ended: a piece starting there continues it (no second glyph).
  const ends = new Map<string, number>();
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    const end = pos + node.nodeSize;
    for (const mark of node.marks) {
      if (mark.type.name !== MENTION_MARK) continue;
      const id = String(mark.attrs.id);
      const label = describe(id);
      const first = ends.get(id) !== pos;
      ends.set(id, end);
      const classes = [`mention-${label?.kind ?? 'unknown'}`];
      if (first) classes.push('mention-first');
      decorations.push(
        Decoration.inline(pos, end, { class: classes.join(' '), ...(label ? { title: label.title } : {}) }),
      );
    }
  });
  return DecorationSet.create(doc, decorations);
}

const sameTyped = (a: Typed | null, b: Typed | null): boolean =>
  a === b || (!!a && !!b && a.from === b.from && a.query === b.query);

/**
 * Follows "@query" while typing (the picker opens at it and takes ↑↓, Enter, Tab and Esc), keeps the
 * range the picker will mark in step with edits, and labels mentions with whom they refer to.
 */
export const Mention = Extension.create<MentionOptions>({
  name: 'mentionPicker',
  // Before the editor's own Enter and Tab handling, so that Enter chooses while the picker is open.
  priority: 200,
  addOptions() {
    return {
      describe: () => null,
      onTyping: () => {},
      onMove: () => false,
      onChoose: () => false,
    };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<PluginState>({
        key: mentionKey,
        state: {
          init: (_, state) => ({
            typed: null,
            dismissed: null,
            target: null,
            decorations: decorate(state.doc, options.describe),
          }),
          apply: (tr, previous, _old, state) => {
            const meta = tr.getMeta(mentionKey) as Meta | undefined;
            let target = previous.target;
            if (meta && 'target' in meta) target = meta.target;
            else if (target && tr.docChanged) {
              // Typing at either edge stays outside the words to mark.
              const from = tr.mapping.map(target.from, 1);
              const to = Math.max(from, tr.mapping.map(target.to, -1));
              target = { from, to };
            }
            const found = findTyped(state);
            let dismissed = previous.dismissed === null ? null : tr.mapping.map(previous.dismissed);
            if (meta && 'dismiss' in meta && found) dismissed = found.from;
            if (!found) dismissed = null;
            const typed = found && found.from !== dismissed ? found : null;
            const decorations =
              tr.docChanged || (meta && 'refresh' in meta)
                ? decorate(state.doc, options.describe)
                : previous.decorations;
            return {
              typed: sameTyped(typed, previous.typed) ? previous.typed : typed,
              dismissed,
              target,
              decorations,
            };
          },
        },
        props: {
          decorations: (state) => mentionKey.getState(state)?.decorations,
          handleKeyDown: (view, event) => {
            if (!mentionKey.getState(view.state)?.typed) return false;
            if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.isComposing)
              return false;
            switch (event.key) {
              case 'ArrowDown':
              case 'ArrowUp':
                return options.onMove(event.key === 'ArrowDown' ? 1 : -1);
              case 'Enter':
              case 'Tab':
                return options.onChoose();
              case 'Escape':
                view.dispatch(view.state.tr.setMeta(mentionKey, { dismiss: true } satisfies Meta));
                return true;
              default:
                return false;
            }
          },
        },
        view: () => ({
          update: (view, previousState) => {
            const typed = mentionKey.getState(view.state)?.typed ?? null;
            const before = mentionKey.getState(previousState)?.typed ?? null;
            if (typed === before) return;
            if (!typed) {
              options.onTyping(null);
              return;
            }
            const { left, top, bottom } = view.coordsAtPos(typed.from);
            options.onTyping({ query: typed.query, at: { left, top, bottom } });
          },
          destroy: () => options.onTyping(null),
        }),
      }),
    ];
  },
});

/**
 * The words to mark: the selection without the spaces and punctuation at its edges, or — with the
 * cursor in or just after a word — that word, or else an empty range at the cursor (the picker then
 * inserts the name there).
 */
export function mentionTarget(state: EditorState): Range & { text: string } {
  const { from, to, empty, $from } = state.selection;
  if (!empty) {
    // One position at a time: a block boundary reads as '' and is trimmed like a space.
    const charAt = (pos: number) => state.doc.textBetween(pos, pos + 1, '', '\ufffc');
    const noise = (pos: number) => {
      const char = charAt(pos);
      return !char || EDGE_NOISE.test(char);
    };
    let start = from;
    let end = to;
    while (start < end && noise(start)) start++;
    while (end > start && noise(end - 1)) end--;
    return { from: start, to: end, text: state.doc.textBetween(start, end, ' ', '\ufffc') };
  }
  const block = $from.parent;
  if (!block.isTextblock) return { from, to: from, text: '' };
  const text = block.textBetween(0, block.content.size, undefined, '\ufffc');
  let start = $from.parentOffset;
  let end = start;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  // Not a trailing colon or hyphen ("Matti:" at the start of a line of notes).
  while (end > start && EDGE_NOISE.test(text[end - 1]!)) end--;
  while (start < end && EDGE_NOISE.test(text[start]!)) start++;
  const base = $from.start();
  return { from: base + start, to: base + end, text: text.slice(start, end) };
}

/** Remembers the words an opening picker will mark; edits meanwhile keep the range on them. */
export function holdMentionTarget(view: EditorView, range: Range | null): void {
  view.dispatch(view.state.tr.setMeta(mentionKey, { target: range } satisfies Meta));
}

/**
 * Holds the "@query" being typed as the words to replace: the name is looked up or created
 * asynchronously, and whatever is typed meanwhile must stay after it, not be swallowed by it.
 */
export function holdTypedMention(view: EditorView): void {
  const typed = mentionKey.getState(view.state)?.typed;
  if (typed) holdMentionTarget(view, { from: typed.from, to: typed.to });
}

/** Redraws the mention labels (after the names behind the ids changed). */
export function refreshMentions(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(mentionKey, { refresh: true } satisfies Meta));
}

export type MentionMode = 'selection' | 'typing';

/**
 * Marks the held words with the identity, or inserts its name at the cursor when there were none; in
 * typing mode replaces the held "@query" with the name. One undoable step; returns false when there is nothing
 * to mark any more (the words or the "@query" are gone).
 */
export function applyMention(view: EditorView, mode: MentionMode, id: string, name: string): boolean {
  const state = mentionKey.getState(view.state);
  const type = view.state.schema.marks[MENTION_MARK]!;
  const mark = type.create({ id });
  const range = state?.target;
  // The "@query" was deleted while the name was being looked up: nothing to replace.
  if (!range || (mode === 'typing' && range.from >= range.to)) return false;
  const tr = view.state.tr;
  if (mode === 'selection' && range.from < range.to) {
    tr.removeMark(range.from, range.to, type).addMark(range.from, range.to, mark);
  } else {
    if (!name) return false;
    // The inserted name keeps the marks around it (a coding it is typed into) and adds the mention.
    const around: readonly PMMark[] =
      range.from < range.to
        ? (view.state.doc.nodeAt(range.from)?.marks ?? [])
        : (view.state.storedMarks ?? view.state.doc.resolve(range.from).marks());
    const marks = mark.addToSet(around.filter((m) => m.type !== type));
    tr.replaceWith(range.from, range.to, view.state.schema.text(name, marks));
    // The cursor stays where it was relative to the text: after the name, or after what was typed
    // while the name was being looked up.
    const cursor = tr.selection.head;
    if (cursor >= range.from && cursor < range.from + name.length)
      tr.setSelection(TextSelection.create(tr.doc, range.from + name.length));
  }
  tr.setMeta(mentionKey, { target: null } satisfies Meta);
  view.dispatch(tr.scrollIntoView());
  return true;
}
