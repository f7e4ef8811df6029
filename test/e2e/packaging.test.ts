import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { APP_ORIGIN } from '../../electron/main/protocol.ts';
import { resourcesDir, runtimeResourceFiles } from '../../electron/resources.ts';
import codebook from '../../resources/codebook/default-codebook.json' with { type: 'json' };
import demo from '../../resources/demo/demo-workspace.json' with { type: 'json' };

/**
 * Packages the app the way `npm run dist` does (linux `dir` target, from the already built out/)
 * and checks that what the code reads at run time is in the package where the code looks for it.
 * Electron's binary cannot be downloaded here: a stand-in executable takes its place unless
 * KUULO_ELECTRON_DIST names a folder holding a real Electron (then the fuses are flipped and read
 * back too). Flipping fuses needs the real binary, so with the stand-in that step is skipped.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const realElectronDist = process.env.KUULO_ELECTRON_DIST;
const standIn = !realElectronDist;

/** What electron-builder.yml must say; see the Electron fuses documentation for each. */
const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

let work: string;
let resources: string;
let asar: string;
let config: Awaited<ReturnType<typeof getConfig>>;

/**
 * A copy of the project to package. node_modules is hard-linked (fast, no extra space): in a git
 * worktree it is a symlink to another checkout, and electron-builder's `npm ls` then drops
 * packages (zrender, resvg's binary) that a normal checkout ships.
 */
function stageProject(stage: string): void {
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) {
    cpSync(join(ROOT, file), join(stage, file));
  }
  for (const dir of ['out', 'resources']) cpSync(join(ROOT, dir), join(stage, dir), { recursive: true });
  const modules = realpathSync(join(ROOT, 'node_modules'));
  try {
    execFileSync('cp', ['-al', `${modules}/.`, join(stage, 'node_modules')]);
  } catch {
    rmSync(join(stage, 'node_modules'), { recursive: true, force: true });
    cpSync(modules, join(stage, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  }
}

function standInElectron(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stand-in for Electron: cannot run" >&2\nexit 1\n');
  chmodSync(join(dir, 'electron'), 0o755);
  return dir;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    throw new Error('out/ is missing: run `npx electron-vite build` first (npm run test:e2e does)');
  }
  work = mkdtempSync(join(tmpdir(), 'kuulo-package-'));
  const stage = join(work, 'project');
  mkdirSync(stage);
  stageProject(stage);
  config = await getConfig(stage, null, null);
  const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8'))
    .version as string;
  const effective: Record<string, unknown> = {
    ...config,
    electronDist: realElectronDist ?? standInElectron(join(work, 'electron-dist')),
    electronVersion,
    directories: { ...config.directories, output: join(work, 'dist') },
  };
  if (standIn) {
    // @electron/fuses would look for the fuse wire in the stand-in script and fail.
    delete effective.electronFuses;
    console.info(
      'packaging test: stand-in Electron binary, so the fuses are checked in the configuration only',
    );
  }
  writeFileSync(join(stage, 'builder-config.json'), JSON.stringify(effective));
  const cli = join(ROOT, 'node_modules/electron-builder/cli.js');
  await run(
    process.execPath,
    [cli, '--linux', 'dir', '--projectDir', stage, '--config', join(stage, 'builder-config.json')],
    { cwd: stage, maxBuffer: 64 * 1024 * 1024 },
  );
  resources = join(work, 'dist', 'linux-unpacked', 'resources');
  asar = join(resources, 'app.asar');
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const inAsar = (): Set<string> =>
  new Set(listPackage(asar, { isPack: false }).map((p) => p.replaceAll('\\', '/')));
const mainBundles = (): string[] => [...inAsar()].filter((p) => /^\/out\/main\/.*\.js$/.test(p));
const PACKAGE_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*(\/[\w./-]*)?$/;
const readInAsar = (path: string): string => extractFile(asar, path.replace(/^\//, '')).toString('utf8');

describe('the packaged app', () => {
  test('every run-time resource is beside the archive, where the code looks for it', () => {
    // The code finds its resources from its own place inside app.asar (electron/resources.ts).
    expect(resourcesDir(join(asar, 'out', 'main'))).toBe(resources);
    expect(resourcesDir(join(asar, 'out', 'main', 'chunks'))).toBe(resources);
    const missing = runtimeResourceFiles().filter((file) => !existsSync(join(resources, file)));
    expect(missing, `missing from ${resources}`).toEqual([]);
    for (const file of runtimeResourceFiles()) {
      expect(statSync(join(resources, file)).size, file).toBe(statSync(join(ROOT, 'resources', file)).size);
    }
  });

  test("the app's own code is in the archive: main, core host, report worker, preload, renderer and its assets", () => {
    const files = inAsar();
    const main = JSON.parse(readInAsar('package.json')).main as string;
    const html = readInAsar('out/renderer/index.html');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `/out/renderer/${m[1]}`);
    expect(assets.length).toBeGreaterThan(0);
    const expected = [
      `/${main}`,
      '/out/main/reportWorker.js',
      '/out/main/coreHost.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      ...assets,
    ];
    expect(expected.filter((file) => !files.has(file))).toEqual([]);
  });

  test('native modules are unpacked from the archive, and every package the main code imports loads from the package', async () => {
    const natives = [...inAsar()].filter((p) => p.endsWith('.node'));
    expect(natives.length).toBeGreaterThan(0);
    const packed = natives.filter(
      (p) =>
        !(statFile(asar, p.slice(1)) as { unpacked?: boolean }).unpacked ||
        !existsSync(`${asar}.unpacked${p}`),
    );
    expect(packed, 'native modules must be in app.asar.unpacked').toEqual([]);

    // Load what the bundles import from a copy of the package, in Node, on this platform.
    const builtins = new Set([...builtinModules, 'electron']);
    const imported = new Set<string>();
    for (const bundle of mainBundles()) {
      for (const m of readInAsar(bundle).matchAll(
        /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g,
      )) {
        const spec = m[1]!;
        if (PACKAGE_NAME.test(spec) && !builtins.has(spec)) imported.add(spec);
      }
    }
    expect([...imported]).toEqual(expect.arrayContaining(['better-sqlite3', '@resvg/resvg-js']));
    const copy = join(work, 'extracted');
    extractAll(asar, copy);
    const probe = join(copy, 'out', 'main', 'probe-imports.mjs');
    writeFileSync(
      probe,
      `for (const spec of ${JSON.stringify([...imported])}) await import(spec);
const Database = (await import('better-sqlite3')).default;
if (new Database(':memory:').prepare('SELECT 1 AS one').get().one !== 1) throw new Error('better-sqlite3');
const { Resvg } = await import('@resvg/resvg-js');
new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>').render().asPng();
console.log('loaded', ${imported.size});`,
    );
    const { stdout } = await run(process.execPath, [probe], { cwd: copy });
    expect(stdout.trim()).toBe(`loaded ${imported.size}`);
  });

  test('the default codebook and the demo data are bundled into the main code', () => {
    const code = mainBundles().map(readInAsar).join('\n');
    expect(code).toContain(codebook.groups[0]!.key);
    expect(code).toContain(demo.engagements[0]!.key);
  });
});

describe('the build configuration', () => {
  test('sets the Electron fuses', () => {
    expect(config.electronFuses).toEqual(EXPECTED_FUSES);
    expect(config.asar).not.toBe(false);
  });

  test('the packaged main code serves the app on app://kuulo/ and never loads a file:// page', () => {
    const main = readInAsar('out/main/index.js');
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).toContain(APP_ORIGIN);
    expect(main).not.toContain('loadFile(');
    // app:// is the app's own scheme, not one the OS should hand to Kuulo.
    expect(config.protocols).toBeUndefined();
  });

  test('the installer icon is where the configuration says', () => {
    expect(existsSync(join(ROOT, config.icon ?? 'missing'))).toBe(true);
  });

  test.skipIf(standIn)(
    'the packaged Electron binary has its fuses flipped (needs KUULO_ELECTRON_DIST)',
    async () => {
      const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');
      const wire = await getCurrentFuseWire(
        join(work, 'dist', 'linux-unpacked', String(config.executableName ?? 'kuulo')),
      );
      // The wire holds '1' (49) for on and '0' (48) for off; @electron/fuses does not export its enum.
      const state = (on: boolean) => (on ? 49 : 48);
      expect(wire[FuseV1Options.RunAsNode]).toBe(state(EXPECTED_FUSES.runAsNode));
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(state(EXPECTED_FUSES.enableCookieEncryption));
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(state(EXPECTED_FUSES.onlyLoadAppFromAsar));
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(
        state(EXPECTED_FUSES.enableEmbeddedAsarIntegrityValidation),
      );
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(
        state(EXPECTED_FUSES.grantFileProtocolExtraPrivileges),
      );
    },
  );
});
