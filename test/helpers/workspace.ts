import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createHandlers } from '../../electron/core/handlers.ts';
import { loadAll } from '../../electron/core/onDemand.ts';
import { openDatabase } from '../../electron/db/connection.ts';
import { createContext, type ServiceContext } from '../../electron/services/context.ts';
import { createDispatcher, type Dispatch } from '../../electron/services/dispatcher.ts';
import type { Input, Method, Output, Result } from '../../shared/contract.ts';
import { createEventHub, type EventSource } from '../../shared/events.ts';

// Tests call the dispatcher synchronously: every service loaded up front, as the first call would load it.
await loadAll();

/** The report worker from its TypeScript source, as the core host is given the built one. */
export const REPORT_WORKER = new URL('../../electron/report/worker.ts', import.meta.url);

export interface Connection {
  db: Database;
  ctx: ServiceContext;
  dispatch: Dispatch;
  /** Calls a method and returns its value, failing the test on an error result. */
  call: <M extends Method>(method: M, input: Input<M>) => Output<M>;
  /** Calls a method and returns the raw result. */
  raw: (method: string, input: unknown) => Result<unknown>;
  /** Saves notes the way the editor does: made from the revision stored now. */
  saveNotes: (input: Omit<Input<'saveNotes'>, 'baseRevision'>) => Output<'saveNotes'>;
  /** The services' events (export progress, settings changed), as the core host passes them on. */
  events: EventSource;
}

export interface TestWorkspace extends Connection {
  dir: string;
  path: string;
  close: () => void;
}

/** Opens a workspace file behind the real dispatcher. */
export function connect(path: string): Connection {
  const db = openDatabase(path);
  const events = createEventHub();
  const ctx = createContext(db, { emit: events.emit, reportWorker: REPORT_WORKER });
  const dispatch = createDispatcher(createHandlers(ctx), {
    onUnexpectedError: (method, error) => console.error(method, error),
  });
  const call: Connection['call'] = (method, input) => {
    const result = dispatch(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as Output<typeof method>;
  };
  return {
    db,
    ctx,
    dispatch,
    call,
    raw: (method, input) => dispatch(method, input),
    events: { subscribe: events.subscribe, unsubscribe: events.unsubscribe },
    saveNotes: (input) =>
      call('saveNotes', {
        ...input,
        baseRevision: call('getInterview', { id: input.interviewId }).notes.revision,
      }),
  };
}

/** A real workspace file in a fresh temp folder. */
export function openTestWorkspace(): TestWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'kuulo-test-'));
  const path = join(dir, 'workspace.db');
  const connection = connect(path);
  return {
    ...connection,
    dir,
    path,
    close: () => {
      if (connection.db.open) connection.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An engagement with one account and one interview: the smallest place to write notes in. */
export function newInterview(
  connection: Pick<Connection, 'call'>,
  account: { name?: string; tier?: 'key' | 'named' | 'unmanaged' } = {},
): { engagementId: string; accountId: string; id: string } {
  const engagement = connection.call('createEngagement', {
    clientName: 'Client',
    title: 'Study',
    language: 'en',
  });
  const created = connection.call('createAccount', {
    engagementId: engagement.id,
    name: account.name ?? 'Account',
    tier: account.tier ?? 'named',
  });
  const interview = connection.call('createInterview', {
    engagementId: engagement.id,
    accountId: created.id,
  });
  return { engagementId: engagement.id, accountId: created.id, id: interview.id };
}

/** The interviewee of any engagement with this name (demo data: e.g. "Seppo Kallio"). */
export function personNamed(connection: Pick<Connection, 'call'>, name: string) {
  const person = connection
    .call('listEngagements', {})
    .flatMap((e) => connection.call('listAccounts', { engagementId: e.id }))
    .flatMap((a) => a.interviewees)
    .find((p) => p.name === name);
  if (!person) throw new Error(`No interviewee named ${name}`);
  return person;
}
