import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notes } from '../../../shared/domain.ts';

/**
 * Notes whose stored document the editor cannot load, shown read-only with their text: an editor
 * opened on them would start empty, and its first save would replace them.
 */
export function NotesUnreadable({ notes }: { notes: Notes }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(notes.text);
    setCopied(true);
  };
  return (
    <div className="notes-unreadable" data-testid="notes-unreadable">
      <div role="alert">
        <h2>{t('interview.unreadable.title')}</h2>
        <p>{t('interview.unreadable.explain')}</p>
        <p className="muted small">{t('interview.unreadable.problem', { problem: notes.problem })}</p>
      </div>
      <button type="button" onClick={() => void copy()}>
        {copied ? t('interview.unreadable.copied') : t('interview.unreadable.copy')}
      </button>
      {/* Focusable so that the text can be scrolled and selected by keyboard. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: see above */}
      <pre className="notes-unreadable-text" tabIndex={0}>
        {notes.text}
      </pre>
    </div>
  );
}
