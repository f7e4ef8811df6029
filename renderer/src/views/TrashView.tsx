import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrashItem } from '../../../shared/contract.ts';
import type { Language } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import { Dialog } from '../components/Dialog.tsx';
import { EraseDialog } from '../components/EraseDialog.tsx';
import { focusNeighbourOnRemoval } from '../components/focus.ts';
import { useScreen } from '../components/useScreen.ts';
import { attempt, useNotify } from '../store/notify.ts';
import { daysLeft, useTrash } from '../store/trash.ts';

/** What was deleted, merged or retired in the last 30 days, each with Restore and Delete for good. */
export function TrashView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { items, load, restore, deleteForGood, emptyAll } = useTrash();
  const [confirm, setConfirm] = useState<TrashItem | 'all' | null>(null);
  const [erasing, setErasing] = useState<TrashItem | null>(null);
  useEffect(() => {
    void attempt(load);
  }, [load]);

  useScreen(t('trash.title'));
  const name = (item: TrashItem) => item.label.name[lang];
  // What a button names: with the detail shown beside the name, two interviews of one account differ.
  const named = (item: TrashItem) =>
    item.label.detail ? `${name(item)} · ${item.label.detail[lang]}` : name(item);
  const when = (iso: string) => formatter(i18n.language as Language).dateTime(iso);
  const onRestore = (item: TrashItem) =>
    attempt(async () => {
      await restore(item.id);
      useNotify.getState().push('info', t('trash.restored', { name: name(item) }));
    });

  return (
    <div className="page trash">
      <header className="page-header">
        <div>
          <h1>{t('trash.title')}</h1>
          <p className="muted">{t('trash.lead')}</p>
        </div>
        {items && items.length > 0 && (
          <button type="button" className="danger" onClick={() => setConfirm('all')}>
            {t('trash.emptyAll')}
          </button>
        )}
      </header>
      {!items && <p className="loading">{t('app.loading')}</p>}
      {items?.length === 0 && <p className="muted">{t('trash.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="trash-list" aria-label={t('trash.title')}>
          {items.map((item) => (
            <li key={item.id} className="trash-item" data-testid="trash-item">
              <div className="trash-what">
                <span className="badge">{t(`trash.kinds.${item.kind}`)}</span> <strong>{name(item)}</strong>
                {item.label.detail && <span className="muted"> · {item.label.detail[lang]}</span>}
                <div className="muted small">
                  {[
                    item.engagementTitle,
                    item.kind !== 'interview' &&
                      item.label.interviews > 0 &&
                      t('trash.interviews', { count: item.label.interviews }),
                    item.label.codings > 0 && t('trash.codings', { count: item.label.codings }),
                    t(item.kind === 'accountImport' ? 'trash.importedWhen' : 'trash.when', {
                      date: when(item.deletedAt),
                      count: daysLeft(item),
                    }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </div>
              <div className="trash-actions">
                <button
                  type="button"
                  onClick={(e) => {
                    // The restored entry leaves the list: the focus goes on to the next one's Restore.
                    focusNeighbourOnRemoval(e.currentTarget, '.trash-item');
                    void onRestore(item);
                  }}
                  aria-label={
                    // An import is named by its file alone: the sentence wraps the name.
                    item.kind === 'accountImport'
                      ? t('trash.undoImportNamed', { name: name(item) })
                      : t('trash.restoreNamed', { name: named(item) })
                  }
                >
                  {/* Restoring an import takes away what it added: said as an undo. */}
                  {t(item.kind === 'accountImport' ? 'trash.undoImport' : 'trash.restore')}
                </button>
                {item.kind === 'interviewee' && (
                  <button
                    type="button"
                    className="danger-quiet"
                    onClick={() => setErasing(item)}
                    aria-label={t('trash.eraseNamed', { name: named(item) })}
                  >
                    {t('privacy.erase')}
                  </button>
                )}
                {/* An import's entry holds only how to undo it: "delete for good" would read as deleting the accounts. */}
                {item.kind !== 'accountImport' && (
                  <button
                    type="button"
                    className="danger-quiet"
                    onClick={() => setConfirm(item)}
                    aria-label={t('trash.deleteNamed', { name: named(item) })}
                  >
                    {t('trash.deleteForGood')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {erasing && (
        <EraseDialog
          person={{ id: erasing.subjectId, name: name(erasing) }}
          onClose={() => {
            setErasing(null);
            void attempt(load);
          }}
        />
      )}
      {confirm && (
        <Dialog
          title={
            confirm === 'all' ? t('trash.confirmEmpty') : t('trash.confirmDelete', { name: name(confirm) })
          }
          onClose={() => setConfirm(null)}
          footer={
            <>
              <button type="button" onClick={() => setConfirm(null)} autoFocus>
                {t('app.cancel')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void attempt(async () => {
                    if (confirm === 'all') await emptyAll();
                    else await deleteForGood(confirm.id);
                  }).then(() => setConfirm(null))
                }
              >
                {t('trash.deleteForGood')}
              </button>
            </>
          }
        >
          <p>{t('trash.final')}</p>
        </Dialog>
      )}
    </div>
  );
}
