import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type CoreClient, startCore } from '../../electron/core/client.ts';
import { acquireWriterLock, type WriterLock } from '../../electron/db/lock.ts';
import type { Output, Result } from '../../shared/contract.ts';
import type { EventName, Events } from '../../shared/events.ts';
import type { ExportJob } from '../../shared/report.ts';
import { benchWorkspace, workingCopy } from '../bench/workspace.ts';
import { REPORT_WORKER_URL, spawnHost } from '../helpers/core.ts';
import { type EventLoopFigures, watchEventLoop } from '../helpers/eventLoop.ts';
import { connect } from '../helpers/workspace.ts';

/**
 * Acceptance of the core host: while the core runs the heavy calls on the bench workspace (a retrieval of
 * 5,000 quotes across all engagements, a backup, the Word report), the main side, which only forwards,
 * keeps its event loop free: perf_hooks' delay p95 ≤ 20 ms over the run, and during each call 95 % of
 * the main thread's own work runs in stretches of ≤ 20 ms between two turns of its loop (see
 * test/helpers/eventLoop.ts: the histogram alone would pass a thread blocked for seconds, and wall-clock
 * waits on a loaded machine count other processes' load). The wall-clock figures are printed too. A second run does the same work on
 * this thread, through the dispatcher as before the host existed, and must fail the same bound: the
 * measure sees a blocked thread.
 */

const BOUND_MS = 20;
const cached = benchWorkspace('full');
let copy: ReturnType<typeof workingCopy>;
let lock: WriterLock;
let codeId = '';

beforeAll(() => {
  copy = workingCopy(cached.path);
  lock = acquireWriterLock(copy.path, 'Kuulo');
  // The most used shared code: across all engagements it has more quotes than the view's limit.
  const raw = new BetterSqlite3(copy.path, { readonly: true });
  codeId = raw
    .prepare(
      `SELECT c.code_id FROM codings c JOIN codes k ON k.id = c.code_id
       WHERE k.engagement_id IS NULL AND c.deleted_at IS NULL GROUP BY c.code_id ORDER BY count(*) DESC LIMIT 1`,
    )
    .pluck()
    .get() as string;
  raw.close();
}, 120_000);

afterAll(() => {
  lock?.release();
  copy?.remove();
});

/** As IPC forwards a call: the result as JSON text, decoded by the renderer (here: after the measure). */
type Call = (method: string, input: unknown) => Promise<string>;
type Subscribe = (listener: (job: ExportJob) => void) => () => void;

interface Window {
  label: string;
  from: number;
  to: number;
}

/** The three heavy calls one after another, as a consultant might start them; returns what they gave. */
async function heavyWork(call: Call, onExport: Subscribe, { exportToo = true } = {}) {
  const value = <T>(json: string): T => {
    const result = JSON.parse(json) as Result<unknown>;
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  const windows: Window[] = [];
  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const from = performance.now();
    const result = await run();
    windows.push({ label, from, to: performance.now() });
    return result;
  };
  const quotes = await timed('retrieval', () => call('findQuotes', { codeIds: [codeId] }));
  const backup = await timed('backup', async () =>
    value<Output<'createBackup'>>(await call('createBackup', {})),
  );
  if (!exportToo) return { quotes: () => value<Output<'findQuotes'>>(quotes).length, windows };
  let stop = () => {};
  const ended = new Promise<ExportJob>((resolve) => {
    stop = onExport((job) => {
      if (job.done) resolve(job);
    });
  });
  const { job, end } = await timed('report export', async () => {
    const job = value<Output<'startReportExport'>>(
      await call('startReportExport', {
        engagementId: cached.info.reportEngagementId,
        fileName: `event-loop-${Date.now()}`,
        anonymize: 'people',
      }),
    );
    return { job, end: await ended };
  });
  stop();
  return { quotes: () => value<Output<'findQuotes'>>(quotes).length, backup: backup.size, job, end, windows };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Prints the figures and returns the worst time-weighted own-work p95 of the three calls. */
function report(label: string, watch: ReturnType<typeof watchEventLoop>, windows: Window[]): number {
  const all: EventLoopFigures = watch.stop();
  const lines = [
    `${label}, whole run (${all.seconds.toFixed(1)} s): perf_hooks delay p95 ${ms(all.histogramP95)} ` +
      `(max ${ms(all.histogramMax)}); time-weighted wait p95 ${ms(all.waitP95)}, own work in stretches ≤ ${ms(all.busyP95)} (p95)`,
  ];
  let worst = 0;
  for (const { label: call, from, to } of windows) {
    const f = watch.between(from, to);
    worst = Math.max(worst, f.busyP95);
    lines.push(
      `  during the ${call} (${f.seconds.toFixed(2)} s): wait p95 ${ms(f.waitP95)}, own work in stretches ≤ ` +
        `${ms(f.busyP95)} (p95), longest stall ${ms(f.longestStall)} of which own work ${ms(f.longestBusy)}`,
    );
  }
  console.info(lines.join('\n'));
  figures[label] = { histogramP95: all.histogramP95, waitP95: all.waitP95, worstOwnWorkP95: worst };
  return worst;
}

const figures: Record<string, { histogramP95: number; waitP95: number; worstOwnWorkP95: number }> = {};

test('the main side stays responsive while the core host retrieves 5,000 quotes, backs up and exports', async () => {
  const core: CoreClient = await startCore(
    {
      dbPath: copy.path,
      exportDir: join(copy.dir, 'reports'),
      reportWorker: REPORT_WORKER_URL,
      housekeeping: false,
    },
    { spawn: spawnHost, askRestore: () => false, log: (operation, error) => console.error(operation, error) },
  );
  try {
    const watch = watchEventLoop();
    const done = await heavyWork(core.callJson, (listener) =>
      core.onEvent(<N extends EventName>(name: N, payload: Events[N]) => {
        if (name === 'exportProgress') listener(payload as ExportJob);
      }),
    );
    const worst = report('core host', watch, done.windows);
    expect(done.quotes()).toBe(5000);
    if (!('end' in done) || !done.job) throw new Error('the export did not run');
    expect(done.end).toMatchObject({ id: done.job.id, error: null, done: true });
    expect(figures['core host']!.histogramP95).toBeLessThanOrEqual(BOUND_MS);
    expect(worst).toBeLessThanOrEqual(BOUND_MS);
  } finally {
    await core.close();
  }
}, 120_000);

test('control: the same work on the main thread (no host) is seen as a blocked event loop', async () => {
  const conn = connect(copy.path);
  try {
    const watch = watchEventLoop();
    const done = await heavyWork(
      async (method, input) => {
        // A macrotask between calls, as IPC messages would arrive, so the timers get their turn.
        await new Promise((resolve) => setImmediate(resolve));
        return JSON.stringify(conn.dispatch(method, input));
      },
      (listener) => {
        const token = conn.events.subscribe('exportProgress', listener);
        return () => conn.events.unsubscribe(token);
      },
      // The export runs on a worker thread of its own either way: the two calls before it show enough.
      { exportToo: false },
    );
    expect(report('in-process', watch, done.windows)).toBeGreaterThan(BOUND_MS);
  } finally {
    conn.db.close();
  }
}, 120_000);
