import { Fragment, type Node as PMNode, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { CodingMarkSchema } from '../../../shared/editor/schema.ts';
import { CODING_MARK } from '../../../shared/notes.ts';

export interface CodingMarkOptions {
  /** What a screen reader is told about text with these codings ("Coded: Silos"), or null. */
  describe: (ids: string[]) => string | null;
}

/** A transaction with this meta draws the descriptions again (code names or the language changed). */
export const codingLabelKey = new PluginKey<DecorationSet>('codingLabels');

/**
 * The coding mark of the notes schema, with what the editor adds: pasting a copy drops the coding, and
 * coded text carries an accessible description of its codes. The description is a decoration, so the
 * stored document keeps marks that are a bare id.
 */
export const CodingMark = CodingMarkSchema.extend<CodingMarkOptions>({
  addOptions() {
    return { describe: () => null };
  },
  addProseMirrorPlugins() {
    const describe = this.options.describe;
    return [
      new Plugin<DecorationSet>({
        key: codingLabelKey,
        state: {
          init: (_, state) => describeCodings(state.doc, describe),
          // Typing moves the descriptions along; only a change of codings (or a refresh) draws them anew,
          // so a keystroke in a long interview does not walk the whole document.
          apply: (tr, set) =>
            tr.getMeta(codingLabelKey) || (tr.docChanged && touchesCodings(tr))
              ? describeCodings(tr.doc, describe)
              : set.map(tr.mapping, tr.doc),
        },
        props: { decorations: (state) => codingLabelKey.getState(state) },
      }),
      new Plugin({
        key: new PluginKey('codingPaste'),
        // A copy of coded text must not carry the coding: the same id twice would stretch one coding
        // over everything in between. A cut and paste (a move) keeps it: the original is gone by then.
        props: {
          transformPasted: (slice, view) =>
            withoutCodings(slice, new Set(codingRanges(view.state.doc).keys())),
        },
      }),
    ];
  },
});

/** One description per run of text with the same codings (the ids, innermost last). */
function describeCodings(doc: PMNode, describe: CodingMarkOptions['describe']): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    const ids = node.marks.filter((m) => m.type.name === CODING_MARK).map((m) => String(m.attrs.id));
    if (!ids.length) return;
    const description = describe(ids);
    if (description)
      decorations.push(Decoration.inline(pos, pos + node.nodeSize, { 'aria-description': description }));
  });
  return DecorationSet.create(doc, decorations);
}

/** Whether a transaction may have added or removed codings: mark steps, or inserted coded text. */
function touchesCodings(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (!(step instanceof ReplaceStep)) return true;
    let coded = false;
    step.slice.content.descendants((node) => {
      if (node.marks.some((m) => m.type.name === CODING_MARK)) coded = true;
      return !coded;
    });
    return coded;
  });
}

/** Draws the coded text's descriptions again: the code names or the language changed. */
export function refreshCodingLabels(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(codingLabelKey, true).setMeta('addToHistory', false));
}

function withoutCodings(slice: Slice, ids: Set<string>): Slice {
  if (!ids.size) return slice;
  const strip = (fragment: Fragment): Fragment => {
    const nodes: PMNode[] = [];
    fragment.forEach((node) => {
      if (node.isText) {
        nodes.push(
          node.mark(node.marks.filter((m) => !(m.type.name === CODING_MARK && ids.has(String(m.attrs.id))))),
        );
      } else {
        nodes.push(node.copy(strip(node.content)));
      }
    });
    return Fragment.fromArray(nodes);
  };
  return new Slice(strip(slice.content), slice.openStart, slice.openEnd);
}

export interface Range {
  from: number;
  to: number;
}

/** Where the coding marks are in the document (first to last marked character of each id). */
export function codingRanges(doc: PMNode): Map<string, Range> {
  const ranges = new Map<string, Range>();
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    for (const mark of node.marks) {
      if (mark.type.name !== CODING_MARK) continue;
      const id = String(mark.attrs.id);
      const range = ranges.get(id);
      if (range) range.to = pos + node.nodeSize;
      else ranges.set(id, { from: pos, to: pos + node.nodeSize });
    }
  });
  return ranges;
}

/** The ids of the codings at a document position, innermost last. */
export function codingsAt(doc: PMNode, pos: number): string[] {
  const $pos = doc.resolve(pos);
  const marks = [...($pos.nodeAfter?.marks ?? []), ...($pos.nodeBefore?.marks ?? [])];
  return [...new Set(marks.filter((m) => m.type.name === CODING_MARK).map((m) => String(m.attrs.id)))];
}

/**
 * The range to code: the selection, or — with nothing selected, as while typing live — the whole
 * current paragraph. Null when there is no text to code.
 */
export function targetRange(view: EditorView): Range | null {
  const { from, to, empty, $from } = view.state.selection;
  if (!empty) return { from, to };
  const block = $from.parent;
  if (!block.isTextblock || block.content.size === 0) return null;
  return { from: $from.start(), to: $from.end() };
}

/** Adds a coding mark without moving the cursor or the focus, as one undoable step. */
export function addCodingMark(view: EditorView, range: Range, id: string): void {
  const mark = view.state.schema.marks[CODING_MARK]!.create({ id });
  view.dispatch(view.state.tr.addMark(range.from, range.to, mark));
}

export function removeCodingMark(view: EditorView, id: string): void {
  const type = view.state.schema.marks[CODING_MARK]!;
  const tr = view.state.tr;
  view.state.doc.descendants((node, pos) => {
    const mark = node.isText ? node.marks.find((m) => m.type === type && m.attrs.id === id) : undefined;
    if (mark) tr.removeMark(pos, pos + node.nodeSize, mark);
  });
  if (tr.docChanged) view.dispatch(tr);
}

/** Gives a coding's marks another id (the id the service chose for a pasted coding). */
export function renameCodingMark(view: EditorView, from: string, to: string): void {
  const type = view.state.schema.marks[CODING_MARK]!;
  const tr = view.state.tr;
  view.state.doc.descendants((node, pos) => {
    const mark = node.isText ? node.marks.find((m) => m.type === type && m.attrs.id === from) : undefined;
    if (mark)
      tr.removeMark(pos, pos + node.nodeSize, mark).addMark(
        pos,
        pos + node.nodeSize,
        type.create({ id: to }),
      );
  });
  if (tr.docChanged) view.dispatch(tr);
}

/** Toggles the follow-up flag of the paragraph at the cursor; the cursor stays where it is. */
export function toggleFollowUp(view: EditorView): boolean {
  const { $from } = view.state.selection;
  const block = $from.parent;
  if (!block.isTextblock || !('followUp' in block.attrs)) return false;
  view.dispatch(
    view.state.tr.setNodeMarkup($from.before(), undefined, {
      ...block.attrs,
      followUp: !block.attrs.followUp,
    }),
  );
  return true;
}
