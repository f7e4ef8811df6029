/** Domain vocabulary shared by services, UI, CLI and reports. */

import type { InterviewClock } from './clock.ts';

export const LANGUAGES = ['fi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ENGAGEMENT_STATUSES = ['planned', 'active', 'completed'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const TIERS = ['key', 'named', 'unmanaged'] as const;
export type Tier = (typeof TIERS)[number];

/** Importance now / in the future, as in "++" = important now and later. */
export const IMPORTANCES = ['++', '+-', '-+', '--'] as const;
export type Importance = (typeof IMPORTANCES)[number];

export const LIFECYCLE_STAGES = [
  'identification',
  'first_contact',
  'onboarding',
  'development',
  'ending',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const ROLE_LEVELS = ['strategic', 'influencer', 'operational'] as const;
export type RoleLevel = (typeof ROLE_LEVELS)[number];

export const CONSENTS = ['pending', 'given', 'declined'] as const;
export type Consent = (typeof CONSENTS)[number];

export const INTERVIEW_MODES = ['onsite', 'video', 'phone'] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];

export const INTERVIEW_STATUSES = ['planned', 'in_progress', 'done', 'coded'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const RELATIONSHIP_LEVELS = ['strategic', 'operational'] as const;
export type RelationshipLevel = (typeof RELATIONSHIP_LEVELS)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** What a code reads as: more of a problem is bad news, more of a strength good news. */
export const POLARITIES = ['problem', 'strength', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];

export type Localized = { fi: string; en: string };

export interface Engagement {
  id: string;
  clientName: string;
  title: string;
  industry: string;
  language: Language;
  periodStart: string | null;
  periodEnd: string | null;
  status: EngagementStatus;
  purpose: string;
  /** The wave this one follows (same client); null when none, or when that one is in the Trash or gone. */
  previousEngagementId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EngagementSummary extends Engagement {
  accountCount: number;
  /** Interviews nobody declined: the sample's total (shared/sample.ts). */
  interviewCount: number;
  /** Interviews in the sample: held, nobody declined. */
  interviewsDone: number;
}

export interface Account {
  id: string;
  engagementId: string;
  name: string;
  tier: Tier;
  importance: Importance | null;
  lifecycle: LifecycleStage | null;
  revenue: number | null;
}

export interface Interviewee {
  id: string;
  accountId: string;
  name: string;
  title: string;
  roleLevel: RoleLevel;
  consent: Consent;
  anonLabel: string;
  /** As the client's contact list gave it; '' when not known. */
  email: string;
}

export interface AccountWithPeople extends Account {
  interviewees: Interviewee[];
  interviewCount: number;
}

export interface Interview {
  id: string;
  engagementId: string;
  accountId: string;
  interviewer: string;
  date: string | null;
  startTime: string | null;
  mode: InterviewMode;
  durationMin: number | null;
  status: InterviewStatus;
  nps: number | null;
  satisfaction: number | null;
  intervieweeIds: string[];
  updatedAt: string;
}

export interface IntervieweeRef {
  id: string;
  name: string;
  title: string;
  roleLevel: RoleLevel;
  consent: Consent;
}

export interface InterviewListItem extends Interview {
  accountName: string;
  tier: Tier;
  interviewees: IntervieweeRef[];
  wordCount: number;
}

export interface Relationship {
  id: string;
  interviewId: string;
  intervieweeId: string | null;
  clientPerson: string;
  clientRole: string;
  level: RelationshipLevel;
}

/** A ProseMirror/TipTap JSON node: the notes' source of truth. */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export interface Notes {
  interviewId: string;
  doc: DocNode;
  text: string;
  revision: number;
  updatedAt: string;
  /**
   * Why the editor could not open the stored document (written by an older version, a bug, another
   * tool), or null. Such notes are shown read-only with their text: opening them empty would let the
   * next keystroke save over them.
   */
  problem: string | null;
}

export interface InterviewDetail extends InterviewListItem {
  engagement: { id: string; clientName: string; title: string; language: Language };
  relationships: Relationship[];
  notes: Notes;
  clock: InterviewClock;
}

export interface Code {
  id: string;
  parentId: string | null;
  engagementId: string | null;
  key: string | null;
  name: Localized;
  description: Localized;
  color: string;
  hotkey: number | null;
  isGroup: boolean;
  retired: boolean;
  sortOrder: number;
  polarity: Polarity;
}

export interface CodebookEntry extends Code {
  usage: number;
}

export interface Settings {
  /** null: follow the OS. */
  language: Language | null;
  /** How many backups are kept beside the workspace. */
  backupsKept: number;
}

/** A coded passage: its mark in the notes carries only the id; everything else lives here. */
export interface Coding {
  id: string;
  interviewId: string;
  codeId: string;
  sentiment: Sentiment | null;
  severity: number | null;
  memo: string;
  star: boolean;
  quote: string;
  start: number;
  end: number;
}

/** A coding as the retrieval view and the CLI show it: with where it comes from. */
export interface Quote extends Coding {
  engagementId: string;
  engagementTitle: string;
  interviewDate: string | null;
  accountId: string;
  accountName: string;
  tier: Tier;
  roleLevels: RoleLevel[];
  code: Localized;
  color: string;
  /** The rest of the sentence around the quote. */
  before: string;
  after: string;
  /** False while an interviewee's consent is pending (shared/sample.ts): shown marked, never printed in a report. */
  quotable: boolean;
}

/**
 * any: passages of any chosen code; all: passages where every chosen code overlaps;
 * interview: passages of the chosen codes in interviews where every chosen code occurs.
 */
export const MATCH_MODES = ['any', 'all', 'interview'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How strongly a finding is supported: interviews and accounts where its codes occur. */
/** What a finding's figure counts: codings of these codes in this sentiment ('any' takes every one). */
export const CLAIM_SENTIMENTS = ['any', 'negative', 'neutral', 'positive'] as const;
export type ClaimSentiment = (typeof CLAIM_SENTIMENTS)[number];

/** What a finding's figure is a share of: held interviews, their accounts, or those accounts' revenue. */
export const CLAIM_UNITS = ['interviews', 'accounts', 'revenue'] as const;
export type ClaimUnit = (typeof CLAIM_UNITS)[number];

/** A part of the sample a claim is measured over (roleLevel: interviews with someone at that level). */
export type ClaimSegment =
  | { kind: 'tier'; value: Tier }
  | { kind: 'roleLevel'; value: RoleLevel }
  | { kind: 'importance'; value: Importance }
  | { kind: 'lifecycle'; value: LifecycleStage };
export type SegmentKind = ClaimSegment['kind'];
export const SEGMENT_KINDS = [
  'tier',
  'roleLevel',
  'importance',
  'lifecycle',
] as const satisfies readonly SegmentKind[];

export interface ClaimDefinition {
  /** A subset of the finding's linked codes; a held interview counts when it has a coding of any. */
  codeIds: string[];
  sentiment: ClaimSentiment;
  segment: ClaimSegment | null;
  unit: ClaimUnit;
}

/** Counts of a claim in one part of the sample: supporting / base, in interviews and in accounts. */
export interface ClaimCounts {
  interviews: number;
  baseInterviews: number;
  accounts: number;
  baseAccounts: number;
}

export interface FindingClaim extends ClaimDefinition, ClaimCounts {
  /** The claim's codes with their names, in the finding's order, for the sentence. */
  codes: { codeId: string; name: Localized }[];
  /** The figure in the claim's unit: interviews, accounts, or euros of known revenue. */
  count: number;
  base: number;
  /** Known revenue of the supporting accounts and of all accounts in the segment. */
  revenue: number;
  baseRevenue: number;
  /** Accounts in the segment whose revenue is unknown: left out of the revenue figure, not taken as 0. */
  unknownRevenueAccounts: number;
  /** The same claim per tier, within the segment. */
  tiers: Record<Tier, ClaimCounts>;
}

export interface Finding {
  id: string;
  engagementId: string;
  title: string;
  keyMessage: string;
  body: string;
  recommendation: string;
  priority: Priority;
  sortOrder: number;
  codeIds: string[];
  /** The evidence quotes, in the consultant's order. */
  quotes: Quote[];
  /** The finding's figure: what it measures and how many it holds for. */
  claim: FindingClaim;
}
