import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'kuulo-cli-actions-'));
const db = join(dir, 'k.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kuulo(...args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C.UTF-8' };
  for (const name of ['KUULO_LANG', 'LANGUAGE', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', ...args], { encoding: 'utf8', env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let first = '';
let second = '';
beforeAll(() => {
  const ws = connect(db);
  const a = ws.call('createEngagement', { clientName: 'Huolto Oy', title: 'Kuuntelu A', language: 'fi' });
  const b = ws.call('createEngagement', { clientName: 'Northbeam', title: 'Listening B', language: 'en' });
  first = a.id;
  second = b.id;
  const account = ws.call('createAccount', { engagementId: b.id, name: 'Harbor Ltd', tier: 'key' });
  const interview = ws.call('createInterview', {
    engagementId: b.id,
    accountId: account.id,
    intervieweeIds: [],
    status: 'done',
    mode: 'video',
    date: '2026-02-03',
  });
  ws.saveNotes({
    interviewId: interview.id,
    doc: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { followUp: true },
          content: [{ type: 'text', text: 'Send the price list.' }],
        },
      ],
    },
  });
  ws.call('createAction', {
    engagementId: a.id,
    title: 'Late one',
    owner: 'myyntijohtaja',
    dueDate: '2001-02-03',
  });
  ws.call('createAction', {
    engagementId: b.id,
    title: 'Future one',
    dueDate: '2999-01-01',
    status: 'in_progress',
  });
  ws.call('createAction', { engagementId: b.id, title: 'Finished', dueDate: '2001-01-01', status: 'done' });
  ws.db.close();
});

describe('CLI actions', () => {
  test('--json lists every action of every engagement and the uncovered follow-ups; overdue marked', () => {
    const run = kuulo('actions', '--db', db, '--json');
    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as {
      kind: string;
      title?: string;
      text?: string;
      overdue?: boolean;
    }[];
    expect(items.map((i) => i.title ?? i.text)).toEqual([
      'Late one',
      'Future one',
      'Send the price list.',
      'Finished',
    ]);
    expect(items.find((i) => i.title === 'Late one')).toMatchObject({
      overdue: true,
      engagement: 'Kuuntelu A',
    });
    // Done is never overdue.
    expect(items.find((i) => i.title === 'Finished')).toMatchObject({ overdue: false, status: 'done' });
  });

  test('--open leaves done and dropped out; --engagement keeps to one', () => {
    const open = JSON.parse(kuulo('actions', '--db', db, '--open', '--json').stdout) as { title?: string }[];
    expect(open.map((i) => i.title ?? 'follow-up')).toEqual(['Late one', 'Future one', 'follow-up']);
    const one = JSON.parse(
      kuulo('actions', '--db', db, '--engagement', second, '--open', '--json').stdout,
    ) as {
      engagementId: string;
    }[];
    expect(one.map((i) => i.engagementId)).toEqual([second, second]);
  });

  test('human text marks the overdue and lists follow-ups; an unknown engagement fails in one line', () => {
    const run = kuulo('actions', '--db', db, '--engagement', first);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^OVERDUE +2001-02-03 +open +myyntijohtaja +Late one +Kuuntelu A$/m);
    expect(kuulo('actions', '--db', db, '--open').stdout).toMatch(
      /FOLLOW-UPS NO ACTION COVERS YET\n2026-02-03 {2}Harbor Ltd \(Listening B\)\n {3}Send the price list\./,
    );
    const bad = kuulo('actions', '--db', db, '--engagement', crypto.randomUUID());
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
