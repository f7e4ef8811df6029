import { create } from 'zustand';
import type {
  AccountWithPeople,
  Engagement,
  EngagementSummary,
  InterviewListItem,
} from '../../../shared/domain.ts';
import { kuulo } from '../bridge.ts';
import { unwrap } from './notify.ts';

interface WorkspaceState {
  dbPath: string;
  engagements: EngagementSummary[] | null;
  /** The open engagement with its accounts and interviews. */
  current: { engagement: Engagement; accounts: AccountWithPeople[]; interviews: InterviewListItem[] } | null;
  loadEngagements: () => Promise<void>;
  loadEngagement: (id: string) => Promise<void>;
  reloadCurrent: () => Promise<void>;
  createDemo: () => Promise<void>;
}

export const useWorkspace = create<WorkspaceState>((set, get) => ({
  dbPath: '',
  engagements: null,
  current: null,
  loadEngagements: async () => {
    const [engagements, status] = await Promise.all([
      unwrap(kuulo.listEngagements({})),
      unwrap(kuulo.workspaceStatus({})),
    ]);
    set({ engagements, dbPath: status.dbPath });
  },
  loadEngagement: async (id) => {
    const [engagement, accounts, interviews] = await Promise.all([
      unwrap(kuulo.getEngagement({ id })),
      unwrap(kuulo.listAccounts({ engagementId: id })),
      unwrap(kuulo.listInterviews({ engagementId: id })),
    ]);
    set({ current: { engagement, accounts, interviews } });
  },
  reloadCurrent: async () => {
    const id = get().current?.engagement.id;
    if (id) await get().loadEngagement(id);
  },
  createDemo: async () => {
    await unwrap(kuulo.createDemo({}));
    await get().loadEngagements();
  },
}));
