import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { acquireWriterLock, lockHolder, lockPathOf } from '../../electron/db/lock.ts';

let dir = '';
let db = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kuulo-lock-'));
  db = join(dir, 'w.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has ended: its lock is stale. */
const deadPid = (): number =>
  Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());

const writeHolder = (pid: number, host = hostname()) =>
  writeFileSync(
    lockPathOf(db),
    JSON.stringify({ pid, host, program: 'Kuulo', since: '2026-11-30T05:00:00.000Z' }),
  );

test('re-entrant within a process; the file goes with the last release', () => {
  const first = acquireWriterLock(db, 'Kuulo');
  const second = acquireWriterLock(db, 'kuulo restore');
  expect(lockHolder(db)).toMatchObject({ pid: process.pid, program: 'Kuulo' });
  second.release();
  expect(existsSync(lockPathOf(db))).toBe(true);
  first.release();
  first.release();
  expect(existsSync(lockPathOf(db))).toBe(false);
});

test('a live holder elsewhere refuses, naming it; a dead one is taken over and nothing is left aside', () => {
  writeHolder(process.ppid);
  expect(() => acquireWriterLock(db, 'Kuulo')).toThrow(/open in Kuulo \(process \d+ on .+, since 2026-11-30/);
  writeHolder(deadPid());
  const lock = acquireWriterLock(db, 'Kuulo');
  expect(JSON.parse(readFileSync(lockPathOf(db), 'utf8')).pid).toBe(process.pid);
  expect(readdirSync(dir)).toEqual(['w.db.lock']);
  lock.release();
});

test('a lock on another host cannot be checked and holds', () => {
  writeHolder(deadPid(), 'another-laptop');
  expect(() => acquireWriterLock(db, 'Kuulo')).toThrow(/on another-laptop/);
});

test('releasing never removes a lock that is no longer ours', () => {
  const lock = acquireWriterLock(db, 'Kuulo');
  // Taken over while this process was thought dead (e.g. suspended): the file now names another.
  writeHolder(process.ppid);
  lock.release();
  expect(existsSync(lockPathOf(db))).toBe(true);
});

test('a worker thread of the holding process borrows the lock and leaves it to the thread that made it', async () => {
  const { Worker } = await import('node:worker_threads');
  const { pathToFileURL } = await import('node:url');
  const lockModule = pathToFileURL(join(import.meta.dirname, '../../electron/db/lock.ts')).href;
  const main = acquireWriterLock(db, 'Kuulo');
  // Module state is per thread: the worker has its own (empty) table of holds, as the core host has.
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.lockModule).then(({ acquireWriterLock, lockPathOf }) => {
       const fs = require('node:fs');
       const lock = acquireWriterLock(workerData.db, 'Kuulo core');
       const again = acquireWriterLock(workerData.db, 'Kuulo core');
       again.release();
       lock.release();
       parentPort.postMessage(fs.existsSync(lockPathOf(workerData.db)));
     }, (error) => parentPort.postMessage(String(error)));`,
    { eval: true, workerData: { db, lockModule } },
  );
  const answer = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  expect(answer).toBe(true);
  expect(lockHolder(db)).toMatchObject({ pid: process.pid, program: 'Kuulo' });
  main.release();
  expect(existsSync(lockPathOf(db))).toBe(false);
});
