import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import { useNotes } from '../store/notes.ts';

export function SaveIndicator() {
  const { t, i18n } = useTranslation();
  const { state, savedAt, wordCount } = useNotes();
  // 24-hour in both languages (en-GB, never "10:23 PM"). Formatted once per save, not on each of the
  // renders a save brings (saving, saved): making the date format takes a millisecond.
  const time = useMemo(
    () => (savedAt ? formatter(i18n.language as Language).time(savedAt, true) : ''),
    [savedAt, i18n.language],
  );
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
