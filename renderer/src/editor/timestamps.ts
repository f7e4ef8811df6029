import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

export interface TimestampOptions {
  /** Seconds since the interview started, or null when the clock is not running. */
  clock: () => number | null;
}

export function formatOffset(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

/**
 * Stamps a paragraph with the interview time when its first character is typed. The stamp is a plain
 * node attribute shown by CSS, so long notes need no React node views.
 */
export const ParagraphTimestamp = Extension.create<TimestampOptions>({
  name: 'paragraphTimestamp',
  addOptions() {
    return { clock: () => null };
  },
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
    ];
  },
  addProseMirrorPlugins() {
    const { clock } = this.options;
    return [
      new Plugin({
        key: new PluginKey('paragraphTimestamp'),
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((tr) => tr.docChanged)) return null;
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
