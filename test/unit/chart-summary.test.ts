import { describe, expect, test } from 'vitest';
import type { ScoreGroup } from '../../shared/analysis.ts';
import { chartSummary, chartTable } from '../../shared/chartSummary.ts';
import { type ChartSpec, npsChart } from '../../shared/charts.ts';

const group = (g: ScoreGroup['group'], n: number, nps: number | null): ScoreGroup => ({
  group: g,
  n,
  promoters: 0,
  passives: 0,
  detractors: 0,
  nps,
  satisfactionN: 0,
  satisfactionMean: null,
  smallN: n < 5,
});

/** A horizontal bar chart as the prevalence chart draws one: the first category at the bottom. */
const horizontal = (data: number[], names: string[]): ChartSpec => ({
  id: 'x',
  title: 'Themes by share of interviews',
  width: 720,
  height: 300,
  option: {
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: names },
    series: [
      {
        type: 'bar',
        data: data.map((value) => ({ value })),
        label: { formatter: (p: { dataIndex: number }) => `${data[p.dataIndex]} % (${p.dataIndex}/9)` },
      },
    ],
  },
});

describe('a chart in words', () => {
  test('names the kind, the title and the highest bar with the figure it prints', () => {
    const spec = horizontal([10, 45, 30], ['Price', 'Silos', 'Trust']);
    expect(chartSummary(spec, 'en')).toBe(
      'Bar chart: Themes by share of interviews; highest: Silos 45 % (1/9)',
    );
    expect(chartSummary(spec, 'fi')).toBe(
      'Pylväskaavio: Themes by share of interviews; suurin: Silos 45 % (1/9)',
    );
  });

  test('its table reads top to bottom as the bars are drawn, with the printed figures', () => {
    const table = chartTable(horizontal([10, 45, 30], ['Price', 'Silos', 'Trust']), 'en')!;
    expect(table.rows.map((r) => r.header)).toEqual(['Trust', 'Silos', 'Price']);
    expect(table.rows.map((r) => r.cells)).toEqual([['30 % (2/9)'], ['45 % (1/9)'], ['10 % (0/9)']]);
  });

  test('the NPS chart: categories on one line, negative scores, the highest group named', () => {
    const spec = npsChart([group('all', 12, 8), group('key', 6, 33), group('unmanaged', 3, -33)], 'en');
    const summary = chartSummary(spec, 'en');
    expect(summary).toMatch(/^Bar chart: .+; highest: Key account, n = 6 33$/);
    expect(summary).not.toContain('\n');
    const table = chartTable(spec, 'en')!;
    expect(table.rows.map((r) => r.cells[0])).toEqual(['8', '33', '−33']);
    expect(table.rows[2]!.header).toContain('*');
  });

  test('a chart of no bars says so rather than naming a highest', () => {
    expect(chartSummary(horizontal([], []), 'en')).toBe(
      'Bar chart: Themes by share of interviews; no figures',
    );
  });
});
