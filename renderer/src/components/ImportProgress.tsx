import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain.ts';
import type { ImportProgress } from '../../../shared/events.ts';
import { formatter } from '../../../shared/format.ts';
import './importProgress.css';
import { kuuloEvents } from '../bridge.ts';

/**
 * The latest `importProgress` event of one kind of import, heard while the dialog is open. A new run
 * (a new id) replaces the last one's; `null` until the core says anything about this run.
 */
function useImportProgress(kind: ImportProgress['kind']): ImportProgress | null {
  const [latest, setLatest] = useState<ImportProgress | null>(null);
  useEffect(() => {
    const token = kuuloEvents.subscribe('importProgress', (event) => {
      if (event.kind === kind) setLatest(event);
    });
    return () => kuuloEvents.unsubscribe(token);
  }, [kind]);
  return latest;
}

/**
 * What an import is doing while the consultant waits: the stage in words in a polite live region (it
 * changes a few times a run, so a screen reader is not flooded), and a bar that fills with the stage's
 * counted work, or moves without end where the stage is not counted. Shown only while `busy`.
 */
export function ImportProgressView({ kind, busy }: { kind: ImportProgress['kind']; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const latest = useImportProgress(kind);
  // The last event heard when the dialog became busy is an earlier run's, not this one's.
  const [staleId, setStaleId] = useState<string | null>(null);
  useEffect(() => {
    if (busy) setStaleId((stale) => stale ?? latest?.id ?? '');
    else setStaleId(null);
  }, [busy, latest?.id]);
  if (!busy) return null;
  const current = latest && staleId !== null && latest.id !== staleId ? latest : null;
  const stage = current?.stage ?? 'reading';
  const counted = current !== null && current.total > 0;
  const percent = counted ? formatter(i18n.language as Language).percent(current.done, current.total) : null;
  return (
    <div className="import-progress">
      <p role="status" aria-live="polite" className="muted small import-stage">
        {current?.failure ? t('importProgress.failed') : t(`importProgress.${stage}`)}
      </p>
      <div className="import-bar">
        {counted ? (
          <progress aria-label={t('importProgress.label')} max={current.total} value={current.done} />
        ) : (
          <progress aria-label={t('importProgress.label')} />
        )}
        {percent !== null && (
          <span className="muted small" aria-hidden="true">
            {percent}
          </span>
        )}
      </div>
    </div>
  );
}
