import { create } from 'zustand';

export type Route =
  | { name: 'engagements' }
  | { name: 'engagement'; id: string; tab: EngagementTab }
  | { name: 'interview'; id: string; codingId?: string }
  | { name: 'codebook'; engagementId?: string }
  | { name: 'quotes'; engagementId?: string }
  | { name: 'analysis'; engagementId: string }
  | { name: 'findings'; engagementId: string }
  | { name: 'portfolio' }
  /** Open actions and follow-ups across engagements. */
  | { name: 'actions' }
  | { name: 'trash' };

/** The engagement screen's tabs, in order (each one a route, so a reload reopens it). */
export const ENGAGEMENT_TABS = ['interviews', 'accounts', 'guide', 'answers', 'waves', 'actions'] as const;
export type EngagementTab = (typeof ENGAGEMENT_TABS)[number];

/** Routes live in the URL hash, so a reload (or a crash) reopens the same screen. */
export function parseRoute(hash: string): Route {
  const [, kind, id, tab] = hash.replace(/^#/, '').split('/');
  if (kind === 'engagement' && id)
    return {
      name: 'engagement',
      id,
      tab: (ENGAGEMENT_TABS as readonly string[]).includes(tab ?? '') ? (tab as EngagementTab) : 'interviews',
    };
  if (kind === 'interview' && id)
    return tab ? { name: 'interview', id, codingId: tab } : { name: 'interview', id };
  if (kind === 'codebook') return id ? { name: 'codebook', engagementId: id } : { name: 'codebook' };
  if (kind === 'quotes') return id ? { name: 'quotes', engagementId: id } : { name: 'quotes' };
  if (kind === 'analysis' && id) return { name: 'analysis', engagementId: id };
  if (kind === 'findings' && id) return { name: 'findings', engagementId: id };
  if (kind === 'portfolio') return { name: 'portfolio' };
  if (kind === 'actions') return { name: 'actions' };
  if (kind === 'trash') return { name: 'trash' };
  return { name: 'engagements' };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'engagements':
      return '#/';
    case 'engagement':
      return `#/engagement/${route.id}/${route.tab}`;
    case 'interview':
      return route.codingId ? `#/interview/${route.id}/${route.codingId}` : `#/interview/${route.id}`;
    case 'analysis':
    case 'findings':
      return `#/${route.name}/${route.engagementId}`;
    case 'portfolio':
      return '#/portfolio';
    case 'actions':
      return '#/actions';
    case 'trash':
      return '#/trash';
    case 'codebook':
    case 'quotes':
      return route.engagementId ? `#/${route.name}/${route.engagementId}` : `#/${route.name}`;
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
