import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocNode } from '../../../shared/domain.ts';
import { kuulo } from '../bridge.ts';
import { useNotes } from '../store/notes.ts';
import { unwrap } from '../store/notify.ts';
import { Autosaver } from './autosave.ts';
import { ParagraphTimestamp } from './timestamps.ts';

interface Props {
  interviewId: string;
  initialDoc: DocNode;
}

/** Seconds since the live clock started, or null: read by the timestamp plugin on each edit. */
function clockSeconds(): number | null {
  const started = useNotes.getState().clockStartedAt;
  return started === null ? null : (Date.now() - started) / 1000;
}

export function NotesEditor({ interviewId, initialDoc }: Props) {
  const { t } = useTranslation();
  const saverRef = useRef<Autosaver | null>(null);
  const extensions = useMemo(
    () => [
      StarterKit.configure({ heading: { levels: [2, 3] }, link: false, code: false, codeBlock: false }),
      Placeholder.configure({ placeholder: t('interview.notesPlaceholder') }),
      ParagraphTimestamp.configure({ clock: clockSeconds }),
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
        attributes: { class: 'notes-editor', 'aria-label': t('interview.notes'), spellcheck: 'true' },
      },
      onUpdate: () => saverRef.current?.markDirty(),
      onBlur: () => void saverRef.current?.flush(),
    },
    [interviewId],
  );

  useEffect(() => {
    const saver = new Autosaver(
      async () => {
        // Read the document synchronously, before any await: this also runs while the view unmounts.
        const doc = editor.getJSON() as DocNode;
        const saved = await unwrap(kuulo.saveNotes({ interviewId, doc }));
        useNotes.setState({ savedAt: saved.updatedAt, wordCount: saved.wordCount });
      },
      (state) => useNotes.setState({ state }),
    );
    saverRef.current = saver;
    useNotes.setState({ state: 'saved', flush: () => saver.flush() });
    return () => {
      void saver.flush();
      saver.dispose();
      useNotes.setState({ flush: async () => {} });
    };
  }, [editor, interviewId]);

  return (
    <div className="notes">
      <Toolbar editor={editor} />
      <EditorContent editor={editor} className="notes-scroll" />
    </div>
  );
}

function Toolbar({ editor }: { editor: ReturnType<typeof useEditor> }) {
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
  const button = (key: keyof typeof active, label: string, text: string, run: () => void) => (
    <button
      type="button"
      className={`tool${active[key] ? ' active' : ''}`}
      title={label}
      aria-label={label}
      aria-pressed={active[key]}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  );
  const chain = () => editor.chain().focus();
  return (
    <div className="toolbar" role="toolbar">
      {button('bold', `${t('editor.bold')} (Ctrl+B)`, 'B', () => chain().toggleBold().run())}
      {button('italic', `${t('editor.italic')} (Ctrl+I)`, 'I', () => chain().toggleItalic().run())}
      {button('h2', `${t('editor.heading')} (Ctrl+Alt+2)`, 'H', () =>
        chain().toggleHeading({ level: 2 }).run(),
      )}
      {button('bullet', `${t('editor.bulletList')} (Ctrl+Shift+8)`, '•', () =>
        chain().toggleBulletList().run(),
      )}
      {button('ordered', `${t('editor.orderedList')} (Ctrl+Shift+7)`, '1.', () =>
        chain().toggleOrderedList().run(),
      )}
      {button('quote', `${t('editor.quote')} (Ctrl+Shift+B)`, '❝', () => chain().toggleBlockquote().run())}
      <span className="toolbar-gap" />
      <LiveClock />
    </div>
  );
}

function LiveClock() {
  const { t } = useTranslation();
  const { clockStartedAt, showTimestamps } = useNotes();
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
      <button
        type="button"
        className={`tool clock${clockStartedAt ? ' active' : ''}`}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => useNotes.setState({ clockStartedAt: clockStartedAt ? null : Date.now() })}
        aria-pressed={clockStartedAt !== null}
      >
        {clockStartedAt
          ? `● ${t('editor.clockRunning', { time: '' }).trim()}`
          : `○ ${t('editor.startClock')}`}
      </button>
    </>
  );
}
