import type { BackupEntry } from '../../shared/contract.ts';
import type { Settings } from '../../shared/domain.ts';
import type { ErrorMessage } from '../../shared/errors.ts';
import type { EventName, Events } from '../../shared/events.ts';

/** What the main side tells the core host when starting it (structured-cloned as `workerData`). */
export interface HostOptions {
  dbPath: string;
  /** Where exported reports go. */
  exportDir: string;
  /** The report worker's script, as a URL string (a built file beside the host in the app). */
  reportWorker: string;
  /** Take the daily backup and empty the expired Trash once the workspace is open (the app's start). */
  housekeeping: boolean;
}

/** An error as plain data: the host's errors cross to the main side's log by structured clone. */
export interface ErrorData {
  name: string;
  message: string;
  stack?: string;
  code?: string;
}

export type ToHost =
  | { type: 'call'; id: number; method: string; input: unknown }
  /** The answer to `askRestore`. */
  | { type: 'restore'; yes: boolean }
  | { type: 'close' };

export type FromHost =
  /**
   * The result as JSON text: the main side passes it to the renderer as it is, so no result, however
   * large (5,000 quotes), is ever decoded and encoded again on the main thread.
   */
  | { type: 'result'; id: number; json: string }
  | { type: 'event'; name: EventName; payload: Events[EventName] }
  /** Opening failed on a damaged file and a backup exists: may it be restored? */
  | { type: 'askRestore'; problem: ErrorMessage; latest: BackupEntry }
  /** The workspace is open and calls are answered from now on. */
  | { type: 'ready'; settings: Settings }
  /** The workspace cannot be opened: a known problem, or an unexpected error. */
  | { type: 'openFailed'; problem: ErrorMessage | null; error: ErrorData }
  | { type: 'log'; operation: string; error: ErrorData }
  /** A call that took long: its method and duration only. */
  | { type: 'slow'; method: string; ms: number }
  /** The database is closed (WAL checkpointed): the host may be ended. */
  | { type: 'closed' };

export function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/** Back into an Error for the main side's log (which reads name, message, code and stack). */
export function errorFromData(data: ErrorData): Error {
  const error = new Error(data.message);
  error.name = data.name;
  if (data.stack) error.stack = data.stack;
  if (data.code) (error as Error & { code?: string }).code = data.code;
  return error;
}
