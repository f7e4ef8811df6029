import type { Language } from '../domain.ts';
import type { BackupProblem, ErrorKey, ErrorMessage, ErrorParams, InputProblem, Thing } from '../errors.ts';
import { formatter } from '../format.ts';
import { en as enUi } from './en.ts';
import { fi as fiUi } from './fi.ts';

/**
 * The texts of every error in Finnish and English. Each text is a function of its key's parameters,
 * so the type checker refuses a key without text in either language, and Finnish can put a word in
 * the case its sentence needs. Paths, names and quoted text are inserted as given, never translated.
 */
type Phrasebook = { readonly [K in ErrorKey]: (params: ErrorParams[K]) => string };

const EN_FORMAT = formatter('en');
const FI_FORMAT = formatter('fi');

const EN_THING: Record<Thing, string> = {
  engagement: 'The engagement',
  account: 'The account',
  interviewee: 'The interviewee',
  interview: 'The interview',
  interviewNotes: 'The interview notes',
  relationship: 'The relationship',
  person: 'The person',
  identity: 'The person or organisation',
  code: 'The code',
  coding: 'The coding',
  finding: 'The finding',
  export: 'The export',
  trashItem: 'That item in the Trash',
  action: 'The action',
  guideSection: 'The guide section',
  guideQuestion: 'The guide question',
  guideTemplate: 'The guide template',
};

/** Partitive, as "… ei löytynyt" needs. */
const FI_THING: Record<Thing, string> = {
  engagement: 'Toimeksiantoa',
  account: 'Asiakasta',
  interviewee: 'Haastateltavaa',
  interview: 'Haastattelua',
  interviewNotes: 'Haastattelun muistiinpanoja',
  relationship: 'Kontaktia',
  person: 'Henkilöä',
  identity: 'Henkilöä tai organisaatiota',
  code: 'Koodia',
  coding: 'Koodausta',
  finding: 'Löydöstä',
  export: 'Raportin vientiä',
  trashItem: 'Roskakorista kohdetta',
  action: 'Toimenpidettä',
  guideSection: 'Haastattelurungon osiota',
  guideQuestion: 'Haastattelurungon kysymystä',
  guideTemplate: 'Haastattelurungon pohjaa',
};

/** Names of the input fields a consultant fills in; any other field is named by its path as is. */
const EN_FIELDS = {
  name: 'Name',
  title: 'Title',
  clientName: 'Client',
  industry: 'Industry',
  purpose: 'Purpose',
  periodStart: 'Start date',
  periodEnd: 'End date',
  fileName: 'File name',
  date: 'Date',
  startTime: 'Start time',
  durationMin: 'Duration (min)',
  interviewer: 'Interviewer',
  memo: 'Memo',
  description: 'Description',
  color: 'Colour',
  hotkey: 'Hotkey',
  nps: 'Likelihood to recommend',
  satisfaction: 'Satisfaction',
  revenue: 'Annual revenue',
  anonLabel: 'Anonymous label',
  role: 'Role',
  body: 'Text',
  keyMessage: 'Key message',
  action: 'Action',
  aliases: 'Other names',
  backupsKept: 'Backups kept',
  language: 'Language',
  codeIds: 'Codes',
  intervieweeIds: 'Interviewees',
  accountId: 'Account',
  engagementId: 'Engagement',
  parentId: 'Group',
  owner: 'Owner',
  dueDate: 'Due date',
  detail: 'Detail',
} as const;
type FieldNames = Readonly<Record<keyof typeof EN_FIELDS, string>>;

const FI_FIELDS: FieldNames = {
  name: 'Nimi',
  title: 'Otsikko',
  clientName: 'Toimeksiantaja',
  industry: 'Toimiala',
  purpose: 'Tarkoitus',
  periodStart: 'Alkamispäivä',
  periodEnd: 'Päättymispäivä',
  fileName: 'Tiedoston nimi',
  date: 'Päivä',
  startTime: 'Alkamisaika',
  durationMin: 'Kesto (min)',
  interviewer: 'Haastattelija',
  memo: 'Muistio',
  description: 'Kuvaus',
  color: 'Väri',
  hotkey: 'Pikanäppäin',
  nps: 'Suosittelutodennäköisyys',
  satisfaction: 'Tyytyväisyys',
  revenue: 'Vuosimyynti',
  anonLabel: 'Nimetön tunniste',
  role: 'Rooli',
  body: 'Teksti',
  keyMessage: 'Ydinviesti',
  action: 'Toimenpide',
  aliases: 'Muut nimet',
  backupsKept: 'Säilytettävät varmuuskopiot',
  language: 'Kieli',
  codeIds: 'Koodit',
  intervieweeIds: 'Haastateltavat',
  accountId: 'Asiakas',
  engagementId: 'Toimeksianto',
  parentId: 'Ryhmä',
  owner: 'Vastuuhenkilö',
  dueDate: 'Määräpäivä',
  detail: 'Lisätiedot',
};

/**
 * "name.fi" → "Name (Finnish)", "aliases.2" → "Other names"; an unknown field keeps its path, so the
 * message still points somewhere rather than nowhere.
 */
function fieldLabel(
  path: string,
  names: FieldNames,
  languages: Record<Language, string>,
): { label: string; known: boolean } {
  const segments = path.split('.').filter((segment) => segment !== '' && !/^\d+$/.test(segment));
  const last = segments.at(-1);
  const language = last === 'fi' || last === 'en' ? last : null;
  const field = language ? segments.at(-2) : last;
  const name =
    field !== undefined && Object.hasOwn(names, field) ? names[field as keyof FieldNames] : undefined;
  if (!name) return { label: path, known: false };
  return { label: language ? `${name} (${languages[language]})` : name, known: true };
}

const withLimit = (text: string, limit: number | null, bound: (limit: number) => string): string =>
  limit === null ? text : `${text} (${bound(limit)})`;

function enProblem(problem: InputProblem, limit: number | null): string {
  switch (problem) {
    case 'missing':
      return 'it is missing';
    case 'wrongType':
      return 'it has the wrong kind of value';
    case 'empty':
      return 'it is empty';
    case 'tooLong':
      return withLimit('it is too long', limit, (n) => `at most ${n} characters`);
    case 'tooShort':
      return withLimit('it is too short', limit, (n) => `at least ${n} characters`);
    case 'tooMany':
      return withLimit('it has too many items', limit, (n) => `at most ${n}`);
    case 'tooFew':
      return withLimit('it has too few items', limit, (n) => `at least ${n}`);
    case 'tooLarge':
      return withLimit('the number is too large', limit, (n) => `at most ${n}`);
    case 'tooSmall':
      return withLimit('the number is too small', limit, (n) => `at least ${n}`);
    case 'badFormat':
      return 'it is not in the expected format';
    case 'notAllowed':
      return 'the value is not one of the choices';
    case 'unknownField':
      return 'Kuulo does not know this field';
    case 'invalid':
      return 'the value is not valid';
    case 'notAnId':
      return 'it is not a valid id';
    case 'dateFormat':
      return 'use the date format YYYY-MM-DD';
    case 'timeFormat':
      return 'use the time format HH:MM';
    case 'colourFormat':
      return 'use a colour like #1f5f74';
    case 'fileNameCharacters':
      return 'a file name cannot contain / \\ : * ? " < > |';
    case 'tooDeep':
      return 'the document is nested too deeply';
    case 'notADocument':
      return 'it must be a notes document';
  }
}

function fiProblem(problem: InputProblem, limit: number | null): string {
  switch (problem) {
    case 'missing':
      return 'se puuttuu';
    case 'wrongType':
      return 'sen arvo on väärää tyyppiä';
    case 'empty':
      return 'se on tyhjä';
    case 'tooLong':
      return withLimit('se on liian pitkä', limit, (n) => `enintään ${n} merkkiä`);
    case 'tooShort':
      return withLimit('se on liian lyhyt', limit, (n) => `vähintään ${n} merkkiä`);
    case 'tooMany':
      return withLimit('siinä on liian monta kohdetta', limit, (n) => `enintään ${n}`);
    case 'tooFew':
      return withLimit('siinä on liian vähän kohteita', limit, (n) => `vähintään ${n}`);
    case 'tooLarge':
      return withLimit('luku on liian suuri', limit, (n) => `enintään ${n}`);
    case 'tooSmall':
      return withLimit('luku on liian pieni', limit, (n) => `vähintään ${n}`);
    case 'badFormat':
      return 'se ei ole oikeassa muodossa';
    case 'notAllowed':
      return 'arvo ei ole mikään sallituista vaihtoehdoista';
    case 'unknownField':
      return 'Kuulo ei tunne tätä kenttää';
    case 'invalid':
      return 'arvo ei kelpaa';
    case 'notAnId':
      return 'se ei ole kelvollinen tunniste';
    case 'dateFormat':
      return 'anna päivämäärä muodossa VVVV-KK-PP';
    case 'timeFormat':
      return 'anna kellonaika muodossa TT:MM';
    case 'colourFormat':
      return 'anna väri muodossa #1f5f74';
    case 'fileNameCharacters':
      return 'tiedostonimessä ei voi olla merkkejä / \\ : * ? " < > |';
    case 'tooDeep':
      return 'asiakirjassa on liian monta sisäkkäistä tasoa';
    case 'notADocument':
      return 'sen on oltava muistiinpanoasiakirja';
  }
}

const EN_BACKUP: Record<BackupProblem, string> = {
  'not-sqlite': 'is not a Kuulo backup (not an SQLite database)',
  foreign: 'is not a Kuulo backup (it is another program’s database)',
  newer: 'was made by a newer version of Kuulo; update Kuulo to restore it',
  damaged: 'is damaged',
};

const FI_BACKUP: Record<BackupProblem, string> = {
  'not-sqlite': 'se ei ole Kuulon varmuuskopio (se ei ole SQLite-tietokanta)',
  foreign: 'se ei ole Kuulon varmuuskopio (se on toisen ohjelman tietokanta)',
  newer: 'sen on tehnyt Kuulon uudempi versio; päivitä Kuulo palauttaaksesi sen',
  damaged: 'se on vioittunut',
};

const EN_UNCHANGED = 'It was left unchanged.';
const FI_UNCHANGED = 'Sitä ei muutettu.';

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);

const en: Phrasebook = {
  notFound: ({ what }) => `${EN_THING[what]} was not found.`,
  validation: ({ field, problem, limit }) => {
    const { label, known } = fieldLabel(field, EN_FIELDS, { fi: 'Finnish', en: 'English' });
    if (problem === 'unknownField') return `Kuulo does not know the field “${label}”.`;
    const where = field === '' ? 'the input' : known ? `“${label}”` : `the field “${label}”`;
    return `Check ${where}: ${enProblem(problem, limit)}.`;
  },
  unknownMethod: ({ method }) => `Unknown operation: ${method}`,
  requestRefused: () => 'Request refused: it did not come from the Kuulo window.',
  brokenRule: () => 'That would break a data rule; nothing was changed.',
  missingReference: () => 'That refers to something that does not exist.',
  diskFull: () => 'The disk is full; nothing was changed. Free some space and try again.',
  workspaceReadOnlyNow: () => 'The workspace file is read-only; nothing was changed.',
  workspaceDamagedNow: () =>
    'Part of the workspace file is damaged, so this could not be done; nothing was changed, and notes not yet saved stay in the editor. Kuulo is checking the file: if only the search index is damaged, it is rebuilt and saving works again; otherwise restart Kuulo, which offers to restore the latest backup.',
  unexpected: () => 'Something went wrong; nothing was changed. The error was logged.',
  coreStopped: () =>
    'Kuulo’s data service stopped unexpectedly, so this change may not have been saved. Try again; if it keeps happening, restart Kuulo.',

  notesUnopenable: ({ problem }) =>
    `These notes were not saved: the editor could not open them again (${problem}).`,
  notesStale: ({ current, base }) =>
    `These notes were not saved: they were changed elsewhere after this copy was opened (revision ${current}, this copy ${base}). Reopen the interview to see the latest notes.`,
  knowerNotInterviewee: () => 'The person who knows this contact must be one of the interviewees.',
  demoNeedsEmpty: () => 'This workspace already has engagements; sample data goes only into an empty one.',
  backupNotListed: () =>
    "That file is not one of this workspace's backups; choose one from the list of backups.",
  backupRefused: ({ path, problem }) =>
    `The backup ${path} ${EN_BACKUP[problem]}. Nothing was changed; choose another backup.`,
  codeGroupNotApplicable: () => 'A code group cannot be applied to text; pick a code inside it.',
  codeOfOtherEngagement: () => 'That code belongs to another engagement.',
  codingOfOtherInterview: () => 'That coding belongs to another interview.',
  notesTooLong: ({ limit, size }) =>
    `These notes were not saved: at ${EN_FORMAT.number(size)} characters they are over the limit of ${EN_FORMAT.number(limit)} for one interview. Split them into two interviews; your text stays in the editor.`,
  tooManyCodings: ({ limit, count }) =>
    `These notes were not saved: ${EN_FORMAT.number(count)} codings is over the limit of ${EN_FORMAT.number(limit)} for one interview. Your text stays in the editor.`,
  codedTextTooLong: ({ limit, size }) =>
    `These notes were not saved: their codings cover ${EN_FORMAT.number(size)} characters together, over the limit of ${EN_FORMAT.number(limit)} for one interview. Code shorter passages (a coding covering the whole interview is rarely needed more than a few times); your text stays in the editor.`,
  notesDocumentTooLarge: ({ limit, size }) =>
    `These notes were not saved: with their formatting they take ${EN_FORMAT.number(size, 1)} MB, over the limit of ${EN_FORMAT.number(limit)} MB for one interview. Remove formatting or split them into two interviews; your text stays in the editor.`,
  intervieweeNotInEngagement: () => 'That interviewee is not in this engagement.',
  accountNotInEngagement: () => 'That account is not in this engagement.',
  linkTargetOutside: () => 'Choose a person or organisation of this engagement to link to.',
  erasurePreviewStale: () =>
    'The texts have changed since the list of places was made. Nothing was erased; look at the places again and confirm.',
  erasurePlaceUnknown: () =>
    'A place left out is not one of the places this erasure would change. Nothing was erased; look at the places again.',
  erasurePlaceRequired: () =>
    'The person’s own record is always erased; only places in other texts can be left out. Nothing was erased.',
  findingCodeOutside: () => 'A linked code is not in this engagement’s codebook.',
  claimCodeNotLinked: () => 'The figure can only count codes linked to the finding.',
  evidenceOutside: () => 'An evidence quote is not from this engagement.',
  actionLinkOutside: () => 'The finding, account or interview of an action must be from its own engagement.',
  actionNotCarried: () => 'Only an action carried over from the previous wave is reviewed.',
  followUpGone: () =>
    'That paragraph is no longer flagged in the notes: it may have been edited. Refresh the list.',
  fileNameNeedsLetters: () => 'Choose a file name with letters or digits in it.',
  exportFileExists: ({ path }) =>
    `${path} already exists; nothing was written over it. Choose another name (or add --force to replace it).`,
  fileNameLeak: ({ text }) =>
    `The file name would show “${text}”, which is masked inside the file. Choose another file name.`,
  groupNotNested: () => 'Code groups stay at the top level.',
  codeOwnGroup: () => 'A code cannot be its own group.',
  parentNotGroup: () => 'Codes can only be placed in a code group.',
  groupOfOtherEngagement: () => 'That group belongs to one engagement; put shared codes in a shared group.',
  codeNameTaken: ({ name }) => `A code named “${name}” already exists here; use it, or choose another name.`,
  mergeSameCode: () => 'Pick two different codes to merge.',
  mergeGroup: () => 'Only codes can be merged, not code groups.',
  mergeScope: () => 'Merge into a code of the shared codebook (or of the same engagement).',
  intervieweeNotOfAccount: () => 'Every interviewee must be a person of the interviewed account.',
  accountOfOtherEngagement: () => 'The account belongs to another engagement.',
  waveOtherClient: () => 'A previous wave must be an engagement of the same client.',
  waveCycle: () => 'An engagement cannot follow itself or one of its own later waves.',
  waveAlreadyFollowed: ({ title }) => `That engagement already has a next wave: “${title}”.`,
  reportLeak: ({ text, part }) => fill(enUi.report.leak, { text, part }),
  accountListRefused: ({ reason }) => enUi.accountImport.refused[reason],
  accountListNeedsName: () => enUi.accountImport.needsName,
  exportStopped: ({ exitCode }) => `The export stopped unexpectedly (code ${exitCode}).`,
  exportFailed: ({ reason }) => `The report could not be written (${reason}).`,
  exportInterrupted: () =>
    'Kuulo’s data service stopped during the export, so the report was not finished. Start the export again.',

  workspaceNotSqlite: ({ path }) =>
    `${path} is not a Kuulo workspace (not an SQLite database). ${EN_UNCHANGED} Choose your workspace file, usually kuulo.db.`,
  workspaceForeign: ({ path }) =>
    `${path} is not a Kuulo workspace (it is another program's database). ${EN_UNCHANGED} Choose your workspace file, usually kuulo.db.`,
  workspaceNewer: ({ path, version }) =>
    `${path} was saved by a newer version of Kuulo (schema ${version}); update Kuulo to open it. ${EN_UNCHANGED}`,
  workspaceDamaged: ({ path, detail, backupFolder, latest }) =>
    `${path} is damaged and cannot be opened safely (${detail}). ${EN_UNCHANGED} ${
      latest
        ? `Its latest backup is ${latest.path} (${latest.createdAt}): restore it with "npm run kuulo -- restore --db ${path} --from ${latest.path}".`
        : `There is no backup of it in ${backupFolder}; keep the file and ask for help.`
    }`,
  workspaceReadOnly: ({ path }) =>
    `${path} is read-only, so Kuulo could not save notes into it. ${EN_UNCHANGED} Make the file writable, or copy it into a folder of your own, and open it again.`,
  backupFolderUnusable: ({ folder }) =>
    `No backup could be written to ${folder}: it is not a folder Kuulo can write to. The workspace was left unchanged. Move or rename whatever is there, or make the folder writable.`,
  folderReadOnly: ({ folder }) =>
    `The folder ${folder} is read-only: Kuulo needs to create small working files (-wal, -shm) beside the workspace while it is open. The workspace was left unchanged. Copy it into a folder you can write to, such as Documents, and open it there.`,
  cannotCreateWorkspace: ({ path }) =>
    `Kuulo cannot create a workspace at ${path}: the folder does not exist or is read-only. Choose a folder you can write to.`,
  workspaceUnreadable: ({ path }) =>
    `Kuulo is not allowed to read ${path}. ${EN_UNCHANGED} Check the file's permissions, or copy it into a folder of your own.`,
  workspaceIsFolder: ({ path }) =>
    `${path} is a folder, not a workspace file. Choose the workspace file itself.`,
  workspaceDiskFull: ({ path }) =>
    `There is not enough free disk space to open ${path}. ${EN_UNCHANGED} Free some space and open it again.`,
  workspaceInUse: ({ path }) =>
    `${path} is in use by another program (is Kuulo already open?). ${EN_UNCHANGED} Close the other program and try again.`,
  workspaceOpenFailed: ({ path, reason }) => `Kuulo could not open ${path} (${reason}). ${EN_UNCHANGED}`,
  workspaceLocked: ({ program, pid, host, since, lockFile }) =>
    `The workspace is open in ${program} (process ${pid} on ${host}, since ${since}). Close it there first; nothing was changed. If nothing has it open, delete ${lockFile}.`,

  cliUnknownCommand: ({ command }) =>
    `Unknown command "${command}". Run "npm run kuulo -- help" for the list.`,
  cliMissingDb: () => 'Missing --db FILE: the workspace file to use.',
  cliMissingOption: ({ option }) => `Missing --${option}.`,
  cliNoCode: ({ code }) => `No code called "${code}". Run "codebook" to see the codes.`,
  cliFormat: () => '--format must be docx, pptx or xlsx.',
  cliOutExtension: ({ extension }) => `--out must name a .${extension} file.`,
  cliAnonymizeLevel: () => '--anonymize must be none, people or accounts.',
  cliLanguage: () => '--lang must be fi or en.',
  cliDemoExists: ({ path }) =>
    `${path} already exists; sample data is only written to a new file (add --force to replace it).`,
  cliListFile: ({ path }) => `Cannot read the list ${path}: no such file, or it cannot be opened.`,
  cliBadMapping: ({ map }) =>
    `"${map}" is not a column mapping: write --map COLUMN=FIELD, where COLUMN is a header, a letter (A) or a number (1) and FIELD one of name, tier, importance, lifecycle, revenue, person, title, roleLevel, email, none.`,
  cliNoWorkspace: ({ path }) =>
    `No workspace at ${path}. Check the path, or make a sample one with "kuulo demo --db FILE".`,
  undoChangedSince: () =>
    'This cannot be undone any more: what it changed has been changed again since. Nothing was changed.',
  undoNeedsParent: () =>
    'This belongs to something that is no longer there (for example an engagement or account in the Trash): restore that first. Nothing was changed.',
  searchNothingToFind: () =>
    'Type a word to search for: a search of only AND, OR and NOT, or of words to leave out, finds nothing.',
  searchWordsTooShort: () =>
    'Words of one or two letters cannot be looked up across all engagements. Add a longer word, or search within one engagement or interview.',
  searchHitMoved: ({ text }) =>
    `The notes have changed since the search: “${text}” is no longer where it was found. Search again, then code the hits. Nothing was coded.`,
  searchSpanOutside: ({ start, end, length }) =>
    `A hit to code (characters ${start}–${end}) is beyond the end of the notes (${length} characters): they have changed since the search. Search again. Nothing was coded.`,
  transcriptRefused: ({ reason, params }) => fillIn(enUi.transcriptImport.refusal[reason], params),
  transcriptNeedsTarget: () =>
    'Say where the transcript goes: an interview to add it to, or an account to make a new interview for.',
  transcriptSpeakerUnknown: ({ name }) => `The transcript has no speaker called “${name}”.`,
  cliSpeaker: ({ value }) =>
    `--speaker "${value}" is not "Name=interviewee:ID", "Name=interviewer" or "Name=other".`,
  cliNoFile: ({ path }) => `Cannot read the file ${path}.`,
  guideFull: ({ what, limit }) =>
    `Nothing was added: a guide holds at most ${EN_FORMAT.number(limit)} ${{ sections: 'sections', questions: 'questions', templates: 'saved templates' }[what]}.`,
  guideFeedsTaken: ({ feeds }) =>
    `Another question of this guide already gives the interview's ${feeds === 'nps' ? 'likelihood to recommend' : 'satisfaction'}; only one may. Nothing was changed.`,
  guideFeedsScale: ({ feeds }) =>
    `A question that gives the interview's ${feeds === 'nps' ? 'likelihood to recommend must be on the 0–10 scale' : 'satisfaction must be on the 1–5 scale'}. Nothing was changed.`,
  guideScaleHasAnswers: ({ count }) =>
    `The scale was not changed: ${EN_FORMAT.number(count)} ${count === 1 ? 'interview has' : 'interviews have'} answered on it. Clear those answers first, or add a new question.`,
  guideAnswerNotOnScale: ({ value, scale }) =>
    scale === 'open'
      ? 'An open question is answered in the notes, not with a number.'
      : `${EN_FORMAT.number(value)} is not an answer on this question's scale (${{ nps: '0–10', five: '1–5', yesno: 'yes or no' }[scale]}).`,
  guideQuestionOfOtherEngagement: () => 'That question belongs to the guide of another engagement.',
  guideTemplateBuiltin: () => 'A built-in template cannot be deleted.',
};

const fi: Phrasebook = {
  notFound: ({ what }) => `${FI_THING[what]} ei löytynyt.`,
  validation: ({ field, problem, limit }) => {
    const { label } = fieldLabel(field, FI_FIELDS, { fi: 'suomeksi', en: 'englanniksi' });
    if (problem === 'unknownField') return `Kuulo ei tunne kenttää ”${label}”.`;
    const where = field === '' ? 'syöte' : `kenttä ”${label}”`;
    return `Tarkista ${where}: ${fiProblem(problem, limit)}.`;
  },
  unknownMethod: ({ method }) => `Tuntematon toiminto: ${method}`,
  requestRefused: () => 'Pyyntö hylättiin: se ei tullut Kuulon ikkunasta.',
  brokenRule: () => 'Muutos olisi ristiriidassa tietojen sääntöjen kanssa; mitään ei muutettu.',
  missingReference: () => 'Tieto viittaa kohteeseen, jota ei ole olemassa.',
  diskFull: () => 'Levy on täynnä; mitään ei muutettu. Vapauta tilaa ja yritä uudelleen.',
  workspaceReadOnlyNow: () => 'Työtilatiedostoon ei voi kirjoittaa; mitään ei muutettu.',
  workspaceDamagedNow: () =>
    'Osa työtilatiedostosta on vioittunut, joten toimintoa ei voitu tehdä. Mitään ei muutettu, ja tallentamattomat muistiinpanot pysyvät editorissa. Kuulo tarkistaa tiedoston: jos vain hakuhakemisto on vioittunut, se rakennetaan uudelleen ja tallentaminen toimii taas. Muuten käynnistä Kuulo uudelleen, niin se tarjoaa viimeisimmän varmuuskopion palauttamista.',
  unexpected: () => 'Jokin meni vikaan; mitään ei muutettu. Virhe kirjattiin lokiin.',
  coreStopped: () =>
    'Kuulon tietopalvelu pysähtyi odottamatta, joten tämä muutos ei ehkä tallentunut. Yritä uudelleen; jos tämä toistuu, käynnistä Kuulo uudelleen.',

  notesUnopenable: ({ problem }) =>
    `Muistiinpanoja ei tallennettu: editori ei pystyisi avaamaan niitä uudelleen (${problem}).`,
  notesStale: ({ current, base }) =>
    `Muistiinpanoja ei tallennettu: niitä on muutettu muualla sen jälkeen, kun tämä kopio avattiin (versio ${current}, tämä kopio ${base}). Avaa haastattelu uudelleen nähdäksesi uusimmat muistiinpanot.`,
  knowerNotInterviewee: () => 'Kontaktin tuntijan on oltava yksi haastateltavista.',
  demoNeedsEmpty: () =>
    'Tässä työtilassa on jo toimeksiantoja; esimerkkiaineiston voi luoda vain tyhjään työtilaan.',
  backupNotListed: () => 'Tiedosto ei ole tämän työtilan varmuuskopio; valitse varmuuskopio luettelosta.',
  backupRefused: ({ path, problem }) =>
    `Varmuuskopiota ${path} ei voi palauttaa: ${FI_BACKUP[problem]}. Mitään ei muutettu; valitse toinen varmuuskopio.`,
  codeGroupNotApplicable: () => 'Koodiryhmällä ei voi koodata tekstiä; valitse koodi ryhmän sisältä.',
  codeOfOtherEngagement: () => 'Koodi kuuluu toiseen toimeksiantoon.',
  codingOfOtherInterview: () => 'Koodaus kuuluu toiseen haastatteluun.',
  notesTooLong: ({ limit, size }) =>
    `Muistiinpanoja ei tallennettu: niissä on ${FI_FORMAT.number(size)} merkkiä, ja yhden haastattelun raja on ${FI_FORMAT.number(limit)}. Jaa ne kahdeksi haastatteluksi; teksti on yhä editorissa.`,
  tooManyCodings: ({ limit, count }) =>
    `Muistiinpanoja ei tallennettu: koodauksia on ${FI_FORMAT.number(count)}, ja yhden haastattelun raja on ${FI_FORMAT.number(limit)}. Teksti on yhä editorissa.`,
  codedTextTooLong: ({ limit, size }) =>
    `Muistiinpanoja ei tallennettu: koodaukset kattavat yhteensä ${FI_FORMAT.number(size)} merkkiä, ja yhden haastattelun raja on ${FI_FORMAT.number(limit)}. Koodaa lyhyempiä kohtia (koko haastattelun kattavia koodauksia tarvitaan harvoin muutamaa enempää); teksti on yhä editorissa.`,
  notesDocumentTooLarge: ({ limit, size }) =>
    `Muistiinpanoja ei tallennettu: muotoiluineen ne vievät ${FI_FORMAT.number(size, 1)} Mt, ja yhden haastattelun raja on ${FI_FORMAT.number(limit)} Mt. Poista muotoiluja tai jaa muistiinpanot kahdeksi haastatteluksi; teksti on yhä editorissa.`,
  intervieweeNotInEngagement: () => 'Haastateltava ei kuulu tähän toimeksiantoon.',
  accountNotInEngagement: () => 'Asiakas ei kuulu tähän toimeksiantoon.',
  linkTargetOutside: () => 'Valitse linkitettäväksi tämän toimeksiannon henkilö tai organisaatio.',
  erasurePreviewStale: () =>
    'Tekstit ovat muuttuneet sen jälkeen, kun kohteet listattiin. Mitään ei poistettu; tarkista kohteet uudelleen ja vahvista.',
  erasurePlaceUnknown: () =>
    'Pois jätetty kohta ei ole niiden kohtien joukossa, joita poisto muuttaisi. Mitään ei poistettu; tarkista kohteet uudelleen.',
  erasurePlaceRequired: () =>
    'Henkilön omat tiedot poistetaan aina; vain muiden tekstien kohtia voi jättää pois. Mitään ei poistettu.',
  findingCodeOutside: () => 'Linkitetty koodi ei ole tämän toimeksiannon koodikirjassa.',
  claimCodeNotLinked: () => 'Luku voi laskea vain löydökseen linkitettyjä koodeja.',
  evidenceOutside: () => 'Näyttönä oleva lainaus ei ole tästä toimeksiannosta.',
  actionLinkOutside: () =>
    'Toimenpiteen löydöksen, asiakkaan ja haastattelun on oltava samasta toimeksiannosta.',
  actionNotCarried: () => 'Vain edelliseltä kierrokselta siirretty toimenpide arvioidaan.',
  followUpGone: () =>
    'Kappale ei ole enää merkitty muistiinpanoissa palattavaksi, ehkä sitä on muokattu. Päivitä lista.',
  fileNameNeedsLetters: () => 'Valitse tiedostonimi, jossa on kirjaimia tai numeroita.',
  exportFileExists: ({ path }) =>
    `${path} on jo olemassa, eikä sen päälle kirjoitettu mitään. Valitse toinen nimi (tai lisää --force korvataksesi sen).`,
  fileNameLeak: ({ text }) =>
    `Tiedostonimessä näkyisi ”${text}”, joka on tiedoston sisällä peitetty. Valitse toinen tiedostonimi.`,
  groupNotNested: () => 'Koodiryhmät pysyvät ylimmällä tasolla.',
  codeOwnGroup: () => 'Koodi ei voi olla oma ryhmänsä.',
  parentNotGroup: () => 'Koodin voi sijoittaa vain koodiryhmään.',
  groupOfOtherEngagement: () =>
    'Ryhmä kuuluu yhteen toimeksiantoon; sijoita yhteiset koodit yhteiseen ryhmään.',
  codeNameTaken: ({ name }) => `Täällä on jo koodi nimeltä ”${name}”; käytä sitä tai valitse toinen nimi.`,
  mergeSameCode: () => 'Valitse yhdistettäviksi kaksi eri koodia.',
  mergeGroup: () => 'Vain koodeja voi yhdistää, ei koodiryhmiä.',
  mergeScope: () => 'Yhdistä yhteisen koodikirjan (tai saman toimeksiannon) koodiin.',
  intervieweeNotOfAccount: () => 'Jokaisen haastateltavan on oltava haastatellun asiakasyrityksen henkilö.',
  accountOfOtherEngagement: () => 'Asiakas kuuluu toiseen toimeksiantoon.',
  waveOtherClient: () => 'Edellisen kierroksen on oltava saman asiakkaan toimeksianto.',
  waveCycle: () => 'Toimeksianto ei voi olla oman itsensä tai myöhemmän kierroksensa jatko.',
  waveAlreadyFollowed: ({ title }) => `Toimeksiannolla on jo seuraava kierros: ”${title}”.`,
  reportLeak: ({ text, part }) => fill(fiUi.report.leak, { text, part }),
  accountListRefused: ({ reason }) => fiUi.accountImport.refused[reason],
  accountListNeedsName: () => fiUi.accountImport.needsName,
  exportStopped: ({ exitCode }) => `Raportin vienti pysähtyi odottamatta (koodi ${exitCode}).`,
  exportFailed: ({ reason }) => `Raporttia ei voitu kirjoittaa (${reason}).`,
  exportInterrupted: () =>
    'Kuulon tietopalvelu pysähtyi viennin aikana, joten raporttia ei saatu valmiiksi. Aloita vienti uudelleen.',

  workspaceNotSqlite: ({ path }) =>
    `${path} ei ole Kuulon työtila (se ei ole SQLite-tietokanta). ${FI_UNCHANGED} Valitse työtilatiedostosi, yleensä kuulo.db.`,
  workspaceForeign: ({ path }) =>
    `${path} ei ole Kuulon työtila (se on toisen ohjelman tietokanta). ${FI_UNCHANGED} Valitse työtilatiedostosi, yleensä kuulo.db.`,
  workspaceNewer: ({ path, version }) =>
    `${path} on tallennettu Kuulon uudemmalla versiolla (skeema ${version}); päivitä Kuulo avataksesi sen. ${FI_UNCHANGED}`,
  workspaceDamaged: ({ path, detail, backupFolder, latest }) =>
    `${path} on vioittunut, eikä sitä voi avata turvallisesti (${detail}). ${FI_UNCHANGED} ${
      latest
        ? `Sen uusin varmuuskopio on ${latest.path} (${latest.createdAt}): palauta se komennolla "npm run kuulo -- restore --db ${path} --from ${latest.path}".`
        : `Kansiossa ${backupFolder} ei ole siitä varmuuskopiota; säilytä tiedosto ja pyydä apua.`
    }`,
  workspaceReadOnly: ({ path }) =>
    `${path} on vain luettavissa, joten Kuulo ei voisi tallentaa siihen muistiinpanoja. ${FI_UNCHANGED} Salli tiedostoon kirjoittaminen tai kopioi se omaan kansioosi, ja avaa se uudelleen.`,
  backupFolderUnusable: ({ folder }) =>
    `Varmuuskopiota ei voitu kirjoittaa kohteeseen ${folder}: se ei ole kansio, johon Kuulo voi kirjoittaa. Työtilaa ei muutettu. Siirrä tai nimeä uudelleen siellä oleva tiedosto, tai salli kansioon kirjoittaminen.`,
  folderReadOnly: ({ folder }) =>
    `Kansioon ${folder} ei voi kirjoittaa: Kuulo tarvitsee työtilan viereen pieniä työtiedostoja (-wal, -shm), kun työtila on auki. Työtilaa ei muutettu. Kopioi se kansioon, johon voit kirjoittaa (esimerkiksi Tiedostot), ja avaa se sieltä.`,
  cannotCreateWorkspace: ({ path }) =>
    `Kuulo ei voi luoda työtilaa polkuun ${path}: kansiota ei ole tai siihen ei voi kirjoittaa. Valitse kansio, johon voit kirjoittaa.`,
  workspaceUnreadable: ({ path }) =>
    `Kuulolla ei ole lupaa lukea tiedostoa ${path}. ${FI_UNCHANGED} Tarkista tiedoston käyttöoikeudet tai kopioi se omaan kansioosi.`,
  workspaceIsFolder: ({ path }) => `${path} on kansio eikä työtilatiedosto. Valitse itse työtilatiedosto.`,
  workspaceDiskFull: ({ path }) =>
    `Levyllä ei ole tarpeeksi vapaata tilaa tiedoston ${path} avaamiseen. ${FI_UNCHANGED} Vapauta tilaa ja avaa se uudelleen.`,
  workspaceInUse: ({ path }) =>
    `${path} on toisen ohjelman käytössä (onko Kuulo jo auki?). ${FI_UNCHANGED} Sulje toinen ohjelma ja yritä uudelleen.`,
  workspaceOpenFailed: ({ path, reason }) =>
    `Kuulo ei voinut avata tiedostoa ${path} (${reason}). ${FI_UNCHANGED}`,
  workspaceLocked: ({ program, pid, host, since, lockFile }) =>
    `Työtila on auki ohjelmassa ${program} (prosessi ${pid} koneella ${host}, ${since} alkaen). Sulje se ensin; mitään ei muutettu. Jos mikään ohjelma ei pidä sitä auki, poista tiedosto ${lockFile}.`,

  cliUnknownCommand: ({ command }) =>
    `Tuntematon komento "${command}". Komennot näet komennolla "npm run kuulo -- help".`,
  cliMissingDb: () => 'Anna --db TIEDOSTO: käytettävä työtilatiedosto.',
  cliMissingOption: ({ option }) => `Anna --${option}.`,
  cliNoCode: ({ code }) => `Koodia "${code}" ei ole. Komento "codebook" näyttää koodit.`,
  cliFormat: () => '--format voi olla docx, pptx tai xlsx.',
  cliOutExtension: ({ extension }) => `--out: anna .${extension}-tiedoston nimi.`,
  cliAnonymizeLevel: () => '--anonymize voi olla none, people tai accounts.',
  cliLanguage: () => '--lang voi olla fi tai en.',
  cliDemoExists: ({ path }) =>
    `${path} on jo olemassa; esimerkkiaineisto kirjoitetaan vain uuteen tiedostoon (lisää --force korvataksesi sen).`,
  cliListFile: ({ path }) => `Listaa ${path} ei voi lukea: tiedostoa ei ole tai sitä ei voi avata.`,
  cliBadMapping: ({ map }) =>
    `”${map}” ei ole sarakkeen kohdistus: kirjoita --map SARAKE=KENTTÄ, jossa SARAKE on otsikko, kirjain (A) tai numero (1) ja KENTTÄ jokin näistä: name, tier, importance, lifecycle, revenue, person, title, roleLevel, email, none.`,
  cliNoWorkspace: ({ path }) =>
    `Polussa ${path} ei ole työtilaa. Tarkista polku tai luo esimerkkityötila komennolla "kuulo demo --db TIEDOSTO".`,
  undoChangedSince: () =>
    'Tätä ei voi enää perua: sitä, mitä se muutti, on sen jälkeen muutettu uudelleen. Mitään ei muutettu.',
  undoNeedsParent: () =>
    'Tämä kuuluu johonkin, jota ei enää ole (esimerkiksi roskakorissa olevaan toimeksiantoon tai asiakkaaseen): palauta se ensin. Mitään ei muutettu.',
  searchNothingToFind: () =>
    'Kirjoita sana, jota haetaan: pelkillä JA-, TAI- ja EI-sanoilla tai pois jätettävillä sanoilla ei löydy mitään.',
  searchWordsTooShort: () =>
    'Yksi- tai kaksikirjaimisia sanoja ei voi hakea kaikista toimeksiannoista. Lisää pidempi sana tai hae yhdestä toimeksiannosta tai haastattelusta.',
  searchHitMoved: ({ text }) =>
    `Muistiinpanot ovat muuttuneet haun jälkeen: ”${text}” ei ole enää siinä, mistä se löytyi. Hae uudelleen ja koodaa osumat sitten. Mitään ei koodattu.`,
  searchSpanOutside: ({ start, end, length }) =>
    `Koodattava osuma (merkit ${start}–${end}) on muistiinpanojen lopun jälkeen (${length} merkkiä): muistiinpanot ovat muuttuneet haun jälkeen. Hae uudelleen. Mitään ei koodattu.`,
  transcriptRefused: ({ reason, params }) => fillIn(fiUi.transcriptImport.refusal[reason], params),
  transcriptNeedsTarget: () =>
    'Kerro, mihin litteraatti tuodaan: haastatteluun, johon se lisätään, tai asiakkaalle, jolle tehdään uusi haastattelu.',
  transcriptSpeakerUnknown: ({ name }) => `Litteraatissa ei ole puhujaa nimeltä ”${name}”.`,
  cliSpeaker: ({ value }) =>
    `--speaker "${value}" ei ole muotoa "Nimi=interviewee:ID", "Nimi=interviewer" tai "Nimi=other".`,
  cliNoFile: ({ path }) => `Tiedostoa ${path} ei voi lukea.`,
  guideFull: ({ what, limit }) =>
    what === 'templates'
      ? `Mitään ei tallennettu: omia pohjia voi olla enintään ${FI_FORMAT.number(limit)}.`
      : `Mitään ei lisätty: haastattelurungossa voi olla enintään ${FI_FORMAT.number(limit)} ${what === 'sections' ? 'osiota' : 'kysymystä'}.`,
  guideFeedsTaken: ({ feeds }) =>
    `Toinen rungon kysymys antaa jo haastattelun ${feeds === 'nps' ? 'suositteluhalukkuuden' : 'tyytyväisyyden'}; vain yksi voi antaa sen. Mitään ei muutettu.`,
  guideFeedsScale: ({ feeds }) =>
    `Haastattelun ${feeds === 'nps' ? 'suositteluhalukkuuden antavan kysymyksen asteikon on oltava 0–10' : 'tyytyväisyyden antavan kysymyksen asteikon on oltava 1–5'}. Mitään ei muutettu.`,
  guideScaleHasAnswers: ({ count }) =>
    `Asteikkoa ei muutettu: ${FI_FORMAT.number(count)} haastattelussa on vastattu sillä. Tyhjennä ensin vastaukset tai lisää uusi kysymys.`,
  guideAnswerNotOnScale: ({ value, scale }) =>
    scale === 'open'
      ? 'Avoimeen kysymykseen vastataan muistiinpanoissa, ei numerolla.'
      : `${FI_FORMAT.number(value)} ei ole vastaus tämän kysymyksen asteikolla (${{ nps: '0–10', five: '1–5', yesno: 'kyllä tai ei' }[scale]}).`,
  guideQuestionOfOtherEngagement: () => 'Kysymys kuuluu toisen toimeksiannon haastattelurunkoon.',
  guideTemplateBuiltin: () => 'Valmista pohjaa ei voi poistaa.',
};

/** A reader's refusal text with its {{placeholders}} filled in (the UI's texts, shared with the CLI). */
const fillIn = (text: string, params: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(params[name] ?? whole));

export const errorTexts: Readonly<Record<Language, Phrasebook>> = { en, fi };

/**
 * The error in the reader's language. An error from a newer or older core whose key this build does
 * not know falls back to the English `message` it came with rather than showing nothing.
 */
export function phraseError(error: ErrorMessage & { message?: string }, language: Language): string {
  const book = errorTexts[language];
  if (Object.hasOwn(book, error.key) && error.params)
    return (book[error.key] as (params: unknown) => string)(error.params);
  return error.message ?? errorTexts[language].unexpected({});
}
