import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeletionImpact } from '../../../shared/contract.ts';
import { kuulo } from '../bridge.ts';
import { unwrap } from '../store/notify.ts';
import { Dialog } from './Dialog.tsx';

interface Props {
  kind: 'engagement' | 'account' | 'interviewee' | 'interview';
  id: string;
  /** What is being deleted, in words, e.g. "Fennia Oy". */
  what: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Asks before deleting and says exactly what else goes with it. */
export function ConfirmDelete({ kind, id, what, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [impact, setImpact] = useState<DeletionImpact | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    unwrap(kuulo.deletionImpact({ kind, id })).then(setImpact, (e: Error) => setError(e.message));
  }, [kind, id]);

  const lines = impact
    ? [
        kind === 'engagement' && impact.accounts > 0 && t('delete.accounts', { count: impact.accounts }),
        kind !== 'interviewee' &&
          impact.interviewees > 0 &&
          t('delete.interviewees', { count: impact.interviewees }),
        kind !== 'interview' && impact.interviews > 0 && t('delete.interviews', { count: impact.interviews }),
        impact.words > 0 && t('delete.words', { count: impact.words }),
        impact.codings > 0 && t('delete.codings', { count: impact.codings }),
      ].filter((line): line is string => typeof line === 'string')
    : [];

  return (
    <Dialog
      title={t('delete.title', { what })}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose} autoFocus>
            {t('app.cancel')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={!impact}
            onClick={() => onConfirm().then(onClose, (e: Error) => setError(e.message))}
          >
            {t('delete.confirm')}
          </button>
        </>
      }
    >
      {impact && lines.length > 0 && (
        <>
          <p>{t('delete.intro')}</p>
          <ul className="impact">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {impact && lines.length === 0 && <p>{t('delete.nothingElse')}</p>}
      {impact && impact.detachedInterviews > 0 && (
        <p>{t('delete.detached', { count: impact.detachedInterviews })}</p>
      )}
      <p className="muted">{t('delete.toTrash')}</p>
      {kind === 'interviewee' && <p className="muted">{t('delete.eraseInstead')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
