import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

/**
 * A command loads what it uses and nothing more: every command-line call pays for each module it
 * evaluates, and a read-only listing needs the contract, the database and one service.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kuulo-cli-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Prints every module URL the process loads, at exit, on stderr after a marker line. */
const TRACE = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
const seen = [];
registerHooks({ load(url, context, next) { seen.push(url); return next(url, context); } });
process.on('exit', () => process.stderr.write('\\n--loaded--\\n' + seen.join('\\n') + '\\n'));
`)}`;

function loadedBy(...args: string[]): string[] {
  const child = spawnSync(process.execPath, ['--import', TRACE, 'electron/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, KUULO_LANG: 'en' },
  });
  expect(child.status, child.stderr).toBe(0);
  const [, list = ''] = child.stderr.split('\n--loaded--\n');
  return list
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => relative(ROOT, fileURLToPath(url)).replaceAll('\\', '/'));
}

test('`kuulo engagements` loads the engagements service alone, never the editor schema, demo data or import parsers', () => {
  const db = join(dir, 'demo.db');
  expect(spawnSync(process.execPath, ['electron/cli/index.ts', 'demo', '--db', db]).status).toBe(0);
  const loaded = loadedBy('engagements', '--db', db);

  const services = loaded.filter((file) => file.startsWith('electron/services/')).sort();
  expect(services).toEqual([
    // What the engagements service itself imports (its in-sample counts), and the dispatcher's frame.
    'electron/services/analysis/common.ts',
    'electron/services/context.ts',
    'electron/services/dispatcher.ts',
    'electron/services/engagements.ts',
    'electron/services/ids.ts',
    // The workspace's language, for messages.
    'electron/services/settings.ts',
    'electron/services/sql.ts',
  ]);
  expect(loaded).toContain('shared/contract.ts');
  expect(loaded).toContain('electron/db/connection.ts');
  const heavy = loaded.filter((file) =>
    /(^|\/)(@tiptap|prosemirror-[a-z]+)\/|^shared\/editor\/|^resources\/demo\/|^electron\/report\/|mammoth|docx|echarts/.test(
      file,
    ),
  );
  expect(heavy).toEqual([]);
});
