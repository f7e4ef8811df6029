import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../electron/core/handlers.ts';
import { loadAll } from '../../electron/core/onDemand.ts';
import { openDatabase } from '../../electron/db/connection.ts';
import { createContext } from '../../electron/services/context.ts';
import { createDispatcher } from '../../electron/services/dispatcher.ts';
import { seededIds } from '../../electron/services/ids.ts';
import { reindexAllNotes } from '../../electron/services/search/indexing.ts';
import type { Input, Method, Output } from '../../shared/contract.ts';
import { type GenerateOptions, generateWorkspace } from './generate.ts';
import { generateNotes, random } from './notes.ts';

// The generator calls the dispatcher synchronously: every service loaded up front.
await loadAll();

/** Bump when the generator or what is added to the workspace changes, so an old cached file is not reused. */
const GENERATOR_VERSION = 44;

export const SCALE_NAMES = ['small', 'full'] as const;
export type Scale = (typeof SCALE_NAMES)[number];

export interface ScaleConfig {
  /** The portfolio: engagements × interviews, as a senior consultant accumulates them over years. */
  workspace: GenerateOptions;
  /** One more engagement of this size, with `findings` findings, is the one the report is exported for. */
  report: GenerateOptions;
  findings: number;
  /** Findings with codes (each gives the report a tier chart); the report adds four charts of its own. */
  chartedFindings: number;
  /** Three long interviews in an engagement of their own: one to write to, two to open and switch between. */
  long: { words: number; codings: number };
  runs: {
    /** Service calls that take milliseconds. */
    cheap: number;
    open: number;
    backup: number;
    report: number;
    renderer: number;
    keys: number;
  };
}

export const SCALES: Record<Scale, ScaleConfig> = {
  /** ≈ 2,000 interviews, 120,000 codings, 5 M words: the portfolio. */
  full: {
    workspace: {
      engagements: 50,
      interviewsPerEngagement: 40,
      wordsPerInterview: 2500,
      codingsPerInterview: 60,
      seed: 7,
    },
    report: {
      engagements: 1,
      interviewsPerEngagement: 60,
      wordsPerInterview: 2500,
      codingsPerInterview: 60,
      seed: 8,
    },
    findings: 10,
    chartedFindings: 4,
    long: { words: 20_000, codings: 500 },
    runs: { cheap: 30, open: 20, backup: 5, report: 3, renderer: 10, keys: 400 },
  },
  /** Seconds, for CI: only keeps the harness working; its figures mean little. */
  small: {
    workspace: {
      engagements: 5,
      interviewsPerEngagement: 12,
      wordsPerInterview: 300,
      codingsPerInterview: 12,
      seed: 7,
    },
    report: {
      engagements: 1,
      interviewsPerEngagement: 12,
      wordsPerInterview: 300,
      codingsPerInterview: 12,
      seed: 8,
    },
    findings: 10,
    chartedFindings: 4,
    long: { words: 2000, codings: 50 },
    runs: { cheap: 20, open: 5, backup: 2, report: 1, renderer: 3, keys: 60 },
  },
};

/** What the benchmarks need to know about a generated workspace; kept beside the cached file. */
export interface WorkspaceInfo {
  version: number;
  scale: Scale;
  /** When the cached file was generated, and how long that took. */
  builtAt: string;
  buildMs: number;
  sizeMb: number;
  counts: { engagements: number; interviews: number; held: number; codings: number; words: number };
  /** The portfolio's engagements (not the report's nor the long interviews'). */
  engagementIds: string[];
  reportEngagementId: string;
  longInterviewIds: [string, string, string];
}

/**
 * The generated workspace for a scale, built once and kept in the temp folder (keyed by scale and seed):
 * building the full size takes minutes, timing it takes less. Written under a temporary name and renamed
 * when complete, so an interrupted build is never mistaken for a finished one. `fresh` rebuilds.
 */
export function benchWorkspace(
  scale: Scale,
  fresh = false,
): { path: string; info: WorkspaceInfo; config: ScaleConfig; built: boolean } {
  const config = SCALES[scale];
  const path = join(tmpdir(), `kuulo-bench-v${GENERATOR_VERSION}-${scale}-seed${config.workspace.seed}.db`);
  const infoPath = `${path}.json`;
  if (!fresh && existsSync(path) && existsSync(infoPath)) {
    const info = JSON.parse(readFileSync(infoPath, 'utf8')) as WorkspaceInfo;
    if (info.version === GENERATOR_VERSION) return { path, info, config, built: false };
  }
  for (const file of [path, infoPath]) rmSync(file, { force: true });
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  const started = performance.now();
  const db = openDatabase(building);
  let ids: Pick<WorkspaceInfo, 'engagementIds' | 'reportEngagementId' | 'longInterviewIds'>;
  try {
    generateWorkspace(db, config.workspace);
    const engagementIds = db.prepare('SELECT id FROM engagements ORDER BY id').pluck().all() as string[];
    generateWorkspace(db, config.report);
    // The generator writes notes rows directly: their search index rows as the notes service writes them.
    reindexAllNotes(db);
    const reportEngagementId = db
      .prepare('SELECT id FROM engagements WHERE id NOT IN (SELECT value FROM json_each(?))')
      .pluck()
      .get(JSON.stringify(engagementIds)) as string;
    const ctx = createContext(db, { newId: seededIds(`bench-extra-${config.workspace.seed}`) });
    const dispatch = createDispatcher(createHandlers(ctx));
    const call = <M extends Method>(method: M, input: Input<M>): Output<M> => {
      const result = dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as Output<M>;
    };
    addFindings(call, reportEngagementId, config);
    const longInterviewIds = addLongInterviews(call, ctx.newId, config);
    ids = { engagementIds, reportEngagementId, longInterviewIds };
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const buildMs = performance.now() - started;
  const info: WorkspaceInfo = {
    version: GENERATOR_VERSION,
    scale,
    builtAt: new Date().toISOString(),
    buildMs,
    sizeMb: statSync(building).size / 2 ** 20,
    counts: countsOf(building),
    ...ids,
  };
  writeFileSync(infoPath, `${JSON.stringify(info, null, 2)}\n`);
  renameSync(building, path);
  return { path, info, config, built: true };
}

function countsOf(path: string): WorkspaceInfo['counts'] {
  const db = openDatabase(path, { backupBeforeMigrate: false });
  try {
    return db
      .prepare(
        `SELECT (SELECT count(*) FROM engagements) AS engagements, (SELECT count(*) FROM interviews) AS interviews,
           (SELECT count(*) FROM interviews WHERE status <> 'planned') AS held,
           (SELECT count(*) FROM codings WHERE deleted_at IS NULL) AS codings,
           (SELECT coalesce(sum(word_count), 0) FROM notes) AS words`,
      )
      .get() as WorkspaceInfo['counts'];
  } finally {
    db.close();
  }
}

type Call = <M extends Method>(method: M, input: Input<M>) => Output<M>;

/**
 * The report engagement's findings, written as a consultant would: the most common themes get a finding
 * with their code and three quotes (each such finding adds a tier chart to the report), the rest are
 * observations with text and a recommendation only.
 */
function addFindings(call: Call, engagementId: string, config: ScaleConfig): void {
  const themes = call('engagementStats', { engagementId })
    .prevalence.filter((p) => p.interviews > 0)
    .slice(0, config.chartedFindings);
  const body =
    'Customers describe the hand-over from sales to delivery as the moment trust is won or lost. '.repeat(6);
  for (let i = 0; i < config.findings; i++) {
    const theme = themes[i];
    const quoteIds = theme
      ? call('findQuotes', { codeIds: [theme.codeId], engagementId, limit: 3 }).map((q) => q.id)
      : [];
    call('createFinding', {
      engagementId,
      title: theme ? `${theme.code.en} matters most to key accounts` : `Observation ${i + 1}`,
      keyMessage: 'Key accounts expect one named contact who follows the delivery through.',
      body: `${body}\n\n${body}`,
      recommendation: 'Name a delivery owner at contract signature and introduce them in the kick-off.',
      priority: i < 3 ? 'high' : 'medium',
      codeIds: theme ? [theme.codeId] : [],
      quoteIds,
    });
  }
}

/** Three long interviews (e.g. a full-day workshop written up) with their codings, saved as the editor does. */
function addLongInterviews(call: Call, newId: () => string, config: ScaleConfig): [string, string, string] {
  const engagement = call('createEngagement', {
    clientName: 'Long notes',
    title: 'Workshops',
    language: 'en',
  });
  const account = call('createAccount', { engagementId: engagement.id, name: 'Key Account Oy', tier: 'key' });
  const person = call('createInterviewee', {
    accountId: account.id,
    name: 'Pia Long',
    roleLevel: 'strategic',
  });
  const codeIds = call('getCodebook', { engagementId: engagement.id })
    .filter((c) => !c.isGroup)
    .map((c) => c.id);
  const ids = [1, 2, 3].map((n) => {
    const interview = call('createInterview', {
      engagementId: engagement.id,
      accountId: account.id,
      intervieweeIds: [person.id],
      date: `2026-03-0${n}`,
      status: 'coded',
    });
    const notes = generateNotes(random(100 + n), config.long.words, config.long.codings, codeIds, newId);
    call('saveNotes', { interviewId: interview.id, doc: notes.doc, codings: notes.codings, baseRevision: 0 });
    return interview.id;
  });
  return [ids[0]!, ids[1]!, ids[2]!];
}

/** A copy of the cached workspace to measure on: writes, backups and reports never touch the cache. */
export function workingCopy(path: string): { dir: string; path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kuulo-bench-run-'));
  const copy = join(dir, 'workspace.db');
  copyFileSync(path, copy);
  return { dir, path: copy, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
