import { create } from 'zustand';

export type Route =
  | { name: 'engagements' }
  | { name: 'engagement'; id: string; tab: 'interviews' | 'accounts' }
  | { name: 'interview'; id: string };

/** Routes live in the URL hash, so a reload (or a crash) reopens the same screen. */
export function parseRoute(hash: string): Route {
  const [, kind, id, tab] = hash.replace(/^#/, '').split('/');
  if (kind === 'engagement' && id)
    return { name: 'engagement', id, tab: tab === 'accounts' ? 'accounts' : 'interviews' };
  if (kind === 'interview' && id) return { name: 'interview', id };
  return { name: 'engagements' };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'engagements':
      return '#/';
    case 'engagement':
      return `#/engagement/${route.id}/${route.tab}`;
    case 'interview':
      return `#/interview/${route.id}`;
  }
}

interface RouterState {
  route: Route;
  navigate: (route: Route) => void;
}

export const useRouter = create<RouterState>((set) => ({
  route: parseRoute(window.location.hash),
  navigate: (route) => {
    window.location.hash = routeToHash(route);
    set({ route });
  },
}));

window.addEventListener('hashchange', () => useRouter.setState({ route: parseRoute(window.location.hash) }));
