import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureSummary } from '../../../shared/contract.ts';
import type { Interviewee } from '../../../shared/domain.ts';
import type { ErasurePlace, ErasurePreview } from '../../../shared/identity/types.ts';
import { kuulo } from '../bridge.ts';
import { phraseServiceError, ServiceError, unwrap } from '../store/notify.ts';
import { Dialog } from './Dialog.tsx';
import { PlaceInContext } from './IdentityReview.tsx';
import './review.css';

/** Places listed before the erasure runs (the service sends at most this many); the rest are counted. */
const SHOWN = 500;

/**
 * A GDPR erasure request: every place it will change, each with a tick box to leave it out (an
 * ordinary word that looks like the name), then what it did, and the backups that still hold the data.
 */
export function EraseDialog({
  person,
  onClose,
}: {
  person: Pick<Interviewee, 'id' | 'name'>;
  onClose: (erased: boolean) => void;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<ErasurePreview | null>(null);
  const [summary, setSummary] = useState<ErasureSummary | null>(null);
  const [replaced, setReplaced] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Places the consultant unticked; empty by default: everything is erased. */
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [reload, setReload] = useState(0);
  const run = async (action: () => Promise<void>) => {
    try {
      setError(null);
      await action();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    let current = true;
    // A reload after a refused erasure shows the list being made again.
    if (reload > 0) setPreview(null);
    kuulo
      .erasurePreview({ id: person.id })
      .then((result) => {
        if (!current) return;
        if (result.ok) {
          setPreview(result.value);
          // Ids belong to one preview: a fresh one starts with every place ticked again.
          setExcluded(new Set());
        } else setError(phraseServiceError(result.error));
      })
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [person.id, reload]);
  // The buttons that erased are replaced by Close: the focus goes to what was done, not to the page.
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (summary) result.current?.focus();
  }, [summary]);
  const toggle = (id: string, erase: boolean) =>
    setExcluded((now) => {
      const next = new Set(now);
      if (erase) next.delete(id);
      else next.add(id);
      return next;
    });
  const erase = () =>
    run(async () => {
      if (!preview) return;
      try {
        setSummary(
          await unwrap(
            kuulo.eraseInterviewee({ id: person.id, excluded: [...excluded], previewToken: preview.token }),
          ),
        );
      } catch (e) {
        // The texts changed since the list was made: show the places as they are now.
        if (e instanceof ServiceError && e.error.key === 'erasurePreviewStale') setReload((n) => n + 1);
        throw e;
      }
    });

  return (
    <Dialog
      title={t('privacy.eraseTitle', { name: person.name })}
      onClose={() => onClose(summary !== null)}
      wide
      footer={
        summary ? (
          <button type="button" onClick={() => onClose(true)}>
            {t('app.close')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => onClose(false)}>
              {t('app.cancel')}
            </button>
            <button type="button" className="danger" disabled={!preview} onClick={erase}>
              {t('privacy.eraseConfirm')}
            </button>
          </>
        )
      }
    >
      {!summary && (
        <>
          <p>{t('privacy.eraseExplain')}</p>
          <p>
            <strong>{t('privacy.eraseFinal')}</strong>
          </p>
          <div className="erase-preview" aria-live="polite">
            {!preview && !error && <p className="muted small">{t('privacy.previewLoading')}</p>}
            {preview && preview.total === 0 && <p className="muted">{t('privacy.previewNone')}</p>}
            {preview && preview.total > 0 && (
              <>
                <p className="erase-preview-count">{t('privacy.preview', { count: preview.total })}</p>
                <p className="muted small">{t('privacy.placesHint')}</p>
                <ol className="erase-places" data-testid="erase-places">
                  {preview.matches.slice(0, SHOWN).map((match) => (
                    <li key={match.id} className={excluded.has(match.id) ? 'left-out' : undefined}>
                      <label className="erase-tick">
                        <input
                          type="checkbox"
                          checked={match.required || !excluded.has(match.id)}
                          disabled={match.required}
                          aria-label={`${t('privacy.erasePlace')}: ${match.before.slice(-20)}${match.match}${match.after.slice(0, 20)}`}
                          onChange={(e) => toggle(match.id, e.target.checked)}
                        />
                      </label>
                      <PlaceInContext
                        place={{
                          ...match,
                          // The person's own record: ticked for good, and said so.
                          where: match.required
                            ? `${placeLabel(t, match.place)} (${t('privacy.alwaysErased')})`
                            : placeLabel(t, match.place),
                        }}
                      />
                    </li>
                  ))}
                </ol>
                {excluded.size > 0 && (
                  <p className="erase-left-out" role="status">
                    {t('privacy.placesLeft', { count: excluded.size })}
                  </p>
                )}
                {preview.total > Math.min(SHOWN, preview.matches.length) && (
                  <p className="muted small">
                    {t('privacy.previewMore', {
                      count: preview.total - Math.min(SHOWN, preview.matches.length),
                    })}
                  </p>
                )}
              </>
            )}
            {preview && preview.forms.length > 0 && (
              <p className="erase-forms">{t('privacy.forms', { forms: preview.forms.join(', ') })}</p>
            )}
          </div>
        </>
      )}
      {summary && (
        <div role="status" ref={result} tabIndex={-1}>
          <p>{t('privacy.erased', { ...summary })}</p>
          {summary.fields > 0 && <p>{t('privacy.erasedFields', { count: summary.fields })}</p>}
          {!summary.complete && <p className="warning">{t('privacy.incomplete')}</p>}
          {summary.backupsWithData > 0 && !replaced && (
            <p className="warning">
              {t('privacy.backupsWarning', { count: summary.backupsWithData })}{' '}
              <button
                type="button"
                onClick={() =>
                  run(async () => {
                    await unwrap(kuulo.replaceBackups({}));
                    setReplaced(true);
                  })
                }
              >
                {t('privacy.replaceBackups')}
              </button>
            </p>
          )}
          {replaced && <p>{t('privacy.backupsReplaced')}</p>}
        </div>
      )}
      {error && <p className="form-error">{error}</p>}
    </Dialog>
  );
}

/** Where a match is, in the UI's language; a table or column added later reads as its own name. */
function placeLabel(t: TFunction, place: ErasurePlace): string {
  if (place.kind === 'notes')
    return place.date
      ? t('privacy.places.notesDated', { account: place.account, date: place.date })
      : t('privacy.places.notes', { account: place.account });
  return t('privacy.places.field', {
    table: t(`privacy.places.tables.${place.table}`, { defaultValue: place.table }),
    column: t(`privacy.places.columns.${place.column}`, { defaultValue: place.column.replace(/_/g, ' ') }),
  });
}
