import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountWithPeople, Interviewee, Language } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import { kuulo } from '../bridge.ts';
import { ConfirmDelete } from '../components/ConfirmDelete.tsx';
import { EraseDialog } from '../components/EraseDialog.tsx';
import { FormDialog } from '../components/FormDialog.tsx';
import { ItemButton } from '../components/ItemButton.tsx';
import { lazyComponent, WhenLoaded } from '../components/Lazy.tsx';
import { RowMenu } from '../components/RowMenu.tsx';
import { TabList, tabPanelProps, useTabIds } from '../components/Tabs.tsx';
import { ImportTranscriptButton, TranscriptImportDialog } from '../components/TranscriptImport.tsx';
import { useScreen } from '../components/useScreen.ts';
import { attempt, unwrap } from '../store/notify.ts';
import { ENGAGEMENT_TABS, type EngagementTab, useRouter } from '../store/router.ts';
import { useShortcuts } from '../store/shortcuts.ts';
import { useWorkspace } from '../store/workspace.ts';
import { ActionRegisterView } from './ActionsView.tsx';
import {
  accountFields,
  accountInput,
  accountValues,
  engagementFields,
  engagementInput,
  engagementValues,
  newInterviewFields,
  newInterviewInput,
  personFields,
  personInput,
  personValues,
} from './forms.ts';

// The import dialog (its spreadsheet reading and review) loads when it is opened.
const GuideView = lazyComponent(() => import('./GuideView.tsx').then((m) => m.GuideView));
const AnswersView = lazyComponent(() => import('./AnswersView.tsx').then((m) => m.AnswersView));
const AccountImportDialog = lazyComponent(() =>
  import('../components/AccountImportDialog.tsx').then((m) => m.AccountImportDialog),
);
// The waves tab (its comparison and chart) loads when it is opened.
const WavesPanel = lazyComponent(() => import('./WavesPanel.tsx').then((m) => m.WavesPanel));

type DialogState =
  | { kind: 'editEngagement' }
  | { kind: 'newAccount' }
  | { kind: 'importAccounts' }
  | { kind: 'editAccount'; account: AccountWithPeople }
  | { kind: 'newPerson'; accountId: string }
  | { kind: 'editPerson'; person: Interviewee }
  | { kind: 'newInterview' }
  | { kind: 'erase'; person: Interviewee }
  | { kind: 'delete'; target: 'engagement' | 'account' | 'interviewee'; id: string; what: string };

export function EngagementView({ id, tab }: { id: string; tab: EngagementTab }) {
  const { t, i18n } = useTranslation();
  const current = useWorkspace((s) => s.current);
  const navigate = useRouter((s) => s.navigate);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const tabIds = useTabIds();

  useEffect(() => {
    void attempt(() => useWorkspace.getState().loadEngagement(id));
  }, [id]);

  useEffect(() => {
    useShortcuts.setState({
      // The action register has its own Ctrl+N (a new action).
      onNew:
        tab === 'actions'
          ? null
          : () => setDialog({ kind: tab === 'accounts' ? 'newAccount' : 'newInterview' }),
      onBack: () => navigate({ name: 'engagements' }),
    });
    return () => useShortcuts.setState({ onNew: null, onBack: null });
  }, [tab, navigate]);

  useScreen(
    current?.engagement.id === id
      ? `${current.engagement.clientName} · ${current.engagement.title}`
      : undefined,
  );
  if (!current || current.engagement.id !== id) return <p className="loading">{t('app.loading')}</p>;
  const { engagement, accounts, interviews } = current;
  const reload = () => useWorkspace.getState().reloadCurrent();
  const close = () => setDialog(null);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <span className="card-kicker">
            {engagement.clientName} · {engagement.industry} ·{' '}
            <span className="lang">{engagement.language.toUpperCase()}</span>
          </span>
          <h1>{engagement.title}</h1>
          <p className="muted">
            {[engagement.periodStart, engagement.periodEnd].filter(Boolean).join(' – ')}{' '}
            <span className={`badge status-${engagement.status}`}>
              {t(`engagement.statuses.${engagement.status}`)}
            </span>
          </p>
          {engagement.purpose && <p className="purpose">{engagement.purpose}</p>}
        </div>
        <div className="actions">
          <ItemButton
            label={t('app.edit')}
            item={engagement.title}
            onClick={() => setDialog({ kind: 'editEngagement' })}
          />
          <ItemButton
            label={t('app.delete')}
            item={engagement.title}
            className="danger-quiet"
            onClick={() => setDialog({ kind: 'delete', target: 'engagement', id, what: engagement.title })}
          />
        </div>
      </header>

      <TabList
        ids={tabIds}
        label={engagement.title}
        selected={tab}
        onSelect={(name) => navigate({ name: 'engagement', id, tab: name })}
        tabs={ENGAGEMENT_TABS.map((name) => ({
          key: name,
          href: `#/engagement/${id}/${name}`,
          label:
            name === 'interviews' || name === 'accounts' ? (
              <>
                {t(`engagement.tabs.${name}`)}
                <span className="count">{name === 'interviews' ? interviews.length : accounts.length}</span>
              </>
            ) : name === 'waves' ? (
              t('waves.title')
            ) : name === 'actions' ? (
              t('actions.tab')
            ) : (
              t(`engagement.tabs.${name}`)
            ),
        }))}
      />
      {tab === 'guide' || tab === 'answers' || tab === 'waves' ? (
        <section {...tabPanelProps(tabIds, tab)}>
          <WhenLoaded>
            {tab === 'guide' ? (
              <GuideView engagementId={id} />
            ) : tab === 'answers' ? (
              <AnswersView engagementId={id} />
            ) : (
              <WavesPanel engagementId={id} />
            )}
          </WhenLoaded>
        </section>
      ) : tab === 'interviews' ? (
        <section {...tabPanelProps(tabIds, tab)}>
          <div className="section-actions">
            <button
              type="button"
              className="primary"
              disabled={accounts.length === 0}
              onClick={() => setDialog({ kind: 'newInterview' })}
              title="Ctrl+N"
            >
              + {t('interviews.new')}
            </button>
            {accounts[0] && (
              <ImportTranscriptButton
                target={{ engagementId: id, accountId: accounts[0].id }}
                label={t('transcriptImport.newInterview')}
              />
            )}
            {accounts.length === 0 && <span className="muted">{t('interviews.needAccount')}</span>}
          </div>
          {interviews.length === 0 ? (
            <p className="empty">{t('interviews.empty')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>{t('interviews.date')}</th>
                  <th>{t('interviews.account')}</th>
                  <th>{t('interviews.tier')}</th>
                  <th>{t('interviews.interviewees')}</th>
                  <th>{t('interviews.status')}</th>
                  <th className="num">{t('interviews.words')}</th>
                </tr>
              </thead>
              <tbody>
                {interviews.map((i) => (
                  <tr
                    key={i.id}
                    className="row-link"
                    onClick={() => navigate({ name: 'interview', id: i.id })}
                  >
                    <td className="nowrap">
                      {/* The date alone names two interviews of one day alike: the account and people say which. */}
                      <a
                        href={`#/interview/${i.id}`}
                        aria-label={
                          i.interviewees.length
                            ? t('a11y.interviewLink', {
                                date: i.date ?? t('app.none'),
                                account: i.accountName,
                                people: i.interviewees.map((p) => p.name).join(', '),
                              })
                            : t('a11y.interviewLinkNoPeople', {
                                date: i.date ?? t('app.none'),
                                account: i.accountName,
                              })
                        }
                      >
                        {i.date ?? t('app.none')}
                      </a>
                    </td>
                    <td>{i.accountName}</td>
                    <td>
                      <span className={`badge tier-${i.tier}`}>{t(`account.tiers.${i.tier}`)}</span>
                    </td>
                    <td>
                      {i.interviewees.map((p) => (
                        <span key={p.id} className="person">
                          {p.name} <span className="muted">· {t(`person.roleLevels.${p.roleLevel}`)}</span>
                        </span>
                      ))}
                    </td>
                    <td>
                      <span className={`badge status-${i.status}`}>
                        {t(`interview.statuses.${i.status}`)}
                      </span>
                    </td>
                    <td className="num">{formatter(i18n.language as Language).number(i.wordCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : tab === 'actions' ? (
        <section {...tabPanelProps(tabIds, tab)}>
          <ActionRegisterView engagementId={id} />
        </section>
      ) : (
        <section {...tabPanelProps(tabIds, tab)}>
          <div className="section-actions">
            <button
              type="button"
              className="primary"
              onClick={() => setDialog({ kind: 'newAccount' })}
              title="Ctrl+N"
            >
              + {t('account.new')}
            </button>
            <button type="button" onClick={() => setDialog({ kind: 'importAccounts' })}>
              {t('accountImport.button')}
            </button>
          </div>
          {accounts.length === 0 && <p className="empty">{t('account.empty')}</p>}
          <div className="accounts">
            {accounts.map((a) => (
              <AccountCard
                key={a.id}
                account={a}
                actions={
                  <>
                    <button
                      type="button"
                      aria-label={t('a11y.addPerson', { action: `+ ${t('person.new')}`, account: a.name })}
                      onClick={() => setDialog({ kind: 'newPerson', accountId: a.id })}
                    >
                      + {t('person.new')}
                    </button>
                    <ItemButton
                      label={t('app.edit')}
                      item={a.name}
                      onClick={() => setDialog({ kind: 'editAccount', account: a })}
                    />
                    <ItemButton
                      label={t('app.delete')}
                      item={a.name}
                      className="danger-quiet"
                      onClick={() => setDialog({ kind: 'delete', target: 'account', id: a.id, what: a.name })}
                    />
                  </>
                }
                onEditPerson={(person) => setDialog({ kind: 'editPerson', person })}
                onErasePerson={(person) => setDialog({ kind: 'erase', person })}
                onDeletePerson={(person) =>
                  setDialog({ kind: 'delete', target: 'interviewee', id: person.id, what: person.name })
                }
              />
            ))}
          </div>
        </section>
      )}

      {dialog?.kind === 'editEngagement' && (
        <FormDialog
          title={t('engagement.edit')}
          fields={engagementFields(t)}
          initial={engagementValues(engagement)}
          submitLabel={t('app.save')}
          onClose={close}
          onSubmit={async (v) => {
            await unwrap(kuulo.updateEngagement({ id, patch: engagementInput(v) }));
            await reload();
          }}
        />
      )}
      {dialog?.kind === 'importAccounts' && (
        <WhenLoaded>
          <AccountImportDialog engagementId={id} onClose={close} onImported={reload} />
        </WhenLoaded>
      )}
      {(dialog?.kind === 'newAccount' || dialog?.kind === 'editAccount') && (
        <FormDialog
          title={dialog.kind === 'newAccount' ? t('account.new') : t('account.edit')}
          fields={accountFields(t)}
          initial={accountValues(dialog.kind === 'editAccount' ? dialog.account : undefined)}
          submitLabel={dialog.kind === 'newAccount' ? t('app.create') : t('app.save')}
          onClose={close}
          onSubmit={async (v) => {
            if (dialog.kind === 'newAccount')
              await unwrap(kuulo.createAccount({ engagementId: id, ...accountInput(v) }));
            else await unwrap(kuulo.updateAccount({ id: dialog.account.id, patch: accountInput(v) }));
            await reload();
          }}
        />
      )}
      {(dialog?.kind === 'newPerson' || dialog?.kind === 'editPerson') && (
        <FormDialog
          title={dialog.kind === 'newPerson' ? t('person.new') : t('person.edit')}
          fields={personFields(t)}
          initial={personValues(dialog.kind === 'editPerson' ? dialog.person : undefined)}
          submitLabel={dialog.kind === 'newPerson' ? t('app.create') : t('app.save')}
          onClose={close}
          onSubmit={async (v) => {
            if (dialog.kind === 'newPerson')
              await unwrap(kuulo.createInterviewee({ accountId: dialog.accountId, ...personInput(v) }));
            else await unwrap(kuulo.updateInterviewee({ id: dialog.person.id, patch: personInput(v) }));
            await reload();
          }}
        />
      )}
      <TranscriptImportDialog />
      {dialog?.kind === 'newInterview' && accounts[0] && (
        <FormDialog
          title={t('interviews.new')}
          fields={(values) => newInterviewFields(t, accounts, String(values.accountId))}
          initial={{
            accountId: accounts[0].id,
            intervieweeIds: [],
            date: new Date().toISOString().slice(0, 10),
            startTime: '',
            mode: 'video',
            interviewer: '',
            status: 'in_progress',
          }}
          submitLabel={t('app.create')}
          onClose={close}
          onSubmit={async (v) => {
            const input = newInterviewInput(v);
            const people =
              accounts.find((a) => a.id === input.accountId)?.interviewees.map((p) => p.id) ?? [];
            const created = await unwrap(
              kuulo.createInterview({
                engagementId: id,
                ...input,
                intervieweeIds: input.intervieweeIds.filter((p) => people.includes(p)),
              }),
            );
            navigate({ name: 'interview', id: created.id });
          }}
        />
      )}
      {dialog?.kind === 'erase' && (
        <EraseDialog
          person={dialog.person}
          onClose={(erased) => {
            close();
            if (erased) void reload();
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDelete
          kind={dialog.target}
          id={dialog.id}
          what={dialog.what}
          onClose={close}
          onConfirm={async () => {
            if (dialog.target === 'engagement') {
              await unwrap(kuulo.deleteEngagement({ id }));
              await useWorkspace.getState().loadEngagements();
              navigate({ name: 'engagements' });
              return;
            }
            if (dialog.target === 'account') await unwrap(kuulo.deleteAccount({ id: dialog.id }));
            else await unwrap(kuulo.deleteInterviewee({ id: dialog.id }));
            await reload();
          }}
        />
      )}
    </div>
  );
}

function AccountCard({
  account,
  actions,
  onEditPerson,
  onErasePerson,
  onDeletePerson,
}: {
  account: AccountWithPeople;
  actions: ReactNode;
  onEditPerson: (p: Interviewee) => void;
  onErasePerson: (p: Interviewee) => void;
  onDeletePerson: (p: Interviewee) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <article className="account" data-account={account.name}>
      <header>
        {/* h2: the page's h1 is the engagement, and no heading level is skipped. */}
        <h2 className="account-name">{account.name}</h2>
        <span className={`badge tier-${account.tier}`}>{t(`account.tiers.${account.tier}`)}</span>
        <span className="account-actions">{actions}</span>
      </header>
      <p className="muted facts">
        {account.importance && (
          <span title={t('account.importance')}>{t(`account.importances.${account.importance}`)}</span>
        )}
        {account.lifecycle && <span>{t(`account.lifecycles.${account.lifecycle}`)}</span>}
        {account.revenue !== null && (
          <span>{formatter(i18n.language as Language).money(account.revenue)}</span>
        )}
        <span>{t('account.interviewsCount', { count: account.interviewCount })}</span>
      </p>
      {account.interviewees.length === 0 ? (
        <p className="muted">{t('person.none')}</p>
      ) : (
        <ul className="people">
          {account.interviewees.map((p) => (
            <li key={p.id}>
              <div className="person-id">
                <strong className="person-name">{p.name}</strong>
                <span className="person-facts">
                  {p.title && <span className="muted">{p.title}</span>}
                  {p.email && <span className="muted person-email">{p.email}</span>}
                  <span className="badge">{t(`person.roleLevels.${p.roleLevel}`)}</span>
                  <span className={`badge consent-${p.consent}`}>{t(`person.consents.${p.consent}`)}</span>
                </span>
              </div>
              <span className="row-actions">
                <ItemButton
                  label={t('app.edit')}
                  item={p.name}
                  className="link"
                  onClick={() => onEditPerson(p)}
                />
                <ItemButton
                  label={t('app.delete')}
                  item={p.name}
                  className="link danger-quiet"
                  onClick={() => onDeletePerson(p)}
                />
                {/* Erasure is a GDPR request, not a delete: it lives behind its own menu and dialog. */}
                <RowMenu
                  label={`${t('person.more')}: ${p.name}`}
                  items={[
                    {
                      label: t('privacy.eraseMenu'),
                      hint: t('privacy.eraseMenuHint'),
                      onSelect: () => onErasePerson(p),
                    },
                  ]}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
