import type { ChartOption, ChartSpec } from './charts.ts';
import type { Language } from './domain.ts';
import { formatter } from './format.ts';
import { resources } from './i18n/index.ts';

/**
 * What a screen reader is given for a chart: a one-line summary for its name and a table of the same
 * figures, both read from the chart's own spec, so they cannot drift from what is drawn. The figures
 * are the labels the chart prints on its bars, not raw values.
 */
export interface ChartTable {
  /** The category axis's name is not in the spec: the caller heads that column. */
  columns: string[];
  rows: { header: string; cells: string[] }[];
}

interface Series {
  name?: string;
  type?: string;
  data?: unknown[];
  label?: { formatter?: unknown };
}

interface Axis {
  type?: string;
  data?: string[];
  inverse?: boolean;
}

const one = <T>(value: T | T[] | undefined): T | undefined => (Array.isArray(value) ? value[0] : value);

/** An axis label or a printed figure on one line, without ECharts' rich-text markup ("{better|+5}"). */
const plain = (text: string): string =>
  text
    .replace(/\{\w+\|([^}]*)\}/g, ' $1')
    .replace(/[ \t]*\n[ \t]*/g, ', ')
    // Runs of plain spaces only: the no-break space inside "80 %" is the figure as printed.
    .replace(/[ \t]{2,}/g, ' ')
    .trim();

const numberOf = (item: unknown): number => {
  const value =
    item && typeof item === 'object' && 'value' in item ? (item as { value: unknown }).value : item;
  return typeof value === 'number' ? value : Number.NaN;
};

/** The bars of a bar chart: categories in reading order (top to bottom, left to right) and each series. */
function bars(option: ChartOption) {
  const series = ((option.series as Series[] | undefined) ?? []).filter((s) => s.type === 'bar');
  const x = one(option.xAxis as Axis | Axis[] | undefined);
  const y = one(option.yAxis as Axis | Axis[] | undefined);
  const axis = x?.type === 'category' ? x : y?.type === 'category' ? y : undefined;
  if (!axis?.data || !series.length) return null;
  // A horizontal chart draws its first category at the bottom unless the axis is inverse.
  const order = axis.data.map((_, i) => i);
  if (axis === y && !axis.inverse) order.reverse();
  return { categories: axis.data, order, series };
}

function printed(series: Series, index: number, seriesIndex: number, lang: Language): string {
  const item = series.data?.[index];
  const value = numberOf(item);
  const format = series.label?.formatter;
  if (typeof format === 'function')
    return plain(String(format({ dataIndex: index, seriesIndex, value, data: item })));
  return Number.isNaN(value) ? '' : formatter(lang).number(value);
}

export function chartTable(spec: ChartSpec, lang: Language): ChartTable | null {
  const found = bars(spec.option);
  if (!found) return null;
  const { categories, order, series } = found;
  return {
    columns: series.map((s) => plain(s.name ?? spec.title)),
    rows: order.map((i) => ({
      header: plain(categories[i] ?? ''),
      cells: series.map((s, k) => printed(s, i, k, lang)),
    })),
  };
}

/** E.g. "Bar chart: Themes by share of interviews; highest: Silos 45 % (9/20)". */
export function chartSummary(spec: ChartSpec, lang: Language): string {
  const l = resources[lang].translation.a11y;
  const fill = (text: string, values: Record<string, string>) =>
    text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
  const parts = [fill(l.chartBar, { title: plain(spec.title) })];
  const found = bars(spec.option);
  if (!found) return parts[0]!;
  const { categories, series } = found;
  if (series.length > 1)
    parts[0] += `, ${fill(l.chartSeries, { series: series.map((s) => plain(s.name ?? '')).join(', ') })}`;
  // The highest bar of the first series: the one the chart is about (this engagement, the interviews).
  const first = series[0]!;
  let top = -1;
  (first.data ?? []).forEach((item, i) => {
    if (!Number.isNaN(numberOf(item)) && (top < 0 || numberOf(item) > numberOf(first.data?.[top]))) top = i;
  });
  if (top < 0) return `${parts[0]}; ${l.chartEmpty}`;
  const label = plain(categories[top] ?? '') + (series.length > 1 ? ` (${plain(first.name ?? '')})` : '');
  return `${parts[0]}; ${fill(l.chartHighest, { label, value: printed(first, top, 0, lang) })}`;
}
