import { describe, expect, test } from 'vitest';
import { ACCOUNT_LIST_REFUSALS } from '../../shared/accountImport.ts';
import type { Language } from '../../shared/domain.ts';
import {
  ERROR_CODES,
  type ErrorKey,
  type ErrorMessage,
  type ErrorParams,
  INPUT_PROBLEMS,
  type Thing,
} from '../../shared/errors.ts';
import { errorTexts, phraseError } from '../../shared/i18n/errors.ts';
import { REFUSAL_REASONS } from '../../shared/import.ts';

const LANGUAGES: Language[] = ['en', 'fi'];

/**
 * Parameters passed through as given are marked (‹…› and numbers from 4700 up) so the test can see
 * them in the text; words of the app (which thing, which problem) vary between samples instead.
 */
const THINGS: Thing[] = [
  'engagement',
  'account',
  'interviewee',
  'interview',
  'interviewNotes',
  'relationship',
  'person',
  'identity',
  'code',
  'coding',
  'finding',
  'export',
  'trashItem',
  'action',
  'guideSection',
  'guideQuestion',
  'guideTemplate',
];
const PATH = '/tmp/‹työ tila›/kuulo.db';

/** The type requires samples for every key: a new key without them does not compile. */
const SAMPLES: { [K in ErrorKey]: ErrorParams[K][] } = {
  notFound: THINGS.map((what) => ({ what })),
  validation: [
    ...INPUT_PROBLEMS.map((problem) => ({ field: 'fileName', problem, limit: null })),
    { field: 'fileName', problem: 'tooLong', limit: 4701 },
    { field: 'name.fi', problem: 'empty', limit: null },
    { field: '‹mystery.field›', problem: 'badFormat', limit: null },
    { field: '', problem: 'invalid', limit: null },
  ],
  unknownMethod: [{ method: '‹dropTables›' }],
  requestRefused: [{}],
  brokenRule: [{}],
  missingReference: [{}],
  diskFull: [{}],
  workspaceReadOnlyNow: [{}],
  workspaceDamagedNow: [{}],
  unexpected: [{}],
  coreStopped: [{}],
  notesUnopenable: [{ problem: '‹bad mark›' }],
  notesStale: [{ current: 4702, base: 4703 }],
  knowerNotInterviewee: [{}],
  demoNeedsEmpty: [{}],
  backupNotListed: [{}],
  backupRefused: (['not-sqlite', 'foreign', 'newer', 'damaged'] as const).map((problem) => ({
    path: PATH,
    problem,
  })),
  codeGroupNotApplicable: [{}],
  codeOfOtherEngagement: [{}],
  codingOfOtherInterview: [{}],
  notesTooLong: [{ limit: 1_000_000, size: 1_250_000 }],
  tooManyCodings: [{ limit: 5_000, count: 5_001 }],
  codedTextTooLong: [{ limit: 5_000_000, size: 5_000_001 }],
  notesDocumentTooLarge: [{ limit: 16, size: 54 }],
  intervieweeNotInEngagement: [{}],
  accountNotInEngagement: [{}],
  linkTargetOutside: [{}],
  erasurePreviewStale: [{}],
  erasurePlaceUnknown: [{}],
  erasurePlaceRequired: [{}],
  findingCodeOutside: [{}],
  claimCodeNotLinked: [{}],
  evidenceOutside: [{}],
  actionLinkOutside: [{}],
  actionNotCarried: [{}],
  followUpGone: [{}],
  fileNameNeedsLetters: [{}],
  exportFileExists: [{ path: PATH }],
  fileNameLeak: [{ text: '‹Tapio Nurmi›' }],
  groupNotNested: [{}],
  codeOwnGroup: [{}],
  parentNotGroup: [{}],
  groupOfOtherEngagement: [{}],
  codeNameTaken: [{ name: '‹Hinta–laatu›' }],
  mergeSameCode: [{}],
  mergeGroup: [{}],
  mergeScope: [{}],
  intervieweeNotOfAccount: [{}],
  accountOfOtherEngagement: [{}],
  waveOtherClient: [{}],
  waveCycle: [{}],
  waveAlreadyFollowed: [{ title: '‹Asiakaskuuntelu 2025›' }],
  reportLeak: [{ text: '‹Matti Meikäläinen›', part: '‹word/document.xml›' }],
  accountListRefused: ACCOUNT_LIST_REFUSALS.map((reason) => ({ reason })),
  accountListNeedsName: [{}],
  cliListFile: [{ path: PATH }],
  cliBadMapping: [{ map: '‹Asiakas›=asiakas' }],
  exportStopped: [{ exitCode: 4704 }],
  exportFailed: [{ reason: '‹EACCES›' }],
  exportInterrupted: [{}],
  workspaceNotSqlite: [{ path: PATH }],
  workspaceForeign: [{ path: PATH }],
  workspaceNewer: [{ path: PATH, version: 4705 }],
  workspaceDamaged: [
    { path: PATH, detail: '‹page 3›', backupFolder: '‹/backups›', latest: null },
    {
      path: PATH,
      detail: '‹page 3›',
      backupFolder: '/backups',
      latest: { path: '‹/backups/b.db›', createdAt: '‹2026-11-30›' },
    },
  ],
  workspaceReadOnly: [{ path: PATH }],
  folderReadOnly: [{ folder: '‹/tmp/lukittu›' }],
  backupFolderUnusable: [{ folder: '‹/tmp/työtila/backups›' }],
  cannotCreateWorkspace: [{ path: PATH }],
  workspaceUnreadable: [{ path: PATH }],
  workspaceIsFolder: [{ path: PATH }],
  workspaceDiskFull: [{ path: PATH }],
  workspaceInUse: [{ path: PATH }],
  workspaceLocked: [
    {
      program: '‹kuulo restore›',
      pid: 4242,
      host: '‹läppäri›',
      since: '2026-11-30T04:00:00Z',
      lockFile: PATH,
    },
  ],
  workspaceOpenFailed: [{ path: PATH, reason: '‹SQLITE_IOERR›' }],
  cliUnknownCommand: [{ command: '‹frobnicate›' }],
  cliMissingDb: [{}],
  cliNoWorkspace: [{ path: PATH }],
  cliMissingOption: [{ option: 'engagement' }],
  cliNoCode: [{ code: '‹Hinta›' }],
  cliFormat: [{}],
  cliOutExtension: [{ extension: 'pptx' }],
  cliAnonymizeLevel: [{}],
  cliLanguage: [{}],
  cliDemoExists: [{ path: PATH }],
  undoChangedSince: [{}],
  undoNeedsParent: [{}],
  searchNothingToFind: [{}],
  searchWordsTooShort: [{}],
  searchHitMoved: [{ text: 'laskutus' }],
  searchSpanOutside: [{ start: 10, end: 17, length: 12 }],
  transcriptRefused: [
    ...REFUSAL_REASONS.map((reason) => {
      const params: Record<string, string | number> =
        reason === 'tooLarge'
          ? { maxMb: 50 }
          : reason === 'unsupportedFormat'
            ? { kind: 'pdf' }
            : reason === 'tooLongForNotes'
              ? { size: 1_200_000, limit: 1_000_000 }
              : {};
      return { reason, params };
    }),
  ],
  transcriptNeedsTarget: [{}],
  transcriptSpeakerUnknown: [{ name: 'Virtanen, Matti' }],
  cliSpeaker: [{ value: 'Matti=boss' }],
  cliNoFile: [{ path: PATH }],
  guideFull: [
    { what: 'sections', limit: 4704 },
    { what: 'questions', limit: 4705 },
    { what: 'templates', limit: 4706 },
  ],
  guideFeedsTaken: [{ feeds: 'nps' }, { feeds: 'satisfaction' }],
  guideFeedsScale: [{ feeds: 'nps' }, { feeds: 'satisfaction' }],
  guideScaleHasAnswers: [{ count: 1 }, { count: 4707 }],
  guideAnswerNotOnScale: [
    { value: 3, scale: 'open' },
    { value: 4709, scale: 'nps' },
    { value: 4710, scale: 'five' },
    { value: 4711, scale: 'yesno' },
  ],
  guideQuestionOfOtherEngagement: [{}],
  guideTemplateBuiltin: [{}],
};

const KEYS = Object.keys(ERROR_CODES) as ErrorKey[];
const message = (key: ErrorKey, params: unknown): ErrorMessage => ({ key, params }) as ErrorMessage;

/** The passed-through values in a sample: marked strings and the marked numbers. */
function passedThrough(value: unknown): string[] {
  if (typeof value === 'string') return value.includes('‹') ? [value] : [];
  if (typeof value === 'number') return value >= 4700 ? [String(value)] : [];
  if (value && typeof value === 'object') return Object.values(value).flatMap(passedThrough);
  return [];
}

describe('error catalogue', () => {
  test('every key has non-empty Finnish and English text that uses exactly the same parameters', () => {
    for (const key of KEYS) {
      const samples = SAMPLES[key] as unknown[];
      expect(samples.length, key).toBeGreaterThan(0);
      const texts = { en: new Set<string>(), fi: new Set<string>() };
      for (const params of samples) {
        for (const language of LANGUAGES) {
          const phrase = errorTexts[language][key] as ((p: unknown) => string) | undefined;
          expect(phrase, `${language} text for ${key}`).toBeTypeOf('function');
          const text = phrase!(params);
          expect(text.trim(), `${language} ${key}`).not.toBe('');
          expect(text, `${language} ${key}`).not.toMatch(/undefined|null|NaN|\[object |\{\{/);
          // Paths, names and numbers appear exactly as given, in both languages.
          // Numbers may be printed with the language's digit grouping (1 000 000, 1,000,000).
          const ungrouped = text.replace(/(\d)[\s\u00a0\u202f,](?=\d{3})/g, '$1');
          for (const value of passedThrough(params)) expect(ungrouped, `${language} ${key}`).toContain(value);
          texts[language].add(text);
        }
      }
      // A parameter that changes one language's text changes the other's too (no ignored parameter).
      expect(texts.fi.size, key).toBe(texts.en.size);
      expect(texts.en.size, key).toBe(samples.length);
    }
  });

  test('Finnish is Finnish: no English sentence slips into the Finnish texts', () => {
    for (const key of KEYS) {
      for (const params of SAMPLES[key] as unknown[]) {
        const en = errorTexts.en[key] as (p: unknown) => string;
        const fi = errorTexts.fi[key] as (p: unknown) => string;
        expect(fi(params), key).not.toBe(en(params));
        expect(fi(params), key).not.toMatch(/\b(the|was|not found|is|cannot|choose)\b/i);
      }
    }
  });

  test('validation names known fields in the reader’s language and unknown ones by their path', () => {
    const tooLong = message('validation', { field: 'fileName', problem: 'tooLong', limit: 120 });
    expect(phraseError(tooLong, 'fi')).toBe(
      'Tarkista kenttä ”Tiedoston nimi”: se on liian pitkä (enintään 120 merkkiä).',
    );
    expect(phraseError(tooLong, 'en')).toBe('Check “File name”: it is too long (at most 120 characters).');
    const nameFi = message('validation', { field: 'name.fi', problem: 'empty', limit: null });
    expect(phraseError(nameFi, 'fi')).toBe('Tarkista kenttä ”Nimi (suomeksi)”: se on tyhjä.');
    const list = message('validation', { field: 'aliases.3', problem: 'tooLong', limit: null });
    expect(phraseError(list, 'en')).toBe('Check “Other names”: it is too long.');
    const odd = message('validation', { field: 'zz.weird', problem: 'badFormat', limit: null });
    expect(phraseError(odd, 'fi')).toBe('Tarkista kenttä ”zz.weird”: se ei ole oikeassa muodossa.');
    expect(phraseError(odd, 'en')).toBe('Check the field “zz.weird”: it is not in the expected format.');
  });

  test('an error whose key this build does not know shows its English message, not nothing', () => {
    const unknown = {
      key: 'fromTheFuture',
      params: {},
      message: 'Something new.',
    } as unknown as ErrorMessage;
    expect(phraseError(unknown, 'fi')).toBe('Something new.');
    const prototypeKey = { key: 'toString', params: {} } as unknown as ErrorMessage;
    expect(phraseError(prototypeKey, 'fi')).toBe(errorTexts.fi.unexpected({}));
  });
});
