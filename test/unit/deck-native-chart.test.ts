import { describe, expect, test } from 'vitest';
import { hex, nativeChart, npsDistributionChart } from '../../electron/report/nativeChart.ts';
import type { ScoreGroup } from '../../shared/analysis.ts';
import { coverageShares, OTHERS_GREY, PALETTE } from '../../shared/charts.ts';
import { resources } from '../../shared/i18n/index.ts';
import { CHANGE_COLOURS } from '../../shared/polarity.ts';
import { chartSpecs } from '../fixtures/report-model.ts';

// The fixture's specs come from the real chart builders: coverage, prevalence, four crosstabs, NPS, benchmark.
const specs = (lang: 'fi' | 'en') => {
  const all = chartSpecs(lang);
  const byId = (id: string) => all.find((s) => s.id === id)!;
  return { all, byId };
};

describe('nativeChart reads each chart builder’s ECharts option', () => {
  test('every spec of the report turns into a native bar chart with as many values as categories', () => {
    for (const lang of ['fi', 'en'] as const) {
      for (const spec of specs(lang).all) {
        const chart = nativeChart(spec);
        expect(chart, spec.id).not.toBeNull();
        expect(chart!.title).toBe(spec.title);
        expect(chart!.categories.length, spec.id).toBeGreaterThan(0);
        for (const s of chart!.series) {
          expect(s.values).toHaveLength(chart!.categories.length);
          expect(s.colour).toMatch(/^[0-9A-F]{6}$/);
          expect(s.values.every(Number.isFinite)).toBe(true);
        }
      }
    }
  });

  test('prevalence: horizontal bars, most common theme first, coloured by polarity, percent axis', () => {
    const spec = specs('en').byId('prevalence');
    const chart = nativeChart(spec)!;
    expect(chart.direction).toBe('bar');
    expect(chart.grouping).toBe('clustered');
    expect(chart.axis).toBe('percent');
    expect(chart.max).toBe(100);
    // The fixture's most common theme is key-person risk in 41 of 60 interviews.
    expect(chart.categories[0]).toBe('Key-person risk');
    expect(chart.series).toHaveLength(1);
    expect(chart.series[0]!.values[0]).toBeCloseTo(68.3, 1);
    const values = chart.series[0]!.values;
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    // Problems red, strengths green: "Trust and delight" is a strength.
    const trust = chart.categories.indexOf('Trust and delight');
    expect(chart.series[0]!.pointColours?.[trust]).toBe(hex(CHANGE_COLOURS.better));
    expect(chart.series[0]!.pointColours?.[0]).toBe(hex(CHANGE_COLOURS.worse));
  });

  test('NPS: vertical columns on a −100…100 score axis, green above zero and red below', () => {
    const chart = nativeChart(specs('en').byId('nps'))!;
    expect(chart.direction).toBe('col');
    expect(chart.axis).toBe('score');
    expect(chart.min).toBe(-100);
    expect(chart.max).toBe(100);
    expect(chart.series[0]!.values).toEqual([18, 33, 11, -50]);
    // Labels lose the ECharts line break; the small-n star stays.
    expect(chart.categories[0]).toBe('All n = 60');
    expect(chart.categories[3]).toContain('*');
    expect(chart.series[0]!.pointColours).toEqual(['009E73', '009E73', '009E73', 'D55E00']);
  });

  test('coverage: tiers top to bottom as the app shows them, three series in palette colours', () => {
    const spec = specs('fi').byId('coverage');
    const chart = nativeChart(spec)!;
    const tiers = resources.fi.translation.account.tiers;
    expect(chart.categories).toEqual([tiers.key, tiers.named, tiers.unmanaged]);
    expect(chart.series.map((s) => s.name)).toEqual([
      resources.fi.translation.charts.coverageInterviews,
      resources.fi.translation.charts.coverageAccounts,
      resources.fi.translation.charts.coverageRevenue,
    ]);
    expect(chart.series.map((s) => s.colour)).toEqual(PALETTE.slice(0, 3).map(hex));
    expect(chart.series[0]!.values).toEqual(
      coverageShares([
        { interviews: 24, accounts: 8, revenue: 30_000_000 },
        { interviews: 27, accounts: 19, revenue: 14_000_000 },
        { interviews: 9, accounts: 11, revenue: 4_000_000 },
      ] as never).interviews,
    );
  });

  test('benchmark: this engagement in blue beside the others in grey, theme by theme', () => {
    const chart = nativeChart(specs('en').byId('benchmark'))!;
    expect(chart.direction).toBe('bar');
    expect(chart.series).toHaveLength(2);
    expect(chart.series[0]!.colour).toBe('0072B2');
    expect(chart.series[1]!.colour).toBe(OTHERS_GREY.slice(1).toUpperCase());
    expect(chart.series[0]!.name).toBe(resources.en.translation.charts.benchmarkThis);
    expect(chart.categories[0]).toBe('Key-person risk');
  });

  test('crosstab heatmap: one clustered bar per column value, themes as categories, percent axis', () => {
    const spec = specs('en').byId('crosstab-tier');
    const chart = nativeChart(spec)!;
    expect(chart.direction).toBe('bar');
    expect(chart.axis).toBe('percent');
    const tiers = resources.en.translation.account.tiers;
    expect(chart.series.map((s) => s.name)).toEqual([
      `${tiers.key} n = 12`,
      `${tiers.named} n = 19`,
      `${tiers.unmanaged} n = 26`,
    ]);
    // The fixture's first row (key-person risk) has round(((i*23 + 15) % 90) / 10) interviews of 12 + 7i.
    const row = chart.categories.indexOf('Key-person risk');
    expect(row).toBe(0);
    expect(chart.series.map((s) => s.values[row])).toEqual([
      Math.round((2 / 12) * 100),
      Math.round((4 / 19) * 100),
      Math.round((6 / 26) * 100),
    ]);
  });

  test('a chart that is neither bars nor a heatmap is not redrawn', () => {
    expect(
      nativeChart({ id: 'pie', title: 'Pie', width: 1, height: 1, option: { series: [{ type: 'pie' }] } }),
    ).toBeNull();
  });
});

describe('npsDistributionChart', () => {
  const group = (g: ScoreGroup['group'], p: number, pa: number, d: number, label: string) => ({
    group: g,
    n: p + pa + d,
    promoters: p,
    passives: pa,
    detractors: d,
    nps: p + pa + d ? Math.round(((p - d) / (p + pa + d)) * 100) : null,
    satisfactionN: 0,
    satisfactionMean: null,
    smallN: p + pa + d < 5,
    label,
  });

  test('stacks detractors, passives and promoters as shares of each group, leaving out empty groups', () => {
    const chart = npsDistributionChart(
      [group('all', 6, 3, 1, 'All'), group('key', 4, 1, 0, 'Key'), group('named', 0, 0, 0, 'Named')],
      {
        title: 'NPS',
        promoters: 'Promoters',
        passives: 'Passives',
        detractors: 'Detractors',
        group: (r) => `${r.label} (n = ${r.n})`,
      },
    )!;
    expect(chart.grouping).toBe('percentStacked');
    expect(chart.categories).toEqual(['All (n = 10)', 'Key (n = 5)']);
    expect(chart.series.map((s) => s.name)).toEqual(['Detractors', 'Passives', 'Promoters']);
    expect(chart.series.map((s) => s.values)).toEqual([
      [10, 0],
      [30, 20],
      [60, 80],
    ]);
  });

  test('no answers at all: no chart', () => {
    expect(
      npsDistributionChart([group('all', 0, 0, 0, 'All')], {
        title: 'NPS',
        promoters: 'P',
        passives: 'Pa',
        detractors: 'D',
        group: (r) => r.label,
      }),
    ).toBeNull();
  });
});
