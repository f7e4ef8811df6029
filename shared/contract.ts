import type { z } from 'zod';
import {
  type AccountImportPreview,
  AccountImportRequest,
  type AccountImportSummary,
} from './accountImport.ts';
import {
  type Action,
  ActionFields,
  ActionQuery,
  type ActionRegister,
  ActionReview,
  FollowUpAction,
  NewAction,
  type OpenItem,
} from './actions.ts';
import type { BenchmarkChoice, EngagementStats, Portfolio } from './analysis.ts';
import type { InterviewClock } from './clock.ts';
import type {
  Account,
  AccountWithPeople,
  Code,
  CodebookEntry,
  Coding,
  Engagement,
  EngagementSummary,
  Finding,
  Interview,
  InterviewDetail,
  Interviewee,
  InterviewListItem,
  Quote,
  Relationship,
  Settings,
} from './domain.ts';
import { LANGUAGES } from './domain.ts';
import type { ErrorCode, ErrorMessage } from './errors.ts';
import type { Guide, GuideCoverage, GuideTemplate, QuestionAnswers } from './guide.ts';
import {
  AnswersQuery,
  GuideMove,
  QuestionFields,
  SaveTemplate,
  SectionFields,
  SetAnswer,
  TemplateId,
} from './guideSchemas.ts';
import type { ErasurePreview, Identity, IdentityReview, RegisterEntry } from './identity/types.ts';
import type { TranscriptPreview } from './import.ts';
import type { ExportJob, QuoteExportResult } from './report.ts';
import {
  AccountFields,
  ById,
  ClockActionInput,
  CodeFields,
  CodePatch,
  CodingFields,
  CopyCodings,
  DeletionTarget,
  Doc,
  Empty,
  EngagementFields,
  ErasureRequest,
  FindingFields,
  Id,
  IdentifierDecision,
  IdentityFields,
  IntervieweeFields,
  InterviewFields,
  NewCoding,
  QuoteExportRequest,
  QuoteQuery,
  RelationshipFields,
  ReportRequest,
  ReviewRequest,
  TranscriptImport,
  TranscriptSource,
  z as zod,
} from './schemas.ts';
import { CodeSearchHits, type CodeSearchHitsResult, SearchQuery, type SearchResult } from './search.ts';
import { ByEngagement, CreateWave, LinkWave } from './waveSchemas.ts';
import type { WaveCarryOver, WaveComparison, WaveLinkResult } from './waves.ts';

/**
 * The one contract between the UI (or CLI, or tests) and the services.
 * Each method names its input schema; `returns<T>()` records the result type only.
 */
const input = <S extends z.ZodType>(schema: S) => ({
  returns: <T>() => ({ input: schema, output: undefined as unknown as T }),
});

/**
 * `{ id, patch }` where the patch holds only the fields given. Defaults are removed first: zod applies
 * a default even inside an optional, which would silently reset every field the patch leaves out.
 */
const patchOf = <S extends z.ZodObject>(fields: S) => {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, field]) => [
      key,
      (field instanceof zod.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
    ]),
  );
  const patch = zod.object(shape).strict() as unknown as ReturnType<S['partial']>;
  return zod.object({ id: Id, patch }).strict();
};

export interface DeletionImpact {
  accounts: number;
  interviewees: number;
  interviews: number;
  codings: number;
  words: number;
  /** Interviews that stay but lose this person (deleting an interviewee). */
  detachedInterviews: number;
}

/** What the Trash can undo: a deletion, a merge of codes or a code retired. */
export type TrashKind =
  | 'engagement'
  | 'account'
  | 'interviewee'
  | 'interview'
  | 'code'
  | 'codeMerge'
  | 'codeRetire'
  | 'finding'
  /** A search's hits coded in one step ("code all hits"). */
  | 'searchCoding'
  /** An account or contact list imported in one step. */
  | 'accountImport'
  /** An action of the register. */
  | 'action';

/** How an entry is named in the list, in both languages (codes have two names). */
export interface TrashLabel {
  name: { fi: string; en: string };
  /** The account of a person, the date of an interview, the code merged into… */
  detail: { fi: string; en: string } | null;
}

export interface TrashItem {
  id: string;
  kind: TrashKind;
  label: TrashLabel & { interviews: number; codings: number };
  /** The id of what was deleted, merged or retired (a person in the Trash can still be erased). */
  subjectId: string;
  engagementId: string | null;
  /** Null when the engagement is gone (deleted with it, or itself in the Trash). */
  engagementTitle: string | null;
  deletedAt: string;
  /** When it is deleted for good. */
  expiresAt: string;
}

export interface CodeDeletionImpact {
  isGroup: boolean;
  /** Codes of a deleted group move to the top level; none of their codings is touched. */
  movedCodes: number;
  codings: number;
  interviews: number;
  /** Findings that lose this code as a linked theme or quotes of it as evidence. */
  findings: number;
}

export interface ErasureSummary {
  notes: number;
  mentions: number;
  memos: number;
  findings: number;
  /** Other text fields changed: titles, labels, relationship entries, codes, interviewers… */
  fields: number;
  person: boolean;
  backupsWithData: number;
  /**
   * False when the old text may still be on disk: another program held the file open and the
   * journal could not be emptied. The erasure itself is saved; run it again once the other closes.
   */
  complete: boolean;
}

export interface WorkspaceStatus {
  engagements: number;
  dbPath: string;
}

export interface SaveNotesResult {
  revision: number;
  updatedAt: string;
  wordCount: number;
}

/** What became of codings pasted in from another interview. */
export interface CopyCodingsResult {
  /** The coding each pasted mark now stands for (the proposed id, or the source's own if it was this interview's). */
  copied: { sourceId: string; coding: Coding }[];
  /** Not brought over: the code is not in this engagement's codebook, or the source coding is not in this workspace. */
  dropped: { sourceId: string; reason: 'other_engagement' | 'unknown' }[];
}

export type BackupReason = 'start' | 'migration' | 'manual' | 'pre-restore';

/** A copy of the workspace in the `backups` folder beside it; a plain SQLite file that opens on its own. */
export interface BackupEntry {
  path: string;
  createdAt: string;
  reason: BackupReason;
  size: number;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The copy of the file as it was just before the restore (null when there was no file). */
  safetyBackup: string | null;
}

export const contract = {
  workspaceStatus: input(Empty).returns<WorkspaceStatus>(),
  createDemo: input(Empty).returns<{ engagements: number; interviews: number }>(),
  getSettings: input(Empty).returns<Settings>(),
  updateSettings: input(
    zod
      .object({ language: zod.enum(LANGUAGES).nullable(), backupsKept: zod.number().int().min(1).max(365) })
      .partial()
      .strict(),
  ).returns<Settings>(),

  listEngagements: input(Empty).returns<EngagementSummary[]>(),
  getEngagement: input(ById).returns<Engagement>(),
  createEngagement: input(EngagementFields).returns<Engagement>(),
  updateEngagement: input(patchOf(EngagementFields)).returns<Engagement>(),
  deleteEngagement: input(ById).returns<DeletionImpact>(),
  /** A next wave of an engagement: accounts, people, guide, own codes and unfinished actions carried over. */
  createWave: input(CreateWave).returns<Engagement>(),
  /** Links an engagement as the next wave of an earlier one of the same client (null unlinks). */
  linkWave: input(LinkWave).returns<WaveLinkResult>(),
  waveCarryOver: input(ByEngagement).returns<WaveCarryOver>(),
  /** The engagement against the wave it follows (shared/waves.ts). */
  waveComparison: input(ByEngagement).returns<WaveComparison>(),

  listAccounts: input(zod.object({ engagementId: Id }).strict()).returns<AccountWithPeople[]>(),
  createAccount: input(AccountFields.extend({ engagementId: Id }).strict()).returns<Account>(),
  updateAccount: input(patchOf(AccountFields)).returns<Account>(),
  deleteAccount: input(ById).returns<DeletionImpact>(),

  createInterviewee: input(IntervieweeFields.extend({ accountId: Id }).strict()).returns<Interviewee>(),
  updateInterviewee: input(patchOf(IntervieweeFields)).returns<Interviewee>(),
  deleteInterviewee: input(ById).returns<DeletionImpact>(),
  /** Reads an account and contact list and says what importing it would do; writes nothing. */
  previewAccountImport: input(AccountImportRequest).returns<AccountImportPreview>(),
  /** Writes what the preview showed, in one transaction; undoable from the Trash. */
  importAccounts: input(AccountImportRequest).returns<AccountImportSummary>(),

  listInterviews: input(zod.object({ engagementId: Id }).strict()).returns<InterviewListItem[]>(),
  getInterview: input(ById).returns<InterviewDetail>(),
  createInterview: input(InterviewFields.extend({ engagementId: Id }).strict()).returns<Interview>(),
  updateInterview: input(patchOf(InterviewFields.omit({ accountId: true }))).returns<Interview>(),
  deleteInterview: input(ById).returns<DeletionImpact>(),
  saveNotes: input(
    zod
      .object({
        interviewId: Id,
        doc: Doc,
        codings: zod.array(NewCoding).max(1000).default([]),
        /** The revision this document was made from: a save based on an older one is refused. */
        baseRevision: zod.number().int().nonnegative(),
      })
      .strict(),
  ).returns<SaveNotesResult>(),
  interviewClock: input(ClockActionInput).returns<InterviewClock>(),
  /** Reads a transcript file and says what importing it would bring (speakers, counts, first turns); writes nothing. */
  previewTranscript: input(TranscriptSource).returns<Promise<TranscriptPreview>>(),
  /** Appends the transcript as a section of an interview's notes, or makes a new interview of the account for it. */
  importTranscript: input(TranscriptImport).returns<Promise<{ interviewId: string }>>(),

  addRelationship: input(RelationshipFields.extend({ interviewId: Id }).strict()).returns<Relationship>(),
  updateRelationship: input(patchOf(RelationshipFields)).returns<Relationship>(),
  removeRelationship: input(ById).returns<{ removed: number }>(),

  deletionImpact: input(DeletionTarget).returns<DeletionImpact>(),
  /** Every place an erasure of this interviewee or marked person would change, before it runs. */
  erasurePreview: input(ById).returns<ErasurePreview>(),
  /**
   * GDPR erasure of one interviewee or marked person: every form of the name removed from every text
   * of every engagement; an interviewee stays only as an anonymous role. Places of the preview named
   * in `excluded` are left as they are; with a stale `previewToken` nothing changes.
   */
  eraseInterviewee: input(ErasureRequest).returns<ErasureSummary>(),

  /** People and organisations marked in the engagement's notes. */
  listIdentities: input(zod.object({ engagementId: Id }).strict()).returns<Identity[]>(),
  /** Everyone the engine knows in the engagement: interviewees, contacts, interviewers, accounts, marked. */
  identityRegister: input(zod.object({ engagementId: Id }).strict()).returns<RegisterEntry[]>(),
  createIdentity: input(IdentityFields.extend({ engagementId: Id }).strict()).returns<Identity>(),
  updateIdentity: input(patchOf(IdentityFields)).returns<Identity>(),
  /** What the report would mask, and what looks like a name nobody registered, with its places. */
  reviewIdentifiers: input(ReviewRequest).returns<IdentityReview>(),
  decideIdentifier: input(IdentifierDecision).returns<{ key: string }>(),
  /** After an erasure: one fresh backup replaces every older one (they still hold the erased data). */
  replaceBackups: input(Empty).returns<{ removed: number }>(),

  getCodebook: input(zod.object({ engagementId: Id.optional() }).strict()).returns<CodebookEntry[]>(),
  createCode: input(CodeFields).returns<Code>(),
  updateCode: input(zod.object({ id: Id, patch: CodePatch }).strict()).returns<Code>(),
  mergeCodes: input(zod.object({ sourceId: Id, targetId: Id }).strict()).returns<{
    moved: number;
    collapsed: number;
  }>(),
  codeDeletionImpact: input(ById).returns<CodeDeletionImpact>(),
  deleteCode: input(ById).returns<CodeDeletionImpact>(),

  listCodings: input(zod.object({ interviewId: Id }).strict()).returns<Coding[]>(),
  updateCoding: input(patchOf(CodingFields)).returns<Coding>(),
  copyCodings: input(CopyCodings).returns<CopyCodingsResult>(),
  findQuotes: input(QuoteQuery).returns<Quote[]>(),

  listFindings: input(zod.object({ engagementId: Id }).strict()).returns<Finding[]>(),
  createFinding: input(FindingFields.extend({ engagementId: Id }).strict()).returns<Finding>(),
  updateFinding: input(patchOf(FindingFields)).returns<Finding>(),
  moveFinding: input(zod.object({ id: Id, to: zod.number().int().min(0).max(10_000) }).strict()).returns<
    Finding[]
  >(),
  deleteFinding: input(ById).returns<{ removed: number }>(),

  /** The action register (shared/actions.ts): an engagement's actions and the follow-ups none covers yet. */
  actionRegister: input(zod.object({ engagementId: Id }).strict()).returns<ActionRegister>(),
  createAction: input(NewAction).returns<Action>(),
  updateAction: input(patchOf(ActionFields)).returns<Action>(),
  /** Into the Trash, undoable. */
  deleteAction: input(ById).returns<{ removed: number }>(),
  moveAction: input(zod.object({ id: Id, to: zod.number().int().min(0).max(100_000) }).strict()).returns<
    Action[]
  >(),
  actionFromRecommendation: input(zod.object({ findingId: Id }).strict()).returns<Action>(),
  actionFromFollowUp: input(FollowUpAction).returns<Action>(),
  reviewAction: input(ActionReview).returns<Action>(),
  /** Open and in-progress actions (or all, with openOnly false) and uncovered follow-ups, of one engagement or all, overdue first. */
  openActions: input(ActionQuery).returns<OpenItem[]>(),

  /** Deletions, merges and retirements of the last 30 days, newest first. */
  listTrash: input(Empty).returns<TrashItem[]>(),
  /** Undoes one exactly; refused when what it touched has changed since. */
  restoreFromTrash: input(ById).returns<TrashItem>(),
  /** Deletes for good, overwriting the text on disk. */
  deleteFromTrash: input(ById).returns<{ removed: number }>(),
  emptyTrash: input(Empty).returns<{ removed: number }>(),
  suggestQuotes: input(ById).returns<Quote[]>(),

  /** Full-text search of notes, memos, findings, people and accounts (shared/search.ts). */
  search: input(SearchQuery).returns<SearchResult>(),
  /** Codes search hits' spans with one code in one step, undoable from the Trash as one entry. */
  codeSearchHits: input(CodeSearchHits).returns<CodeSearchHitsResult>(),

  /** Progress and the end come as `exportProgress` events (shared/events.ts). */
  startReportExport: input(ReportRequest).returns<ExportJob>(),
  /** Writes the Quotes view's quotes to a .docx, .xlsx or .csv in the export folder, anonymised. */
  exportQuotes: input(QuoteExportRequest).returns<QuoteExportResult>(),

  engagementStats: input(zod.object({ engagementId: Id }).strict()).returns<EngagementStats>(),
  /** The engagements the benchmark may compare with, and which it does (picked, or those that ended earlier). */
  benchmarkChoice: input(zod.object({ engagementId: Id }).strict()).returns<BenchmarkChoice>(),
  /** `null` goes back to the default by time. */
  setBenchmarkComparators: input(
    zod.object({ engagementId: Id, comparatorIds: zod.array(Id).max(500).nullable() }).strict(),
  ).returns<BenchmarkChoice>(),
  portfolio: input(Empty).returns<Portfolio>(),

  /** The interview guide (shared/guide.ts); every change answers with the whole guide as it now is. */
  getGuide: input(zod.object({ engagementId: Id }).strict()).returns<Guide>(),
  createGuideSection: input(SectionFields.extend({ engagementId: Id }).strict()).returns<Guide>(),
  updateGuideSection: input(patchOf(SectionFields)).returns<Guide>(),
  deleteGuideSection: input(ById).returns<Guide>(),
  moveGuideSection: input(GuideMove).returns<Guide>(),
  createGuideQuestion: input(QuestionFields.extend({ sectionId: Id }).strict()).returns<Guide>(),
  updateGuideQuestion: input(patchOf(QuestionFields)).returns<Guide>(),
  deleteGuideQuestion: input(ById).returns<Guide>(),
  moveGuideQuestion: input(GuideMove.extend({ sectionId: Id.optional() }).strict()).returns<Guide>(),
  listGuideTemplates: input(Empty).returns<GuideTemplate[]>(),
  saveGuideTemplate: input(SaveTemplate).returns<GuideTemplate>(),
  /** Appends the template's sections after the guide's own. */
  applyGuideTemplate: input(
    zod.object({ engagementId: Id, templateId: TemplateId }).strict(),
  ).returns<Guide>(),
  deleteGuideTemplate: input(zod.object({ id: TemplateId }).strict()).returns<{ removed: number }>(),
  /** Appends another engagement's guide; the copies name their originals (`originId`). */
  copyGuide: input(zod.object({ fromEngagementId: Id, toEngagementId: Id }).strict()).returns<Guide>(),
  /** `value: null` clears it. A question feeding NPS or satisfaction writes the interview's own field. */
  setAnswer: input(SetAnswer).returns<{ value: number | null }>(),
  /** One interview's scale answers by question id. */
  interviewAnswers: input(zod.object({ interviewId: Id }).strict()).returns<Record<string, number>>(),
  questionAnswers: input(AnswersQuery).returns<QuestionAnswers>(),
  guideCoverage: input(zod.object({ engagementId: Id }).strict()).returns<GuideCoverage>(),

  listBackups: input(Empty).returns<BackupEntry[]>(),
  createBackup: input(Empty).returns<BackupEntry>(),
  /** Only a path that `listBackups` returned is accepted; the service checks it, never opening other files. */
  restoreBackup: input(zod.object({ path: zod.string().min(1).max(4096) }).strict()).returns<RestoreResult>(),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M]['output'];

export type { ErrorCode } from './errors.ts';
/** `code` is what the UI branches on, `key` and `params` what it phrases; `message` is English, for logs. */
export type KuuloErrorValue = ErrorMessage & { code: ErrorCode; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: KuuloErrorValue };

/**
 * What each adapter hands to the services: one function per method, already-validated input. A method
 * may answer with a promise (its service module is loaded on first use, or its service waits).
 */
export type Handlers = {
  [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Awaited<Output<M>>>;
};

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
