import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import { nextSaveAnnouncement, type SaveAnnouncement } from '../editor/autosave.ts';
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
  // The visible text changes on every save; a screen reader hears only a failure and its recovery,
  // or typing would be interrupted by "Saved" every second.
  const failing = useRef(false);
  const [said, setSaid] = useState<SaveAnnouncement>(null);
  useEffect(() => {
    const next = nextSaveAnnouncement(failing.current, state);
    failing.current = next.failing;
    if (next.say) setSaid(next.say);
  }, [state]);
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
      <span className={`save-state ${state}`} data-state={state}>
        {label}
      </span>
      <span className="visually-hidden" role="status" data-save-announcement="">
        {said === 'failed' ? t('a11y.saveFailed') : said === 'recovered' ? t('a11y.saveRecovered') : ''}
      </span>
      <span className="muted small">{t('interview.words', { count: wordCount })}</span>
    </div>
  );
}
