import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { errorValue, KuuloError } from '../base/errors.ts';
import { listBackupFiles } from '../db/backups.ts';
import { openDatabase } from '../db/connection.ts';
import { restoreClosedWorkspace } from '../db/restore.ts';
import { backupOnStart } from '../services/backup.ts';
import { createContext, type ServiceContext } from '../services/context.ts';
import {
  createDispatcher,
  type Dispatch,
  type DispatcherOptions,
  Pending,
  settle,
} from '../services/dispatcher.ts';
import { getSettings } from '../services/settings.ts';
import { emptyExpiredTrash } from '../services/trash.ts';
import { createHandlers } from './handlers.ts';
import { errorData, type FromHost, type HostOptions, type ToHost } from './messages.ts';

/**
 * The core host: a worker thread that owns the workspace connection and answers the contract's calls,
 * so the heavy ones (a retrieval, a backup, an export's set-up) never hold up Electron's main thread,
 * where windows, menus and dialogs live. The main side (client.ts) holds the writer lock before
 * starting this thread; opening here borrows it (see db/lock.ts).
 */

if (!parentPort) throw new Error('The core host runs as a worker thread.');
const port = parentPort;
const options = workerData as HostOptions;
const post = (message: FromHost) => port.postMessage(message);

let ctx: ServiceContext | null = null;
let dispatch: Dispatch | null = null;
const dispatcherOptions: DispatcherOptions = {
  onUnexpectedError: (method, error) => post({ type: 'log', operation: method, error: errorData(error) }),
  onSlowCall: (method, ms) => post({ type: 'slow', method, ms }),
};
let answerRestore: ((yes: boolean) => void) | null = null;

port.on('message', (message: ToHost) => {
  switch (message.type) {
    case 'call': {
      // The client sends calls only once `ready` came; this guards against a bug there.
      const result = dispatch
        ? dispatch(message.method, message.input)
        : { ok: false as const, error: errorValue({ key: 'unexpected', params: {} }) };
      const send = (settled: unknown) =>
        post({ type: 'result', id: message.id, json: JSON.stringify(settled) });
      // Most results are values at once; a method that waits (reading a Word file) is sent when done.
      if (result.ok && result.value instanceof Pending) void settle(result).then(send);
      else send(result);
      break;
    }
    case 'restore':
      answerRestore?.(message.yes);
      answerRestore = null;
      break;
    case 'close':
      // Closing checkpoints the WAL into the file; the connection may be a restored one (ctx.db).
      if (ctx?.db.open) ctx.db.close();
      dispatch = null;
      post({ type: 'closed' });
      port.close();
      break;
  }
});

/** Opens the workspace; a damaged one is restored from the latest backup if the consultant agrees. */
async function openWorkspace(path: string): Promise<Database> {
  try {
    return openDatabase(path);
  } catch (error) {
    const damaged = error instanceof KuuloError && error.key === 'workspaceDamaged';
    const latest = damaged ? listBackupFiles(path)[0] : undefined;
    if (!latest) throw error;
    const yes = await new Promise<boolean>((resolve) => {
      answerRestore = resolve;
      post({ type: 'askRestore', problem: (error as KuuloError).detail, latest });
    });
    if (!yes) throw error;
    restoreClosedWorkspace(path, latest.path);
    return openDatabase(path);
  }
}

try {
  const db = await openWorkspace(options.dbPath);
  const context = createContext(db, {
    exportDir: options.exportDir,
    reportWorker: new URL(options.reportWorker),
    emit: (name, payload) => post({ type: 'event', name, payload }),
  });
  ctx = context;
  dispatch = createDispatcher(createHandlers(context), dispatcherOptions);
  post({ type: 'ready', settings: getSettings(context) });
  // After `ready`: the window loads meanwhile, and calls wait in the queue until this is done.
  if (options.housekeeping) housekeeping(context);
} catch (error) {
  post({
    type: 'openFailed',
    problem: error instanceof KuuloError ? error.detail : null,
    error: errorData(error),
  });
}

function housekeeping(context: ServiceContext): void {
  try {
    backupOnStart(context, getSettings(context).backupsKept);
  } catch (error) {
    // A failed daily backup must not keep the consultant from their notes; the next start tries again.
    post({ type: 'log', operation: 'backupOnStart', error: errorData(error) });
  }
  try {
    emptyExpiredTrash(context);
  } catch (error) {
    post({ type: 'log', operation: 'emptyExpiredTrash', error: errorData(error) });
  }
}
