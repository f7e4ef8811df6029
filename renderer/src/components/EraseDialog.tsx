import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureSummary } from '../../../shared/contract.ts';
import type { Interviewee } from '../../../shared/domain.ts';
import type { ErasurePlace, ErasurePreview } from '../../../shared/identity/types.ts';
import { kuulo } from '../bridge.ts';
import { phraseServiceError, unwrap } from '../store/notify.ts';
import { Dialog } from './Dialog.tsx';
import { PlaceInContext } from './IdentityReview.tsx';
import './review.css';

/** Places listed before the erasure runs; the rest are counted. */
const SHOWN = 50;

/**
 * A GDPR erasure request: every place it will change, then what it did, and the backups that still
 * hold the data.
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
    kuulo
      .erasurePreview({ id: person.id })
      .then((result) => {
        if (!current) return;
        if (result.ok) setPreview(result.value);
        else setError(phraseServiceError(result.error));
      })
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [person.id]);

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
            <button
              type="button"
              className="danger"
              onClick={() =>
                run(async () => setSummary(await unwrap(kuulo.eraseInterviewee({ id: person.id }))))
              }
            >
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
                <ol className="erase-places" data-testid="erase-places">
                  {preview.matches.slice(0, SHOWN).map((match, index) => (
                    // Matches have no id; their order is fixed for one preview.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <li key={index}>
                      <PlaceInContext place={{ ...match, where: placeLabel(t, match.place) }} />
                    </li>
                  ))}
                </ol>
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
        <div role="status">
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
