import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureSummary } from '../../../shared/contract.ts';
import type { Interviewee } from '../../../shared/domain.ts';
import { kuulo } from '../bridge.ts';
import { unwrap } from '../store/notify.ts';
import { Dialog } from './Dialog.tsx';

/** A GDPR erasure request: what it does, then what it did, and the backups that still hold the data. */
export function EraseDialog({
  person,
  onClose,
}: {
  person: Interviewee;
  onClose: (erased: boolean) => void;
}) {
  const { t } = useTranslation();
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
  return (
    <Dialog
      title={t('privacy.eraseTitle', { name: person.name })}
      onClose={() => onClose(summary !== null)}
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
      {!summary && <p>{t('privacy.eraseExplain')}</p>}
      {summary && (
        <div role="status">
          <p>{t('privacy.erased', { ...summary })}</p>
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
