import type { BackupEntry, BackupReason } from './contract.ts';
import type { Settings } from './domain.ts';
import type { ErrorMessage } from './errors.ts';
import type { ExportJob } from './report.ts';

/**
 * Events the core sends without being asked: progress and completion of long jobs, and changes that
 * other parts of the app must follow. Like the contract's methods, this fixed list is all that crosses
 * the boundary; a name not in it is dropped on every side.
 */
export interface Events {
  /** A report export moved on (progress, stage), finished (`done`, `path`) or failed (`error`). */
  exportProgress: ExportJob;
  /** The workspace's settings changed (saved, or a backup restored): the shell's dialogs follow the language. */
  settingsChanged: Settings;
  /** A backup began (`done` false), was written (`entry`) or failed (`failure`): the daily one or one asked for. */
  backupProgress: BackupProgress;
  /** A transcript or account list being previewed or imported moved to a stage, on in it, finished or failed. */
  importProgress: ImportProgress;
  /** The search index was found damaged and is being rebuilt (`done` false), or the rebuild ended. */
  searchIndexRepair: SearchIndexRepair;
  /** The whole-file check found the workspace damaged: writes are stopped until a restart restores a backup. */
  workspaceDamaged: WorkspaceDamaged;
}

export interface WorkspaceDamaged {
  /** SQLite's finding (page numbers), for the log; the window says what it means. */
  detail: string;
}

export interface SearchIndexRepair {
  done: boolean;
  /** The rebuild failed: search may miss hits until the next start tries again. */
  failed: boolean;
}

export interface BackupProgress {
  reason: BackupReason;
  done: boolean;
  entry: BackupEntry | null;
  failure: ErrorMessage | null;
}

export const IMPORT_STAGES = ['reading', 'parsing', 'writing'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

/** How far one preview or import of a file is; counts only, never the file's content or name. */
export interface ImportProgress {
  /** One run (a preview or an import): its events share it. */
  id: string;
  kind: 'transcript' | 'accounts';
  step: 'preview' | 'import';
  stage: ImportStage;
  /** The stage's work done and in all (thousandths of a transcript's parse, say); 0 of 0 where it is not counted. */
  done: number;
  total: number;
  /** The last event of the run: it ended, with `failure` set where it failed. */
  finished: boolean;
  failure: ErrorMessage | null;
}

export type EventName = keyof Events;

export const EVENT_NAMES = [
  'exportProgress',
  'settingsChanged',
  'backupProgress',
  'importProgress',
  'searchIndexRepair',
  'workspaceDamaged',
] as const satisfies readonly EventName[];

// Fails to compile when an event is added to `Events` but not to the list.
const _everyEventListed: Record<EventName, true> = {
  exportProgress: true,
  settingsChanged: true,
  backupProgress: true,
  importProgress: true,
  searchIndexRepair: true,
  workspaceDamaged: true,
};
void _everyEventListed;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

/** How the services announce an event; a no-op where nobody listens (the CLI). */
export type Emit = <N extends EventName>(name: N, payload: Events[N]) => void;

export type EventListener<N extends EventName> = (payload: Events[N]) => void;

/** What the renderer sees (preload in Electron, the harness in e2e tests): subscribe by name, unsubscribe by token. */
export interface EventSource {
  subscribe: <N extends EventName>(name: N, listener: EventListener<N>) => number;
  unsubscribe: (token: number) => void;
}

/** Events held for a name nobody has subscribed to yet; more than this many are not kept. */
const HELD_EVENTS = 50;

/**
 * Listeners by event name, for each side that hands events on. With `holdEarly` (the page's side),
 * events of a name that nobody has subscribed to yet are held and handed to its first subscriber: the
 * core starts working (the daily backup) before the page has loaded and subscribed.
 */
export function createEventHub(
  options: { holdEarly?: boolean } = {},
): EventSource & { emit: (name: unknown, payload: unknown) => void } {
  const listeners = new Map<number, { name: EventName; listener: (payload: unknown) => void }>();
  const held = new Map<EventName, unknown[]>();
  const subscribed = new Set<EventName>();
  let next = 1;
  const deliver = (name: EventName, payload: unknown) => {
    let failure: { error: unknown } | null = null;
    for (const entry of [...listeners.values()]) {
      if (entry.name !== name) continue;
      try {
        entry.listener(payload);
      } catch (error) {
        // One listener's bug must not keep the event from the others; it is thrown once all have run.
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  };
  return {
    subscribe: (name, listener) => {
      if (!isEventName(name)) throw new Error(`Unknown event: ${String(name)}`);
      const token = next++;
      listeners.set(token, { name, listener: listener as (payload: unknown) => void });
      subscribed.add(name);
      const early = held.get(name);
      held.delete(name);
      for (const payload of early ?? []) (listener as (payload: unknown) => void)(payload);
      return token;
    },
    unsubscribe: (token) => {
      listeners.delete(token);
    },
    emit: (name, payload) => {
      if (!isEventName(name)) return;
      if (options.holdEarly && !subscribed.has(name)) {
        const early = held.get(name) ?? [];
        if (early.length < HELD_EVENTS) early.push(payload);
        held.set(name, early);
        return;
      }
      deliver(name, payload);
    },
  };
}
