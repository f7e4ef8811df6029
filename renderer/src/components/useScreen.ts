import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Route, useRouter } from '../store/router.ts';
import { focusIsLost, focusScreenHeading } from './focus.ts';

/** What makes a screen another one: its view and the item it shows, not a tab within it. */
export function screenKey(route: Route): string {
  switch (route.name) {
    case 'engagements':
    case 'portfolio':
    case 'actions':
    case 'trash':
      return route.name;
    case 'engagement':
    case 'interview':
      return `${route.name}/${route.id}`;
    case 'codebook':
    case 'quotes':
    case 'analysis':
    case 'findings':
      return `${route.name}/${route.engagementId ?? ''}`;
  }
}

/** The window title of a screen: most specific first, as a screen reader or the task bar cuts it. */
export function screenTitle(parts: string[], appName: string): string {
  return [...parts, appName].join(' — ');
}

/** The screen the focus was last brought to; null until the app's first screen has shown. */
let shownScreen: string | null = null;

/**
 * Called by every view with the words of its title, once they are known (undefined while loading):
 * sets the window title and, when the consultant has moved to another screen, brings the focus to its
 * heading, so a screen reader says where they are and Tab starts from the top of the new screen.
 * Not on the first screen after start (nothing to announce, and a field may want the focus), and not
 * when something on the new screen took the focus already (the editor's caret on a search hit).
 */
export function useScreen(...parts: (string | null | undefined)[]): void {
  const { t } = useTranslation();
  const key = useRouter((s) => screenKey(s.route));
  const ready = parts.every((p): p is string => Boolean(p));
  const title = ready ? screenTitle(parts as string[], t('app.name')) : null;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  useEffect(() => {
    if (!ready || shownScreen === key) return;
    const first = shownScreen === null;
    shownScreen = key;
    if (!first && focusIsFree()) focusScreenHeading();
  }, [ready, key]);
}

/** Lost, or left on the top bar's link that changed the screen. */
function focusIsFree(): boolean {
  return focusIsLost() || Boolean(document.activeElement?.closest('.topbar, .skip-link'));
}
