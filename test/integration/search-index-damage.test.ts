import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { startCore } from '../../electron/core/client.ts';
import { listBackupFiles } from '../../electron/db/backups.ts';
import { openDatabase } from '../../electron/db/connection.ts';
import { searchIndexDamage } from '../../electron/db/inspect.ts';
import { acquireWriterLock } from '../../electron/db/lock.ts';
import { repairSearchIndex } from '../../electron/services/search/upkeep.ts';
import type { EventName, Events } from '../../shared/events.ts';
import { REPORT_WORKER_URL, spawnHost } from '../helpers/core.ts';
import { type Connection, connect } from '../helpers/workspace.ts';

/**
 * The search index is left out of the open-time check (it is half the file, and derived data) and
 * checked after the first screen instead. A damaged index page must not keep the workspace from opening,
 * must not lose notes, and must be found and rebuilt.
 */

const root = mkdtempSync(join(tmpdir(), 'kuulo-index-damage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let cases = 0;

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const notesOf = (interview: number) => ({
  type: 'doc',
  content: Array.from({ length: 300 }, (_, i) =>
    paragraph(`Haastattelu ${interview}, kohta ${i}: toimitus viivästyi, asiakas ${i * 7} 😬`),
  ),
});

/** A closed workspace with three interviews' notes, a memo'd account and a person: every kind of indexed text. */
function workspace(): { path: string; interviewIds: string[] } {
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
  app.db.close();
  return { path, interviewIds };
}

/** Writes garbage over one page of the given b-tree; `first` picks its leftmost leaf (FTS5's structure record). */
function damagePage(path: string, tree: string, which: 'first' | 'middle'): number {
  const db = new BetterSqlite3(path, { readonly: true });
  const leaves = db
    .prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path`)
    .pluck()
    .all(tree) as number[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  expect(leaves.length).toBeGreaterThan(2);
  const page = which === 'first' ? leaves[0]! : leaves[leaves.length >> 1]!;
  const garbage = Buffer.alloc(pageSize, 0);
  for (let i = 0; i < pageSize; i++) garbage[i] = (i * 7919 + page) & 0xff;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return page;
}

function storedNotes(app: Connection, ids: readonly string[]) {
  return ids.map((id) =>
    app.db.prepare('SELECT doc, text, revision FROM notes WHERE interview_id = ?').get(id),
  );
}

/** What the core host does after a start: the check (on a thread of its own there), and a rebuild run to its end. */
function runUpkeep(app: Connection) {
  const repairs: Events['searchIndexRepair'][] = [];
  app.events.subscribe('searchIndexRepair', (event) => repairs.push(event));
  const damage = searchIndexDamage(app.db);
  let steps = 0;
  if (damage !== null) for (const _ of repairSearchIndex(app.ctx)) steps++;
  return { damage, steps, repairs };
}

const searchObjects = (path: string) => {
  const db = new BetterSqlite3(path, { readonly: true });
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema
       WHERE name LIKE 'search%' OR sql LIKE '%search_docs%' ORDER BY type, name`,
    )
    .all();
  db.close();
  return rows;
};

describe('a damaged search index', () => {
  test('a page of the index holding its structure: opening works, a save is refused clearly and keeps the notes, the rebuild makes saving and search work again', () => {
    const { path, interviewIds } = workspace();
    const healthySchema = searchObjects(path);
    damagePage(path, 'search_fts_data', 'first');

    const app = connect(path);
    const before = storedNotes(app, interviewIds);
    const [first] = interviewIds;
    const revision = app.call('getInterview', { id: first! }).notes.revision;
    const changed = {
      type: 'doc',
      content: [...notesOf(0).content, paragraph('Uusi havainto: laskutusvirhe')],
    };

    // The save writes the index in its transaction and meets the damage: refused, said plainly, nothing changed.
    const refused = app.raw('saveNotes', { interviewId: first, doc: changed, baseRevision: revision });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        key: 'workspaceDamagedNow',
        message: expect.stringMatching(/damaged, so this could not be done; nothing was changed/),
      },
    });
    expect(storedNotes(app, interviewIds)).toEqual(before);

    const { damage, repairs } = runUpkeep(app);
    expect(damage).toMatch(/^search_fts_data: ./);
    expect(repairs).toEqual([
      { done: false, failed: false },
      { done: true, failed: false },
    ]);
    expect(storedNotes(app, interviewIds)).toEqual(before);

    // The same save now goes through, and everything is found: notes, the new words, the account.
    const saved = app.call('saveNotes', { interviewId: first!, doc: changed, baseRevision: revision });
    expect(saved.revision).toBe(revision + 1);
    expect(app.call('search', { query: 'laskutusvirhe' }).total).toBe(1);
    expect(app.call('search', { query: 'viivästyi' }).total).toBeGreaterThanOrEqual(900);
    expect(app.call('search', { query: 'Öberg' }).total).toBeGreaterThan(0);
    // The whole-file check, FTS5's own included: no page of the old index is left, none used twice.
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
    app.db.close();
    expect(searchObjects(path)).toEqual(healthySchema);
  });

  test('a page deep in the index: found by the upkeep after opening, rebuilt, notes untouched', () => {
    const { path, interviewIds } = workspace();
    damagePage(path, 'search_fts_data', 'middle');
    const app = connect(path);
    const before = storedNotes(app, interviewIds);
    const { damage, steps } = runUpkeep(app);
    expect(damage).toMatch(/^search_fts_data: ./);
    // The rebuild goes in steps: calls are answered between them.
    expect(steps).toBeGreaterThan(0);
    expect(storedNotes(app, interviewIds)).toEqual(before);
    expect(app.call('search', { query: 'kohta 299' }).total).toBe(3);
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
    app.db.close();
  });

  test('a sound index is left alone and nobody is told', () => {
    const { path } = workspace();
    const app = connect(path);
    const pages = app.db.pragma('page_count', { simple: true });
    const { damage, repairs } = runUpkeep(app);
    expect(damage).toBeNull();
    expect(repairs).toEqual([]);
    expect(app.db.pragma('page_count', { simple: true })).toBe(pages);
    app.db.close();
  });

  test('an index left half-made (the app closed between taking the old one out and making the new): found missing and made again', () => {
    const { path } = workspace();
    const db = new BetterSqlite3(path);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare(`DELETE FROM sqlite_schema WHERE name LIKE 'search%' OR tbl_name LIKE 'search%'`).run();
    db.close();
    const app = connect(path);
    const { damage } = runUpkeep(app);
    expect(damage).toMatch(/^missing: search_docs, search_notes, search_fts/);
    expect(app.call('search', { query: 'kohta 299' }).total).toBe(3);
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
    app.db.close();
  });

  test('damage in the notes themselves still refuses the open', () => {
    const { path } = workspace();
    damagePage(path, 'notes', 'middle');
    expect(() => openDatabase(path)).toThrow(/is damaged and cannot be opened safely/);
  });
});

describe('through the core host', () => {
  test('the host opens a workspace with a damaged index page, answers calls while its own thread checks the index, rebuilds it and says so', async () => {
    const { path, interviewIds } = workspace();
    damagePage(path, 'search_fts_data', 'middle');
    const lock = acquireWriterLock(path, 'Kuulo');
    const logged: string[] = [];
    const core = await startCore(
      {
        dbPath: path,
        exportDir: join(root, 'reports'),
        reportWorker: REPORT_WORKER_URL,
        housekeeping: false,
      },
      { spawn: spawnHost, askRestore: () => false, log: (operation) => logged.push(operation) },
    );
    try {
      const repairs: Events['searchIndexRepair'][] = [];
      const ended = new Promise<void>((resolve) =>
        core.onEvent(<N extends EventName>(name: N, payload: Events[N]) => {
          if (name !== 'searchIndexRepair') return;
          repairs.push(payload as Events['searchIndexRepair']);
          if ((payload as Events['searchIndexRepair']).done) resolve();
        }),
      );
      // Opened at once: the notes are there before the index has been looked at.
      const first = await core.call('getInterview', { id: interviewIds[0] });
      expect(first).toMatchObject({
        ok: true,
        value: { notes: { text: expect.stringContaining('kohta 299') } },
      });
      await ended;
      expect(repairs).toEqual([
        { done: false, failed: false },
        { done: true, failed: false },
      ]);
      expect(logged).toContain('searchIndexDamaged');
      // The daily backup at the start failed on the damaged page; it is taken once the index is whole.
      expect(logged).toContain('backupOnStart');
      await core.call('listEngagements', {});
      expect(listBackupFiles(path).map((entry) => entry.reason)).toEqual(['start']);
      expect(await core.call('search', { query: 'kohta 299' })).toMatchObject({
        ok: true,
        value: { total: 3 },
      });
    } finally {
      await core.close();
      lock.release();
    }
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  test('a sound index: no event, nothing logged', async () => {
    const { path } = workspace();
    const lock = acquireWriterLock(path, 'Kuulo');
    const logged: string[] = [];
    const events: string[] = [];
    const core = await startCore(
      {
        dbPath: path,
        exportDir: join(root, 'reports'),
        reportWorker: REPORT_WORKER_URL,
        housekeeping: false,
      },
      { spawn: spawnHost, askRestore: () => false, log: (operation) => logged.push(operation) },
    );
    core.onEvent((name) => {
      // (The daily backup at the start has events of its own.)
      if (name === 'searchIndexRepair') events.push(name);
    });
    try {
      // Long enough for the check's thread to start, read the small file and answer.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await core.call('search', { query: 'kohta 299' })).toMatchObject({
        ok: true,
        value: { total: 3 },
      });
    } finally {
      await core.close();
      lock.release();
    }
    expect(events).toEqual([]);
    expect(logged).toEqual([]);
  });
});
