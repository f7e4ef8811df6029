import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { i18next } from '../i18n/index.ts';
import { currentQuestions, useGuide } from '../store/guide.ts';
import { useNotes } from '../store/notes.ts';
import { answerSlice } from './answerPaste.ts';

/**
 * Live mode: the notes follow the interview guide. Moving to a question starts a paragraph attributed
 * to it at the end of the notes (live typing goes on at the end, whatever was scrolled back to), so what
 * is typed next is its answer; Enter keeps the attribution (keepOnSplit in the schema). Each attributed
 * paragraph shows its question's number, drawn as a decoration from the guide the store holds.
 */

const labelKey = new PluginKey<DecorationSet>('guideLabels');

function labels(doc: PMNode): DecorationSet {
  const numbers = new Map(currentQuestions().map((q) => [q.id, q.number]));
  if (!numbers.size) return DecorationSet.empty;
  const prefix = i18next.t('guide.questionShort');
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'paragraph') return true;
    const number = typeof node.attrs.question === 'string' ? numbers.get(node.attrs.question) : undefined;
    // An attribution to a question no longer in the guide reads as none.
    if (number !== undefined)
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-qn': `${prefix}${number}` }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** Asks the label plugin to draw the labels again (the guide or the language changed). */
export function refreshGuideLabels(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(labelKey, true).setMeta('addToHistory', false));
}

/**
 * Starts the answer to a question: the last paragraph when it is empty, else a new one at the end,
 * attributed to the question, with the caret in it.
 */
export function startAnswer(view: EditorView, questionId: string): void {
  const { state } = view;
  const last = state.doc.lastChild;
  let tr = state.tr;
  let inside: number;
  if (last && last.type.name === 'paragraph' && last.content.size === 0) {
    const pos = state.doc.content.size - last.nodeSize;
    tr = tr.setNodeMarkup(pos, undefined, { ...last.attrs, question: questionId, followUp: false, ts: null });
    inside = pos + 1;
  } else {
    const paragraph = state.schema.nodes.paragraph!.create({ question: questionId });
    tr = tr.insert(state.doc.content.size, paragraph);
    inside = tr.doc.content.size - 1;
  }
  tr = tr.setSelection(TextSelection.near(tr.doc.resolve(inside)));
  view.dispatch(tr.scrollIntoView());
}

/** Attributes the paragraph at the caret to a question; pressed on one already answering it, clears it. */
export function attributeParagraph(view: EditorView, questionId: string): boolean {
  const { $from } = view.state.selection;
  const block = $from.parent;
  if (block.type.name !== 'paragraph') return false;
  const question = block.attrs.question === questionId ? null : questionId;
  view.dispatch(view.state.tr.setNodeMarkup($from.before(), undefined, { ...block.attrs, question }));
  return true;
}

/** Makes the question at `index` of the guide the current one and starts its answer in the notes. */
function goToIndex(index: number): boolean {
  const question = currentQuestions()[index];
  if (!question) return false;
  useGuide.setState({ currentId: question.id, live: true });
  const editor = useNotes.getState().editor;
  if (editor && !editor.isDestroyed) {
    startAnswer(editor.view, question.id);
    if (question.scale === 'open') editor.view.focus();
  }
  // A scale question's field takes the focus: digits typed there set the answer.
  if (question.scale !== 'open') useGuide.setState((s) => ({ focusScale: s.focusScale + 1 }));
  return true;
}

/** Goes to the next (+1) or previous (−1) question, from the current one (or the start). */
export function goToQuestion(step: 1 | -1): boolean {
  const questions = currentQuestions();
  if (!questions.length) return false;
  const at = questions.findIndex((q) => q.id === useGuide.getState().currentId);
  const next =
    at < 0 ? (step > 0 ? 0 : questions.length - 1) : Math.max(0, Math.min(questions.length - 1, at + step));
  return goToIndex(next);
}

export function toggleLive(): boolean {
  useGuide.setState((s) => ({ live: !s.live }));
  return true;
}

/** Ctrl/⌘+Alt+G shows or hides the guide; Ctrl/⌘+Alt+↓/↑ moves between questions; Ctrl/⌘+Alt+A attributes. */
export const GuideKeys = Extension.create({
  name: 'guideKeys',
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-g': () => toggleLive(),
      'Mod-Alt-ArrowDown': () => goToQuestion(1),
      'Mod-Alt-ArrowUp': () => goToQuestion(-1),
      'Mod-Alt-a': () => {
        const { currentId } = useGuide.getState();
        return currentId ? attributeParagraph(this.editor.view, currentId) : false;
      },
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: labelKey,
        state: {
          init: (_, state) => labels(state.doc),
          apply: (tr, old) => (tr.docChanged || tr.getMeta(labelKey) ? labels(tr.doc) : old),
        },
        props: {
          decorations: (state) => labelKey.getState(state),
          transformPasted: (slice, view) => {
            const question = view.state.selection.$from.parent.attrs.question;
            return typeof question === 'string' ? answerSlice(slice, question) : slice;
          },
        },
      }),
    ];
  },
});

/** The questions the notes answer: those with a non-empty paragraph attributed to them. */
export function answeredInNotes(doc: PMNode): Set<string> {
  const answered = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name !== 'paragraph') return true;
    if (typeof node.attrs.question === 'string' && node.textContent.trim()) answered.add(node.attrs.question);
    return false;
  });
  return answered;
}

/** Makes a question the current one from the guide panel (a click or Enter on it). */
export function goToQuestionId(questionId: string): void {
  goToIndex(currentQuestions().findIndex((q) => q.id === questionId));
}

/** What a key typed on a scale field sets: a digit (two for 10), y/k for yes, n/e for no; undefined = not an answer. */
export function scaleKey(
  scale: 'nps' | 'five' | 'yesno',
  key: string,
  previous: { digit: string; at: number } | null,
  now: number,
): number | undefined {
  const lower = key.toLowerCase();
  if (scale === 'yesno') {
    if (lower === 'y' || lower === 'k' || key === '1') return 1;
    if (lower === 'n' || lower === 'e' || key === '0') return 0;
    return undefined;
  }
  if (!/^\d$/.test(key)) return undefined;
  // "1" then "0" typed quickly is ten on the 0–10 scale.
  if (scale === 'nps' && key === '0' && previous?.digit === '1' && now - previous.at < 1000) return 10;
  const value = Number(key);
  if (scale === 'five') return value >= 1 && value <= 5 ? value : undefined;
  return value;
}
