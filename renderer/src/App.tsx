import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/domain.ts';
import { focusScreenHeading } from './components/focus.ts';
import { lazyComponent, WhenLoaded } from './components/Lazy.tsx';
import { Toasts } from './components/Toasts.tsx';
import { WorkspaceDamaged } from './components/WorkspaceDamaged.tsx';
import { followBackups } from './store/backups.ts';
import { attempt } from './store/notify.ts';
import { useRouter } from './store/router.ts';
import { openSearch, useSearch } from './store/search.ts';
import { followSearchIndexRepair } from './store/searchIndexRepair.ts';
import { handleShortcut, useShortcuts } from './store/shortcuts.ts';
import { useWorkspace } from './store/workspace.ts';
import { EngagementList } from './views/EngagementList.tsx';

// Every screen but the first loads when first opened: the editor, the charts and the dialogs are most
// of the renderer's code, and the engagement list needs none of them.
const ActionsOverview = lazyComponent(() => import('./views/ActionsView.tsx').then((m) => m.ActionsOverview));
const AnalysisView = lazyComponent(() => import('./views/AnalysisView.tsx').then((m) => m.AnalysisView));
const CodebookView = lazyComponent(() => import('./views/CodebookView.tsx').then((m) => m.CodebookView));
const EngagementView = lazyComponent(() =>
  import('./views/EngagementView.tsx').then((m) => m.EngagementView),
);
const FindingsView = lazyComponent(() => import('./views/FindingsView.tsx').then((m) => m.FindingsView));
const InterviewView = lazyComponent(() => import('./views/InterviewView.tsx').then((m) => m.InterviewView));
const PortfolioView = lazyComponent(() => import('./views/PortfolioView.tsx').then((m) => m.PortfolioView));
const QuotesView = lazyComponent(() => import('./views/QuotesView.tsx').then((m) => m.QuotesView));
const SearchPanel = lazyComponent(() => import('./views/SearchPanel.tsx').then((m) => m.SearchPanel));
const SettingsDialog = lazyComponent(() =>
  import('./components/SettingsDialog.tsx').then((m) => m.SettingsDialog),
);
const ShortcutsDialog = lazyComponent(() =>
  import('./components/ShortcutsDialog.tsx').then((m) => m.ShortcutsDialog),
);
const TrashView = lazyComponent(() => import('./views/TrashView.tsx').then((m) => m.TrashView));

export function App({ chosenLanguage }: { chosenLanguage: Language | null }) {
  const { t } = useTranslation();
  const route = useRouter((s) => s.route);
  const current = useWorkspace((s) => s.current);
  const searching = useSearch((s) => s.open);
  const [dialog, setDialog] = useState<'settings' | 'help' | null>(null);
  const [language, setLanguage] = useState(chosenLanguage);

  useEffect(() => {
    void attempt(() => useWorkspace.getState().loadEngagements());
    useShortcuts.setState({ openSettings: () => setDialog('settings'), openHelp: () => setDialog('help') });
    window.addEventListener('keydown', handleShortcut);
    const stopFollowingBackups = followBackups();
    const stopFollowingIndexRepair = followSearchIndexRepair();
    return () => {
      window.removeEventListener('keydown', handleShortcut);
      stopFollowingBackups();
      stopFollowingIndexRepair();
    };
  }, []);

  useEffect(() => {
    if (route.name === 'engagements') void attempt(() => useWorkspace.getState().loadEngagements());
  }, [route]);

  return (
    <div className={searching ? 'app searching' : 'app'}>
      {/* The first Tab stop: past the top bar's dozen links to the screen itself. */}
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link; its target is focused by script because the hash is the route */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // Not a hash change: the hash is the route.
          e.preventDefault();
          if (!focusScreenHeading()) document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <a className="brand" href="#/">
          <span className="logo" aria-hidden="true">
            ◖◗
          </span>
          {t('app.name')}
        </a>
        <nav className="crumbs" aria-label={t('app.breadcrumbs')}>
          <a href="#/">{t('engagements.title')}</a>
          {route.name !== 'engagements' && current && (
            <>
              <span aria-hidden="true">›</span>
              <a href={`#/engagement/${current.engagement.id}/interviews`}>{current.engagement.title}</a>
            </>
          )}
        </nav>
        <span className="topbar-gap" />
        <nav className="topnav" aria-label={t('a11y.views')}>
          {route.name !== 'engagements' && current && (
            <>
              <NavLink to="analysis" href={`#/analysis/${current.engagement.id}`} />
              <NavLink to="findings" href={`#/findings/${current.engagement.id}`} />
            </>
          )}
          <NavLink to="quotes" href={current ? `#/quotes/${current.engagement.id}` : '#/quotes'} />
          <NavLink to="codebook" href={current ? `#/codebook/${current.engagement.id}` : '#/codebook'} />
          <NavLink to="portfolio" href="#/portfolio" />
          <NavLink to="trash" href="#/trash" />
        </nav>
        {/* An icon: on a small laptop the bar has no room for another word. */}
        <button
          type="button"
          className="quiet search-button"
          onClick={() => openSearch('wide')}
          title={t('search.open')}
          aria-label={t('search.title')}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <circle cx="6.5" cy="6.5" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="M10 10l4.5 4.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
        <button type="button" className="quiet" onClick={() => setDialog('help')} title="Ctrl+/">
          {t('app.shortcuts')}
        </button>
        <button type="button" className="quiet" onClick={() => setDialog('settings')} title="Ctrl+,">
          {t('app.settings')}
        </button>
      </header>
      <WorkspaceDamaged />
      {/* The one main landmark: every view renders inside it. */}
      <main id="main" className="main" tabIndex={-1}>
        {route.name === 'engagements' && <EngagementList />}
        <WhenLoaded>
          {route.name === 'engagement' && <EngagementView id={route.id} tab={route.tab} />}
          {route.name === 'interview' && <InterviewView id={route.id} codingId={route.codingId} />}
          {route.name === 'codebook' && <CodebookView engagementId={route.engagementId} />}
          {route.name === 'quotes' && <QuotesView engagementId={route.engagementId} />}
          {route.name === 'analysis' && <AnalysisView engagementId={route.engagementId} />}
          {route.name === 'portfolio' && <PortfolioView />}
          {route.name === 'actions' && <ActionsOverview />}
          {route.name === 'findings' && <FindingsView engagementId={route.engagementId} />}
          {route.name === 'trash' && <TrashView />}
        </WhenLoaded>
      </main>
      {/* Apart from the view: the view stays on screen while the panel or a dialog loads. */}
      <WhenLoaded>
        {searching && <SearchPanel />}
        {dialog === 'settings' && (
          <SettingsDialog
            chosen={language}
            onClose={(next?: Language | null) => {
              if (next !== undefined) setLanguage(next);
              setDialog(null);
            }}
          />
        )}
        {dialog === 'help' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      </WhenLoaded>
      <Toasts />
    </div>
  );
}

function NavLink({
  to,
  href,
}: {
  to: 'analysis' | 'findings' | 'quotes' | 'codebook' | 'portfolio' | 'trash';
  href: string;
}) {
  const { t } = useTranslation();
  const active = useRouter((s) => s.route.name === to);
  return (
    <a
      className={`nav-link${active ? ' active' : ''}`}
      href={href}
      aria-current={active ? 'page' : undefined}
    >
      {t(`nav.${to}`)}
    </a>
  );
}
