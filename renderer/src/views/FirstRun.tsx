import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attempt } from '../store/notify.ts';
import { useWorkspace } from '../store/workspace.ts';

export function FirstRun({ onCreateEmpty }: { onCreateEmpty: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const createDemo = async () => {
    setBusy(true);
    await attempt(() => useWorkspace.getState().createDemo());
    setBusy(false);
  };
  return (
    <div className="first-run">
      <h1>{t('firstRun.title')}</h1>
      <p className="lead">{t('firstRun.lead')}</p>
      <div className="choices">
        <button type="button" className="choice primary" onClick={createDemo} disabled={busy}>
          <strong>{busy ? t('firstRun.creatingSample') : t('firstRun.sample')}</strong>
          <span>{t('firstRun.sampleHint')}</span>
        </button>
        <button type="button" className="choice" onClick={onCreateEmpty} disabled={busy}>
          <strong>{t('firstRun.empty')}</strong>
          <span>{t('firstRun.emptyHint')}</span>
        </button>
      </div>
    </div>
  );
}
