import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The layers of the code, bottom up, and what each may import. A layer sees only the layers listed
 * for it (and npm packages); anything else is an import across the lines.
 */
const LAYERS = {
  shared: ['shared'],
  base: ['shared', 'base'],
  // Migrations are frozen: what they write must not change when live code does.
  migrations: ['migrations'],
  db: ['shared', 'base', 'db', 'migrations'],
  services: ['shared', 'base', 'db', 'services', 'resources'],
  report: ['shared', 'base', 'db', 'services', 'report', 'resources'],
  core: ['shared', 'base', 'db', 'services', 'report', 'core', 'resources'],
  cli: ['shared', 'base', 'db', 'services', 'report', 'core', 'cli', 'resources'],
  // Only the forwarding side of the core and a few named files below (MAIN_MAY_USE): the main thread
  // must never run the services themselves.
  main: ['shared', 'base', 'main', 'resources'],
  preload: ['shared', 'preload'],
  resources: ['shared', 'resources'],
  renderer: ['shared', 'renderer'],
} as const;
type Layer = keyof typeof LAYERS;

/** The files of other layers the main process needs: the core's client, the writer lock, the error log. */
const MAIN_MAY_USE = [
  'electron/core/client.ts',
  'electron/core/messages.ts',
  'electron/db/lock.ts',
  'electron/db/private.ts',
  'electron/services/log.ts',
];

const ROOT = resolve(import.meta.dirname, '../..');

/** Which layer a project file belongs to; null for files outside the layered code (tests, data). */
function layerOf(file: string): Layer | null {
  const path = relative(ROOT, file).replaceAll('\\', '/');
  if (path.startsWith('electron/db/migrations/')) return 'migrations';
  // The resources/ folder's data (codebook, demo) belongs with the code that finds it at run time.
  if (path === 'electron/resources.ts' || path.startsWith('resources/')) return 'resources';
  for (const layer of ['base', 'db', 'services', 'report', 'core', 'cli', 'main', 'preload'] as const) {
    if (path.startsWith(`electron/${layer}/`)) return layer;
  }
  if (path.startsWith('shared/')) return 'shared';
  if (path.startsWith('renderer/')) return 'renderer';
  return null;
}

/** Said of a dynamic import or require whose module is computed: no rule can check where it goes. */
const COMPUTED = '(computed module name)';

/**
 * Whether a match stands in a comment's prose ("… undoes the import (null when …)"): its line up to it,
 * closed block comments taken out, opens a comment or continues a doc comment. Code after a comment on
 * the same line (`/** c *\/ import …`) is still read.
 */
function onCommentLine(source: string, index: number): boolean {
  const before = source.slice(source.lastIndexOf('\n', index - 1) + 1, index);
  return /^\s*(?:\*|\/\/|\/\*)/.test(before.replace(/\/\*.*?\*\//g, ''));
}

/** Comments between `import(` and the module name (bundler hints) are skipped, not taken for the name. */
const COMMENTS = String.raw`(?:\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*\n\s*)*`;

/**
 * Relative and absolute module specifiers of a source file: static imports and exports, dynamic imports
 * (quoted or a plain template literal), `require` calls (also through an alias, `module.require` or a
 * function made by `createRequire`), and a worker's script. Matched anywhere, not only at a line's
 * start: a comment or other code may stand before an import on its line. (TypeScript 7 has no compiler
 * API to parse with, so these are patterns; they err towards reporting too much.)
 */
function importsOf(source: string): string[] {
  const found = new Set<string>();
  const code = (pattern: RegExp) =>
    [...source.matchAll(pattern)].filter((m) => !onCommentLine(source, m.index));
  for (const m of code(/(?<![.\w$])(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g)) {
    found.add(m[1]!);
  }
  for (const m of code(/(?<![.\w$])import\s*['"]([^'"]+)['"]/g)) found.add(m[1]!);
  const requires = ['require', 'module\\.require', 'createRequire\\([^()]*(?:\\([^()]*\\))?[^()]*\\)'];
  for (const m of source.matchAll(
    /\b(?:const|let|var)\s+(\w+)\s*=\s*(?:(?:\w+\.)?createRequire\b|(?:module\.)?require\b(?!\s*\())/g,
  )) {
    requires.push(m[1]!);
  }
  const loaders = new RegExp(
    `(?:(?<![.\\w$])import|(?<![.\\w$])(?:${requires.join('|')})|\\bnew\\s+(?:Shared)?Worker)\\s*\\(\\s*${COMMENTS}([^)]*?)\\s*[,)]`,
    'g',
  );
  for (const m of code(loaders)) {
    const argument = m[1]!;
    // A worker made from a URL object is read below; from a variable (a path built elsewhere), not here.
    if (m[0].includes('Worker') && !/^['"`]/.test(argument)) continue;
    const literal = /^(['"`])([^'"`]*)\1$/.exec(argument);
    if (!literal || (literal[1] === '`' && literal[2]!.includes('${'))) found.add(COMPUTED);
    else found.add(literal[2]!);
  }
  // A module found at run time by its URL (a worker's script) is an import too.
  for (const m of source.matchAll(
    /\bnew\s+URL\(\s*(['"`])([^'"`]+)\1\s*,\s*import\.meta\.url|\bimport\.meta\.resolve\(\s*(['"`])([^'"`]+)\3/g,
  )) {
    found.add((m[2] ?? m[4])!);
  }
  return [...found].filter(
    (specifier) => specifier.startsWith('.') || specifier.startsWith('/') || specifier === COMPUTED,
  );
}

/** Every import of `file` (given its text) that its layer may not make. */
function crossings(file: string, source: string): string[] {
  const from = layerOf(file);
  if (!from) return [];
  const allowed: readonly Layer[] = LAYERS[from];
  return importsOf(source).filter((specifier) => {
    if (specifier === COMPUTED) return true;
    const target = resolve(dirname(file), specifier);
    const to = layerOf(target);
    // Tests, scripts, package.json …: no layered code depends on them.
    if (!to) return true;
    if (
      from === 'main' &&
      to !== 'main' &&
      MAIN_MAY_USE.includes(relative(ROOT, target).replaceAll('\\', '/'))
    ) {
      return false;
    }
    return !allowed.includes(to);
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('layers', () => {
  test('no import crosses the lines', () => {
    const files = ['electron', 'shared', 'renderer'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    // A new folder must be given its place in the layers before it can hold code.
    expect(files.filter((file) => !layerOf(file)).map((file) => relative(ROOT, file))).toEqual([]);
    const wrong = files.flatMap((file) =>
      crossings(file, readFileSync(file, 'utf8')).map(
        (specifier) => `${relative(ROOT, file)} → ${specifier}`,
      ),
    );
    expect(wrong).toEqual([]);
  });

  test('a deliberate wrong import is caught', () => {
    const db = join(ROOT, 'electron/db/connection.ts');
    expect(crossings(db, "import { saveNotes } from '../services/notes.ts';")).toEqual([
      '../services/notes.ts',
    ]);
    expect(crossings(db, "const m = await import('../report/model.ts');")).toEqual(['../report/model.ts']);
    const service = join(ROOT, 'electron/services/findings.ts');
    expect(crossings(service, "export { buildReport } from '../report/model.ts';")).toEqual([
      '../report/model.ts',
    ]);
    // A worker's script found by its URL is loaded all the same.
    expect(crossings(service, "new Worker(new URL('../report/worker.ts', import.meta.url));")).toEqual([
      '../report/worker.ts',
    ]);
    expect(crossings(service, "import.meta.resolve('../report/worker.ts')")).toEqual(['../report/worker.ts']);
    const migration = join(ROOT, 'electron/db/migrations/0002-default-codebook.ts');
    expect(
      crossings(migration, "import { defaultCodebook } from '../../services/defaultCodebook.ts';"),
    ).toEqual(['../../services/defaultCodebook.ts']);
    const renderer = join(ROOT, 'renderer/src/views/AnalysisView.tsx');
    expect(
      crossings(renderer, "import type { Database } from '../../../electron/db/connection.ts';"),
    ).toEqual(['../../../electron/db/connection.ts']);
    expect(crossings(join(ROOT, 'shared/format.ts'), "import '../electron/base/errors.ts';")).toEqual([
      '../electron/base/errors.ts',
    ]);
    // Main forwards to the core host; running the handlers on the main thread would pass every other test.
    const main = join(ROOT, 'electron/main/index.ts');
    expect(crossings(main, "import { createHandlers } from '../core/handlers.ts';")).toEqual([
      '../core/handlers.ts',
    ]);
    expect(crossings(main, "import { openDatabase } from '../db/connection.ts';")).toEqual([
      '../db/connection.ts',
    ]);
    expect(crossings(main, "import { saveNotes } from '../services/notes.ts';")).toEqual([
      '../services/notes.ts',
    ]);
    expect(crossings(main, "import { startCore } from '../core/client.ts';")).toEqual([]);
    // A migration reads only its own frozen copy, never the live data files.
    expect(
      crossings(
        migration,
        "import codes from '../../../resources/codebook/default-codebook.json' with { type: 'json' };",
      ),
    ).toEqual(['../../../resources/codebook/default-codebook.json']);
    expect(
      crossings(migration, "import codes from './0002-default-codebook.json' with { type: 'json' };"),
    ).toEqual([]);
    // Other ways to load a module: require, a function from createRequire, a template-literal import.
    expect(crossings(db, "const notes = require('../services/notes.ts');")).toEqual(['../services/notes.ts']);
    expect(
      crossings(
        db,
        "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nconst m = load('../report/model.ts');",
      ),
    ).toEqual(['../report/model.ts']);
    expect(crossings(db, "const m = createRequire(import.meta.url)('../report/model.ts');")).toEqual([
      '../report/model.ts',
    ]);
    expect(crossings(db, 'const m = await import(`../report/model.ts`);')).toEqual(['../report/model.ts']);
    // A computed name cannot be checked, so it is refused.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a source file with a template literal
    expect(crossings(db, 'const m = await import(`../${layer}/model.ts`);')).toEqual([
      '(computed module name)',
    ]);
    expect(crossings(db, 'const m = require(name);')).toEqual(['(computed module name)']);
    // Written other ways (review of issue 14): a space, a comment or other code before the import, an
    // absolute path, a bundler hint, require under another name, a worker's script path.
    const notes = ['../services/notes.ts'];
    expect(crossings(db, "const m = await import ('../services/notes.ts');")).toEqual(notes);
    expect(crossings(db, "const m = await import(/* webpackChunkName */ '../services/notes.ts');")).toEqual(
      notes,
    );
    expect(crossings(db, "const m = await import(\n  '../services/notes.ts'\n);")).toEqual(notes);
    expect(crossings(db, "const x = 1; import { a } from '../services/notes.ts'")).toEqual(notes);
    expect(crossings(db, "/** see */ import { a } from '../services/notes.ts'")).toEqual(notes);
    expect(crossings(db, "import{a}from'../services/notes.ts'")).toEqual(notes);
    expect(crossings(db, "type T = typeof import('../services/notes.ts');")).toEqual(notes);
    const absolute = join(ROOT, 'electron/services/notes.ts');
    expect(crossings(db, `const o = onDemand(() => import('${absolute}'));`)).toEqual([absolute]);
    expect(crossings(db, `import { saveNotes } from '${absolute}';`)).toEqual([absolute]);
    expect(crossings(db, "const load = require; load('../services/notes.ts')")).toEqual(notes);
    expect(crossings(db, "module.require('../services/notes.ts')")).toEqual(notes);
    expect(crossings(db, "new Worker('../services/notes.ts')")).toEqual(notes);
    expect(crossings(db, "new Worker(new URL('../services/notes.ts', import.meta.url).href)")).toEqual(notes);
    // Prose in a comment is not an import.
    expect(crossings(db, '/** The entry that undoes the import (null when nothing was written). */')).toEqual(
      [],
    );
    expect(crossings(db, "// would import('../services/notes.ts') here")).toEqual([]);
    // Data outside the layers (tests, package.json) is no dependency of the app's code.
    expect(
      crossings(service, "import fixture from '../../test/fixtures/x.json' with { type: 'json' };"),
    ).toEqual(['../../test/fixtures/x.json']);
    // Within the lines: nothing reported.
    expect(crossings(service, "import { openDatabase } from '../db/connection.ts';")).toEqual([]);
    expect(
      crossings(service, "import demo from '../../resources/demo/findings.json' with { type: 'json' };"),
    ).toEqual([]);
  });
});
