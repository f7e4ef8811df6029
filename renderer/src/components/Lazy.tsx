import {
  Component,
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../store/router.ts';

/**
 * Times the consultant asked to try again (Retry, or going elsewhere and back). React.lazy remembers a
 * failed load for good, so a component whose load failed before the latest attempt makes a fresh one.
 */
let attempts = 0;

/**
 * A component whose module loads when it is first shown: the first screen (the engagement list) then
 * waits only for its own code, not for the editor, the charts or the import dialogs.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const state: { component: LazyExoticComponent<ComponentType<P>>; failedAt: number | null } = {
    component: make(),
    failedAt: null,
  };
  function make() {
    return lazy(async () => {
      try {
        return { default: await load() };
      } catch (error) {
        state.failedAt = attempts;
        throw error;
      }
    });
  }
  return function Loaded(props: P) {
    // Only after a new attempt: re-rendering right after the failure must show it, not load again.
    if (state.failedAt !== null && attempts > state.failedAt) {
      state.failedAt = null;
      state.component = make();
    }
    const Lazy = state.component as ComponentType<P>;
    return <Lazy {...props} />;
  };
}

/** Shown for the moment a view's or a dialog's code takes to load. */
export function Loading() {
  const { t } = useTranslation();
  return <p className="loading">{t('app.loading')}</p>;
}

export function WhenLoaded({ children }: { children: ReactNode }) {
  const route = useRouter((s) => s.route);
  return (
    <LoadFailure route={route}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </LoadFailure>
  );
}

/**
 * Without a boundary a view whose code could not be read (a file replaced by an update, a read error)
 * would empty the whole window until a restart. The failure stays in its place, with a retry; going to
 * another view clears it.
 */
class LoadFailure extends Component<{ route: unknown; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidUpdate(previous: { route: unknown }) {
    if (this.state.failed && previous.route !== this.props.route) this.retry();
  }

  retry = () => {
    attempts++;
    this.setState({ failed: false });
  };

  render() {
    return this.state.failed ? <LoadFailed onRetry={this.retry} /> : this.props.children;
  }
}

function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="page load-failed" role="alert">
      <p className="load-failed-text">{t('app.loadFailed')}</p>
      <button type="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
