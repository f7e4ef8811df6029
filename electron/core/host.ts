import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { BackupEntry } from '../../shared/contract.ts';
import { errorValue, KuuloError } from '../base/errors.ts';
import { listBackupFiles } from '../db/backups.ts';
import { openDatabase } from '../db/connection.ts';
import { clearDamageMark, markDamaged, markedDamage } from '../db/damageMark.ts';
import { isCorruption } from '../db/inspect.ts';
import { problemError } from '../db/openErrors.ts';
import { restoreClosedWorkspace, verifyBackup } from '../db/restore.ts';
import { backupOnStart } from '../services/backup.ts';
import { createContext, type ServiceContext } from '../services/context.ts';
import {
  createDispatcher,
  type Dispatch,
  type DispatcherOptions,
  Pending,
  settle,
} from '../services/dispatcher.ts';
import { repairSearchIndex, retryOwedVacuum } from '../services/search/upkeep.ts';
import { getSettings } from '../services/settings.ts';
import { emptyExpiredTrash } from '../services/trash.ts';
import { createHandlers } from './handlers.ts';
import type { IndexCheckAnswer, IndexCheckData } from './indexCheck.ts';
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
  onUnexpectedError: (method, error) => {
    post({ type: 'log', operation: method, error: errorData(error) });
    // Damage met by a call (a save whose index write reads a bad page): check the index now.
    if (isCorruption(error) && ctx) checkSearchIndex(ctx);
  },
  onSlowCall: (method, ms) => post({ type: 'slow', method, ms }),
};
let answerRestore: ((yes: boolean) => void) | null = null;
/** The search index is being checked or rebuilt (checkSearchIndex). */
let upkeepRunning = false;
/** The index check's thread while it runs: ended at close, so its reader never holds up the checkpoint. */
let checker: Worker | null = null;
/** The connection whose writes were stopped because the whole-file check found damage (stopWrites). */
let stopped: Database | null = null;
/** The check ran again after a rebuild (repair), for the whole-file check the damaged index held back. */
let checkedAfterRepair = false;

/** The checker's script beside this one: built .js in the app, the .ts source in tests. */
const INDEX_CHECK = new URL(
  `./indexCheck${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);

port.on('message', (message: ToHost) => {
  switch (message.type) {
    case 'call': {
      // The client sends calls only once `ready` came; this guards against a bug there.
      const result = dispatch
        ? dispatch(message.method, message.input)
        : { ok: false as const, error: errorValue({ key: 'unexpected', params: {} }) };
      const send = (settled: unknown) =>
        post({ type: 'result', id: message.id, json: JSON.stringify(asDamaged(settled)) });
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
      void checker?.terminate();
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
    // Damage the last run found after opening: checked whole before anything writes (db/damageMark.ts).
    const marked = markedDamage(path);
    if (marked) throw problemError(path, marked);
    return openDatabase(path);
  } catch (error) {
    const damaged = error instanceof KuuloError && error.key === 'workspaceDamaged';
    const latest = damaged ? latestSoundBackup(path) : undefined;
    if (!latest) throw error;
    const yes = await new Promise<boolean>((resolve) => {
      answerRestore = resolve;
      post({ type: 'askRestore', problem: (error as KuuloError).detail, latest });
    });
    if (!yes) throw error;
    restoreClosedWorkspace(path, latest.path);
    clearDamageMark(path);
    return openDatabase(path);
  }
}

/**
 * The newest backup that passes the whole check: the newest may be the day's start backup, taken from the
 * file before the check after the start found it damaged. Checking each costs seconds, only here.
 */
function latestSoundBackup(path: string): BackupEntry | undefined {
  return listBackupFiles(path).find((entry) => {
    try {
      verifyBackup(entry.path);
      return true;
    } catch {
      return false;
    }
  });
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
  vacuumIfOwed(context);
  checkSearchIndex(context);
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

/** A rebuild's VACUUM that failed is retried before the whole-file check, which would count its pages as damage. */
function vacuumIfOwed(context: ServiceContext): void {
  try {
    retryOwedVacuum(context.db);
  } catch (error) {
    // Still failing (a full disk): the marker stays, and the check leaves those pages alone meanwhile.
    post({ type: 'log', operation: 'searchIndexVacuum', error: errorData(error) });
  }
}

/**
 * Checks the search index (left out of the open-time check) on a thread of its own, and rebuilds it here
 * if damaged, one step per turn of the event loop, so calls that arrive meanwhile are answered between
 * steps. A sound index is followed there by the whole-file check; damage it finds stops all writes.
 * Runs after every start and whenever a call met damage.
 */
function checkSearchIndex(context: ServiceContext): void {
  if (upkeepRunning) return;
  upkeepRunning = true;
  const thread = new Worker(INDEX_CHECK, {
    workerData: { dbPath: context.dbPath } satisfies IndexCheckData,
  });
  checker = thread;
  let answered = false;
  thread.once('message', (answer: IndexCheckAnswer) => {
    answered = true;
    void thread.terminate();
    if ('error' in answer) {
      post({ type: 'log', operation: 'searchIndexCheck', error: errorData(new Error(answer.error)) });
      upkeepRunning = false;
    } else if (answer.damage === null) {
      if (answer.fileDamage !== null) stopWrites(context, answer.fileDamage);
      upkeepRunning = false;
    } else {
      post({ type: 'log', operation: 'searchIndexDamaged', error: errorData(new Error(answer.damage)) });
      repair(context);
    }
  });
  thread.once('error', (error) => {
    post({ type: 'log', operation: 'searchIndexCheck', error: errorData(error) });
  });
  thread.once('exit', () => {
    checker = null;
    if (!answered) upkeepRunning = false;
  });
}

function repair(context: ServiceContext): void {
  const steps = repairSearchIndex(context);
  const step = () => {
    // Closed meanwhile (the app quits): the rebuild's marker (or the missing index) has a later start rebuild it.
    if (dispatch === null || !context.db.open) {
      upkeepRunning = false;
      return;
    }
    let rebuilt = false;
    try {
      if (!steps.next().done) {
        setImmediate(step);
        return;
      }
      rebuilt = true;
      // The start's daily backup reads every page, so it failed on the damaged index: take it now.
      if (options.housekeeping) backupOnStart(context, getSettings(context).backupsKept);
    } catch (error) {
      post({ type: 'log', operation: 'searchIndexRepair', error: errorData(error) });
    }
    upkeepRunning = false;
    // The whole-file check waits for a sound index: run it now, once (a rebuild that failed to mend the
    // index must not start another, and another).
    if (rebuilt && !checkedAfterRepair) {
      checkedAfterRepair = true;
      checkSearchIndex(context);
    }
  };
  setImmediate(step);
}

/**
 * The whole-file check found damage outside the search index: a write now could put one table's rows on
 * another's page and destroy notes. Every write on this connection fails from here on (SQLITE_READONLY,
 * nothing changed; the editor keeps unsaved notes), the window is told, and the next start refuses the file
 * and offers its latest backup (db/damageMark.ts). Reads still work, so the consultant can copy text out.
 */
function stopWrites(context: ServiceContext, detail: string): void {
  try {
    context.db.pragma('query_only = ON');
    stopped = context.db;
    markDamaged(context.dbPath, detail);
  } catch (error) {
    post({ type: 'log', operation: 'workspaceDamaged', error: errorData(error) });
  }
  post({ type: 'log', operation: 'workspaceDamaged', error: errorData(new Error(detail)) });
  context.emit('workspaceDamaged', { detail });
}

/** A write refused because writes were stopped reads as "read-only file"; say what it is: damage. */
function asDamaged(settled: unknown): unknown {
  const result = settled as { ok?: boolean; error?: { key?: string } };
  if (stopped === null || ctx?.db !== stopped || result.ok !== false) return settled;
  if (result.error?.key !== 'workspaceReadOnlyNow') return settled;
  return { ok: false, error: errorValue({ key: 'workspaceDamagedNow', params: {} }) };
}
