import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTION_SOURCES,
  ACTION_STATUSES,
  type Action,
  type ActionStatus,
  type FollowUp,
  isOverdue,
  type OpenItem,
} from '../../../shared/actions.ts';
import type { Finding, Language } from '../../../shared/domain.ts';
import { formatter } from '../../../shared/format.ts';
import { kuulo } from '../bridge.ts';
import { Dialog } from '../components/Dialog.tsx';
import { type Field, type FieldValue, FormDialog } from '../components/FormDialog.tsx';
import { ItemButton } from '../components/ItemButton.tsx';
import { useScreen } from '../components/useScreen.ts';
import { useActionRegister, useActions } from '../store/actions.ts';
import { attempt, unwrap, useNotify } from '../store/notify.ts';
import { useShortcuts } from '../store/shortcuts.ts';
import { useWorkspace } from '../store/workspace.ts';

/** The action register (issue 18): the engagement's tab, each finding's actions, and the list across engagements. */

type Values = Record<string, FieldValue>;
const str = (v: FieldValue | undefined) => (typeof v === 'string' ? v : '');
const orNull = (v: FieldValue | undefined) => str(v) || null;
/** Today as the due dates are written (yyyy-mm-dd), on this computer's calendar. */
const today = () => new Date().toLocaleDateString('sv-SE');

function useDate() {
  const { i18n } = useTranslation();
  const f = formatter(i18n.language as Language);
  return (iso: string | null) => (iso ? f.date(iso, 'short') : '');
}

type DialogState =
  | { kind: 'new' }
  | { kind: 'edit'; action: Action }
  | { kind: 'review'; action: Action }
  | { kind: 'followUp'; followUp: FollowUp }
  | { kind: 'delete'; action: Action };

interface Filters {
  status: ActionStatus | 'all';
  owner: string;
  source: Action['source'] | 'all';
  toReview: boolean;
}
const ALL_OWNERS = '\u0000all';

const matches = (a: Action, f: Filters) =>
  (f.status === 'all' || a.status === f.status) &&
  (f.owner === ALL_OWNERS || a.owner === f.owner) &&
  (f.source === 'all' || a.source === f.source) &&
  (!f.toReview || (a.carriedFromId !== null && a.reviewedAt === null));

/** The engagement's "Actions" tab. */
export function ActionRegisterView({ engagementId }: { engagementId: string }) {
  const { t } = useTranslation();
  const register = useActionRegister(engagementId);
  const accounts = useWorkspace((s) => (s.current?.engagement.id === engagementId ? s.current.accounts : []));
  const [findings, setFindings] = useState<Finding[]>([]);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [filters, setFilters] = useState<Filters>({
    status: 'all',
    owner: ALL_OWNERS,
    source: 'all',
    toReview: false,
  });
  const date = useDate();
  const reload = () => useActions.getState().reload();

  useEffect(() => {
    void attempt(async () => setFindings(await unwrap(kuulo.listFindings({ engagementId }))));
  }, [engagementId]);
  useEffect(() => {
    useShortcuts.setState({ onNew: () => setDialog({ kind: 'new' }) });
    return () => useShortcuts.setState({ onNew: null });
  }, []);

  const owners = useMemo(
    () => [...new Set((register?.actions ?? []).map((a) => a.owner))].sort((a, b) => a.localeCompare(b)),
    [register],
  );
  if (!register) return <p className="loading">{t('app.loading')}</p>;
  const shown = register.actions.filter((a) => matches(a, filters));
  const day = today();

  const setStatus = (action: Action, status: ActionStatus) =>
    attempt(async () => {
      await unwrap(kuulo.updateAction({ id: action.id, patch: { status } }));
      await reload();
    });

  return (
    <div className="action-register">
      <p className="muted">{t('actions.lead')}</p>
      <div className="section-actions">
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })} title="Ctrl+N">
          + {t('actions.add')}
        </button>
        <a href="#/actions">{t('actions.allTitle')}</a>
      </div>
      {register.actions.length > 0 && (
        <fieldset className="action-filters">
          <legend className="visually-hidden">{t('actions.filters.label')}</legend>
          <label>
            {t('actions.filters.status')}{' '}
            <select
              value={filters.status}
              onChange={(e) => setFilters({ ...filters, status: e.target.value as Filters['status'] })}
            >
              <option value="all">{t('actions.filters.any')}</option>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`actions.statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('actions.filters.owner')}{' '}
            <select value={filters.owner} onChange={(e) => setFilters({ ...filters, owner: e.target.value })}>
              <option value={ALL_OWNERS}>{t('actions.filters.anyOwner')}</option>
              {owners.map((o) => (
                <option key={o} value={o}>
                  {o || t('actions.filters.noOwner')}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('actions.filters.source')}{' '}
            <select
              value={filters.source}
              onChange={(e) => setFilters({ ...filters, source: e.target.value as Filters['source'] })}
            >
              <option value="all">{t('actions.filters.any')}</option>
              {ACTION_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`actions.sources.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filters.toReview}
              onChange={(e) => setFilters({ ...filters, toReview: e.target.checked })}
            />{' '}
            {t('actions.filters.toReview')}
          </label>
        </fieldset>
      )}
      {register.actions.length === 0 ? (
        <p className="empty">{t('actions.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('actions.noMatch')}</p>
      ) : (
        <table className="table action-table" data-testid="action-register">
          <thead>
            <tr>
              <th>{t('actions.fields.title')}</th>
              <th>{t('actions.fields.ownerShort')}</th>
              <th>{t('actions.fields.dueDate')}</th>
              <th>{t('actions.fields.status')}</th>
              <th>
                <span className="visually-hidden">{t('app.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((action) => {
              const toReview = action.carriedFromId !== null && action.reviewedAt === null;
              return (
                <tr key={action.id} data-action={action.title}>
                  <td>
                    <strong className="action-title">{action.title}</strong>
                    <div className="action-meta muted small">
                      {t(`actions.sources.${action.source}`)}
                      {action.findingTitle && ` · ${action.findingTitle}`}
                      {action.accountName && ` · ${action.accountName}`}
                    </div>
                    {action.detail && <p className="action-detail small">{action.detail}</p>}
                    {action.carriedFrom && (
                      <p className="small carried">
                        {toReview && <span className="badge to-review">{t('actions.toReview')}</span>}{' '}
                        {t('actions.carried', {
                          engagement: action.carriedFrom.engagementTitle,
                          status: t(`actions.statuses.${action.carriedFrom.status}`).toLocaleLowerCase(),
                        })}
                        {action.reviewedAt &&
                          ` · ${t('actions.reviewed', { date: date(action.reviewedAt.slice(0, 10)) })}`}
                        {action.reviewNote && <span className="review-note"> — {action.reviewNote}</span>}
                      </p>
                    )}
                  </td>
                  <td>{action.owner || <span className="muted">{t('actions.noOwner')}</span>}</td>
                  <td className="nowrap">
                    {action.dueDate ? (
                      date(action.dueDate)
                    ) : (
                      <span className="muted">{t('actions.noDue')}</span>
                    )}
                    {isOverdue(action, day) && (
                      <>
                        {' '}
                        <span className="badge overdue">{t('actions.overdue')}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <select
                      className="action-status"
                      aria-label={t('actions.statusOf', { title: action.title })}
                      value={action.status}
                      onChange={(e) => void setStatus(action, e.target.value as ActionStatus)}
                    >
                      {ACTION_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`actions.statuses.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="action-row-buttons nowrap">
                    {toReview && (
                      <button
                        type="button"
                        className="primary small"
                        aria-label={t('actions.reviewNamed', { title: action.title })}
                        onClick={() => setDialog({ kind: 'review', action })}
                      >
                        {t('actions.review')}
                      </button>
                    )}
                    <ItemButton
                      label={t('app.edit')}
                      item={action.title}
                      className="link"
                      onClick={() => setDialog({ kind: 'edit', action })}
                    />
                    <ItemButton
                      label={t('app.delete')}
                      item={action.title}
                      className="link danger-quiet"
                      onClick={() => setDialog({ kind: 'delete', action })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2 className="follow-ups-title">{t('actions.followUps')}</h2>
      {register.followUps.length === 0 ? (
        <p className="empty">{t('actions.followUpsEmpty')}</p>
      ) : (
        <ul className="followup-list" data-testid="follow-ups">
          {register.followUps.map((f) => (
            <li key={`${f.interviewId}:${f.text}`} className="followup-item">
              <div>
                <span className="muted small">
                  {t('actions.interviewOn', { account: f.accountName, date: date(f.interviewDate) })}
                </span>
                <p className="followup-paragraph">{f.text}</p>
              </div>
              <button
                type="button"
                aria-label={t('actions.makeActionFor', { text: f.text })}
                onClick={() => setDialog({ kind: 'followUp', followUp: f })}
              >
                {t('actions.makeAction')}
              </button>
            </li>
          ))}
        </ul>
      )}

      {(dialog?.kind === 'new' || dialog?.kind === 'edit') && (
        <FormDialog
          title={dialog.kind === 'new' ? t('actions.add') : t('actions.edit')}
          fields={actionFields(t, findings, accounts, dialog.kind === 'edit' ? dialog.action : null)}
          initial={actionValues(dialog.kind === 'edit' ? dialog.action : null)}
          submitLabel={dialog.kind === 'new' ? t('app.create') : t('app.save')}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            const fields = actionInput(v);
            if (dialog.kind === 'new') await unwrap(kuulo.createAction({ engagementId, ...fields }));
            else {
              // A follow-up's detail is the paragraph it covers: it is not edited here.
              const { detail, ...rest } = fields;
              const patch = dialog.action.source === 'follow_up' ? rest : { ...rest, detail };
              await unwrap(kuulo.updateAction({ id: dialog.action.id, patch }));
            }
            await reload();
          }}
        />
      )}
      {dialog?.kind === 'followUp' && (
        <FormDialog
          title={t('actions.makeFromFollowUp')}
          fields={[
            {
              name: 'title',
              label: t('actions.fields.title'),
              kind: 'text',
              required: true,
              hint: `${t('actions.fromNotes')} (${t('actions.interviewOn', {
                account: dialog.followUp.accountName,
                date: date(dialog.followUp.interviewDate),
              })}): “${dialog.followUp.text}”`,
            },
            { name: 'owner', label: t('actions.fields.owner'), kind: 'text' },
            { name: 'dueDate', label: t('actions.fields.dueDate'), kind: 'date' },
          ]}
          initial={{ title: firstWords(dialog.followUp.text), owner: '', dueDate: '' }}
          submitLabel={t('app.create')}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            const made = await unwrap(
              kuulo.actionFromFollowUp({
                interviewId: dialog.followUp.interviewId,
                text: dialog.followUp.text,
                title: str(v.title),
                owner: str(v.owner),
                dueDate: orNull(v.dueDate),
              }),
            );
            useNotify.getState().push('info', t('actions.made', { title: made.title }));
            await reload();
          }}
        />
      )}
      {dialog?.kind === 'review' && (
        <FormDialog
          title={t('actions.reviewTitle')}
          fields={[
            {
              name: 'status',
              label: t('actions.reviewStatus'),
              kind: 'radio',
              hint: t('actions.reviewLead', {
                engagement: dialog.action.carriedFrom?.engagementTitle ?? '',
                status: t(
                  `actions.statuses.${dialog.action.carriedFrom?.status ?? dialog.action.status}`,
                ).toLocaleLowerCase(),
              }),
              options: ACTION_STATUSES.map((s) => ({ value: s, label: t(`actions.statuses.${s}`) })),
            },
            { name: 'note', label: t('actions.reviewNote'), kind: 'textarea' },
          ]}
          initial={{ status: dialog.action.status, note: dialog.action.reviewNote }}
          submitLabel={t('app.save')}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            await unwrap(
              kuulo.reviewAction({
                id: dialog.action.id,
                status: str(v.status) as ActionStatus,
                note: str(v.note),
              }),
            );
            await reload();
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <Dialog
          title={t('actions.delete')}
          onClose={() => setDialog(null)}
          footer={
            <>
              <button type="button" onClick={() => setDialog(null)}>
                {t('app.cancel')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() =>
                  attempt(async () => {
                    await unwrap(kuulo.deleteAction({ id: dialog.action.id }));
                    setDialog(null);
                    useNotify.getState().push('info', t('actions.deleted'));
                    await reload();
                  })
                }
              >
                {t('delete.confirm')}
              </button>
            </>
          }
        >
          <p>{t('actions.deleteConfirm', { title: dialog.action.title })}</p>
        </Dialog>
      )}
    </div>
  );
}

/** A title to start from: the paragraph's first sentence, cut short. */
function firstWords(text: string): string {
  const sentence = /^(.+?[.!?])(\s|$)/u.exec(text.trim())?.[1] ?? text.trim();
  return sentence.length > 120 ? `${sentence.slice(0, 119).trimEnd()}…` : sentence;
}

function actionFields(
  t: TFunction,
  findings: Finding[],
  accounts: { id: string; name: string }[],
  action: Action | null,
): Field[] {
  const none = { value: '', label: t('actions.fields.none') };
  return [
    { name: 'title', label: t('actions.fields.title'), kind: 'text', required: true },
    ...(action?.source === 'follow_up'
      ? []
      : [{ name: 'detail', label: t('actions.fields.detail'), kind: 'textarea' as const }]),
    { name: 'owner', label: t('actions.fields.owner'), kind: 'text' },
    { name: 'dueDate', label: t('actions.fields.dueDate'), kind: 'date' },
    {
      name: 'status',
      label: t('actions.fields.status'),
      kind: 'select',
      options: ACTION_STATUSES.map((s) => ({ value: s, label: t(`actions.statuses.${s}`) })),
    },
    {
      name: 'findingId',
      label: t('actions.fields.finding'),
      kind: 'select',
      options: [none, ...findings.map((f) => ({ value: f.id, label: f.title }))],
    },
    {
      name: 'accountId',
      label: t('actions.fields.account'),
      kind: 'select',
      options: [none, ...accounts.map((a) => ({ value: a.id, label: a.name }))],
    },
  ];
}

function actionValues(action: Action | null): Values {
  return {
    title: action?.title ?? '',
    detail: action?.detail ?? '',
    owner: action?.owner ?? '',
    dueDate: action?.dueDate ?? '',
    status: action?.status ?? 'open',
    findingId: action?.findingId ?? '',
    accountId: action?.accountId ?? '',
  };
}

function actionInput(v: Values) {
  return {
    title: str(v.title),
    detail: str(v.detail),
    owner: str(v.owner),
    dueDate: orNull(v.dueDate),
    status: str(v.status) as ActionStatus,
    findingId: orNull(v.findingId),
    accountId: orNull(v.accountId),
  };
}

/** Under a finding's recommendation: its actions, and the button that makes one more. */
export function FindingActions({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const register = useActionRegister(finding.engagementId);
  const date = useDate();
  const actions = (register?.actions ?? []).filter((a) => a.findingId === finding.id);
  return (
    <div className="finding-actions">
      <h3>{t('actions.findingActions')}</h3>
      {actions.length === 0 ? (
        <p className="muted small">{t('actions.findingNoActions')}</p>
      ) : (
        <ul>
          {actions.map((a) => (
            <li key={a.id}>
              <span className={`badge action-${a.status}`}>{t(`actions.statuses.${a.status}`)}</span>{' '}
              {a.title}
              <span className="muted small">
                {a.owner && ` · ${a.owner}`}
                {a.dueDate && ` · ${t('actions.due', { date: date(a.dueDate) })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="small"
        aria-label={t('a11y.actOn', { action: t('actions.fromRecommendation'), name: finding.title })}
        onClick={() =>
          attempt(async () => {
            const made = await unwrap(kuulo.actionFromRecommendation({ findingId: finding.id }));
            useNotify.getState().push('info', t('actions.made', { title: made.title }));
            await useActions.getState().load(finding.engagementId);
          })
        }
      >
        {t('actions.fromRecommendation')}
      </button>
    </div>
  );
}

/** Top-level: every open action and uncovered follow-up across engagements, overdue first. */
export function ActionsOverview() {
  const { t } = useTranslation();
  const [items, setItems] = useState<OpenItem[] | null>(null);
  const date = useDate();
  useEffect(() => {
    void attempt(async () => setItems(await unwrap(kuulo.openActions({ openOnly: true }))));
  }, []);
  useScreen(items ? t('actions.allTitle') : undefined);
  if (!items) return <p className="loading page">{t('app.loading')}</p>;
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('actions.allTitle')}</h1>
          <p className="muted">{t('actions.allLead')}</p>
        </div>
      </header>
      {items.length === 0 ? (
        <p className="empty">{t('actions.allEmpty')}</p>
      ) : (
        <table className="table action-table" data-testid="open-actions">
          <thead>
            <tr>
              <th>{t('actions.fields.dueDate')}</th>
              <th>{t('actions.fields.title')}</th>
              <th>{t('actions.fields.ownerShort')}</th>
              <th>{t('actions.fields.status')}</th>
              <th>{t('actions.fields.engagement')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              return item.kind === 'action' ? (
                <tr key={item.action.id} data-action={item.action.title}>
                  <td className="nowrap">
                    {item.action.dueDate ? (
                      date(item.action.dueDate)
                    ) : (
                      <span className="muted">{t('actions.noDue')}</span>
                    )}
                    {item.overdue && (
                      <>
                        {' '}
                        <span className="badge overdue">{t('actions.overdue')}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <strong>{item.action.title}</strong>
                    <div className="muted small">
                      {t(`actions.sources.${item.action.source}`)}
                      {item.action.accountName && ` · ${item.action.accountName}`}
                    </div>
                  </td>
                  <td>{item.action.owner || <span className="muted">{t('actions.noOwner')}</span>}</td>
                  <td>
                    <span className={`badge action-${item.action.status}`}>
                      {t(`actions.statuses.${item.action.status}`)}
                    </span>
                  </td>
                  <td>
                    <EngagementLink item={item} />
                  </td>
                </tr>
              ) : (
                <tr key={`${item.followUp.interviewId}:${item.followUp.text}`} className="follow-up-row">
                  <td className="nowrap muted">{t('actions.noDue')}</td>
                  <td>
                    <span className="badge follow-up-badge">{t('actions.followUp')}</span>{' '}
                    <span className="followup-paragraph">{item.followUp.text}</span>
                    <div className="muted small">
                      {t('actions.interviewOn', {
                        account: item.followUp.accountName,
                        date: date(item.followUp.interviewDate),
                      })}
                    </div>
                  </td>
                  <td>
                    <span className="muted">{t('actions.noOwner')}</span>
                  </td>
                  <td />
                  <td>
                    <EngagementLink item={item} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

function EngagementLink({ item }: { item: OpenItem }) {
  const engagementId = item.kind === 'action' ? item.action.engagementId : item.followUp.engagementId;
  return (
    <a href={`#/engagement/${engagementId}/actions`}>
      {item.clientName} · {item.engagementTitle}
    </a>
  );
}
