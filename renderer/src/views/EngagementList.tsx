import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { waveNumbers } from '../../../shared/waves.ts';
import { kuulo } from '../bridge.ts';
import { FormDialog } from '../components/FormDialog.tsx';
import { useScreen } from '../components/useScreen.ts';
import { unwrap } from '../store/notify.ts';
import { useRouter } from '../store/router.ts';
import { useShortcuts } from '../store/shortcuts.ts';
import { useWorkspace } from '../store/workspace.ts';
import { FirstRun } from './FirstRun.tsx';
import { engagementFields, engagementInput, engagementValues } from './forms.ts';

export function EngagementList() {
  const { t, i18n } = useTranslation();
  const engagements = useWorkspace((s) => s.engagements);
  const navigate = useRouter((s) => s.navigate);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    useShortcuts.setState({ onNew: () => setCreating(true), onBack: null });
    return () => useShortcuts.setState({ onNew: null });
  }, []);

  const dialog = creating && (
    <FormDialog
      title={t('engagements.new')}
      fields={engagementFields(t)}
      initial={engagementValues(undefined, i18n.language)}
      submitLabel={t('app.create')}
      onClose={() => setCreating(false)}
      onSubmit={async (values) => {
        const created = await unwrap(kuulo.createEngagement(engagementInput(values)));
        await useWorkspace.getState().loadEngagements();
        navigate({ name: 'engagement', id: created.id, tab: 'accounts' });
      }}
    />
  );

  useScreen(engagements ? t(engagements.length ? 'engagements.title' : 'firstRun.title') : undefined);
  if (!engagements) return <p className="loading">{t('app.loading')}</p>;
  if (engagements.length === 0)
    return (
      <>
        <FirstRun onCreateEmpty={() => setCreating(true)} />
        {dialog}
      </>
    );

  const waves = waveNumbers(engagements);
  const titles = new Map(engagements.map((e) => [e.id, e.title]));

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('engagements.title')}</h1>
        <div className="actions">
          {/* The action register across engagements (issue 18): here, as the top bar has no room left. */}
          <a href="#/actions">{t('actions.allTitle')}</a>
          <button type="button" className="primary" onClick={() => setCreating(true)} title="Ctrl+N">
            + {t('engagements.new')}
          </button>
        </div>
      </header>
      <ul className="cards">
        {engagements.map((e) => (
          <li key={e.id}>
            <a className="card" href={`#/engagement/${e.id}/interviews`}>
              <span className="card-kicker">
                {e.clientName} · <span className="lang">{e.language.toUpperCase()}</span>
              </span>
              <strong className="card-title">{e.title}</strong>
              <span className="muted">{e.industry}</span>
              {e.previousEngagementId && titles.has(e.previousEngagementId) && (
                <span className="wave-of">
                  {t('waves.waveOf', { n: waves.get(e.id), title: titles.get(e.previousEngagementId) })}
                </span>
              )}
              <span className="card-meta">
                <span className={`badge status-${e.status}`}>{t(`engagement.statuses.${e.status}`)}</span>
                <span>{t('engagements.accounts', { count: e.accountCount })}</span>
                <span>
                  {t('engagements.interviews', { done: e.interviewsDone, count: e.interviewCount })}
                </span>
              </span>
              <Progress done={e.interviewsDone} total={e.interviewCount} />
            </a>
          </li>
        ))}
      </ul>
      {dialog}
    </div>
  );
}

function Progress({ done, total }: { done: number; total: number }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <span className="progress" aria-hidden="true">
      <span style={{ width: `${pct}%` }} />
    </span>
  );
}
