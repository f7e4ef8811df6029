import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { type CoreClient, type CoreHooks, CoreOpenError, startCore } from '../../electron/core/client.ts';
import type { HostOptions } from '../../electron/core/messages.ts';
import { acquireWriterLock, lockHolder, type WriterLock } from '../../electron/db/lock.ts';
import type { Output, Result } from '../../shared/contract.ts';
import type { EventName, Events } from '../../shared/events.ts';
import type { ExportJob } from '../../shared/report.ts';
import { REPORT_WORKER_URL, spawnHost } from '../helpers/core.ts';
import { connect } from '../helpers/workspace.ts';

let dir = '';
let path = '';
let lock: WriterLock;
let core: CoreClient | undefined;
const workers: Worker[] = [];
const logged: { operation: string; error: unknown }[] = [];

function hooks(overrides: Partial<CoreHooks> = {}): CoreHooks {
  return {
    spawn: (workerData) => {
      const worker = spawnHost(workerData);
      workers.push(worker);
      return worker;
    },
    askRestore: () => false,
    log: (operation, error) => logged.push({ operation, error }),
    ...overrides,
  };
}

const options = (): HostOptions => ({
  dbPath: path,
  exportDir: join(dir, 'reports'),
  reportWorker: REPORT_WORKER_URL,
  housekeeping: false,
});

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.key}: ${result.error.message}`);
  return result.value as T;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kuulo-core-'));
  path = join(dir, 'workspace.db');
  logged.length = 0;
  // As the app's main process does: the lock first, then the host opens the file under it.
  lock = acquireWriterLock(path, 'Kuulo');
});

afterEach(async () => {
  await core?.close();
  core = undefined;
  for (const worker of workers.splice(0)) await worker.terminate();
  lock.release();
  rmSync(dir, { recursive: true, force: true });
});

describe('the core host', () => {
  test('answers calls through the main-side client, errors as values, and opens the file under the main lock', async () => {
    core = await startCore(options(), hooks());
    const engagement = value<Output<'createEngagement'>>(
      await core.call('createEngagement', { clientName: 'Asiakas Oy', title: 'Kuuntelu', language: 'fi' }),
    );
    const list = value<Output<'listEngagements'>>(await core.call('listEngagements', {}));
    expect(list.map((e) => e.id)).toEqual([engagement.id]);
    const refused = await core.call('getEngagement', { id: 'not an id' });
    expect(refused).toMatchObject({ ok: false, error: { key: 'validation' } });
    expect(await core.call('noSuchMethod', {})).toMatchObject({ ok: false, error: { key: 'unknownMethod' } });
    // Many calls in flight at once come back each to its own caller.
    const many = await Promise.all(
      Array.from({ length: 20 }, (_, i) => core!.call('getEngagement', { id: i % 2 ? engagement.id : 'x' })),
    );
    expect(many.map((r) => r.ok)).toEqual(Array.from({ length: 20 }, (_, i) => i % 2 === 1));
    // The lock is still the main thread's (this process), not released by the host.
    expect(lockHolder(path)).toMatchObject({ pid: process.pid, program: 'Kuulo' });
  });

  test('the workspace language is kept on the main side, from the start and from every change', async () => {
    const seed = connect(path);
    seed.call('updateSettings', { language: 'fi' });
    seed.db.close();
    core = await startCore(options(), hooks());
    expect(core.settings().language).toBe('fi');
    const heard: [EventName, unknown][] = [];
    // The start's backup also reports itself (backupProgress); only the settings matter here.
    core.onEvent((name, payload) => {
      if (name === 'settingsChanged') heard.push([name, payload]);
    });
    await core.call('updateSettings', { language: 'en' });
    expect(core.settings().language).toBe('en');
    expect(heard).toEqual([['settingsChanged', expect.objectContaining({ language: 'en' })]]);
  });

  test('a report export reports its progress and its end as events', async () => {
    core = await startCore(options(), hooks());
    const { engagements } = value<Output<'createDemo'>>(await core.call('createDemo', {}));
    expect(engagements).toBeGreaterThan(0);
    const [engagement] = value<Output<'listEngagements'>>(await core.call('listEngagements', {}));
    const updates: ExportJob[] = [];
    const done = new Promise<ExportJob>((resolve) =>
      core!.onEvent(<N extends EventName>(name: N, payload: Events[N]) => {
        if (name !== 'exportProgress') return;
        const job = payload as ExportJob;
        updates.push(job);
        if (job.done) resolve(job);
      }),
    );
    const started = value<Output<'startReportExport'>>(
      await core.call('startReportExport', { engagementId: engagement!.id, fileName: 'Raportti' }),
    );
    const end = await done;
    expect(end).toMatchObject({ id: started.id, done: true, error: null, progress: 1 });
    expect(existsSync(end.path)).toBe(true);
    const steps = updates.filter((u) => !u.done);
    expect(steps.length).toBeGreaterThan(2);
    // Progress only moves forward, and every update is of this job.
    expect(steps.map((u) => u.progress)).toEqual([...steps.map((u) => u.progress)].sort((a, b) => a - b));
    expect(new Set(updates.map((u) => u.id))).toEqual(new Set([started.id]));
  });

  test('a backup asked for through the core host reports its start and its end as events', async () => {
    core = await startCore(options(), hooks());
    await core.call('createDemo', {});
    const heard: Events['backupProgress'][] = [];
    core.onEvent(<N extends EventName>(name: N, payload: Events[N]) => {
      if (name !== 'backupProgress') return;
      heard.push(payload as Events['backupProgress']);
    });
    const entry = value<Output<'createBackup'>>(await core.call('createBackup', {}));
    expect(heard).toEqual([
      { reason: 'manual', done: false, entry: null, failure: null },
      { reason: 'manual', done: true, entry, failure: null },
    ]);
    expect(existsSync(entry.path)).toBe(true);
  });

  test('closing checkpoints the WAL into the file; the lock stays with the main side until it lets go', async () => {
    core = await startCore(options(), hooks());
    await core.call('createDemo', {});
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    await core.close();
    expect(existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0).toBe(0);
    expect(lockHolder(path)).toMatchObject({ pid: process.pid });
    // Calls after closing are refused as values, never left hanging.
    expect(await core.call('listEngagements', {})).toMatchObject({
      ok: false,
      error: { key: 'coreStopped' },
    });
    const reopened = connect(path);
    expect(reopened.call('listEngagements', {}).length).toBeGreaterThan(0);
    reopened.db.close();
  });

  test('a host that dies fails its open calls clearly, is logged and restarted once; a second death soon after stops it', async () => {
    core = await startCore(options(), hooks());
    await core.call('updateSettings', { backupsKept: 7 });
    // A heavy call in flight when the thread dies: its caller must hear so, not wait forever.
    const inFlight = core.call('createDemo', {});
    await workers.at(-1)!.terminate();
    expect(await inFlight).toMatchObject({
      ok: false,
      error: { key: 'coreStopped', message: expect.stringMatching(/may not have been saved/) },
    });
    expect(logged.map((l) => l.operation)).toContain('coreHost');
    // The restarted host answers, with what was saved before.
    expect(value<Output<'getSettings'>>(await core.call('getSettings', {})).backupsKept).toBe(7);
    expect(workers).toHaveLength(2);
    await workers.at(-1)!.terminate();
    expect(await core.call('listEngagements', {})).toMatchObject({
      ok: false,
      error: { key: 'coreStopped' },
    });
    expect(workers).toHaveLength(2);
  });

  test('an export running when the host dies ends as failed, with a reason to phrase, also one whose host died before its first event', async () => {
    core = await startCore(options(), hooks());
    value(await core.call('createDemo', {}));
    const [engagement] = value<Output<'listEngagements'>>(await core.call('listEngagements', {}));
    const heard: ExportJob[] = [];
    let stepped: () => void = () => {};
    const firstStep = new Promise<void>((resolve) => {
      stepped = resolve;
    });
    core.onEvent(<N extends EventName>(name: N, payload: Events[N]) => {
      if (name !== 'exportProgress') return;
      heard.push(payload as ExportJob);
      if (!(payload as ExportJob).done) stepped();
    });
    const request = { engagementId: engagement!.id, fileName: 'Raportti' };
    const started = value<Output<'startReportExport'>>(await core.call('startReportExport', request));
    await firstStep;
    await workers.at(-1)!.terminate();
    const end = heard.find((job) => job.done);
    expect(end).toMatchObject({
      id: started.id,
      done: true,
      failure: { key: 'exportInterrupted' },
      error: expect.stringMatching(/stopped during the export/),
    });
    expect(heard.filter((job) => job.done)).toHaveLength(1);
    // A host that died before the export's first event: the answer alone told the client of the job.
    heard.length = 0;
    const again = value<Output<'startReportExport'>>(await core.call('startReportExport', request));
    await workers.at(-1)!.terminate();
    expect(heard.filter((job) => job.done)).toEqual([
      expect.objectContaining({ id: again.id, failure: { key: 'exportInterrupted', params: {} } }),
    ]);
  });

  test('a host that dies again long after its last restart is restarted again; twice within the window is not', async () => {
    let clock = 0;
    core = await startCore(options(), hooks({ now: () => clock, restartWindowMs: 60_000 }));
    await core.call('updateSettings', { backupsKept: 5 });
    await workers.at(-1)!.terminate();
    expect(value<Output<'getSettings'>>(await core.call('getSettings', {})).backupsKept).toBe(5);
    clock += 61_000;
    await workers.at(-1)!.terminate();
    expect(value<Output<'getSettings'>>(await core.call('getSettings', {})).backupsKept).toBe(5);
    expect(workers).toHaveLength(3);
    clock += 59_000;
    await workers.at(-1)!.terminate();
    expect(await core.call('getSettings', {})).toMatchObject({ ok: false, error: { key: 'coreStopped' } });
    expect(workers).toHaveLength(3);
  });

  test('a workspace that cannot be opened rejects the start with the problem to phrase', async () => {
    writeFileSync(path, 'not a database, but long enough to be looked at as one'.repeat(100));
    const started = startCore(options(), hooks());
    await expect(started).rejects.toBeInstanceOf(CoreOpenError);
    await expect(started).rejects.toMatchObject({ problem: { key: 'workspaceNotSqlite' } });
  });

  /** A workspace with one backup, then damaged past its first page. */
  function damagedWithBackup(): number {
    const seed = connect(path);
    seed.call('createDemo', {});
    const engagements = seed.call('listEngagements', {}).length;
    seed.call('createBackup', {});
    seed.db.close();
    const bytes = readFileSync(path);
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(path, bytes);
    return engagements;
  }

  test('a damaged workspace is restored from the latest backup in the host when the consultant agrees', async () => {
    const engagements = damagedWithBackup();
    const askRestore = vi.fn(() => true);
    core = await startCore(options(), hooks({ askRestore }));
    expect(askRestore).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'workspaceDamaged' }),
      expect.objectContaining({ reason: 'manual' }),
    );
    expect(value<Output<'listEngagements'>>(await core.call('listEngagements', {}))).toHaveLength(
      engagements,
    );
  });

  test('saying no leaves the damaged file as it was and rejects the start with the problem', async () => {
    damagedWithBackup();
    const before = readFileSync(path);
    const started = startCore(options(), hooks({ askRestore: () => false }));
    await expect(started).rejects.toMatchObject({ problem: { key: 'workspaceDamaged' } });
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
