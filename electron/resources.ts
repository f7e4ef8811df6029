import { existsSync } from 'node:fs';
import { basename, dirname, join, parse } from 'node:path';

/**
 * Files the app reads from disk at run time, relative to {@link resourcesDir}. They live outside
 * the asar archive because native code reads them (resvg opens font files itself and cannot look
 * inside an asar). electron-builder.yml copies each with `extraResources`, and the packaging test
 * checks that every one is in the package where {@link resourcesDir} looks for it.
 *
 * Data the code imports (default codebook, demo data) is bundled into the JavaScript instead, so
 * it needs no entry here.
 */
export const RUNTIME_RESOURCES = {
  /** DejaVu Sans for chart pictures in the Word report (electron/report/raster.ts). */
  fonts: ['fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf'],
  /** The window's icon on Linux, where the window manager takes it from the window. */
  windowIcon: 'icon.png',
} as const;

export const runtimeResourceFiles = (): string[] => [
  ...RUNTIME_RESOURCES.fonts,
  RUNTIME_RESOURCES.windowIcon,
];

/**
 * Where the run-time resources are, seen from the code at `from` (a module's folder):
 * - packaged: the code runs from `<resources>/app.asar/…`, and the resources are copied beside the
 *   archive, in `<resources>` (Electron's process.resourcesPath). Deriving it from the code's own
 *   place works in the report worker thread too, and never picks Electron's own resources folder
 *   in development;
 * - development, CLI and tests: the project's `resources/` folder, found upwards from the code
 *   (electron/*.ts sources and out/main bundles alike).
 */
export function resourcesDir(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (basename(dir) === 'app.asar') return dirname(dir);
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) {
      return join(dir, 'resources');
    }
    if (dir === parse(dir).root) throw new Error(`No resources folder found above ${from}`);
  }
}

/** The full path of a run-time resource, e.g. `resourcePath(RUNTIME_RESOURCES.windowIcon)`. */
export const resourcePath = (file: string, from?: string): string => join(resourcesDir(from), file);
