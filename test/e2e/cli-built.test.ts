import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

/**
 * The built command line (out/main/cli.js, made by `electron-vite build` before the e2e run) is the
 * same program as `npm run kuulo`: same output for reading and writing commands, same errors.
 */
const dir = mkdtempSync(join(tmpdir(), 'kuulo-cli-built-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (entry: string, ...args: string[]) => {
  const child = spawnSync(process.execPath, [entry, ...args], {
    encoding: 'utf8',
    env: { ...process.env, KUULO_LANG: 'en' },
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
};
const built = (...args: string[]) => run('out/main/cli.js', ...args);
const sources = (...args: string[]) => run('electron/cli/index.ts', ...args);

test('the built command line answers as the sources do', () => {
  const db = join(dir, 'demo.db');
  expect(built('demo', '--db', db).code).toBe(0);
  const listed = built('engagements', '--db', db, '--json');
  expect(listed.code).toBe(0);
  expect(listed.stdout).toBe(sources('engagements', '--db', db, '--json').stdout);
  const [first] = JSON.parse(listed.stdout) as { id: string }[];
  const stats = built('stats', '--db', db, '--engagement', first?.id ?? '', '--json');
  expect(stats.code).toBe(0);
  expect(stats.stdout).toBe(sources('stats', '--db', db, '--engagement', first?.id ?? '', '--json').stdout);
  // An error is the same one line and exit code.
  const missing = built('engagements', '--db', join(dir, 'nothing.db'));
  expect(missing.code).toBe(2);
  expect(missing.stderr).toBe(sources('engagements', '--db', join(dir, 'nothing.db')).stderr);
});
