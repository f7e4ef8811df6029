import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { backupFolder, listBackupFiles } from '../../electron/db/backups.ts';
import { openDatabase } from '../../electron/db/connection.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/db/migrate.ts';
import { backupOnStart, createBackup, pruneBackups } from '../../electron/services/backup.ts';
import { createContext } from '../../electron/services/context.ts';
import type { BackupEntry, RestoreResult } from '../../shared/contract.ts';
import { fileDigest, fingerprint } from '../fixtures/fingerprint.ts';
import { connect, openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
afterEach(() => {
  if (ws?.ctx.db.open) ws.ctx.db.close();
  ws?.close();
});

/** Restore swaps the connection inside the context; `ctx.db` is always the live one. */
const live = () => ws.ctx.db;

function workspaceWithData(): TestWorkspace {
  ws = openTestWorkspace();
  ws.call('createEngagement', { clientName: 'Asiakas Oy', title: 'Kuuntelu 2026', language: 'fi' });
  return ws;
}

describe('backups', () => {
  test('a backup is a plain SQLite file that opens on its own, with the data in it', () => {
    workspaceWithData();
    const entry = ws.call('createBackup', {});
    expect(entry).toMatchObject({ reason: 'manual', size: expect.any(Number) });
    expect(basename(entry.path)).toMatch(/^workspace-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-manual\.db$/);
    expect(entry.path.startsWith(join(ws.dir, 'backups'))).toBe(true);
    expect(ws.call('listBackups', {})).toEqual([entry]);

    // Alone in a folder of its own: no -wal beside it, nothing else needed.
    const alone = join(ws.dir, 'elsewhere');
    mkdirSync(alone);
    copyFileSync(entry.path, join(alone, 'copy.db'));
    const copy = new BetterSqlite3(join(alone, 'copy.db'), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(fingerprint(copy)).toBe(fingerprint(live()));
    copy.close();
    expect(readdirSync(alone)).toEqual(['copy.db']);
  });

  test('a backup announces its start before the copy is written and its end with the entry; a failed one says so', () => {
    workspaceWithData();
    const seen: { done: boolean; files: number; failure: string | null }[] = [];
    ws.events.subscribe('backupProgress', (event) =>
      seen.push({
        done: event.done,
        files: listBackupFiles(ws.path).length,
        failure: event.failure?.key ?? null,
      }),
    );
    ws.call('createBackup', {});
    expect(seen).toEqual([
      { done: false, files: 0, failure: null },
      { done: true, files: 1, failure: null },
    ]);
    // A backup folder that is a file: the copy fails, and the end says so.
    seen.length = 0;
    const other = openTestWorkspace();
    try {
      writeFileSync(backupFolder(other.path), 'not a folder');
      other.events.subscribe('backupProgress', (event) =>
        seen.push({ done: event.done, files: 0, failure: event.failure?.key ?? null }),
      );
      expect(other.raw('createBackup', {}).ok).toBe(false);
      expect(seen).toEqual([
        { done: false, files: 0, failure: null },
        { done: true, files: 0, failure: 'backupFolderUnusable' },
      ]);
    } finally {
      other.close();
    }
  });

  test('backup → change → restore brings the data back, keeps the changed state, and the app goes on', () => {
    workspaceWithData();
    const backedUp = fingerprint(live());
    const entry = ws.call('createBackup', {});
    const [engagement] = ws.call('listEngagements', {});
    ws.call('createEngagement', { clientName: 'Later Oy', title: 'Added after the backup', language: 'en' });
    ws.call('deleteEngagement', { id: engagement!.id });
    const changed = fingerprint(live());

    const result = ws.call('restoreBackup', { path: entry.path }) as RestoreResult;
    expect(result.restoredFrom).toBe(entry.path);
    expect(fingerprint(live())).toBe(backedUp);
    expect(live().pragma('journal_mode', { simple: true })).toBe('wal');
    expect(live().pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ws.call('listEngagements', {}).map((e) => e.clientName)).toEqual(['Asiakas Oy']);

    const safety = ws.call('listBackups', {}).find((b) => b.path === result.safetyBackup)!;
    expect(safety.reason).toBe('pre-restore');
    const kept = new BetterSqlite3(safety.path, { readonly: true });
    expect(fingerprint(kept)).toBe(changed);
    kept.close();

    // Writes after the restore land in the restored file and survive a reopen.
    ws.call('createEngagement', { clientName: 'After Oy', title: 'After the restore', language: 'en' });
    live().close();
    const reopened = openDatabase(ws.path);
    expect(reopened.prepare('SELECT count(*) FROM engagements').pluck().get()).toBe(2);
    reopened.close();
  });

  test('restore takes only a path that listBackups gave, and changes nothing otherwise', () => {
    workspaceWithData();
    const entry = ws.call('createBackup', {});
    const stray = join(backupFolder(ws.path), 'holiday-photos.db');
    copyFileSync(entry.path, stray);
    const before = fingerprint(live());
    for (const path of [
      ws.path,
      stray,
      '/etc/passwd',
      join(backupFolder(ws.path), '..', 'workspace.db'),
      `${entry.path}x`,
      basename(entry.path),
    ]) {
      expect(ws.raw('restoreBackup', { path })).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: expect.stringMatching(/not one of this workspace's backups/),
        },
      });
    }
    expect(fingerprint(live())).toBe(before);
    expect(ws.call('listBackups', {})).toEqual([entry]);
  });

  test('a damaged or foreign backup is refused with a clear message before anything changes', () => {
    workspaceWithData();
    const good = ws.call('createBackup', {});
    const bytes = readFileSync(good.path);
    const damaged = ws.call('createBackup', {});
    const garbled = Buffer.from(bytes);
    for (let i = 4096; i < garbled.length; i++) garbled[i] = (i * 7919) & 0xff;
    writeFileSync(damaged.path, garbled);
    const truncated = ws.call('createBackup', {});
    writeFileSync(truncated.path, bytes.subarray(0, 100));
    const foreign = ws.call('createBackup', {});
    writeFileSync(foreign.path, '');
    const other = new BetterSqlite3(foreign.path);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT)');
    other.close();
    const text = ws.call('createBackup', {});
    writeFileSync(text.path, 'Shopping list: coffee, pulla.\n');

    const before = fingerprint(live());
    const backupsBefore = ws.call('listBackups', {});
    const refusals: [BackupEntry, RegExp][] = [
      [damaged, /is damaged\. Nothing was changed/],
      [truncated, /is damaged\. Nothing was changed/],
      [foreign, /is not a Kuulo backup \(it is another program’s database\)/],
      [text, /is not a Kuulo backup \(not an SQLite database\)/],
    ];
    for (const [entry, message] of refusals) {
      const result = ws.raw('restoreBackup', { path: entry.path });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message } });
    }
    expect(fingerprint(live())).toBe(before);
    expect(ws.call('listBackups', {})).toEqual(backupsBefore);
    expect(ws.call('restoreBackup', { path: good.path }).restoredFrom).toBe(good.path);
  });

  test('pruning keeps the newest N; a start backup is taken at most once a day', () => {
    ws = openTestWorkspace();
    let clock = Date.parse('2026-11-24T08:00:00.000Z');
    const ctx = createContext(ws.db, { now: () => new Date(clock).toISOString() });
    const taken: string[] = [];
    for (let i = 0; i < 6; i++, clock += 60_000) taken.push(createBackup(ctx, 'manual', 4).path);
    expect(listBackupFiles(ws.path).map((b) => b.path)).toEqual(taken.slice(-4).reverse());
    expect(pruneBackups(ctx, 2)).toEqual(taken.slice(2, 4).reverse());

    clock = Date.parse('2026-11-25T09:00:00.000Z');
    expect(backupOnStart(ctx)?.reason).toBe('start');
    clock += 23 * 3600_000;
    expect(backupOnStart(ctx)).toBeNull();
    clock += 2 * 3600_000;
    expect(backupOnStart(ctx)?.createdAt).toBe('2026-11-26T10:00:00.000Z');
    expect(listBackupFiles(ws.path).filter((b) => b.reason === 'start')).toHaveLength(2);
  });

  test('an existing file is backed up before it is migrated; the backup opens at its old version', () => {
    ws = openTestWorkspace();
    ws.db.close();
    const path = join(ws.dir, 'old.db');
    const old = new BetterSqlite3(path);
    old.pragma('journal_mode = WAL');
    MIGRATIONS[0]!.up(old, '2026-01-01T00:00:00.000Z');
    old.pragma(`user_version = ${MIGRATIONS[0]!.version}`);
    old
      .prepare(
        `INSERT INTO engagements (id, client_name, title, language, status, created_at, updated_at)
       VALUES ('e1', 'Vanha Oy', 'From version 1', 'fi', 'active', '2026-01-01', '2026-01-01')`,
      )
      .run();
    old.close();

    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const [backup, ...others] = listBackupFiles(path);
    expect(others).toEqual([]);
    expect(backup).toMatchObject({ reason: 'migration' });
    expect(basename(backup!.path)).toMatch(/^old-.*-migration\.db$/);
    const copy = new BetterSqlite3(backup!.path, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT client_name FROM engagements').pluck().all()).toEqual(['Vanha Oy']);
    copy.close();

    // Reopening the migrated file takes no further backup.
    openDatabase(path).close();
    expect(listBackupFiles(path)).toHaveLength(1);
    // Restoring the old-version backup migrates it again as it opens.
    const app = connect(path);
    try {
      app.call('restoreBackup', { path: backup!.path });
      expect(app.ctx.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(app.call('listEngagements', {}).map((e) => e.clientName)).toEqual(['Vanha Oy']);
    } finally {
      app.ctx.db.close();
    }
  });
});

describe('backup CLI', () => {
  const kuulo = (...args: string[]) => {
    const run = spawnSync(process.execPath, ['electron/cli/index.ts', ...args], { encoding: 'utf8' });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  test('backup, backups and restore; restore also rescues a workspace that no longer opens', () => {
    workspaceWithData();
    live().close();
    const made = kuulo('backup', '--db', ws.path, '--json');
    expect(made.code).toBe(0);
    const entry = JSON.parse(made.stdout) as BackupEntry;
    expect(existsSync(entry.path)).toBe(true);
    expect(kuulo('backups', '--db', ws.path).stdout).toContain(entry.path);
    expect(JSON.parse(kuulo('backups', '--db', ws.path, '--json').stdout)).toEqual([entry]);

    // Damage the workspace so that it cannot be opened any more.
    const bytes = readFileSync(ws.path);
    for (let i = 100; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(ws.path, bytes);
    const damagedDigest = fileDigest(ws.path);
    const refused = kuulo('engagements', '--db', ws.path);
    expect(refused.stderr).toMatch(/is damaged .* Its latest backup is .*restore --db/);

    const restored = kuulo('restore', '--db', ws.path, '--from', entry.path, '--json');
    expect(restored.stderr).toBe('');
    const result = JSON.parse(restored.stdout) as RestoreResult;
    expect(result.restoredFrom).toBe(entry.path);
    expect(fileDigest(result.safetyBackup!)).toBe(damagedDigest);
    const listed = JSON.parse(kuulo('engagements', '--db', ws.path, '--json').stdout) as {
      clientName: string;
    }[];
    expect(listed.map((e) => e.clientName)).toEqual(['Asiakas Oy']);

    const wrong = kuulo('restore', '--db', ws.path, '--from', ws.path);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^kuulo: That file is not one of this workspace's backups/);
    // Seven CLI processes: slow on a busy machine.
  }, 120_000);
});
