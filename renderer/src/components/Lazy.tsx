import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A component whose module loads when it is first shown: the first screen (the engagement list) then
 * waits only for its own code, not for the editor, the charts or the import dialogs.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(async () => ({ default: await load() }));
}

/** Shown for the moment a view's or a dialog's code takes to load. */
export function Loading() {
  const { t } = useTranslation();
  return <p className="loading">{t('app.loading')}</p>;
}

export function WhenLoaded({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}
