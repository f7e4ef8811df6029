import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';
import { openWithRecovery } from '../../electron/db/recover.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
afterEach(() => ws.close());

function damagedWithBackup(): void {
  ws = openTestWorkspace();
  ws.call('createDemo', {});
  ws.call('createBackup', {});
  ws.db.close();
  const bytes = readFileSync(ws.path);
  for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
  writeFileSync(ws.path, bytes);
}

test('a damaged workspace can be restored from its latest backup at start, if the consultant agrees', () => {
  damagedWithBackup();
  const ask = vi.fn(() => true);
  const db = openWithRecovery(ws.path, ask);
  expect(ask).toHaveBeenCalledWith(
    expect.objectContaining({ key: 'workspaceDamaged', message: expect.stringMatching(/is damaged/) }),
    expect.objectContaining({ reason: 'manual' }),
  );
  expect(db.prepare('SELECT count(*) FROM engagements').pluck().get()).toBe(4);
  db.close();
});

test('saying no leaves the damaged file as it was and passes the problem on', () => {
  damagedWithBackup();
  const before = readFileSync(ws.path);
  expect(() => openWithRecovery(ws.path, () => false)).toThrow(/is damaged/);
  expect(readFileSync(ws.path).equals(before)).toBe(true);
});
