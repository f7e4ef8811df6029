import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/db/connection.ts';
import { SCHEMA_VERSION } from '../../electron/db/migrate.ts';
import { defaultCodebook, defaultCodeId } from '../../electron/services/defaultCodebook.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
afterEach(() => ws?.close());

const count = (ws: TestWorkspace, sql: string, ...params: unknown[]): number =>
  ws.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('database', () => {
  test('a new file is migrated from empty, with the pragmas and the default codebook', () => {
    ws = openTestWorkspace();
    expect(ws.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(2);
    const codebook = ws.call('getCodebook', {});
    expect(codebook.filter((c) => c.isGroup).length).toBeGreaterThanOrEqual(6);
    const codes = codebook.filter((c) => !c.isGroup);
    expect(codes).toHaveLength(17);
    for (const code of codes) {
      expect(code.name.fi && code.name.en && code.description.fi && code.description.en).toBeTruthy();
      expect(code.parentId).not.toBeNull();
    }
    // Default codes have the same id in every workspace, so files can be merged.
    expect(codes.find((c) => c.key === 'key-person-risk')?.id).toBe(defaultCodeId('key-person-risk'));
    // Migrations keep frozen copies of their data: a change to the default codebook resource needs a
    // migration of its own, or new workspaces would not get it.
    const shape = (c: { id: string; parentId: string | null; key: string | null; color: string }) =>
      [c.id, c.parentId, c.key, c.color].join(' ');
    const current = defaultCodebook();
    expect(codebook.map(shape)).toEqual(current.map(shape));
    expect(
      codebook.map((c) => [c.name.fi, c.name.en, c.description.fi, c.description.en, c.polarity]),
    ).toEqual(current.map((c) => [c.nameFi, c.nameEn, c.descriptionFi, c.descriptionEn, c.polarity]));
  });

  test('reopening a migrated file changes nothing', () => {
    ws = openTestWorkspace();
    ws.call('createDemo', {});
    const before = count(ws, 'SELECT count(*) FROM codes');
    ws.db.close();
    const reopened = openDatabase(ws.path);
    expect(reopened.prepare('SELECT count(*) FROM codes').pluck().get()).toBe(before);
    reopened.close();
  });

  test('foreign keys are enforced', () => {
    ws = openTestWorkspace();
    const now = new Date().toISOString();
    expect(() =>
      ws.db
        .prepare(
          `INSERT INTO accounts (id, engagement_id, name, tier, created_at, updated_at) VALUES ('a', 'missing', 'x', 'key', ?, ?)`,
        )
        .run(now, now),
    ).toThrow(/FOREIGN KEY/);
  });

  test('deleting an engagement removes exactly its own rows', () => {
    ws = openTestWorkspace();
    ws.call('createDemo', {});
    const [target, ...others] = ws.call('listEngagements', {});
    const rowsOf = (id: string) => ({
      accounts: count(ws, 'SELECT count(*) FROM accounts WHERE engagement_id = ?', id),
      interviewees: count(
        ws,
        'SELECT count(*) FROM interviewees WHERE account_id IN (SELECT id FROM accounts WHERE engagement_id = ?)',
        id,
      ),
      interviews: count(ws, 'SELECT count(*) FROM interviews WHERE engagement_id = ?', id),
      notes: count(
        ws,
        'SELECT count(*) FROM notes WHERE interview_id IN (SELECT id FROM interviews WHERE engagement_id = ?)',
        id,
      ),
      relationships: count(
        ws,
        'SELECT count(*) FROM relationships WHERE interview_id IN (SELECT id FROM interviews WHERE engagement_id = ?)',
        id,
      ),
    });
    const totals = () => ({
      accounts: count(ws, 'SELECT count(*) FROM accounts'),
      interviewees: count(ws, 'SELECT count(*) FROM interviewees'),
      interviews: count(ws, 'SELECT count(*) FROM interviews'),
      notes: count(ws, 'SELECT count(*) FROM notes'),
      relationships: count(ws, 'SELECT count(*) FROM relationships'),
    });
    const own = rowsOf(target!.id);
    const othersBefore = others.map((e) => rowsOf(e.id));
    const before = totals();
    expect(own.interviews).toBeGreaterThan(0);
    expect(own.relationships).toBeGreaterThan(0);

    const impact = ws.call('deletionImpact', { kind: 'engagement', id: target!.id });
    expect(impact).toMatchObject({
      accounts: own.accounts,
      interviewees: own.interviewees,
      interviews: own.interviews,
    });
    expect(ws.call('deleteEngagement', { id: target!.id })).toEqual(impact);

    const after = totals();
    for (const key of Object.keys(before) as (keyof typeof before)[])
      expect(after[key]).toBe(before[key] - own[key]);
    expect(others.map((e) => rowsOf(e.id))).toEqual(othersBefore);
    expect(count(ws, 'SELECT count(*) FROM codes WHERE engagement_id IS NULL')).toBeGreaterThan(17);
  });

  test('deleting an interviewee keeps their interviews and notes', () => {
    ws = openTestWorkspace();
    ws.call('createDemo', {});
    const [engagement] = ws.call('listEngagements', {});
    const interview = ws
      .call('listInterviews', { engagementId: engagement!.id })
      .find((i) => i.interviewees.length && i.wordCount)!;
    const person = interview.interviewees[0]!;
    const impact = ws.call('deleteInterviewee', { id: person.id });
    expect(impact).toMatchObject({ interviewees: 1, interviews: 0, detachedInterviews: expect.any(Number) });
    const after = ws.call('getInterview', { id: interview.id });
    expect(after.intervieweeIds).not.toContain(person.id);
    expect(after.wordCount).toBe(interview.wordCount);
  });

  test('a file that is not SQLite is refused and left byte-for-byte unchanged', () => {
    ws = openTestWorkspace();
    const path = join(ws.dir, 'notes.txt');
    const content = 'These are not the notes you are looking for.\n'.repeat(50);
    writeFileSync(path, content);
    expect(() => openDatabase(path)).toThrow(/not a Kuulo workspace/);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  test('a file from a newer Kuulo is refused untouched', () => {
    ws = openTestWorkspace();
    const path = join(ws.dir, 'newer.db');
    const db = new BetterSqlite3(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(/newer version of Kuulo/);
    const check = new BetterSqlite3(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    expect(check.prepare(`SELECT count(*) FROM sqlite_master`).pluck().get()).toBe(0);
    check.close();
  });
});
