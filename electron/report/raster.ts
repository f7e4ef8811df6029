import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { setPlatformAPI } from 'echarts/core';
import { renderChartSvg } from '../../shared/chartRender.ts';
import type { ChartOption, ChartSpec } from '../../shared/charts.ts';
import { RUNTIME_RESOURCES, resourcePath } from '../resources.ts';
import type { ReportChart } from './types.ts';

/**
 * Charts for the Word report: the same ECharts SVG the app shows, plus a PNG at twice the size for
 * Word versions that cannot draw SVG. The PNG is drawn with the DejaVu Sans files shipped in
 * resources/fonts and no system fonts, so it comes out the same on every machine (resvg silently
 * drops all text when it finds no font).
 */

/** The font files by name, from the one list the packaging test checks (regular, bold). */
export const FONT_FILES = RUNTIME_RESOURCES.fonts.map((file) => basename(file));
const PNG_SCALE = 2;

/**
 * Where the chart fonts are: `fonts/` in the run-time resources (see electron/resources.ts, which
 * knows the project's and the packaged app's places; the packaging test checks the package has them).
 */
export function defaultFontDir(from: string = import.meta.dirname): string {
  const dir = dirname(resourcePath(RUNTIME_RESOURCES.fonts[0], from));
  if (!FONT_FILES.every((file) => existsSync(join(dir, file)))) {
    throw new Error(`Chart fonts (${FONT_FILES.join(', ')}) not found in ${dir}`);
  }
  return dir;
}

let cachedFontDir: string | undefined;

/** Advance widths of a TrueType font, in em, read from its cmap (format 4) and hmtx tables. */
export function fontWidths(file: Uint8Array): (char: number) => number | undefined {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tables = new Map<string, number>();
  for (let i = 0, n = view.getUint16(4); i < n; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...file.subarray(at, at + 4));
    tables.set(tag, view.getUint32(at + 8));
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const cmap = tables.get('cmap');
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) {
    throw new Error('Not a TrueType font with cmap, head, hhea and hmtx tables');
  }
  const unitsPerEm = view.getUint16(head + 18);
  const metrics = view.getUint16(hhea + 34);
  let format4: number | undefined;
  for (let i = 0, n = view.getUint16(cmap + 2); i < n; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const offset = cmap + view.getUint32(cmap + 8 + i * 8);
    if (view.getUint16(offset) === 4 && (platform === 0 || (platform === 3 && encoding === 1)))
      format4 = offset;
  }
  if (format4 === undefined) throw new Error('The font has no Unicode BMP character map');
  const table = format4;
  const segments = view.getUint16(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  const glyph = (char: number): number => {
    for (let i = 0; i < segments; i++) {
      if (char > view.getUint16(ends + i * 2)) continue;
      const start = view.getUint16(starts + i * 2);
      if (char < start) return 0;
      const delta = view.getUint16(deltas + i * 2);
      const range = view.getUint16(ranges + i * 2);
      if (range === 0) return (char + delta) & 0xffff;
      const id = view.getUint16(ranges + i * 2 + range + (char - start) * 2);
      return id === 0 ? 0 : (id + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number | undefined>();
  return (char) => {
    if (cache.has(char)) return cache.get(char);
    const id = char > 0xffff ? 0 : glyph(char);
    const width = id === 0 ? undefined : view.getUint16(hmtx + Math.min(id, metrics - 1) * 4) / unitsPerEm;
    cache.set(char, width);
    return width;
  };
}

let measuring: string | undefined;

/**
 * ECharts lays out labels and legends by measuring text. Without a canvas (server-side rendering)
 * it guesses with Helvetica-like widths, narrower than DejaVu Sans, and legend entries then run
 * into each other in the PNG. This measures with the widths of the font files the PNG is drawn
 * with. It changes the ECharts of this process only (main process, CLI, tests), never the app's
 * renderer, which measures with its canvas.
 */
export function measureChartTextWith(fontDir: string): void {
  if (measuring === fontDir) return;
  const [regular, bold] = FONT_FILES.map((file) => fontWidths(readFileSync(join(fontDir, file))));
  setPlatformAPI({
    measureText: (text: string, font?: string) => {
      const spec = font ?? '12px sans-serif';
      const px = Number(/(\d+(?:\.\d+)?)px/.exec(spec)?.[1] ?? 12);
      const widths = /\bbold\b|\b[6-9]00\b/.test(spec) ? bold! : regular!;
      let width = 0;
      for (const char of text ?? '') width += widths(char.codePointAt(0)!) ?? 0.6;
      return { width: width * px } as TextMetrics;
    },
  });
  measuring = fontDir;
}

/**
 * The report's version of a chart: its title becomes the figure caption under the picture, so the
 * picture leaves it out, and the plot and legend move up into the room it took — as far as the
 * labels above the plot allow (an axis on top, an axis name or value labels over the bars), so
 * nothing is clipped. Charts laid out otherwise only lose the title.
 */
export function withoutTitle(spec: ChartSpec): ChartSpec {
  const option = spec.option;
  const title = option.title as { show?: boolean } | undefined;
  if (!title || title.show === false) return spec;
  const next: ChartOption = { ...option, title: { ...title, show: false } };
  const grid = option.grid as { top?: unknown } | undefined;
  const legend = option.legend as { top?: unknown } | undefined;
  if (typeof grid?.top !== 'number' || (legend && typeof legend.top !== 'number')) {
    return { ...spec, option: next };
  }
  const axes = (key: string): Record<string, unknown>[] => {
    const value = option[key];
    return (Array.isArray(value) ? value : value ? [value] : []) as Record<string, unknown>[];
  };
  const labelsOnTop = axes('xAxis').some((axis) => axis.position === 'top');
  const namedValueAxis = axes('yAxis').some((axis) => axis.name && axis.type === 'value');
  const needAbove = labelsOnTop ? 40 : namedValueAxis ? 32 : 10;
  let shift = Math.min(30, grid.top - needAbove);
  if (typeof legend?.top === 'number') shift = Math.min(shift, legend.top);
  if (shift <= 0) return { ...spec, option: next };
  next.grid = { ...grid, top: grid.top - shift };
  if (legend) next.legend = { ...legend, top: (legend.top as number) - shift };
  return { ...spec, option: next, height: spec.height - shift };
}

export interface RasterizeOptions {
  /** Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf; see {@link defaultFontDir}. */
  fontDir?: string;
  /** Keep the chart's own title in the picture (default: no, the caption carries it). */
  keepTitle?: boolean;
}

export function rasterizeChart(spec: ChartSpec, options: RasterizeOptions = {}): ReportChart {
  if (!options.fontDir && !cachedFontDir) cachedFontDir = defaultFontDir();
  const fontDir = options.fontDir ?? cachedFontDir!;
  measureChartTextWith(fontDir);
  const shown = options.keepTitle ? spec : withoutTitle(spec);
  const svg = renderChartSvg(shown);
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: '#ffffff',
    font: {
      fontFiles: FONT_FILES.map((file) => join(fontDir, file)),
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    logLevel: 'off',
  })
    .render()
    .asPng();
  return {
    id: spec.id,
    caption: spec.title,
    svg,
    png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
    width: shown.width,
    height: shown.height,
  };
}
