import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';

export interface TimestampOptions {
  /** Seconds since the interview started, or null when the clock is not running. */
  clock: () => number | null;
}

/**
 * Stamps a paragraph with the interview time when its first character is typed (the `ts` attribute of
 * the notes schema).
 */
/**
 * Whether words were added where the cursor is (a new paragraph, or the one being typed in grew):
 * deleting a typo in an older paragraph, or a block inserted elsewhere, does not give it the time of now.
 */
const grew = (then: PMNode, now: PMNode): boolean =>
  then.type.name !== 'paragraph' || then.content.size < now.content.size;

export const ParagraphTimestamp = Extension.create<TimestampOptions>({
  name: 'paragraphTimestamp',
  addOptions() {
    return { clock: () => null };
  },
  addProseMirrorPlugins() {
    const { clock } = this.options;
    return [
      new Plugin({
        key: new PluginKey('paragraphTimestamp'),
        appendTransaction: (transactions, old, state) => {
          // Typing or pasting stamps; coding, formatting or flagging words afterwards (marks and
          // attributes only) must not stamp the paragraph with the time that was done.
          if (!transactions.some((tr) => tr.steps.some((step) => step instanceof ReplaceStep))) return null;
          const seconds = clock();
          if (seconds === null) return null;
          const { $from } = state.selection;
          const paragraph = $from.parent;
          if (
            paragraph.type.name !== 'paragraph' ||
            paragraph.attrs.ts !== null ||
            paragraph.content.size === 0 ||
            !grew(old.selection.$from.parent, paragraph)
          ) {
            return null;
          }
          return state.tr
            .setNodeMarkup($from.before(), undefined, { ...paragraph.attrs, ts: Math.round(seconds) })
            .setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
