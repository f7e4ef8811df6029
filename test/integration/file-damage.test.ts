import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { type CoreClient, type CoreHooks, startCore } from '../../electron/core/client.ts';
import { listBackupFiles } from '../../electron/db/backups.ts';
import { damageMarkPath } from '../../electron/db/damageMark.ts';
import {
  fileDamage,
  SEARCH_REBUILD_MARKER,
  searchIndexDamage,
  VACUUM_OWED_MARKER,
} from '../../electron/db/inspect.ts';
import { acquireWriterLock } from '../../electron/db/lock.ts';
import { repairSearchIndex } from '../../electron/services/search/upkeep.ts';
import type { BackupEntry, Result } from '../../shared/contract.ts';
import type { EventName, Events } from '../../shared/events.ts';
import { REPORT_WORKER_URL, spawnHost } from '../helpers/core.ts';
import { connect } from '../helpers/workspace.ts';

/**
 * Damage the open-time check (table by table) cannot see, and a search index rebuild cut short: both must
 * be found after the start, and neither may cost the consultant notes.
 */

const root = mkdtempSync(join(tmpdir(), 'kuulo-file-damage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let cases = 0;

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const notesOf = (interview: number) => ({
  type: 'doc',
  content: Array.from({ length: 300 }, (_, i) =>
    paragraph(`Haastattelu ${interview}, kohta ${i}: toimitus viivästyi, asiakas ${i * 7} 😬`),
  ),
});

/** A closed workspace with three interviews' notes; `backup` also takes a backup of it. */
function workspace(backup = false): { path: string; interviewIds: string[] } {
  const path = join(root, `case-${++cases}.db`);
  const app = connect(path);
  const engagement = app.call('createEngagement', {
    clientName: 'Asiakas Oy',
    title: 'Study',
    language: 'fi',
  });
  const account = app.call('createAccount', { engagementId: engagement.id, name: 'Öberg Oy', tier: 'key' });
  const interviewIds = [0, 1, 2].map((n) => {
    const interview = app.call('createInterview', { engagementId: engagement.id, accountId: account.id });
    app.saveNotes({ interviewId: interview.id, doc: notesOf(n) });
    return interview.id;
  });
  if (backup) app.call('createBackup', {});
  app.db.close();
  return { path, interviewIds };
}

/**
 * The reviewer's damage (review of issue 14, fl.ts): pages are freed, then the free-list entry handed out
 * first is made to name a page the notes use. Each table on its own is sound; only the whole file is not.
 */
function freeListOntoNotes(path: string): void {
  const db = new BetterSqlite3(path);
  db.exec(`CREATE TABLE junk(x);
    WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 200)
    INSERT INTO junk SELECT randomblob(3000) FROM c;
    DROP TABLE junk;`);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = db
    .prepare(`SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' ORDER BY pageno`)
    .pluck()
    .all() as number[];
  expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(10);
  db.close();
  const victim = leaves[leaves.length >> 1]!;
  const fd = openSync(path, 'r+');
  try {
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    const trunk = header.readUInt32BE(32);
    const page = Buffer.alloc(pageSize);
    readSync(fd, page, 0, pageSize, (trunk - 1) * pageSize);
    const count = page.readUInt32BE(4);
    page.writeUInt32BE(victim, 8 + 4 * (count - 1));
    writeSync(fd, page, 0, pageSize, (trunk - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** Garbage over one of the notes' pages of a closed file: damage any check finds. */
function garbleNotesPage(path: string): void {
  const db = new BetterSqlite3(path, { readonly: true });
  const leaves = db
    .prepare(`SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' ORDER BY pageno`)
    .pluck()
    .all() as number[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const page = leaves[leaves.length >> 1]!;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** Everything of the notes and the engagements, read on a connection of its own. */
function contents(path: string) {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return {
      notes: db.prepare('SELECT interview_id, doc, text, revision FROM notes ORDER BY interview_id').all(),
      engagements: db.prepare('SELECT id, client_name, title FROM engagements ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

async function start(path: string, askRestore: CoreHooks['askRestore'] = () => false) {
  const logged: string[] = [];
  const events: { name: EventName; payload: unknown }[] = [];
  const waiting: { name: EventName; done: (payload: unknown) => void }[] = [];
  const core: CoreClient = await startCore(
    { dbPath: path, exportDir: join(root, 'reports'), reportWorker: REPORT_WORKER_URL, housekeeping: false },
    { spawn: spawnHost, askRestore, log: (operation) => logged.push(operation) },
  );
  core.onEvent(<N extends EventName>(name: N, payload: Events[N]) => {
    events.push({ name, payload });
    for (const wait of waiting.filter((entry) => entry.name === name)) wait.done(payload);
  });
  /** The next event of this name, or one that already came. */
  const next = <N extends EventName>(name: N, accept: (payload: Events[N]) => boolean = () => true) =>
    new Promise<Events[N]>((resolve) => {
      const came = events.find((event) => event.name === name && accept(event.payload as Events[N]));
      if (came) resolve(came.payload as Events[N]);
      else
        waiting.push({
          name,
          done: (payload) => {
            if (accept(payload as Events[N])) resolve(payload as Events[N]);
          },
        });
    });
  return { core, logged, events, next };
}

const refusedAsDamaged = {
  ok: false,
  error: {
    key: 'workspaceDamagedNow',
    message: expect.stringMatching(/damaged, so this could not be done; nothing was changed/),
  },
};

describe('damage only a whole-file check sees', () => {
  test('a free-list entry naming a notes page: the file opens, the check finds it, writes stop, notes stay whole; the next start offers the backup', async () => {
    const { path, interviewIds } = workspace(true);
    freeListOntoNotes(path);
    const before = contents(path);
    const lock = acquireWriterLock(path, 'Kuulo');
    try {
      const { core, logged, next } = await start(path);
      try {
        // Opened: the open-time check goes table by table and each table is sound.
        expect(await core.call('getInterview', { id: interviewIds[0] })).toMatchObject({ ok: true });
        const damaged = await next('workspaceDamaged');
        expect(damaged.detail).toMatch(/Page \d+/);
        expect(logged).toContain('workspaceDamaged');
        // What fl.ts showed overwriting notes: each write is now refused, said as damage, nothing changed.
        for (let i = 0; i < 10; i++) {
          const created = await core.call('createEngagement', {
            clientName: `Client ${i} Oy`,
            title: 'Filler '.repeat(20).trim(),
            language: 'fi',
          });
          expect(created).toMatchObject(refusedAsDamaged);
        }
        const revision = (await core.call('getInterview', { id: interviewIds[1] })) as Result<{
          notes: { revision: number };
        }> as { ok: true; value: { notes: { revision: number } } };
        expect(
          await core.call('saveNotes', {
            interviewId: interviewIds[1],
            doc: notesOf(9),
            baseRevision: revision.value.notes.revision,
          }),
        ).toMatchObject(refusedAsDamaged);
        // Reading still works: the consultant can copy text out.
        expect(await core.call('getInterview', { id: interviewIds[2] })).toMatchObject({
          ok: true,
          value: { notes: { text: expect.stringContaining('Haastattelu 2, kohta 299') } },
        });
      } finally {
        await core.close();
      }
      expect(contents(path)).toEqual(before);
      expect(existsSync(damageMarkPath(path))).toBe(true);
      // The day's start backup was taken from the damaged file before the check; say it came out damaged too.
      const backups = listBackupFiles(path);
      expect(backups.map((entry) => entry.reason)).toEqual(['start', 'manual']);
      garbleNotesPage(backups[0]!.path);

      // The restart checks the marked file whole before anything writes and offers the latest backup.
      const asked: BackupEntry[] = [];
      const restarted = await start(path, (_problem, latest) => {
        asked.push(latest);
        return true;
      });
      try {
        // The newest backup that passes the whole check is the one offered.
        expect(asked.map((entry) => entry.reason)).toEqual(['manual']);
        expect(
          await restarted.core.call('createEngagement', {
            clientName: 'Uusi Oy',
            title: 'New',
            language: 'fi',
          }),
        ).toMatchObject({ ok: true });
        // Long enough for the check's thread to read the small file; nothing more is found.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(restarted.events.map((event) => event.name)).not.toContain('workspaceDamaged');
      } finally {
        await restarted.core.close();
      }
      expect(existsSync(damageMarkPath(path))).toBe(false);
      expect(contents(path).notes).toEqual(before.notes);
      const db = new BetterSqlite3(path, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    } finally {
      lock.release();
    }
  });

  test('a sound file: the whole-file check finds nothing', () => {
    const { path } = workspace();
    const db = new BetterSqlite3(path, { readonly: true });
    expect(fileDamage(db)).toBeNull();
    db.close();
    freeListOntoNotes(path);
    const damaged = new BetterSqlite3(path, { readonly: true });
    expect(fileDamage(damaged)).toMatch(/2nd reference to page \d+/);
    damaged.close();
  });
});

describe('a search index rebuild cut short', () => {
  test('the app quits after the first step: the next start finds the rebuild unfinished, finishes it, and search finds every note', async () => {
    const { path } = workspace();
    const app = connect(path);
    expect(app.call('search', { query: 'kohta 299' }).total).toBe(3);
    const found = app.call('search', { query: 'toimitus' }).total;
    expect(found).toBeGreaterThanOrEqual(900);
    const steps = repairSearchIndex(app.ctx);
    steps.next();
    expect(app.call('search', { query: 'kohta 299' }).total).toBe(0);
    app.db.close();

    const reopened = connect(path);
    expect(searchIndexDamage(reopened.db)).toBe('rebuild unfinished');
    reopened.db.close();

    const lock = acquireWriterLock(path, 'Kuulo');
    try {
      const { core, next, events } = await start(path);
      try {
        expect(await next('searchIndexRepair', (event) => event.done)).toEqual({ done: true, failed: false });
        expect(await core.call('search', { query: 'kohta 299' })).toMatchObject({
          ok: true,
          value: { total: 3 },
        });
        expect(await core.call('search', { query: 'toimitus' })).toMatchObject({
          ok: true,
          value: { total: found },
        });
        expect(events.map((event) => event.name)).not.toContain('workspaceDamaged');
      } finally {
        await core.close();
      }
    } finally {
      lock.release();
    }
    const db = new BetterSqlite3(path, { readonly: true });
    expect(searchIndexDamage(db)).toBeNull();
    expect(
      db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(SEARCH_REBUILD_MARKER),
    ).toBeUndefined();
    db.close();
  });

  test('a rebuild whose VACUUM failed: its pages are not taken for damage, and the next start runs the VACUUM', async () => {
    const { path } = workspace();
    const app = connect(path);
    // A full disk, say: SQLite's VACUUM fails, everything else works.
    const exec = app.db.exec.bind(app.db);
    app.db.exec = (sql: string) => {
      if (sql === 'VACUUM')
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      return exec(sql);
    };
    for (const _ of repairSearchIndex(app.ctx));
    app.db.exec = exec;
    expect(app.call('search', { query: 'kohta 299' }).total).toBe(3);
    // The old index's pages are in no table: SQLite's own check names them, the whole-file check does not.
    expect(String(app.db.pragma('quick_check', { simple: true }))).toMatch(/never used/);
    expect(fileDamage(app.db)).toBeNull();
    expect(searchIndexDamage(app.db)).toBeNull();
    app.db.close();

    const lock = acquireWriterLock(path, 'Kuulo');
    try {
      const { core, events, logged } = await start(path);
      try {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(await core.call('search', { query: 'kohta 299' })).toMatchObject({
          ok: true,
          value: { total: 3 },
        });
        // (The daily backup at the start has events of its own.)
        expect(events.map((event) => event.name).filter((name) => name !== 'backupProgress')).toEqual([]);
        expect(logged).toEqual([]);
      } finally {
        await core.close();
      }
    } finally {
      lock.release();
    }
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(VACUUM_OWED_MARKER)).toBeUndefined();
    db.close();
  });
});
