import { Extension } from '@tiptap/core';
import { Fragment, type Node as PMNode, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { CopyCodingsResult } from '../../../shared/contract.ts';
import { CODING_MARK } from '../../../shared/notes.ts';
import { kuulo } from '../bridge.ts';
import { i18next } from '../i18n/index.ts';
import { useCodings } from '../store/codings.ts';
import { unwrap, useNotify } from '../store/notify.ts';
import { removeCodingMark, renameCodingMark } from './coding.ts';

/** The coding ids marked anywhere in a slice, in order of first appearance. */
export function codingIdsIn(slice: Slice): string[] {
  const ids = new Set<string>();
  slice.content.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === CODING_MARK) ids.add(String(mark.attrs.id));
  });
  return [...ids];
}

/** The slice with coding marks renamed (old id → new id); other marks and ids untouched. */
export function renameCodingsIn(slice: Slice, renames: ReadonlyMap<string, string>): Slice {
  const rename = (fragment: Fragment): Fragment => {
    const nodes: PMNode[] = [];
    fragment.forEach((node) => {
      if (!node.isText) {
        nodes.push(node.copy(rename(node.content)));
        return;
      }
      const marks = node.marks.map((m) => {
        const to = m.type.name === CODING_MARK ? renames.get(String(m.attrs.id)) : undefined;
        return to ? m.type.create({ ...m.attrs, id: to }) : m;
      });
      nodes.push(node.mark(marks));
    });
    return Fragment.fromArray(nodes);
  };
  return new Slice(rename(slice.content), slice.openStart, slice.openEnd);
}

/** What the consultant is told after coded text from another interview was pasted. */
export function pasteMessage(result: CopyCodingsResult): { kind: 'info' | 'error'; message: string } {
  const t = i18next.t.bind(i18next);
  const elsewhere = result.dropped.filter((d) => d.reason === 'other_engagement').length;
  const unknown = result.dropped.length - elsewhere;
  const parts: string[] = [];
  if (result.copied.length) parts.push(t('coding.pasteCopied', { count: result.copied.length }));
  if (elsewhere) parts.push(t('coding.pasteOtherEngagement', { count: elsewhere }));
  if (unknown) parts.push(t('coding.pasteUnknown', { count: unknown }));
  return { kind: result.dropped.length ? 'error' : 'info', message: parts.join(' ') };
}

/**
 * Text cut or copied with its codings in another interview and pasted here: its marks get new ids at
 * once (the same id in two interviews would be one row claimed twice), and the service copies each
 * source coding's code, memo, star, sentiment and severity under the new id. Codings that cannot come
 * (a code of another engagement, a coding from another workspace) lose their mark here, and the toast
 * says what happened. When the paste was a cut, the source's next save removes its codings the usual
 * way, so the counts per code stay the same across the two interviews.
 */
async function adopt(view: EditorView, interviewId: string, copies: { sourceId: string; id: string }[]) {
  let result: CopyCodingsResult;
  try {
    result = await unwrap(kuulo.copyCodings({ interviewId, copies }));
  } catch (error) {
    if (!view.isDestroyed) for (const { id } of copies) removeCodingMark(view, id);
    useNotify.getState().push('error', error instanceof Error ? error.message : String(error));
    return;
  }
  const proposed = new Map(copies.map((c) => [c.sourceId, c.id]));
  // The notes may have closed meanwhile: the copies were placed against what their last save stored.
  const here = !view.isDestroyed && useCodings.getState().interviewId === interviewId;
  if (here) {
    for (const { sourceId, coding } of result.copied) {
      const id = proposed.get(sourceId);
      if (id && id !== coding.id) renameCodingMark(view, id, coding.id);
    }
    for (const { sourceId } of result.dropped) {
      const id = proposed.get(sourceId);
      if (id) removeCodingMark(view, id);
    }
    useCodings.getState().adopt(result.copied.map((c) => c.coding));
  }
  const { kind, message } = pasteMessage(result);
  useNotify.getState().push(kind, message);
}

/** Brings the codings of text pasted from another interview along with it (see `adopt`). */
export const CodingsFromElsewhere = Extension.create({
  name: 'codingsFromElsewhere',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('codingsFromElsewhere'),
        props: {
          // Runs after the coding mark's own paste rule has dropped copies of codings in this document.
          transformPasted: (slice, view) => {
            const { interviewId, codings } = useCodings.getState();
            // Marks of this interview's own codings are a move within it: they keep their id.
            const foreign = codingIdsIn(slice).filter((id) => !codings[id]);
            if (!interviewId || !foreign.length) return slice;
            const copies = foreign.map((sourceId) => ({ sourceId, id: crypto.randomUUID() }));
            void adopt(view, interviewId, copies);
            return renameCodingsIn(slice, new Map(copies.map((c) => [c.sourceId, c.id])));
          },
        },
      }),
    ];
  },
});
