import { useTranslation } from 'react-i18next';
import { useNotes } from '../store/notes.ts';

export function SaveIndicator() {
  const { t, i18n } = useTranslation();
  const { state, savedAt, wordCount } = useNotes();
  const time = savedAt
    ? new Date(savedAt).toLocaleTimeString(i18n.language, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
    : '';
  const label =
    state === 'saved'
      ? savedAt
        ? t('save.savedAt', { time })
        : t('save.saved')
      : state === 'saving'
        ? t('save.saving')
        : state === 'dirty'
          ? t('save.unsaved')
          : t('save.failed');
  return (
    <div className="save-indicator">
      <span className={`save-state ${state}`} data-state={state} role="status">
        {label}
      </span>
      <span className="muted small">{t('interview.words', { count: wordCount })}</span>
    </div>
  );
}
