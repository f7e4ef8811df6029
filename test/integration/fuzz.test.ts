import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { createHandlers } from '../../electron/core/handlers.ts';
import { openDatabase } from '../../electron/db/connection.ts';
import { createBackup } from '../../electron/services/backup.ts';
import { createContext, type ServiceContext } from '../../electron/services/context.ts';
import { createDispatcher, type Dispatch, settle } from '../../electron/services/dispatcher.ts';
import {
  contract,
  type ErrorCode,
  type Input,
  METHODS,
  type Method,
  type Output,
} from '../../shared/contract.ts';
import type { ExportJob } from '../../shared/report.ts';
import { fingerprint } from '../fixtures/fingerprint.ts';
import { REPORT_WORKER } from '../helpers/workspace.ts';

/**
 * Every contract method, including ones added later (the list comes from METHODS), gets RUNS hostile
 * inputs: wrong types, huge strings, deep nesting, odd Unicode (lone surrogates, U+0000, RTL marks,
 * emoji), __proto__/constructor keys, and valid inputs with one field mutated. The dispatcher must
 * never throw, must answer with a result value whose error (if any) is a readable message without a
 * stack, and a refused call must leave every table exactly as it was. Every method needs a valid example
 * (see NO_VALID_EXAMPLE), so mutations of it reach the service. Replay with KUULO_FUZZ_SEED.
 */
const RUNS = Number(process.env.KUULO_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.KUULO_FUZZ_SEED ?? 424242);
/**
 * Each successful export starts a worker thread that writes a .docx (about a second of work): fewer runs,
 * and every started export is awaited before the next input, so no workers pile up or outlive the test.
 */
const RUNS_OF: Partial<Record<Method, number>> = { startReportExport: Math.min(RUNS, 30) };

/**
 * Methods for which no input can pass the schema and reach the service (none today). Each entry needs a
 * reason; every other method must have at least one valid example below, so new methods cannot slip
 * through with hostile input only.
 */
const NO_VALID_EXAMPLE: Partial<Record<Method, string>> = {};

/** A two-speaker transcript in base64, for the transcript methods' valid examples. */
const FUZZ_VTT = Buffer.from(
  'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Åsa Öberg>Hei 😀\n\n00:00:03.000 --> 00:00:04.000\n<v Pekka>Moi.\n',
).toString('base64');

const root = mkdtempSync(join(tmpdir(), 'kuulo-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Call = <M extends Method>(method: M, input: Input<M>) => Output<M>;

interface Fixture {
  ctx: ServiceContext;
  dispatch: Dispatch;
  call: Call;
  unexpected: { method: string; error: unknown }[];
  ids: Record<
    | 'engagement'
    | 'account'
    | 'person'
    | 'interview'
    | 'relationship'
    | 'code'
    | 'ownCode'
    | 'coding'
    | 'coding2'
    | 'finding'
    | 'finding2'
    | 'identity'
    | 'action'
    | 'guideSection'
    | 'guideQuestion'
    | 'guideYesNo'
    | 'guideTemplate',
    string
  >;
  backup: string;
  /** Report exports started in this fixture: all must be finished before the test ends. */
  jobs: string[];
  /** Exports announced as done (`exportProgress` events), by id. */
  exported: Map<string, ExportJob>;
}

/**
 * A small workspace with one of everything, so valid-looking inputs reach the services. Each fixture has
 * its own file and its own export folder two levels down in the temp root, so even a report written
 * beside the export folder stays inside the root that is removed afterwards.
 */
function fixture(name: string): Fixture {
  const db = openDatabase(join(root, `${name}.db`));
  const exported = new Map<string, ExportJob>();
  const ctx = createContext(db, {
    exportDir: join(root, name, 'reports'),
    reportWorker: REPORT_WORKER,
    emit: (event, payload) => {
      if (event === 'exportProgress' && (payload as ExportJob).done)
        exported.set((payload as ExportJob).id, payload as ExportJob);
    },
  });
  const unexpected: Fixture['unexpected'] = [];
  const dispatch = createDispatcher(createHandlers(ctx), {
    onUnexpectedError: (method, error) => unexpected.push({ method, error }),
  });
  const call: Call = (method, input) => {
    const result = dispatch(method, input);
    if (!result.ok) throw new Error(`fixture: ${method} failed: ${result.error.message}`);
    return result.value as Output<typeof method>;
  };
  const engagement = call('createEngagement', {
    clientName: 'Asiakas Oy',
    title: 'Kuuntelu',
    language: 'fi',
    purpose: 'Miksi Åsa Öberg vaihtoi toimittajaa?',
  });
  const account = call('createAccount', { engagementId: engagement.id, name: 'Tili Oy', tier: 'key' });
  const person = call('createInterviewee', {
    accountId: account.id,
    name: 'Åsa Öberg',
    roleLevel: 'strategic',
  });
  const interview = call('createInterview', {
    engagementId: engagement.id,
    accountId: account.id,
    intervieweeIds: [person.id],
    status: 'done',
  });
  const relationship = call('addRelationship', {
    interviewId: interview.id,
    intervieweeId: person.id,
    clientPerson: 'Matti',
    level: 'strategic',
  });
  const code = call('getCodebook', {}).find((c) => !c.isGroup)!;
  const ownCode = call('createCode', { engagementId: engagement.id, name: { fi: 'Oma', en: 'Own' } });
  const coding = ctx.newId();
  const coding2 = ctx.newId();
  call('saveNotes', {
    interviewId: interview.id,
    baseRevision: 0,
    doc: docWith(coding, coding2),
    codings: [
      { id: coding, codeId: code.id, star: true, severity: 3 },
      { id: coding2, codeId: ownCode.id, memo: 'Åsa toisti tämän' },
    ],
  } as Input<'saveNotes'>);
  const finding = call('createFinding', {
    engagementId: engagement.id,
    title: 'Avainhenkilöriski',
    body: 'Åsa Öberg on ainoa yhteys.',
    codeIds: [code.id, ownCode.id],
    quoteIds: [coding],
  });
  const finding2 = call('createFinding', { engagementId: engagement.id, title: 'Toinen', priority: 'low' });
  const action = call('createAction', {
    engagementId: engagement.id,
    title: 'Soita Sepolle',
    owner: 'myyntijohtaja',
    dueDate: '2027-02-28',
    findingId: finding.id,
  });
  const identity = call('createIdentity', {
    engagementId: engagement.id,
    kind: 'person',
    name: 'Tapio Lehto',
  });
  // An interview guide (issue 18) with a template of one's own, for the guide's methods.
  const guide = call('applyGuideTemplate', { engagementId: engagement.id, templateId: 'builtin:en' });
  const template = call('saveGuideTemplate', { engagementId: engagement.id, name: 'Oma runko' });
  const yesno = guide.sections.flatMap((s) => s.questions).find((q) => q.scale === 'yesno')!;
  const backup = createBackup(ctx).path;
  unexpected.length = 0;
  return {
    ctx,
    dispatch,
    call,
    unexpected,
    backup,
    jobs: [],
    exported,
    ids: {
      engagement: engagement.id,
      account: account.id,
      person: person.id,
      interview: interview.id,
      relationship: relationship.id,
      code: code.id,
      ownCode: ownCode.id,
      coding,
      coding2,
      finding: finding.id,
      finding2: finding2.id,
      identity: identity.id,
      action: action.id,
      guideSection: guide.sections[0]!.id,
      guideQuestion: guide.sections[0]!.questions[0]!.id,
      guideYesNo: yesno.id,
      guideTemplate: template.id,
    },
  };
}

/** Notes with a coding of `codingId` inside one of `overlapping` (if given), and the person named. */
function docWith(codingId: string, overlapping?: string) {
  const mark = (id: string) => ({ type: 'coding', attrs: { id } });
  const outer = overlapping ? [mark(overlapping)] : [];
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tausta' }] },
      {
        type: 'paragraph',
        attrs: { ts: 65 },
        content: [
          { type: 'text', text: 'Yhteyshenkilö ' },
          { type: 'text', text: 'vaihtui ', ...(outer.length ? { marks: outer } : {}) },
          { type: 'text', text: 'kahdesti 😬', marks: [mark(codingId), ...outer] },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'Åsa Öbergin mukaan hinta ei ratkaissut.' }] },
    ],
  };
}

/** Waits until an export job is announced done; its worker has then written (or failed to write) its file. */
async function finished(f: Fixture, jobId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = f.exported.get(jobId);
    if (job) {
      expect(job.error === null || (typeof job.error === 'string' && job.error.length < 2000)).toBe(true);
      return;
    }
    if (Date.now() > deadline) throw new Error(`export ${jobId} still running after 30 s`);
    await sleep(20);
  }
}

/** Two deletions to restore or delete for good: a finding, and a whole interview with its codings. */
function inTrash(f: Fixture): void {
  f.call('deleteFinding', { id: f.ids.finding2 });
  f.call('deleteInterview', { id: f.ids.interview });
}

/** What a method's fixture needs beyond the common one. */
const PREPARE: Partial<Record<Method, (f: Fixture) => void>> = {
  // Sample data goes only into a workspace without engagements: the first valid call builds it, later
  // ones are refused as a conflict, so both paths are fuzzed.
  createDemo: (f) => {
    f.call('deleteEngagement', { id: f.ids.engagement });
  },
  restoreFromTrash: (f) => inTrash(f),
  deleteFromTrash: (f) => inTrash(f),
};

/** Hand-written valid inputs; the fuzzer mutates them. Every method needs one (see NO_VALID_EXAMPLE). */
function examples(f: Fixture): Partial<Record<Method, unknown[]>> {
  const { ids } = f;
  const byId = (...list: string[]) => list.map((id) => ({ id }));
  return {
    workspaceStatus: [{}],
    createDemo: [{}],
    getSettings: [{}],
    updateSettings: [{ language: 'fi' }, { language: null }],
    listEngagements: [{}],
    getEngagement: byId(ids.engagement),
    createEngagement: [{ clientName: 'Uusi Oy', title: 'T', language: 'en', periodStart: '2026-01-31' }],
    updateEngagement: [{ id: ids.engagement, patch: { title: 'Renamed', status: 'completed' } }],
    deleteEngagement: byId(ids.engagement),
    createWave: [{ fromEngagementId: ids.engagement, title: 'Kierros 2', periodStart: '2027-01-01' }],
    linkWave: [{ engagementId: ids.engagement, previousEngagementId: null }],
    waveCarryOver: [{ engagementId: ids.engagement }],
    waveComparison: [{ engagementId: ids.engagement }],
    listAccounts: [{ engagementId: ids.engagement }],
    createAccount: [{ engagementId: ids.engagement, name: 'B Oy', tier: 'named', revenue: 1000 }],
    updateAccount: [{ id: ids.account, patch: { importance: '++', lifecycle: 'onboarding' } }],
    deleteAccount: byId(ids.account),
    createInterviewee: [
      { accountId: ids.account, name: 'Pekka', roleLevel: 'operational', consent: 'given' },
    ],
    updateInterviewee: [{ id: ids.person, patch: { title: 'CFO', anonLabel: 'H1' } }],
    deleteInterviewee: byId(ids.person),
    previewAccountImport: [
      { engagementId: ids.engagement, fileName: 'l.csv', data: btoa('Asiakas;Luokka\nB Oy;A\n') },
    ],
    importAccounts: [
      {
        engagementId: ids.engagement,
        fileName: 'l.csv',
        data: btoa('Asiakas;Yhteyshenkilö\nB Oy;Pekka\n'),
        mapping: ['name', 'person'],
      },
    ],
    listInterviews: [{ engagementId: ids.engagement }],
    getInterview: byId(ids.interview),
    createInterview: [
      {
        engagementId: ids.engagement,
        accountId: ids.account,
        intervieweeIds: [ids.person],
        startTime: '09:30',
      },
    ],
    updateInterview: [{ id: ids.interview, patch: { nps: 9, satisfaction: 4, durationMin: 45 } }],
    deleteInterview: byId(ids.interview),
    saveNotes: [
      { interviewId: ids.interview, doc: docWith(ids.coding), baseRevision: 1 },
      {
        interviewId: ids.interview,
        baseRevision: 1,
        doc: docWith(ids.coding, ids.coding2),
        codings: [
          { id: ids.coding, codeId: ids.code },
          { id: ids.coding2, codeId: ids.ownCode },
        ],
      },
    ],
    addRelationship: [{ interviewId: ids.interview, clientPerson: 'Liisa', level: 'operational' }],
    updateRelationship: [{ id: ids.relationship, patch: { clientRole: 'CEO' } }],
    removeRelationship: byId(ids.relationship),
    deletionImpact: [{ kind: 'interview', id: ids.interview }],
    // Destructive by design, and repeatable: a second erasure of the same person finds nothing new.
    eraseInterviewee: byId(ids.person),
    erasurePreview: byId(ids.person, ids.identity),
    replaceBackups: [{}],
    listIdentities: [{ engagementId: ids.engagement }],
    identityRegister: [{ engagementId: ids.engagement }],
    createIdentity: [
      { engagementId: ids.engagement, kind: 'person', name: 'Tapio Lehto', aliases: ['Tapsa'] },
      { engagementId: ids.engagement, kind: 'org', name: 'Kilpailija Oy', accountId: ids.account },
    ],
    updateIdentity: [{ id: ids.identity, patch: { role: 'kilpailijan myyjä', aliases: ['Tapsa'] } }],
    reviewIdentifiers: [
      { engagementId: ids.engagement, anonymize: 'people' },
      { engagementId: ids.engagement, anonymize: 'accounts', language: 'en', sections: ['findings'] },
    ],
    decideIdentifier: [
      { engagementId: ids.engagement, key: 'Tapsa', action: 'keep' },
      { engagementId: ids.engagement, key: 'Tapsa', action: 'link', linkTo: ids.person },
    ],
    getCodebook: [{}, { engagementId: ids.engagement }],
    createCode: [{ name: { fi: 'Hinta', en: 'Price' }, engagementId: ids.engagement, color: '#112233' }],
    updateCode: [{ id: ids.code, patch: { hotkey: 3, retired: false } }],
    // The own code's coding overlaps the shared code's: merging them collapses the two into one.
    mergeCodes: [
      { sourceId: ids.ownCode, targetId: ids.code },
      { sourceId: ids.code, targetId: ids.code },
    ],
    codeDeletionImpact: byId(ids.code),
    deleteCode: byId(ids.code),
    listCodings: [{ interviewId: ids.interview }],
    updateCoding: [{ id: ids.coding, patch: { sentiment: 'negative', severity: 2, star: true } }],
    findQuotes: [{ codeIds: [ids.code], match: 'all', tiers: ['key'] }],
    listFindings: [{ engagementId: ids.engagement }],
    createFinding: [
      {
        engagementId: ids.engagement,
        title: 'Hinta ei ratkaise',
        keyMessage: 'Luottamus ratkaisee.',
        recommendation: 'Nimetkää varahenkilö.',
        priority: 'high',
        codeIds: [ids.code, ids.ownCode],
        quoteIds: [ids.coding, ids.coding2],
      },
      { engagementId: ids.engagement, title: 'Pelkkä otsikko' },
    ],
    updateFinding: [
      {
        id: ids.finding,
        patch: { title: 'Uusi otsikko', priority: 'low', codeIds: [ids.ownCode], quoteIds: [ids.coding2] },
      },
      { id: ids.finding2, patch: { body: 'Teksti', codeIds: [], quoteIds: [] } },
    ],
    moveFinding: [
      { id: ids.finding, to: 1 },
      { id: ids.finding2, to: 0 },
    ],
    deleteFinding: byId(ids.finding, ids.finding2),
    actionRegister: [{ engagementId: ids.engagement }],
    createAction: [
      { engagementId: ids.engagement, title: 'Kysy Jarilta', accountId: ids.account, status: 'in_progress' },
    ],
    updateAction: [{ id: ids.action, patch: { status: 'done', dueDate: null, detail: 'Åsa 😀' } }],
    deleteAction: byId(ids.action),
    moveAction: [{ id: ids.action, to: 0 }],
    actionFromRecommendation: [{ findingId: ids.finding }],
    actionFromFollowUp: [{ interviewId: ids.interview, text: 'Soita takaisin', title: 'Soita', owner: 'AM' }],
    reviewAction: [{ id: ids.action, status: 'done', note: 'Hoidettu' }],
    openActions: [{}, { engagementId: ids.engagement, openOnly: false }],
    interviewClock: (['start', 'pause', 'stop'] as const).map((action) => ({ id: ids.interview, action })),
    previewTranscript: [
      { engagementId: ids.engagement, interviewId: ids.interview, fileName: 't.vtt', data: FUZZ_VTT },
    ],
    importTranscript: [
      {
        engagementId: ids.engagement,
        interviewId: ids.interview,
        fileName: 't.vtt',
        data: FUZZ_VTT,
        speakers: [{ name: 'Åsa Öberg', as: 'other' }],
      },
      { engagementId: ids.engagement, accountId: ids.account, fileName: 't.txt', data: FUZZ_VTT },
    ],
    copyCodings: [
      {
        interviewId: ids.interview,
        copies: [{ sourceId: ids.coding, id: '6f1c2b1e-0000-4000-8000-000000000001' }],
      },
    ],
    listTrash: [{}],
    emptyTrash: [{}],
    // PREPARE put two deletions in the Trash for these.
    restoreFromTrash: f.call('listTrash', {}).map((item) => ({ id: item.id })),
    deleteFromTrash: f.call('listTrash', {}).map((item) => ({ id: item.id })),
    suggestQuotes: byId(ids.finding, ids.finding2),
    search: [
      { query: 'hinta' },
      { query: '"hinta ei" OR yhteys* -kahdesti', engagementId: ids.engagement, limit: 5, offset: 1 },
      { query: 'kahdesti -tausta', engagementId: ids.engagement, tiers: ['key'], limit: 5 },
      { query: 'yhteyshenkilö', interviewId: ids.interview, codeIds: [ids.code], from: '2020-01-01' },
    ],
    codeSearchHits: [
      {
        codeId: ids.ownCode,
        hits: [{ interviewId: ids.interview, start: 7, end: 20, text: 'vaihtui kahde' }],
      },
    ],
    startReportExport: [
      {
        engagementId: ids.engagement,
        fileName: 'Raportti – Åsa 😬',
        anonymize: 'none',
        language: 'en',
        sections: ['summary', 'findings', 'appendixCodebook'],
      },
      { engagementId: ids.engagement, fileName: 'Raportti.docx', sections: ['method'] },
    ],
    exportQuotes: [
      {
        engagementId: ids.engagement,
        codeIds: [ids.code, ids.ownCode],
        format: 'docx',
        fileName: 'Lainaukset – Åsa 😬',
        tiers: ['key'],
        starredOnly: true,
      },
      {
        engagementId: ids.engagement,
        codeIds: [ids.code],
        format: 'docx',
        fileName: 'L.docx',
        anonymize: 'none',
      },
      { engagementId: ids.engagement, codeIds: [ids.code], format: 'csv', fileName: 'L', match: 'interview' },
      {
        engagementId: ids.engagement,
        codeIds: [ids.code],
        format: 'xlsx',
        fileName: 'L',
        anonymize: 'accounts',
      },
    ],
    engagementStats: [{ engagementId: ids.engagement }],
    benchmarkChoice: [{ engagementId: ids.engagement }],
    setBenchmarkComparators: [
      { engagementId: ids.engagement, comparatorIds: [] },
      { engagementId: ids.engagement, comparatorIds: null },
    ],
    getGuide: [{ engagementId: ids.engagement }],
    createGuideSection: [{ engagementId: ids.engagement, title: 'Uusi osio' }],
    updateGuideSection: [{ id: ids.guideSection, patch: { title: 'Nimetty' } }],
    deleteGuideSection: byId(ids.guideSection),
    moveGuideSection: [{ id: ids.guideSection, to: 2 }],
    createGuideQuestion: [{ sectionId: ids.guideSection, text: 'Miten menee?', scale: 'five' }],
    updateGuideQuestion: [{ id: ids.guideQuestion, patch: { help: 'Kysy esimerkki' } }],
    deleteGuideQuestion: byId(ids.guideQuestion),
    moveGuideQuestion: [{ id: ids.guideQuestion, to: 1 }],
    listGuideTemplates: [{}],
    saveGuideTemplate: [{ engagementId: ids.engagement, name: 'Toinen pohja' }],
    applyGuideTemplate: [
      { engagementId: ids.engagement, templateId: 'builtin:fi' },
      { engagementId: ids.engagement, templateId: ids.guideTemplate },
    ],
    deleteGuideTemplate: [{ id: ids.guideTemplate }],
    copyGuide: [{ fromEngagementId: ids.engagement, toEngagementId: ids.engagement }],
    setAnswer: [
      { interviewId: ids.interview, questionId: ids.guideYesNo, value: 1 },
      { interviewId: ids.interview, questionId: ids.guideYesNo, value: null },
    ],
    interviewAnswers: [{ interviewId: ids.interview }],
    questionAnswers: [
      { questionId: ids.guideQuestion },
      { questionId: ids.guideQuestion, tier: 'key', roleLevel: 'strategic' },
    ],
    guideCoverage: [{ engagementId: ids.engagement }],
    portfolio: [{}],
    listBackups: [{}],
    createBackup: [{}],
    restoreBackup: [{ path: f.backup }],
  };
}

// ---- hostile values -------------------------------------------------------------------------------

const ODD = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u202E',
  '\u200F',
  '\u200B',
  '\uFEFF',
  '👩‍👩‍👧',
  '🏳️‍🌈',
  'e\u0301',
  'Å',
  '\r\n',
  '<script>alert(1)</script>',
  "'; DROP TABLE engagements; --",
  '../../etc/passwd',
  '%s%n',
  '{{7*7}}',
  'ＡＢＣ',
] as const;
/** Any UTF-16 code unit, so lone surrogates too (fast-check's own units never produce them). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const oddString = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 40 }),
  fc.array(fc.constantFrom(...ODD), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(100_000, 1_000_000, 3_000_000).map((n) => 'x'.repeat(n)),
  fc.constantFrom(20_001, 400_000).map((n) => 'ä😬'.repeat(n)),
);
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'id ', 'ID'),
  oddString.filter((s) => s.length < 1000),
);
const number = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 2 ** 53, -(2 ** 63), 1e308, 0.5),
  fc.integer(),
);

/** An object whose own keys may be "__proto__" or "constructor" (assignment would not make those). */
const withOwnKeys = (value: fc.Arbitrary<unknown>) =>
  fc.array(fc.tuple(hostileKey, value), { maxLength: 5 }).map((entries) => {
    const object: Record<string, unknown> = {};
    for (const [key, v] of entries)
      Object.defineProperty(object, key, { value: v, enumerable: true, writable: true, configurable: true });
    return object;
  });

function nest(depth: number, kind: 'array' | 'object' | 'doc'): unknown {
  let value: unknown = kind === 'doc' ? { type: 'text', text: 'x' } : 'x';
  for (let i = 0; i < depth; i++)
    value =
      kind === 'array' ? [value] : kind === 'object' ? { a: value } : { type: 'paragraph', content: [value] };
  return kind === 'doc' ? { type: 'doc', content: [value] } : value;
}
const deep = fc
  .tuple(
    fc.integer({ min: 30, max: 20_000 }),
    fc.constantFrom('array', 'object', 'doc') as fc.Arbitrary<'array'>,
  )
  .map(([depth, kind]) => nest(depth, kind));

const leaf = fc.oneof(
  oddString,
  number,
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.bigInt(),
  fc.date(),
);
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: leaf },
  {
    weight: 3,
    arbitrary: fc.anything({
      key: hostileKey,
      values: [oddString, number, fc.boolean(), fc.constant(null)],
      maxDepth: 4,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
    }),
  },
  { weight: 2, arbitrary: withOwnKeys(leaf) },
  { weight: 1, arbitrary: deep },
  {
    weight: 1,
    arbitrary: fc.constant(
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
    ),
  },
);

// ---- mutations of valid examples ------------------------------------------------------------------

type Path = (string | number)[];
type Node = Record<string | number, unknown>;

function pathsOf(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const children = Object.entries(value).flatMap(([key, child]) =>
    pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]),
  );
  return [path, ...children];
}

const valueAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, step) => (node as Node)[step], root);

/**
 * A value of the same kind as `original` that may still pass the schema, so the call reaches the service:
 * other ids, neighbouring paths, strings at the length limits, edge numbers.
 */
function lookalike(original: unknown, known: string[]): fc.Arbitrary<unknown> {
  if (typeof original === 'string')
    return fc.oneof(
      oddString.filter((s) => s.length < 300),
      fc.uuid(),
      fc.constantFrom(...known, '', ' ', `${original}\u0000`, `${original}/../x`),
      fc.constantFrom(199, 200, 201, 4096, 4097, 20_000, 20_001).map((n) => 'ö'.repeat(n)),
    );
  if (typeof original === 'number') return number;
  if (typeof original === 'boolean') return fc.constantFrom(true, false, 0, 1, 'true');
  if (Array.isArray(original))
    return fc.array(original.length ? lookalike(original[0], known) : leaf, { maxLength: 60 });
  if (original && typeof original === 'object') return fc.oneof(fc.constant({}), withOwnKeys(leaf));
  return fc.constantFrom(null, undefined, '', 0, known[0]);
}

type Mutation = { kind: 'replace' | 'delete' | 'add'; value: unknown; key: string };

function mutate(example: unknown, path: Path, { kind, value, key }: Mutation): unknown {
  const copy = structuredClone(example);
  if (!path.length) return kind === 'replace' ? value : copy;
  const parent = valueAt(copy, path.slice(0, -1)) as Node;
  const last = path.at(-1)!;
  if (kind === 'replace') parent[last] = value;
  else if (kind === 'delete') delete parent[last];
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function inputsFor(valid: unknown[], known: string[]): fc.Arbitrary<unknown> {
  if (!valid.length) return hostile;
  const mutated = fc.tuple(fc.constantFrom(...valid), fc.nat()).chain(([example, at]) => {
    const paths = pathsOf(example);
    const path = paths[at % paths.length]!;
    return fc
      .record({
        kind: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'add') as fc.Arbitrary<
          Mutation['kind']
        >,
        value: fc.oneof(
          { weight: 3, arbitrary: lookalike(valueAt(example, path), known) },
          { weight: 2, arbitrary: hostile },
        ),
        key: hostileKey,
      })
      .map((mutation) => mutate(example, path, mutation));
  });
  return fc.oneof(
    { weight: 2, arbitrary: hostile },
    { weight: 4, arbitrary: mutated },
    { weight: 1, arbitrary: fc.constantFrom(...valid) },
  );
}

// ---- the property ---------------------------------------------------------------------------------

const CODES: ErrorCode[] = ['invalid_input', 'not_found', 'conflict', 'unknown_method', 'internal'];

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).join();

describe('fuzzing every contract method', () => {
  const protoBefore = prototypeKeys();

  test('the methods without a valid example are real methods', () => {
    for (const method of Object.keys(NO_VALID_EXAMPLE)) expect(METHODS).toContain(method);
  });

  test.each(METHODS)(
    '%s survives hostile input',
    async (method) => {
      const runs = RUNS_OF[method] ?? RUNS;
      const f = fixture(method);
      PREPARE[method]?.(f);
      const valid = examples(f)[method] ?? [];
      // Every method gets examples the schema accepts, or the services behind it would go unfuzzed.
      if (!(method in NO_VALID_EXAMPLE))
        expect(valid.length, `${method} has no valid example`).toBeGreaterThan(0);
      for (const example of valid)
        expect(contract[method].input.safeParse(example).error, `example of ${method}`).toBeUndefined();
      const known = [...Object.values(f.ids), ...f.jobs, f.backup, f.ctx.dbPath];
      let state = fingerprint(f.ctx.db);
      let refused = 0;
      let reachedService = 0;
      try {
        await fc.assert(
          fc.asyncProperty(inputsFor(valid, known), async (input) => {
            // A method that waits (a transcript read) is settled as the core host settles it.
            const result = await settle(f.dispatch(method, input));
            expect(typeof result.ok).toBe('boolean');
            if (result.ok || !result.error.message.startsWith('Invalid input —')) reachedService++;
            if (result.ok) {
              expect(result).toHaveProperty('value');
              if (method === 'startReportExport') {
                // One export at a time: each is finished before the next input.
                const { id } = result.value as Output<'startReportExport'>;
                f.jobs.push(id);
                await finished(f, id);
              }
              state = fingerprint(f.ctx.db);
              return;
            }
            refused++;
            const { code, message } = result.error;
            expect(CODES).toContain(code);
            expect(typeof message).toBe('string');
            expect(message.length).toBeGreaterThan(5);
            expect(message.length).toBeLessThan(2000);
            expect(message).not.toMatch(/\n\s+at |\bat .*\.ts:\d+|Error:/);
            // Refused means untouched: every row of every table as before.
            expect(fingerprint(f.ctx.db)).toBe(state);
          }),
          { numRuns: runs, seed: SEED },
        );
      } finally {
        // No export worker may outlive the test (or write into the temp root after it is removed).
        for (const jobId of f.jobs) await finished(f, jobId);
      }
      // Every error the services did not expect would be a bug: there must be none.
      expect(f.unexpected.map(({ method: m, error }) => `${m}: ${String(error)}`)).toEqual([]);
      expect(f.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(refused).toBeGreaterThan(runs / 4);
      // Past the schema too, or the services themselves would go untested.
      if (!(method in NO_VALID_EXAMPLE)) expect(reachedService).toBeGreaterThan(runs / 10);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(prototypeKeys()).toBe(protoBefore);
      f.ctx.db.close();
    },
    60_000,
  );

  test('saveNotes refuses attribute values that are not plain values as invalid input', () => {
    const f = fixture('attrs');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const value of [1n, cycle, new Map([['a', 1]])]) {
      const doc = { type: 'doc', content: [{ type: 'paragraph', attrs: { ts: value } }] };
      expect(f.dispatch('saveNotes', { interviewId: f.ids.interview, doc, baseRevision: 1 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    f.ctx.db.close();
  });

  // A file name made of dots ("..", ".", ".docx") once named a file outside the export folder.
  test('startReportExport never writes outside the export folder', async () => {
    const f = fixture('exportpath');
    try {
      for (const fileName of ['..', '.', '.docx', '../escape', 'Board report']) {
        const result = f.dispatch('startReportExport', {
          engagementId: f.ids.engagement,
          fileName,
          sections: ['summary'],
        });
        if (!result.ok) {
          expect(result.error.code, fileName).toBe('invalid_input');
          continue;
        }
        const job = result.value as { id: string; path: string };
        f.jobs.push(job.id);
        await finished(f, job.id);
        expect(resolve(dirname(job.path)), fileName).toBe(resolve(f.ctx.exportDir));
      }
    } finally {
      for (const jobId of f.jobs) await finished(f, jobId);
      f.ctx.db.close();
    }
  });

  test('an unknown key of a megabyte is not echoed back in the message', () => {
    const f = fixture('hugekey');
    const result = f.dispatch('getSettings', { ['k'.repeat(1_000_000)]: 1 });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result).length).toBeLessThan(2000);
    f.ctx.db.close();
  });
});
