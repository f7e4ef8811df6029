import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type CoreClient, startCore } from '../../electron/core/client.ts';
import type { HostOptions } from '../../electron/core/messages.ts';
import type { Output, Result } from '../../shared/contract.ts';
import type { ExportJob } from '../../shared/report.ts';
import { watchEventLoop } from '../helpers/eventLoop.ts';
import type { DatabaseBench } from './database.ts';
import { type Measure, summary } from './stats.ts';

const STARTS = 5;
// The built files, as the app starts them (`npm run bench` builds first).
const HOST = new URL('../../out/main/coreHost.js', import.meta.url);
const REPORT_WORKER = new URL('../../out/main/reportWorker.js', import.meta.url).href;

const value = <T>(json: string): T => {
  const result = JSON.parse(json) as Result<unknown>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};

/**
 * The core host (a worker thread holding the workspace) as the app's main process uses it, from the
 * built files: its start,
 * from creating the thread to the first answered call (opening the workspace included), and the main
 * side's event loop while the host retrieves 5,000 quotes, backs up and writes the report. The bench's
 * own connection holds the writer lock; the host borrows it, as under the app's main process.
 */
export async function measureCore(bench: DatabaseBench): Promise<Measure[]> {
  const { raw, path, dir, info } = bench;
  const options: HostOptions = {
    dbPath: path,
    exportDir: join(dir, 'core-reports'),
    reportWorker: REPORT_WORKER,
    housekeeping: false,
  };
  const hooks = {
    spawn: (workerData: HostOptions) => new Worker(HOST, { workerData }),
    askRestore: () => false,
    log: (operation: string, error: unknown) => console.error(operation, error),
  };
  const starts: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    const core = await startCore(options, hooks);
    value(await core.callJson('workspaceStatus', {}));
    starts.push(performance.now() - started);
    await core.close();
  }

  const codeId = raw
    .prepare(
      `SELECT c.code_id FROM codings c JOIN codes k ON k.id = c.code_id
       WHERE k.engagement_id IS NULL AND c.deleted_at IS NULL GROUP BY c.code_id ORDER BY count(*) DESC LIMIT 1`,
    )
    .pluck()
    .get() as string;
  const core: CoreClient = await startCore(options, hooks);
  try {
    const watch = watchEventLoop();
    const windows: [number, number][] = [];
    const timed = async <T>(run: () => Promise<T>): Promise<T> => {
      const from = performance.now();
      const result = await run();
      windows.push([from, performance.now()]);
      return result;
    };
    const quotes = await timed(() => core.callJson('findQuotes', { codeIds: [codeId] }));
    await timed(() => core.callJson('createBackup', {}));
    await timed(async () => {
      let stop = () => {};
      const ended = new Promise<ExportJob>((resolve) => {
        stop = core.onEvent((name, payload) => {
          if (name === 'exportProgress' && (payload as ExportJob).done) resolve(payload as ExportJob);
        });
      });
      value(
        await core.callJson('startReportExport', {
          engagementId: info.reportEngagementId,
          fileName: 'core-bench',
          anonymize: 'people',
        }),
      );
      const end = await ended;
      stop();
      if (end.error) throw new Error(`The report export failed: ${end.error}`);
    });
    const all = watch.stop();
    const ownWork = Math.max(...windows.map(([from, to]) => watch.between(from, to).busyP95));
    const count = value<Output<'findQuotes'>>(quotes).length;
    const during = `while the host retrieves ${count} quotes, backs up and writes the report (${all.seconds.toFixed(1)} s)`;
    return [
      { name: 'core host start (new worker → first answered call)', ...summary(starts) },
      {
        name: `main-side event-loop delay (perf_hooks) ${during}`,
        runs: 1,
        p50: all.histogramP50,
        p95: all.histogramP95,
        budget: 20,
        note: `max ${all.histogramMax.toFixed(0)} ms`,
      },
      {
        name: "main thread's own work: stretches between two turns of its loop (worst of the three calls)",
        runs: 1,
        p50: ownWork,
        p95: ownWork,
        budget: 20,
      },
      {
        name: 'main side: time-weighted wait of a random moment (wall clock, counts the machine’s load)',
        runs: 1,
        p50: all.waitP95,
        p95: all.waitP95,
        note: `longest stall ${all.longestStall.toFixed(0)} ms`,
      },
    ];
  } finally {
    await core.close();
  }
}
