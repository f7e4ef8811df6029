import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { type CoreClient, startCore } from '../../electron/core/client.ts';
import { acquireWriterLock, type WriterLock } from '../../electron/db/lock.ts';
import type { Method, Result } from '../../shared/contract.ts';
import { REPORT_WORKER_URL, spawnHost } from '../helpers/core.ts';
import { connect, newInterview } from '../helpers/workspace.ts';

/**
 * The core host loads each service on its first call (electron/core/onDemand.ts); every other test
 * meets services loaded up front. Here a fresh host thread gets its first calls all at once, as a window
 * opening sends them, including methods that load two modules (a backup, a transcript import).
 */

let dir = '';
let path = '';
let lock: WriterLock;
let core: CoreClient | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kuulo-core-cold-'));
  path = join(dir, 'workspace.db');
  lock = acquireWriterLock(path, 'Kuulo');
});

afterEach(async () => {
  await core?.close();
  core = undefined;
  lock.release();
  rmSync(dir, { recursive: true, force: true });
});

test('first calls sent together to a cold host are answered, and take effect, in the order they were sent', async () => {
  // The file is written beforehand in this thread, so the host's own first calls are the ones below.
  const seed = connect(path);
  const kept = newInterview(seed);
  const doomed = seed.call('createEngagement', {
    clientName: 'Poistuva Oy',
    title: 'Kysely',
    language: 'fi',
  });
  seed.db.close();

  core = await startCore(
    { dbPath: path, exportDir: join(dir, 'reports'), reportWorker: REPORT_WORKER_URL, housekeeping: false },
    { spawn: spawnHost, askRestore: () => false, log: () => {} },
  );
  const answered: Method[] = [];
  const send = (method: Method, input: unknown): Promise<Result<unknown>> =>
    core!.call(method, input).then((result) => {
      answered.push(method);
      return result;
    });
  const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Haastattelija>Miten toimitus sujui?\n';
  // None awaited before the next is sent.
  const calls = [
    send('createBackup', {}),
    send('deleteEngagement', { id: doomed.id }),
    send('importTranscript', {
      engagementId: kept.engagementId,
      interviewId: kept.id,
      fileName: 'haastattelu.vtt',
      data: Buffer.from(vtt).toString('base64'),
      speakers: [{ name: 'Haastattelija', as: 'interviewer' }],
    }),
    send('deleteInterview', { id: kept.id }),
    send('listEngagements', {}),
  ] as const;
  const [backup, deletion, imported, interviewDeletion, list] = await Promise.all(calls);
  expect(answered).toEqual([
    'createBackup',
    'deleteEngagement',
    'importTranscript',
    'deleteInterview',
    'listEngagements',
  ]);
  expect([backup.ok, deletion.ok, imported.ok, interviewDeletion.ok, list.ok]).toEqual([
    true,
    true,
    true,
    true,
    true,
  ]);
  // The backup was asked for before the deletion: it holds the engagement the live file no longer has.
  const copy = new Database((backup as { value: { path: string } }).value.path, { readonly: true });
  try {
    expect(copy.prepare('SELECT count(*) AS n FROM engagements WHERE id = ?').get(doomed.id)).toEqual({
      n: 1,
    });
  } finally {
    copy.close();
  }
  expect((list as { value: { id: string }[] }).value.map((e) => e.id)).toEqual([kept.engagementId]);
});
