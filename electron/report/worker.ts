import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { errorMessage } from '../../shared/errors.ts';
import { KuuloError } from '../base/errors.ts';
import { createContext } from '../services/context.ts';
import { type ReportExport, writeReport } from './export.ts';

/** Runs one report export on its own thread, reading the workspace through a read-only connection. */
interface Task {
  dbPath: string;
  request: ReportExport;
  outPath: string;
}

const task = workerData as Task;
const db = new BetterSqlite3(task.dbPath, { readonly: true, fileMustExist: true });
try {
  const result = await writeReport(
    createContext(db),
    task.request,
    task.outPath,
    (share, stage) => parentPort?.postMessage({ type: 'progress', share, stage }),
    // The app never writes over an earlier export: a taken name becomes "Name (2)".
    'next-free',
  );
  parentPort?.postMessage({ type: 'done', path: result.path });
} catch (error) {
  // A refusal (a name that would leak) keeps its key; anything else is reported with its cause.
  const detail =
    error instanceof KuuloError
      ? error.detail
      : errorMessage('exportFailed', { reason: error instanceof Error ? error.message : String(error) });
  parentPort?.postMessage({ type: 'error', detail });
} finally {
  db.close();
}
