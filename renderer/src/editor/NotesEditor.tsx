import { Extension } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { stampSeconds } from '../../../shared/clock.ts';
import type { DocNode, Language } from '../../../shared/domain.ts';
import { NoteAttributes, NotesStarterKit, TranscriptSchema } from '../../../shared/editor/schema.ts';
import { formatter } from '../../../shared/format.ts';
import { kuulo } from '../bridge.ts';
import { MentionPicker } from '../components/MentionPicker.tsx';
import { i18next } from '../i18n/index.ts';
import { applicableCodes, codingStyles, useCodings } from '../store/codings.ts';
import { useGuide } from '../store/guide.ts';
import { pickerOptions, pickMention, useIdentities } from '../store/identities.ts';
import { trackClosingSave, useNotes } from '../store/notes.ts';
import { attempt, ServiceError, unwrap, useNotify } from '../store/notify.ts';
import { codeSelection } from './actions.ts';
import { announce, useAnnouncement } from './announce.ts';
import { Autosaver } from './autosave.ts';
import { ClockControls } from './ClockControls.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { askedAgain, type CodedAsAsk, codeNames } from './codedAs.ts';
import { CodingMark, codingRanges, codingsAt, refreshCodingLabels, toggleFollowUp } from './coding.ts';
import { keepWithOther } from './conflict.ts';
import { GuideKeys, refreshGuideLabels } from './guide.ts';
import { Mention, MentionMark, refreshMentions } from './mention.ts';
import { CodingsFromElsewhere } from './pasteCodings.ts';
import { ParagraphTimestamp } from './timestamps.ts';

interface Props {
  interviewId: string;
  /** Whose people and organisations the notes can mention. */
  engagementId: string;
  initialDoc: DocNode;
  /** The revision `initialDoc` was stored as: every save names the one it was made from. */
  initialRevision: number;
  /** A coding to select and scroll to once the notes are open (from the retrieval view). */
  focusCodingId?: string | undefined;
}

/** The interview time to stamp a paragraph with now, or null: read by the timestamp plugin on each edit. */
const clockSeconds = (): number | null => stampSeconds(useNotes.getState().clock, Date.now());

/** Keyboard-first coding: Mod+1…9 applies the code with that hotkey, Mod+K opens the picker. */
const CodingKeys = Extension.create({
  name: 'codingKeys',
  addKeyboardShortcuts() {
    const byHotkey = (n: number) => () => {
      const code = applicableCodes(useCodings.getState().codebook).find((c) => c.hotkey === n);
      if (!code) return false;
      codeSelection(this.editor as Editor, code.id);
      return true;
    };
    const keys: Record<string, () => boolean> = {
      'Mod-k': () => {
        useCodings.setState({ pickerOpen: true });
        return true;
      },
      // Not Mod-Shift-f: that opens the search everywhere, the editor included.
      'Mod-Shift-l': () => toggleFollowUp(this.editor.view),
      'Mod-Shift-k': () => {
        sayCodedAs(this.editor as Editor);
        return true;
      },
    };
    for (let n = 1; n <= 9; n++) keys[`Mod-${n}`] = byHotkey(n);
    return keys;
  },
});

/** Where Mod+Shift+K was last pressed: pressed again there, it opens the coding's details. */
let lastAsk: CodedAsAsk | null = null;

/**
 * Mod+Shift+K: says through the editor's live region what the text at the cursor is coded as, and
 * opens those codings' details in the panel, as a click on them would; pressed again at the same
 * place, it moves the focus into the details, so they are reachable from the caret by keyboard.
 */
function sayCodedAs(editor: Editor): void {
  const { from } = editor.state.selection;
  const ids = codingsAt(editor.state.doc, from);
  const { codings, codebook } = useCodings.getState();
  const names = codeNames(ids, codings, codebook, i18next.language as Language);
  const known = ids.filter((id) => codings[id]);
  if (askedAgain(lastAsk, from, known)) {
    lastAsk = null;
    useCodings.setState((s) => ({ selected: known, focusDetails: s.focusDetails + 1 }));
    return;
  }
  lastAsk = { pos: from, ids: known };
  useCodings.setState({ selected: known });
  announce(
    names.length ? i18next.t('a11y.codedAsMore', { codes: names.join(', ') }) : i18next.t('a11y.notCoded'),
  );
}

/** "Coded: Silos, Trust" for the text's description; null when no code is known yet. */
const describeCodes = (ids: string[]): string | null => {
  const { codings, codebook } = useCodings.getState();
  const names = codeNames(ids, codings, codebook, i18next.language as Language);
  return names.length ? i18next.t('a11y.codedDescription', { codes: names.join(', ') }) : null;
};

/** Mod+Shift+M: whom the selection (or the word at the cursor) names. */
const MentionKeys = Extension.create({
  name: 'mentionKeys',
  addKeyboardShortcuts() {
    return {
      'Mod-Shift-m': () => {
        pickMention(this.editor.view);
        return true;
      },
    };
  },
});

/** The "@name" picker follows the editor: it opens, moves and chooses through the identities store. */
const MentionTyping = Mention.configure({
  describe: (id) => {
    const identity = useIdentities.getState().identities.find((i) => i.id === id);
    return identity
      ? { title: i18next.t('identity.mentionOf', { name: identity.name }), kind: identity.kind }
      : null;
  },
  onTyping: (typed) => useIdentities.getState().follow(typed),
  onMove: (step) => {
    const state = useIdentities.getState();
    if (state.picker?.mode !== 'typing') return false;
    state.move(step);
    return true;
  },
  onChoose: () => {
    const state = useIdentities.getState();
    if (state.picker?.mode !== 'typing' || !pickerOptions(state).length) return false;
    void state.choose();
    return true;
  },
});

export function NotesEditor({
  interviewId,
  engagementId,
  initialDoc,
  initialRevision,
  focusCodingId,
}: Props) {
  const { t } = useTranslation();
  const saverRef = useRef<Autosaver | null>(null);
  const revisionRef = useRef(initialRevision);
  /** The document as stored at `revisionRef`: a save refused as stale is compared with it. */
  const baseDocRef = useRef(initialDoc);
  /**
   * A document sent in a save that got no answer (the core host stopped): it may have been stored all
   * the same, and a stale refusal on the retry that finds exactly it stored is no conflict.
   */
  const unansweredRef = useRef<DocNode | null>(null);
  /** The last refusal shown, so that retries do not repeat it. */
  const refusal = useRef<string | null>(null);
  const extensions = useMemo(
    () => [
      NotesStarterKit,
      NoteAttributes,
      TranscriptSchema,
      Placeholder.configure({ placeholder: t('interview.notesPlaceholder') }),
      ParagraphTimestamp.configure({ clock: clockSeconds }),
      CodingMark.configure({ describe: describeCodes }),
      CodingsFromElsewhere,
      MentionMark,
      MentionTyping,
      CodingKeys,
      MentionKeys,
      GuideKeys,
    ],
    [t],
  );

  const editor = useEditor(
    {
      extensions,
      content: initialDoc,
      injectCSS: false,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'notes-editor',
          'aria-label': t('interview.notes'),
          spellcheck: 'true',
          // The label over an imported transcript section, drawn by CSS (transcript.css).
          style: `--transcript-label: ${JSON.stringify(t('transcriptImport.sectionLabel'))}`,
        },
        handleClick: (view, pos) => {
          const ids = codingsAt(view.state.doc, pos);
          useCodings.setState({ selected: ids });
          return false;
        },
      },
      onUpdate: () => saverRef.current?.markDirty(),
      onBlur: () => {
        // The "@name" list belongs to the cursor; it opens again with the next letter typed.
        if (useIdentities.getState().picker?.mode === 'typing') useIdentities.setState({ picker: null });
        void saverRef.current?.flush();
      },
    },
    [interviewId],
  );

  useEffect(() => {
    /**
     * A save was refused as a conflict. When the stored notes only moved on to what this copy already
     * had, the next save goes on from there ('retry'). When they changed, the consultant chooses which
     * version to keep and saving waits ('retry'); if these notes have closed meanwhile, nobody is there to
     * ask, so the stored version stays and this copy's is added after it as a marked block ('saved').
     * 'other': not a stale save.
     */
    const noticeStale = async (mine: DocNode): Promise<'other' | 'retry' | 'saved'> => {
      const stored = (await unwrap(kuulo.getInterview({ id: interviewId }))).notes;
      if (stored.revision === revisionRef.current) return 'other';
      const storedJson = JSON.stringify(stored.doc);
      const ours = [baseDocRef.current, unansweredRef.current, mine].filter((doc) => doc !== null);
      if (ours.some((doc) => JSON.stringify(doc) === storedJson)) {
        revisionRef.current = stored.revision;
        baseDocRef.current = stored.doc;
        unansweredRef.current = null;
        return 'retry';
      }
      if (useNotes.getState().editor === editor) {
        useNotes.setState({
          conflict: { revision: stored.revision, doc: stored.doc, updatedAt: stored.updatedAt },
        });
        return 'retry';
      }
      const label = i18next.t('editor.conflictMineLabel', {
        // The one formatter: this label is written into the notes, so no US form in the English UI.
        time: formatter(i18next.language as Language).dateTime(new Date()),
      });
      const pending = useCodings.getState().takePending(interviewId);
      try {
        await unwrap(
          kuulo.saveNotes({
            interviewId,
            doc: keepWithOther(stored.doc, mine, label),
            codings: pending.codings,
            baseRevision: stored.revision,
          }),
        );
      } catch (error) {
        pending.restore();
        throw error;
      }
      return 'saved';
    };
    const saver = new Autosaver(
      async () => {
        if (useNotes.getState().conflict) throw new Error('Waiting for the choice between two versions');
        // Read the document and the new codings synchronously, before any await: this also runs while
        // the view unmounts, and what is typed during the save belongs to the next one.
        const started = performance.now();
        const doc = editor.getJSON() as DocNode;
        performance.measure('kuulo:serialize-notes', { start: started });
        const pending = useCodings.getState().takePending(interviewId);
        try {
          const saved = await unwrap(
            kuulo.saveNotes({
              interviewId,
              doc,
              codings: pending.codings,
              baseRevision: revisionRef.current,
            }),
          );
          revisionRef.current = saved.revision;
          baseDocRef.current = doc;
          unansweredRef.current = null;
          useNotes.setState({
            savedAt: saved.updatedAt,
            wordCount: saved.wordCount,
            revision: saved.revision,
          });
        } catch (error) {
          pending.restore();
          if (error instanceof ServiceError && error.error.key === 'coreStopped') unansweredRef.current = doc;
          const stale =
            error instanceof ServiceError && error.error.code === 'conflict'
              ? await noticeStale(doc)
              : 'other';
          if (stale === 'saved') return;
          if (stale === 'retry') throw error;
          // A refusal (the notes changed elsewhere, a document that could not be reopened) does not
          // pass by retrying: say why, once, while the text stays in the editor.
          if (
            error instanceof ServiceError &&
            error.error.code !== 'internal' &&
            error.message !== refusal.current
          ) {
            refusal.current = error.message;
            useNotify.getState().push('error', error.message);
          }
          throw error;
        }
        refusal.current = null;
      },
      (state) => useNotes.setState({ state }),
    );
    saverRef.current = saver;
    useNotes.setState({ state: 'saved', flush: () => saver.flush(), editor, editorOf: interviewId });
    return () => {
      // First: a choice still open is no longer asked, so the closing save keeps both versions itself.
      useNotes.setState({ flush: async () => true, editor: null, editorOf: null, conflict: null });
      trackClosingSave(saver.flush());
      saver.dispose();
    };
  }, [editor, interviewId]);

  // A new coding is stored at once, not a second later: it is a deliberate act, not typing.
  useEffect(
    () =>
      useCodings.subscribe((state, previous) => {
        if (state.pending.length > previous.pending.length) void saverRef.current?.flush();
      }),
    [],
  );

  useEffect(() => {
    void attempt(() => useIdentities.getState().load(engagementId));
    // A picker belongs to these notes: it must not reopen over the next interview's.
    return () => useIdentities.setState({ picker: null });
  }, [engagementId]);

  // Codings or code names changed, or the language did: the coded text's descriptions are drawn again.
  useEffect(() => {
    const refresh = () => {
      if (!editor.isDestroyed) refreshCodingLabels(editor.view);
    };
    const unsubscribe = useCodings.subscribe((state, previous) => {
      if (state.codings !== previous.codings || state.codebook !== previous.codebook) refresh();
    });
    i18next.on('languageChanged', refresh);
    return () => {
      unsubscribe();
      i18next.off('languageChanged', refresh);
    };
  }, [editor]);

  // The guide's questions arrived or changed, or the language did: the answers' labels are drawn again.
  useEffect(() => {
    const refresh = () => {
      if (!editor.isDestroyed) refreshGuideLabels(editor.view);
    };
    const unsubscribe = useGuide.subscribe((state, previous) => {
      if (state.guide !== previous.guide) refresh();
    });
    i18next.on('languageChanged', refresh);
    return () => {
      unsubscribe();
      i18next.off('languageChanged', refresh);
    };
  }, [editor]);

  // Names behind the mention ids arrived or changed, or the language did: redraw whom each refers to.
  useEffect(() => {
    const refresh = () => {
      if (!editor.isDestroyed) refreshMentions(editor.view);
    };
    const unsubscribe = useIdentities.subscribe((state, previous) => {
      if (state.identities !== previous.identities) refresh();
    });
    i18next.on('languageChanged', refresh);
    return () => {
      unsubscribe();
      i18next.off('languageChanged', refresh);
    };
  }, [editor]);

  /**
   * The consultant chose a version: the other is added at the end of the kept one as a marked block (see
   * keepWithOther), and the result is saved over the stored revision. Keeping one's own leaves the
   * cursor and the undo history alone; taking the stored one replaces the document.
   */
  const resolveConflict = useCallback(
    (choice: 'mine' | 'stored') => {
      const conflict = useNotes.getState().conflict;
      if (!conflict) return;
      const mine = editor.getJSON() as DocNode;
      const time = (iso: string) => formatter(i18next.language as Language).dateTime(iso);
      if (choice === 'mine') {
        const merged = keepWithOther(
          mine,
          conflict.doc,
          t('editor.conflictStoredLabel', { time: time(conflict.updatedAt) }),
        );
        const added = merged.content?.slice(mine.content?.length ?? 0) ?? [];
        if (added.length)
          editor.commands.insertContentAt(editor.state.doc.content.size, added, { updateSelection: false });
      } else {
        const label = t('editor.conflictMineLabel', { time: time(new Date().toISOString()) });
        editor.commands.setContent(keepWithOther(conflict.doc, mine, label));
      }
      revisionRef.current = conflict.revision;
      baseDocRef.current = conflict.doc;
      refusal.current = null;
      useNotes.setState({ conflict: null });
      // Codings the other writer added need their rows here to be shown.
      void saverRef.current?.flush().then((saved) => {
        if (saved) void attempt(() => useCodings.getState().load(interviewId, engagementId));
      });
    },
    [editor, interviewId, engagementId, t],
  );

  useEffect(() => {
    if (!focusCodingId) return;
    const range = codingRanges(editor.state.doc).get(focusCodingId);
    if (!range) return;
    editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    useCodings.setState({ selected: [focusCodingId] });
  }, [editor, focusCodingId]);

  return (
    <div className="notes">
      <CodingStyles />
      <Toolbar editor={editor} />
      <EditorContent editor={editor} className="notes-scroll" />
      <MentionPicker />
      <ConflictDialog onChoose={resolveConflict} />
      <Announcer />
    </div>
  );
}

/** The editor's polite live region: what Mod+Shift+K says about the text at the cursor. */
function Announcer() {
  const { text, n } = useAnnouncement();
  return (
    <div className="visually-hidden" role="status" data-editor-announcement="">
      {text && <span key={n}>{text}</span>}
    </div>
  );
}

function CodingStyles() {
  const { codings, codebook, selected } = useCodings();
  const css = useMemo(() => codingStyles(codings, codebook, selected), [codings, codebook, selected]);
  return <style>{css}</style>;
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
    }),
  });
  // The name starts with the visible glyph when it is a letter or digit ("1. Numbered list"), so a
  // voice user can say what they see (WCAG 2.5.3); the shortcut goes to aria-keyshortcuts, not the name.
  const button = (
    key: keyof typeof active,
    label: string,
    keys: { shown: string; aria: string },
    text: string,
    run: () => void,
  ) => (
    <button
      type="button"
      className={`tool${active[key] ? ' active' : ''}`}
      title={`${label} (${keys.shown})`}
      aria-label={/[\p{L}\p{N}]/u.test(text) ? `${text} ${label}` : label}
      aria-keyshortcuts={keys.aria}
      aria-pressed={active[key]}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  );
  const chain = () => editor.chain().focus();
  return (
    <div className="toolbar" role="toolbar" aria-label={t('a11y.toolbar')}>
      {button('bold', t('editor.bold'), { shown: 'Ctrl+B', aria: 'Control+B' }, 'B', () =>
        chain().toggleBold().run(),
      )}
      {button('italic', t('editor.italic'), { shown: 'Ctrl+I', aria: 'Control+I' }, 'I', () =>
        chain().toggleItalic().run(),
      )}
      {button('h2', t('editor.heading'), { shown: 'Ctrl+Alt+2', aria: 'Control+Alt+2' }, 'H', () =>
        chain().toggleHeading({ level: 2 }).run(),
      )}
      {button('bullet', t('editor.bulletList'), { shown: 'Ctrl+Shift+8', aria: 'Control+Shift+8' }, '•', () =>
        chain().toggleBulletList().run(),
      )}
      {button(
        'ordered',
        t('editor.orderedList'),
        { shown: 'Ctrl+Shift+7', aria: 'Control+Shift+7' },
        '1.',
        () => chain().toggleOrderedList().run(),
      )}
      {button('quote', t('editor.quote'), { shown: 'Ctrl+Shift+B', aria: 'Control+Shift+B' }, '❝', () =>
        chain().toggleBlockquote().run(),
      )}
      <span className="toolbar-sep" />
      <button
        type="button"
        className="tool code-tool"
        title={`${t('coding.code')} (Ctrl+K)`}
        aria-keyshortcuts="Control+K"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => useCodings.setState({ pickerOpen: true })}
      >
        # {t('coding.code')}
      </button>
      <button
        type="button"
        className="tool mention-tool"
        title={t('identity.mark')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => pickMention(editor.view)}
      >
        <span aria-hidden="true">@</span> {t('identity.mention')}
      </button>
      <button
        type="button"
        className="tool"
        title={`${t('coding.followUp')} (Ctrl+Shift+L)`}
        aria-label={t('coding.followUp')}
        aria-keyshortcuts="Control+Shift+L"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => toggleFollowUp(editor.view)}
      >
        ⚑
      </button>
      <span className="toolbar-gap" />
      <LiveClock />
    </div>
  );
}

function LiveClock() {
  const { t } = useTranslation();
  const showTimestamps = useNotes((s) => s.showTimestamps);
  return (
    <>
      <label className="check" title={t('editor.timestampsHint')}>
        <input
          type="checkbox"
          checked={showTimestamps}
          onChange={(e) => useNotes.setState({ showTimestamps: e.target.checked })}
        />
        {t('editor.timestamps')}
      </label>
      <ClockControls />
    </>
  );
}
