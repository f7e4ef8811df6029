import type { Worker } from 'node:worker_threads';
import type { BackupEntry, Result } from '../../shared/contract.ts';
import type { Settings } from '../../shared/domain.ts';
import { type ErrorMessage, errorMessage } from '../../shared/errors.ts';
import { type EventName, type Events, isEventName } from '../../shared/events.ts';
import { phraseError } from '../../shared/i18n/errors.ts';
import type { ExportJob } from '../../shared/report.ts';
import { errorValue } from '../base/errors.ts';
import { errorFromData, type FromHost, type HostOptions, type ToHost } from './messages.ts';

/**
 * The main side of the core host (host.ts): forwards calls to it by request id, hands its events on,
 * keeps a copy of the workspace's settings for the shell's own dialogs, and stands in for a host that
 * has stopped. Nothing here touches the database.
 */
export interface CoreClient {
  call: (method: unknown, input: unknown) => Promise<Result<unknown>>;
  /** The same call, its result left as the JSON text the host sent: what IPC hands to the renderer. */
  callJson: (method: unknown, input: unknown) => Promise<string>;
  /** Every event the host sends, in order; returns the unsubscribe. */
  onEvent: (listener: <N extends EventName>(name: N, payload: Events[N]) => void) => () => void;
  /** The workspace's settings as last heard from the host (at start, then each `settingsChanged`). */
  settings: () => Settings;
  /** Closes the workspace in the host (the WAL is checkpointed) and ends the thread. */
  close: () => Promise<void>;
}

export interface CoreHooks {
  /** Starts the host thread with these options (`new Worker(hostUrl, { workerData })` in the app). */
  spawn: (options: HostOptions) => Worker;
  /** The workspace is damaged and a backup exists: may the host restore it? (a dialog in the app) */
  askRestore: (problem: ErrorMessage, latest: BackupEntry) => boolean | Promise<boolean>;
  log: (operation: string, error: unknown) => void;
  /** A call the host took long over (method and duration, never content). */
  logSlow?: (method: string, ms: number) => void;
  /** How long `close` waits for the host before ending the thread. */
  closeTimeoutMs?: number;
  /**
   * A host that stops is started again only if its last restart was longer ago than this (60 s by
   * default): a crash hours later is survived, a host that dies as it starts is not restarted forever.
   */
  restartWindowMs?: number;
  /** The clock for that window (tests pass a fake one). */
  now?: () => number;
}

/** The workspace could not be opened: `problem` is a known one to phrase, else `error` says what. */
export class CoreOpenError extends Error {
  readonly problem: ErrorMessage | null;
  constructor(problem: ErrorMessage | null, cause: Error) {
    super(cause.message, { cause });
    this.problem = problem;
  }
}

export const STOPPED = JSON.stringify({
  ok: false,
  error: errorValue({ key: 'coreStopped', params: {} }),
} satisfies Result<never>);

/**
 * Starts the core host and resolves once the workspace is open. A host that stops unexpectedly is
 * logged, its unanswered calls get a `coreStopped` error (the renderer then keeps the unsaved notes and
 * says so), its running exports end as failed, and it is started again, unless it was last restarted
 * within `restartWindowMs`; then every later call gets that error.
 */
export function startCore(options: HostOptions, hooks: CoreHooks): Promise<CoreClient> {
  const pending = new Map<number, (json: string) => void>();
  const waiting: (() => void)[] = [];
  const listeners = new Set<<N extends EventName>(name: N, payload: Events[N]) => void>();
  let nextId = 1;
  let settings: Settings = { language: null, backupsKept: 10 };
  let worker: Worker;
  let state: 'starting' | 'ready' | 'stopped' | 'closing' | 'closed' = 'starting';
  let restarts = 0;
  let lastRestart = Number.NEGATIVE_INFINITY;
  const now = hooks.now ?? (() => performance.now());
  /** Exports the host runs, as last heard: the report worker is the host's thread and dies with it. */
  const running = new Map<string, ExportJob>();
  let closed: (() => void) | null = null;

  const send = (message: ToHost) => worker.postMessage(message);

  const failPending = () => {
    for (const answer of pending.values()) answer(STOPPED);
    pending.clear();
  };

  const emit = <N extends EventName>(name: N, payload: Events[N]) => {
    for (const listener of listeners) listener(name, payload);
  };

  const followExport = (job: ExportJob) => {
    if (job.done) running.delete(job.id);
    else running.set(job.id, job);
  };

  /** Without this last event, an export dialog would wait for ever on a job no host runs any more. */
  const failRunningExports = () => {
    const failure = errorMessage('exportInterrupted');
    for (const job of running.values()) {
      emit('exportProgress', { ...job, done: true, error: phraseError(failure, 'en'), failure, ms: null });
    }
    running.clear();
  };

  const noteExport = (json: string) => {
    const result = JSON.parse(json) as Result<ExportJob>;
    // The answer is posted before any of the job's events, so this never revives a finished job.
    if (result.ok && !result.value.done && !running.has(result.value.id))
      running.set(result.value.id, result.value);
    return json;
  };

  const callJson = (method: unknown, input: unknown) =>
    new Promise<string>((resolve) => {
      const go = () => {
        if (state !== 'ready') return resolve(STOPPED);
        const id = nextId++;
        // A started export is followed from its answer too: the host may die before its first event.
        pending.set(id, method === 'startReportExport' ? (json) => resolve(noteExport(json)) : resolve);
        send({ type: 'call', id, method: String(method), input });
      };
      // Calls made while the host (re)starts wait for it rather than fail.
      if (state === 'starting') waiting.push(go);
      else go();
    });

  const client: CoreClient = {
    call: async (method, input) => JSON.parse(await callJson(method, input)) as Result<unknown>,
    callJson,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settings: () => settings,
    close: () => {
      if (state === 'closed') return Promise.resolve();
      if (state !== 'ready') {
        state = 'closed';
        return worker.terminate().then(() => undefined);
      }
      state = 'closing';
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate(), hooks.closeTimeoutMs ?? 10_000);
        closed = () => {
          clearTimeout(timer);
          resolve();
        };
        send({ type: 'close' });
      });
    },
  };

  return new Promise<CoreClient>((resolveStart, rejectStart) => {
    const launch = (housekeeping: boolean) => {
      state = 'starting';
      worker = hooks.spawn({ ...options, housekeeping });
      const current = worker;
      current.on('message', (message: FromHost) => {
        if (current !== worker) return;
        switch (message.type) {
          case 'result':
            pending.get(message.id)?.(message.json);
            pending.delete(message.id);
            break;
          case 'event':
            if (!isEventName(message.name)) return;
            if (message.name === 'settingsChanged') settings = message.payload as Settings;
            if (message.name === 'exportProgress') followExport(message.payload as ExportJob);
            emit(message.name, message.payload);
            break;
          case 'askRestore':
            void Promise.resolve(hooks.askRestore(message.problem, message.latest)).then((yes) =>
              send({ type: 'restore', yes }),
            );
            break;
          case 'ready':
            settings = message.settings;
            state = 'ready';
            for (const go of waiting.splice(0)) go();
            resolveStart(client);
            break;
          case 'openFailed': {
            const error = new CoreOpenError(message.problem, errorFromData(message.error));
            // The first start's failure is the caller's to report; a restart's has no caller.
            if (restarts > 0) hooks.log('coreHostRestart', error.cause);
            state = 'stopped';
            for (const go of waiting.splice(0)) go();
            rejectStart(error);
            void current.terminate();
            break;
          }
          case 'log':
            hooks.log(message.operation, errorFromData(message.error));
            break;
          case 'slow':
            hooks.logSlow?.(message.method, message.ms);
            break;
          case 'closed':
            state = 'closed';
            closed?.();
            break;
        }
      });
      current.on('error', (error) => {
        if (current === worker) hooks.log('coreHost', error);
      });
      current.on('exit', (code) => {
        if (current !== worker) return;
        if (state === 'closed' || state === 'closing') {
          state = 'closed';
          failPending();
          closed?.();
          return;
        }
        if (state === 'stopped') return;
        hooks.log('coreHost', new Error(`The core host stopped unexpectedly (exit code ${code}).`));
        const wasReady = state === 'ready';
        state = 'stopped';
        failPending();
        failRunningExports();
        if (!wasReady) {
          for (const go of waiting.splice(0)) go();
          rejectStart(new CoreOpenError(null, new Error(`The core host stopped while starting (${code}).`)));
          return;
        }
        // Not twice within the window: a host that keeps dying would otherwise restart forever.
        if (now() - lastRestart > (hooks.restartWindowMs ?? 60_000)) {
          restarts += 1;
          lastRestart = now();
          launch(false);
        }
      });
    };
    launch(true);
  });
}
