import type { AccountListRefusal } from './accountImport.ts';
/**
 * Errors cross the boundary as a key and parameters, never as finished sentences: the UI and the CLI
 * phrase them in the user's language (shared/i18n/errors.ts). Parameters that are file paths, names
 * or other user data are passed through as given; only the words of the app are translated.
 */

/** The coarse class the UI branches on (retry, reopen, show a form error …). */
export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'unknown_method' | 'internal';

import type { RefusalReason } from './import.ts';

type None = Record<string, never>;

/** What was looked for and not found. */
export type Thing =
  | 'engagement'
  | 'account'
  | 'interviewee'
  | 'interview'
  | 'interviewNotes'
  | 'relationship'
  | 'person'
  | 'identity'
  | 'code'
  | 'coding'
  | 'finding'
  | 'export'
  | 'trashItem'
  | 'action'
  | 'guideSection'
  | 'guideQuestion'
  | 'guideTemplate';

/**
 * What is wrong with one field of the input, in words a consultant knows (never zod's text). A schema
 * names its own problem as its zod `error` (e.g. 'dateFormat'); the dispatcher maps the rest.
 */
export const INPUT_PROBLEMS = [
  'missing',
  'wrongType',
  'empty',
  'tooLong',
  'tooShort',
  'tooMany',
  'tooFew',
  'tooLarge',
  'tooSmall',
  'badFormat',
  'notAllowed',
  'unknownField',
  'invalid',
  'notAnId',
  'dateFormat',
  'timeFormat',
  'colourFormat',
  'fileNameCharacters',
  'tooDeep',
  'notADocument',
] as const;
export type InputProblem = (typeof INPUT_PROBLEMS)[number];

/** Why a backup file cannot be restored (the kinds db/inspect.ts finds). */
export type BackupProblem = 'not-sqlite' | 'foreign' | 'newer' | 'damaged';

/** Every error the services can report, with the parameters its texts use. */
export interface ErrorParams {
  notFound: { what: Thing };
  /** `field` is the input's path (e.g. "fileName", "name.fi"); `limit` the bound a too-long/short value broke. */
  validation: { field: string; problem: InputProblem; limit: number | null };
  unknownMethod: { method: string };
  requestRefused: None;
  brokenRule: None;
  missingReference: None;
  diskFull: None;
  workspaceReadOnlyNow: None;
  workspaceDamagedNow: None;
  unexpected: None;
  /** The core host (the thread holding the workspace) stopped before answering. */
  coreStopped: None;

  notesUnopenable: { problem: string };
  notesStale: { current: number; base: number };
  knowerNotInterviewee: None;
  demoNeedsEmpty: None;
  backupNotListed: None;
  backupRefused: { path: string; problem: BackupProblem };
  codeGroupNotApplicable: None;
  codeOfOtherEngagement: None;
  codingOfOtherInterview: None;
  /** `limit` and `size` in characters of text. */
  notesTooLong: { limit: number; size: number };
  tooManyCodings: { limit: number; count: number };
  /** Code points under all of an interview's codings together. */
  codedTextTooLong: { limit: number; size: number };
  /** `limit` and `size` in megabytes (10⁶ bytes) of the stored document, `size` to one decimal. */
  notesDocumentTooLarge: { limit: number; size: number };
  intervieweeNotInEngagement: None;
  accountNotInEngagement: None;
  linkTargetOutside: None;
  erasurePreviewStale: None;
  erasurePlaceUnknown: None;
  erasurePlaceRequired: None;
  findingCodeOutside: None;
  claimCodeNotLinked: None;
  evidenceOutside: None;
  /** An action's finding, account or interview is not of the action's engagement. */
  actionLinkOutside: None;
  /** A review of an action that was not carried over from an earlier wave. */
  actionNotCarried: None;
  /** The flagged paragraph to make an action of is no longer in the interview's notes (or no longer flagged). */
  followUpGone: None;
  fileNameNeedsLetters: None;
  exportFileExists: { path: string };
  fileNameLeak: { text: string };
  groupNotNested: None;
  codeOwnGroup: None;
  parentNotGroup: None;
  groupOfOtherEngagement: None;
  codeNameTaken: { name: string };
  mergeSameCode: None;
  mergeGroup: None;
  mergeScope: None;
  intervieweeNotOfAccount: None;
  accountOfOtherEngagement: None;
  /** A previous wave must be an engagement of the same client. */
  waveOtherClient: None;
  /** Linking would make a wave follow itself, directly or through others. */
  waveCycle: None;
  /** The earlier engagement already has a follow-up wave (`title` is that wave's). */
  waveAlreadyFollowed: { title: string };
  reportLeak: { text: string; part: string };
  accountListRefused: { reason: AccountListRefusal };
  accountListNeedsName: None;
  exportStopped: { exitCode: number };
  /** `reason` is the technical cause, in English. */
  exportFailed: { reason: string };
  /** The core host stopped while the export ran (the report worker ends with it). */
  exportInterrupted: None;

  workspaceNotSqlite: { path: string };
  workspaceForeign: { path: string };
  workspaceNewer: { path: string; version: number };
  /** `latest` is the newest backup to restore from, if there is one. */
  workspaceDamaged: {
    path: string;
    detail: string;
    backupFolder: string;
    latest: { path: string; createdAt: string } | null;
  };
  workspaceReadOnly: { path: string };
  folderReadOnly: { folder: string };
  /** The backups folder beside the workspace is a file, or cannot be created or written. */
  backupFolderUnusable: { folder: string };
  cannotCreateWorkspace: { path: string };
  workspaceUnreadable: { path: string };
  workspaceIsFolder: { path: string };
  workspaceDiskFull: { path: string };
  workspaceInUse: { path: string };
  /** Another live process has the workspace open for writing (see electron/db/lock.ts). */
  workspaceLocked: { program: string; pid: number; host: string; since: string; lockFile: string };
  workspaceOpenFailed: { path: string; reason: string };

  cliUnknownCommand: { command: string };
  cliMissingDb: None;
  cliNoWorkspace: { path: string };
  cliMissingOption: { option: string };
  cliNoCode: { code: string };
  cliFormat: None;
  cliOutExtension: { extension: string };
  cliAnonymizeLevel: None;
  cliLanguage: None;
  cliDemoExists: { path: string };
  cliListFile: { path: string };
  cliBadMapping: { map: string };

  undoChangedSince: None;
  undoNeedsParent: None;

  /** A search query with no word to look for: only operators, or only exclusions. */
  searchNothingToFind: None;
  /** Across all engagements, a query whose words all have fewer than three letters (no index lookup). */
  searchWordsTooShort: None;
  /** A hit to code is no longer at its place in the notes (they changed since the search). */
  searchHitMoved: { text: string };
  /** A span to code lies (partly) beyond the end of the interview's notes, `length` code points. */
  searchSpanOutside: { start: number; end: number; length: number };
  /** A transcript file refused by its reader (shared/import.ts); `params` fill the reason's text. */
  transcriptRefused: { reason: RefusalReason; params: Record<string, string | number> };
  transcriptNeedsTarget: None;
  transcriptSpeakerUnknown: { name: string };
  cliSpeaker: { value: string };
  cliNoFile: { path: string };

  /** An interview guide is full: `what` is what reached its `limit`. */
  guideFull: { what: 'sections' | 'questions' | 'templates'; limit: number };
  /** Another question of the engagement already feeds the interview's NPS or satisfaction. */
  guideFeedsTaken: { feeds: 'nps' | 'satisfaction' };
  /** A question feeding NPS must be on the 0–10 scale, one feeding satisfaction on 1–5. */
  guideFeedsScale: { feeds: 'nps' | 'satisfaction' };
  /** A question's scale cannot change while `count` interviews have answered on it. */
  guideScaleHasAnswers: { count: number };
  /** `value` is not an answer on the question's scale (or the question is open). */
  guideAnswerNotOnScale: { value: number; scale: 'open' | 'nps' | 'five' | 'yesno' };
  guideQuestionOfOtherEngagement: None;
  guideTemplateBuiltin: None;
}

export type ErrorKey = keyof ErrorParams;

/** One error as data: `{ key: 'notFound', params: { what: 'interview' } }`. */
export type ErrorMessage = { [K in ErrorKey]: { key: K; params: ErrorParams[K] } }[ErrorKey];

/** Each key belongs to one coarse code, so a throw site names only the key. */
export const ERROR_CODES: { readonly [K in ErrorKey]: ErrorCode } = {
  notFound: 'not_found',
  validation: 'invalid_input',
  unknownMethod: 'unknown_method',
  requestRefused: 'invalid_input',
  brokenRule: 'internal',
  missingReference: 'internal',
  diskFull: 'internal',
  workspaceReadOnlyNow: 'internal',
  workspaceDamagedNow: 'internal',
  unexpected: 'internal',
  coreStopped: 'internal',
  notesUnopenable: 'invalid_input',
  notesStale: 'conflict',
  knowerNotInterviewee: 'invalid_input',
  demoNeedsEmpty: 'conflict',
  backupNotListed: 'invalid_input',
  backupRefused: 'invalid_input',
  codeGroupNotApplicable: 'invalid_input',
  codeOfOtherEngagement: 'invalid_input',
  codingOfOtherInterview: 'conflict',
  notesTooLong: 'invalid_input',
  tooManyCodings: 'invalid_input',
  codedTextTooLong: 'invalid_input',
  notesDocumentTooLarge: 'invalid_input',
  intervieweeNotInEngagement: 'invalid_input',
  accountNotInEngagement: 'invalid_input',
  linkTargetOutside: 'invalid_input',
  erasurePreviewStale: 'conflict',
  erasurePlaceUnknown: 'invalid_input',
  erasurePlaceRequired: 'invalid_input',
  findingCodeOutside: 'invalid_input',
  claimCodeNotLinked: 'invalid_input',
  evidenceOutside: 'invalid_input',
  actionLinkOutside: 'invalid_input',
  actionNotCarried: 'invalid_input',
  followUpGone: 'conflict',
  fileNameNeedsLetters: 'invalid_input',
  exportFileExists: 'conflict',
  fileNameLeak: 'invalid_input',
  groupNotNested: 'invalid_input',
  codeOwnGroup: 'invalid_input',
  parentNotGroup: 'invalid_input',
  groupOfOtherEngagement: 'invalid_input',
  codeNameTaken: 'conflict',
  mergeSameCode: 'invalid_input',
  mergeGroup: 'invalid_input',
  mergeScope: 'invalid_input',
  intervieweeNotOfAccount: 'invalid_input',
  accountOfOtherEngagement: 'invalid_input',
  waveOtherClient: 'invalid_input',
  waveCycle: 'invalid_input',
  waveAlreadyFollowed: 'conflict',
  reportLeak: 'conflict',
  accountListRefused: 'invalid_input',
  accountListNeedsName: 'invalid_input',
  exportStopped: 'internal',
  exportFailed: 'internal',
  exportInterrupted: 'internal',
  workspaceNotSqlite: 'invalid_input',
  workspaceForeign: 'invalid_input',
  workspaceNewer: 'conflict',
  workspaceDamaged: 'invalid_input',
  workspaceReadOnly: 'invalid_input',
  folderReadOnly: 'invalid_input',
  backupFolderUnusable: 'internal',
  cannotCreateWorkspace: 'invalid_input',
  workspaceUnreadable: 'invalid_input',
  workspaceIsFolder: 'invalid_input',
  workspaceDiskFull: 'conflict',
  workspaceInUse: 'conflict',
  workspaceLocked: 'conflict',
  workspaceOpenFailed: 'internal',
  cliUnknownCommand: 'invalid_input',
  cliMissingDb: 'invalid_input',
  cliNoWorkspace: 'invalid_input',
  cliMissingOption: 'invalid_input',
  cliNoCode: 'not_found',
  cliFormat: 'invalid_input',
  cliOutExtension: 'invalid_input',
  cliAnonymizeLevel: 'invalid_input',
  cliLanguage: 'invalid_input',
  cliDemoExists: 'conflict',
  cliListFile: 'invalid_input',
  cliBadMapping: 'invalid_input',
  undoChangedSince: 'conflict',
  undoNeedsParent: 'conflict',
  searchNothingToFind: 'invalid_input',
  searchWordsTooShort: 'invalid_input',
  searchHitMoved: 'conflict',
  searchSpanOutside: 'conflict',
  transcriptRefused: 'invalid_input',
  transcriptNeedsTarget: 'invalid_input',
  transcriptSpeakerUnknown: 'invalid_input',
  cliSpeaker: 'invalid_input',
  cliNoFile: 'not_found',
  guideFull: 'invalid_input',
  guideFeedsTaken: 'conflict',
  guideFeedsScale: 'invalid_input',
  guideScaleHasAnswers: 'conflict',
  guideAnswerNotOnScale: 'invalid_input',
  guideQuestionOfOtherEngagement: 'invalid_input',
  guideTemplateBuiltin: 'invalid_input',
};

/** A key whose texts take no parameters may be thrown without them. */
export type ParamsArg<K extends ErrorKey> = None extends ErrorParams[K]
  ? [params?: ErrorParams[K]]
  : [params: ErrorParams[K]];

export const errorMessage = <K extends ErrorKey>(key: K, ...[params]: ParamsArg<K>): ErrorMessage =>
  ({ key, params: params ?? {} }) as ErrorMessage;
