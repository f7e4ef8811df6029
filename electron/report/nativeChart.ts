import type { ScoreGroup } from '../../shared/analysis.ts';
import { type ChartOption, type ChartSpec, PALETTE } from '../../shared/charts.ts';

/**
 * A chart as PowerPoint draws it natively (an editable bar chart, not a picture), read from the
 * ECharts option of a {@link ChartSpec}: the deck draws the same figures the app and the Word report
 * show, without a second set of chart builders to keep in step.
 */
export interface NativeChart {
  title: string;
  /** 'bar': horizontal bars; 'col': vertical columns. */
  direction: 'bar' | 'col';
  grouping: 'clustered' | 'stacked' | 'percentStacked';
  /** In reading order: top to bottom for bars, left to right for columns. */
  categories: string[];
  series: NativeSeries[];
  /** What the value axis counts: shares in percent (0–100), counts, or a score such as NPS (−100…100). */
  axis: 'percent' | 'count' | 'score';
  min?: number;
  max?: number;
}

export interface NativeSeries {
  name: string;
  values: number[];
  /** Hex without '#', as OOXML wants it. */
  colour: string;
  /** One colour per value when the bars of one series differ (theme polarity, NPS sign). */
  pointColours?: string[];
}

type Item = number | { value?: unknown; itemStyle?: { color?: unknown } };
interface Series {
  type?: string;
  name?: string;
  data?: unknown[];
  itemStyle?: { color?: unknown };
}
interface Axis {
  type?: string;
  data?: unknown[];
  inverse?: boolean;
  min?: number;
  max?: number;
}

export const hex = (colour: string): string => colour.replace(/^#/, '').toUpperCase();

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const axisOf = (value: unknown): Axis => record(Array.isArray(value) ? value[0] : value) as Axis;
const numberOf = (item: Item | undefined): number => {
  const value = typeof item === 'object' && item !== null ? item.value : item;
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};
const colourOf = (item: Item | undefined): string | null => {
  const colour = typeof item === 'object' && item !== null ? item.itemStyle?.color : undefined;
  return typeof colour === 'string' ? hex(colour) : null;
};
/** A category label on one line: ECharts labels break lines with "\n" ("Key account\nn = 24"). */
const label = (value: unknown): string => String(value ?? '').replace(/\s*\n\s*/g, ' ');

/**
 * The native chart for a spec, or null when its option is not a bar or heatmap chart this knows
 * how to redraw. A heatmap (the crosstabs) becomes clustered bars: one bar per column value.
 */
export function nativeChart(spec: ChartSpec): NativeChart | null {
  const option: ChartOption = spec.option;
  const series = (Array.isArray(option.series) ? option.series : [option.series]).map(
    (s) => record(s) as Series,
  );
  const x = axisOf(option.xAxis);
  const y = axisOf(option.yAxis);
  const percentMax = (axis: Axis) => (axis.max === 100 ? 'percent' : 'count');
  if (series.length > 0 && series.every((s) => s.type === 'bar')) {
    const horizontal = y.type === 'category';
    const categoryAxis = horizontal ? y : x;
    const valueAxis = horizontal ? x : y;
    const categories = (categoryAxis.data ?? []).map(label);
    // ECharts draws the first category of a horizontal chart at the bottom unless the axis is inverse.
    const flip = horizontal && !categoryAxis.inverse;
    const order = <T>(values: T[]): T[] => (flip ? [...values].reverse() : values);
    const stacked = series.some((s) => 'stack' in s);
    const score = typeof valueAxis.min === 'number' && valueAxis.min < 0;
    const chart: NativeChart = {
      title: spec.title,
      direction: horizontal ? 'bar' : 'col',
      grouping: stacked ? 'stacked' : 'clustered',
      categories: order(categories),
      axis: score ? 'score' : percentMax(valueAxis),
      series: series.map((s, i) => {
        const data = (s.data ?? []) as Item[];
        const points = data.map(colourOf);
        const own = typeof s.itemStyle?.color === 'string' ? hex(s.itemStyle.color) : null;
        const colour = own ?? points.find((p) => p !== null) ?? hex(PALETTE[i % PALETTE.length]!);
        const perPoint = points.some((p) => p !== null && p !== colour);
        return {
          name: s.name ?? spec.title,
          values: order(categories.map((_, c) => numberOf(data[c]))),
          colour,
          ...(perPoint ? { pointColours: order(categories.map((_, c) => points[c] ?? colour)) } : {}),
        };
      }),
    };
    if (typeof valueAxis.min === 'number') chart.min = valueAxis.min;
    if (typeof valueAxis.max === 'number') chart.max = valueAxis.max;
    return chart;
  }
  if (series.length === 1 && series[0]!.type === 'heatmap') {
    // Crosstab: x holds the column values, y the themes; each cell is [x, y, percent].
    const columns = (x.data ?? []).map(label);
    const themes = (y.data ?? []).map(label);
    const cells = new Map<string, number>();
    for (const item of series[0]!.data ?? []) {
      const value = Array.isArray(item) ? item : record(item).value;
      if (!Array.isArray(value)) continue;
      const [cx, cy, pct] = value as number[];
      cells.set(`${cx},${cy}`, typeof pct === 'number' ? pct : 0);
    }
    const flip = !y.inverse;
    const order = <T>(values: T[]): T[] => (flip ? [...values].reverse() : values);
    return {
      title: spec.title,
      direction: 'bar',
      grouping: 'clustered',
      categories: order(themes),
      axis: 'percent',
      min: 0,
      max: 100,
      series: columns.map((name, cx) => ({
        name,
        values: order(themes.map((_, cy) => cells.get(`${cx},${cy}`) ?? 0)),
        colour: hex(PALETTE[cx % PALETTE.length]!),
      })),
    };
  }
  return null;
}

/** Promoters, passives and detractors as a share of each group's answers: the deck's NPS by tier. */
export interface NpsLabels {
  title: string;
  promoters: string;
  passives: string;
  detractors: string;
  /** The group's name with its n, e.g. "Key accounts (n = 24)". */
  group: (row: ScoreGroup & { label: string }) => string;
}

export const NPS_COLOURS = { promoters: '009E73', passives: 'BBBBBB', detractors: 'D55E00' } as const;

/**
 * NPS by tier as a native 100 % stacked bar: what each group's score is made of, which the single
 * NPS bar of the app hides. Groups without answers are left out; null when none has any.
 */
export function npsDistributionChart(
  rows: readonly (ScoreGroup & { label: string })[],
  labels: NpsLabels,
): NativeChart | null {
  const groups = rows.filter((r) => r.n > 0);
  if (groups.length === 0) return null;
  const share = (count: number, n: number) => Math.round((count / n) * 1000) / 10;
  const series = (key: 'promoters' | 'passives' | 'detractors'): NativeSeries => ({
    name: labels[key],
    values: groups.map((g) => share(g[key], g.n)),
    colour: NPS_COLOURS[key],
  });
  return {
    title: labels.title,
    direction: 'bar',
    grouping: 'percentStacked',
    categories: groups.map(labels.group),
    series: [series('detractors'), series('passives'), series('promoters')],
    axis: 'percent',
    min: 0,
    max: 100,
  };
}
