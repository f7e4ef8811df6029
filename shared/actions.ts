import { Id, z } from './schemas.ts';

/** The action register (issue 18): what the client does about a finding or a follow-up promised in an interview. */

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_SOURCES = ['recommendation', 'follow_up', 'manual'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

/** Still to do: the statuses the cross-engagement list and `actions --open` show. */
export const isOpenStatus = (status: ActionStatus): boolean => status === 'open' || status === 'in_progress';

export const ACTION_LIMITS = { title: 300, detail: 4000, owner: 200, reviewNote: 2000 } as const;

export interface Action {
  id: string;
  engagementId: string;
  source: ActionSource;
  findingId: string | null;
  /** The finding's title, for the list (null when none, or when it was deleted). */
  findingTitle: string | null;
  accountId: string | null;
  accountName: string | null;
  interviewId: string | null;
  interviewDate: string | null;
  title: string;
  detail: string;
  /** A name or a role at the client. */
  owner: string;
  /** ISO yyyy-mm-dd. */
  dueDate: string | null;
  status: ActionStatus;
  /** The earlier wave's action this one was carried over from. */
  carriedFromId: string | null;
  carriedFrom: CarriedFrom | null;
  /** Null on a carried-over action until this wave has reviewed it. */
  reviewedAt: string | null;
  reviewNote: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

/** Where a carried-over action came from: the earlier wave and the status it had there. */
export interface CarriedFrom {
  engagementId: string;
  engagementTitle: string;
  status: ActionStatus;
}

/** A paragraph flagged to follow up (Ctrl+Shift+L in the notes) that no action covers yet. */
export interface FollowUp {
  engagementId: string;
  interviewId: string;
  interviewDate: string | null;
  accountId: string;
  accountName: string;
  /** The paragraph's text as it is now. */
  text: string;
}

export interface ActionRegister {
  actions: Action[];
  followUps: FollowUp[];
}

/** One line of the cross-engagement list: an open action or an uncovered follow-up, with its engagement. */
export type OpenItem =
  | { kind: 'action'; engagementTitle: string; clientName: string; overdue: boolean; action: Action }
  | { kind: 'followUp'; engagementTitle: string; clientName: string; overdue: false; followUp: FollowUp };

/** True when the due date is before `today` (both yyyy-mm-dd) and the action is still to do. */
export function isOverdue(action: Pick<Action, 'dueDate' | 'status'>, today: string): boolean {
  return action.dueDate !== null && action.dueDate < today && isOpenStatus(action.status);
}

/**
 * How an action remembers the flagged paragraph it came from: its interview and the paragraph's text,
 * normalised, so spacing or case changes do not make a covered follow-up look new again.
 */
export function followUpKey(interviewId: string, text: string): string {
  return `${interviewId}\u0000${text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fi')}`;
}

/** The first sentence of a recommendation, cut to fit an action's title. */
export function titleFromRecommendation(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(\s|$)/u.exec(flat)?.[1] ?? flat;
  if (sentence.length <= ACTION_LIMITS.title) return sentence;
  const cut = sentence.slice(0, ACTION_LIMITS.title - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > ACTION_LIMITS.title / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** ISO yyyy-mm-dd; zod's check knows the calendar (2026-02-30 is refused). */
const realDate = z.iso.date({ error: 'dateFormat' });

export const ActionFields = z
  .object({
    title: z.string().trim().min(1, { error: 'empty' }).max(ACTION_LIMITS.title),
    detail: z.string().max(ACTION_LIMITS.detail).default(''),
    owner: z.string().trim().max(ACTION_LIMITS.owner).default(''),
    dueDate: realDate.nullable().default(null),
    status: z.enum(ACTION_STATUSES).default('open'),
    findingId: Id.nullable().default(null),
    accountId: Id.nullable().default(null),
    interviewId: Id.nullable().default(null),
  })
  .strict();

export const NewAction = ActionFields.extend({ engagementId: Id }).strict();

/** A follow-up made an action: the paragraph's text (as the register listed it) becomes the detail. */
export const FollowUpAction = z
  .object({
    interviewId: Id,
    text: z.string().min(1).max(ACTION_LIMITS.detail),
    title: z.string().trim().min(1, { error: 'empty' }).max(ACTION_LIMITS.title),
    owner: z.string().trim().max(ACTION_LIMITS.owner).default(''),
    dueDate: realDate.nullable().default(null),
  })
  .strict();

/** The review of an action carried over from the previous wave. */
export const ActionReview = z
  .object({
    id: Id,
    status: z.enum(ACTION_STATUSES),
    note: z.string().max(ACTION_LIMITS.reviewNote).default(''),
  })
  .strict();

export const ActionQuery = z
  /** `openOnly: false` lists done and dropped actions too (the CLI without --open). */
  .object({ engagementId: Id.nullable().default(null), openOnly: z.boolean().default(true) })
  .strict();
