import { Extension } from '@tiptap/core';
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
        appendTransaction: (transactions, _old, state) => {
          // Typing, pasting or splitting stamps; coding, formatting or flagging words afterwards (marks
          // and attributes only) must not stamp the paragraph with the time that was done.
          if (!transactions.some((tr) => tr.steps.some((step) => step instanceof ReplaceStep))) return null;
          const seconds = clock();
          if (seconds === null) return null;
          const { $from } = state.selection;
          const paragraph = $from.parent;
          if (
            paragraph.type.name !== 'paragraph' ||
            paragraph.attrs.ts !== null ||
            paragraph.content.size === 0
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
