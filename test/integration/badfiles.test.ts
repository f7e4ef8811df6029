import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, type TestContext, test } from 'vitest';
import { KuuloError } from '../../electron/base/errors.ts';
import { openDatabase } from '../../electron/db/connection.ts';
import { SCHEMA_VERSION } from '../../electron/db/migrate.ts';
import { createBackup } from '../../electron/services/backup.ts';
import { fileDigest } from '../fixtures/fingerprint.ts';
import { connect } from '../helpers/workspace.ts';

const root = mkdtempSync(join(tmpdir(), 'kuulo-badfiles-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const freshFolder = (base = root) => {
  const dir = join(base, `case-${++folders}`);
  mkdirSync(dir);
  return dir;
};

/** A healthy workspace with some notes in it, closed, in its own folder. */
function healthyWorkspace(dir = freshFolder()): string {
  const path = join(dir, 'kuulo.db');
  const app = connect(path);
  const engagement = app.call('createEngagement', {
    clientName: 'Asiakas Oy',
    title: 'Study',
    language: 'fi',
  });
  const account = app.call('createAccount', { engagementId: engagement.id, name: 'Tili Oy', tier: 'key' });
  const interview = app.call('createInterview', { engagementId: engagement.id, accountId: account.id });
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const doc = {
    type: 'doc',
    content: Array.from({ length: 400 }, (_, i) => paragraph(`Muistiinpano ${i} 😬`)),
  };
  app.saveNotes({ interviewId: interview.id, doc });
  app.db.close();
  return path;
}

/**
 * Opening must fail with a one-line message a consultant can act on, and leave the folder exactly as it
 * was: the file byte-for-byte, and no -wal/-shm behind.
 */
function expectRefusedUntouched(path: string, message: RegExp): KuuloError {
  const folder = join(path, '..');
  const digest = fileDigest(path);
  const listing = readdirSync(folder).sort();
  let refusal: unknown;
  try {
    openDatabase(path).close();
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(KuuloError);
  const error = refusal as KuuloError;
  expect(error.message).toMatch(message);
  expect(error.message).not.toContain('\n');
  expect(fileDigest(path)).toBe(digest);
  expect(readdirSync(folder).sort()).toEqual(listing);
  return error;
}

const isRoot = process.getuid?.() === 0;
const run = (command: string, ...args: string[]) => spawnSync(command, args, { encoding: 'utf8' });

/**
 * Makes a file or folder read-only for this process. Root ignores permission bits, so as root a read-only
 * bind mount does it. Returns the undo, or why it cannot be done here.
 */
function makeReadOnly(path: string): { undo: () => void } | { skip: string } {
  if (!isRoot) {
    const mode = statSync(path).mode;
    chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
    return { undo: () => chmodSync(path, mode) };
  }
  if (run('mount', '--bind', path, path).status !== 0)
    return { skip: 'running as root, and a read-only bind mount is not permitted here' };
  if (run('mount', '-o', 'remount,bind,ro', path).status !== 0) {
    run('umount', path);
    return { skip: 'running as root, and remounting read-only is not permitted here' };
  }
  return { undo: () => run('umount', path) };
}

function withReadOnly(ctx: TestContext, path: string, body: () => void): void {
  const readOnly = makeReadOnly(path);
  if ('skip' in readOnly) ctx.skip(readOnly.skip);
  try {
    body();
  } finally {
    readOnly.undo();
  }
}

/** A 2 MB tmpfs (the workspace with its search index must fit first): the only honest way to get a full disk. Needs root (mount). */
function withTinyDisk(ctx: TestContext, body: (dir: string) => void): void {
  const dir = freshFolder();
  const mounted = run('mount', '-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir);
  if (mounted.status !== 0)
    ctx.skip(`mounting a 2 MB tmpfs is not permitted here (${mounted.stderr.trim() || 'not root'})`);
  try {
    body(dir);
  } finally {
    run('umount', dir);
  }
}

/** Fills the disk holding `dir` up to the last byte. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [65_536, 4096, 512, 1])
      try {
        for (;;) writeSync(fd, Buffer.alloc(size));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
  } finally {
    closeSync(fd);
  }
  return filler;
}

describe('opening bad files', () => {
  test('a file that is not SQLite', () => {
    const path = join(freshFolder(), 'notes.docx');
    writeFileSync(path, 'PK\u0003\u0004 not really a workspace '.repeat(100));
    expectRefusedUntouched(
      path,
      /notes\.docx is not a Kuulo workspace \(not an SQLite database\)\. It was left unchanged\. Choose your workspace file/,
    );
  });

  test("another program's SQLite database", () => {
    const path = join(freshFolder(), 'places.sqlite');
    const other = new BetterSqlite3(path);
    other.exec(`CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.com')`);
    other.close();
    expectRefusedUntouched(
      path,
      /is not a Kuulo workspace \(it is another program's database\)\. It was left unchanged/,
    );
  });

  test('a workspace truncated to 100 bytes', () => {
    const path = healthyWorkspace();
    writeFileSync(path, readFileSync(path).subarray(0, 100));
    expectRefusedUntouched(
      path,
      /kuulo\.db is damaged and cannot be opened safely .* It was left unchanged\. There is no backup/,
    );
  });

  test('a workspace cut off half-way', () => {
    const path = healthyWorkspace();
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    expectRefusedUntouched(path, /is damaged and cannot be opened safely/);
  });

  test('a workspace whose header is intact but every page after the first is garbage', () => {
    const path = healthyWorkspace();
    const bytes = readFileSync(path);
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(path, bytes);
    expectRefusedUntouched(path, /is damaged and cannot be opened safely/);
  });

  test('damage deep inside that only a consistency check finds; the message names the latest backup', () => {
    const path = healthyWorkspace();
    const app = connect(path);
    const backup = createBackup(app.ctx, 'manual');
    // The notes' overflow pages, found by SQLite's own page list: the schema and the small tables still
    // read fine. (The end of the file is now the search index, whose damage is repaired instead of
    // refused: search-index-damage.test.ts.)
    const pages = app.db
      .prepare(`SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'overflow' ORDER BY pageno`)
      .pluck()
      .all() as number[];
    app.db.close();
    expect(pages.length).toBeGreaterThan(8);
    const bytes = readFileSync(path);
    for (const page of pages.slice(-8))
      for (let i = (page - 1) * 4096; i < page * 4096; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(path, bytes);
    const error = expectRefusedUntouched(path, /is damaged and cannot be opened safely/);
    expect(error.message).toContain(`Its latest backup is ${backup.path}`);
    expect(error.message).toContain(`restore --db ${path} --from ${backup.path}`);
  });

  test('a workspace from a newer Kuulo', () => {
    const path = healthyWorkspace();
    const db = new BetterSqlite3(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expectRefusedUntouched(
      path,
      /was saved by a newer version of Kuulo .*update Kuulo to open it\. It was left unchanged/,
    );
  });

  test('a folder where the workspace file should be', () => {
    const path = freshFolder();
    expect(() => openDatabase(path)).toThrow(/is a folder, not a workspace file/);
  });

  test('a read-only workspace file', (ctx) => {
    const path = healthyWorkspace();
    withReadOnly(ctx, path, () => {
      expectRefusedUntouched(
        path,
        /kuulo\.db is read-only, so Kuulo could not save notes into it\. It was left unchanged\. Make the file writable/,
      );
    });
  });

  test('a workspace Kuulo is not allowed to read', (ctx) => {
    if (isRoot) ctx.skip('running as root, which may read any file');
    const path = healthyWorkspace();
    const digest = fileDigest(path);
    chmodSync(path, 0o000);
    try {
      expect(() => openDatabase(path)).toThrow(
        /Kuulo is not allowed to read .*kuulo\.db\. It was left unchanged/,
      );
    } finally {
      chmodSync(path, 0o644);
    }
    expect(fileDigest(path)).toBe(digest);
    expect(readdirSync(join(path, '..'))).toEqual(['kuulo.db']);
  });

  test('a workspace in a read-only folder (SQLite cannot create its -wal and -shm there)', (ctx) => {
    const path = healthyWorkspace();
    const folder = join(path, '..');
    withReadOnly(ctx, folder, () => {
      expectRefusedUntouched(
        path,
        /The folder .* is read-only: Kuulo needs to create small working files \(-wal, -shm\).*Copy it into a folder you can write to/,
      );
      expect(() => openDatabase(join(folder, 'new.db'))).toThrow(
        /cannot create a workspace at .*new\.db: the folder does not exist or is read-only/,
      );
    });
  });

  test('a full disk: opening is refused untouched, a new file is not left half-made', (ctx) => {
    withTinyDisk(ctx, (dir) => {
      const path = healthyWorkspace(dir);
      fillDisk(dir);
      expectRefusedUntouched(
        path,
        /There is not enough free disk space to open .*kuulo\.db\. It was left unchanged\. Free some space/,
      );
      const fresh = join(dir, 'new.db');
      expect(() => openDatabase(fresh)).toThrow(/not enough free disk space/);
      expect(readdirSync(dir).sort()).toEqual(['filler', 'kuulo.db']);
    });
  });

  test('a disk that fills up while writing: the save is refused and the earlier notes survive', (ctx) => {
    withTinyDisk(ctx, (dir) => {
      const path = healthyWorkspace(dir);
      const app = connect(path);
      const [engagement] = app.call('listEngagements', {});
      const [interview] = app.call('listInterviews', { engagementId: engagement!.id });
      const before = app.call('getInterview', { id: interview!.id }).notes;
      const filler = fillDisk(dir);
      const huge = {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(900_000) }] }],
      };
      const result = app.raw('saveNotes', {
        interviewId: interview!.id,
        doc: huge,
        baseRevision: before.revision,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/disk is full; nothing was changed/) },
      });
      app.db.close();
      rmSync(filler);
      const db = openDatabase(path);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = db.prepare('SELECT revision, text FROM notes WHERE interview_id = ?').get(interview!.id);
      expect(row).toEqual({ revision: before.revision, text: before.text });
      db.close();
    });
  });
});
