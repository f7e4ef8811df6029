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
  main: ['shared', 'base', 'db', 'services', 'core', 'main', 'resources'],
  preload: ['shared', 'preload'],
  resources: ['shared', 'resources'],
  renderer: ['shared', 'renderer'],
} as const;
type Layer = keyof typeof LAYERS;

const ROOT = resolve(import.meta.dirname, '../..');

/** Which layer a project file belongs to; null for files outside the layered code (tests, data). */
function layerOf(file: string): Layer | null {
  const path = relative(ROOT, file).replaceAll('\\', '/');
  if (path.startsWith('electron/db/migrations/')) return 'migrations';
  if (path === 'electron/resources.ts') return 'resources';
  for (const layer of ['base', 'db', 'services', 'report', 'core', 'cli', 'main', 'preload'] as const) {
    if (path.startsWith(`electron/${layer}/`)) return layer;
  }
  if (path.startsWith('shared/')) return 'shared';
  if (path.startsWith('renderer/')) return 'renderer';
  return null;
}

/** Relative module specifiers of a source file: static imports and exports, and dynamic imports. */
function importsOf(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g)) {
    found.add(m[1]!);
  }
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.add(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(m[1]!);
  return [...found].filter((specifier) => specifier.startsWith('.'));
}

/** Every import of `file` (given its text) that its layer may not make. */
function crossings(file: string, source: string): string[] {
  const from = layerOf(file);
  if (!from) return [];
  const allowed: readonly Layer[] = LAYERS[from];
  return importsOf(source).filter((specifier) => {
    const target = resolve(dirname(file), specifier);
    const to = layerOf(target);
    // Data files beside the code (JSON of the demo, the codebook) are not a layer.
    if (!to) return !/\/resources\//.test(target) && from !== 'migrations';
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
    // Within the lines: nothing reported.
    expect(crossings(service, "import { openDatabase } from '../db/connection.ts';")).toEqual([]);
  });
});
