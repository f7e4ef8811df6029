import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/contract.ts';
import type { Language } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import { kuulo } from '../bridge.ts';
import { useBackups } from '../store/backups.ts';
import { attempt, unwrap, useNotify } from '../store/notify.ts';

/** The backups beside the workspace: make one now, or go back to one (the current state is kept). */
export function BackupsPanel() {
  const { t, i18n } = useTranslation();
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [confirming, setConfirming] = useState<BackupEntry | null>(null);
  const [kept, setKept] = useState<number | null>(null);
  const load = useCallback(() => attempt(async () => setBackups(await unwrap(kuulo.listBackups({})))), []);
  const running = useBackups((s) => s.running);
  const finished = useBackups((s) => s.finished);
  useEffect(() => {
    void attempt(async () => setKept((await unwrap(kuulo.getSettings({}))).backupsKept));
  }, []);
  // Again whenever a backup ends, asked for here or made by the core on its own (the daily one).
  useEffect(() => {
    void finished;
    void load();
  }, [load, finished]);
  const when = (iso: string) => formatter(i18n.language as Language).dateTime(iso);

  return (
    <section className="field backups">
      <span className="field-label">{t('backups.title')}</span>
      <p className="muted small">{t('backups.lead')}</p>
      <div className="backup-actions">
        <label className="check">
          {t('backups.keep')}
          <input
            type="number"
            min={1}
            max={365}
            className="narrow"
            value={kept ?? ''}
            onChange={(e) => {
              const value = Number.parseInt(e.target.value, 10);
              if (value >= 1 && value <= 365)
                void attempt(async () =>
                  setKept((await unwrap(kuulo.updateSettings({ backupsKept: value }))).backupsKept),
                );
            }}
          />
        </label>
        <button
          type="button"
          disabled={running !== null}
          onClick={() => attempt(async () => void (await unwrap(kuulo.createBackup({}))))}
        >
          {t(running ? 'backups.running' : 'backups.now')}
        </button>
      </div>
      {backups?.length === 0 && <p className="muted small">{t('backups.none')}</p>}
      <ul className="backup-list">
        {backups?.map((b) => (
          <li key={b.path}>
            <span>{when(b.createdAt)}</span>
            <span className="badge">{t(`backups.reasons.${b.reason}`)}</span>
            <span className="muted small">{Math.max(1, Math.round(b.size / 1024))} kB</span>
            {confirming?.path === b.path ? (
              <span className="confirm-restore">
                <span className="small">{t('backups.restoreExplain')}</span>
                <button type="button" onClick={() => setConfirming(null)}>
                  {t('app.cancel')}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    attempt(async () => {
                      await unwrap(kuulo.restoreBackup({ path: b.path }));
                      useNotify.getState().push('info', t('backups.restored'));
                      // Everything on screen came from the old file: start over from the restored one.
                      setTimeout(() => window.location.reload(), 800);
                    })
                  }
                >
                  {t('backups.restore')}
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="link"
                onClick={() => setConfirming(b)}
                title={t('backups.restoreTitle', { date: when(b.createdAt) })}
              >
                {t('backups.restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
