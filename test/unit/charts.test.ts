import { describe, expect, test } from 'vitest';
import type { Base, Benchmark, CoverageRow, PrevalenceRow, ScoreGroup } from '../../shared/analysis.ts';
import { renderChartSvg } from '../../shared/chartRender.ts';
import {
  benchmarkChart,
  benchmarkFigures,
  coverageChart,
  coverageShares,
  npsChart,
  prevalenceChart,
} from '../../shared/charts.ts';

const base: Base = { interviews: 10, accounts: 6, revenue: 1_000_000, revenueUnknown: 0 };
const row = (name: string, interviews: number): PrevalenceRow => ({
  codeId: name,
  code: { fi: `${name} (fi)`, en: name },
  color: '#0072B2',
  groupId: null,
  polarity: 'problem',
  interviews,
  accounts: interviews,
  codings: interviews * 2,
  interviewsPct: (interviews / base.interviews) * 100,
  accountsPct: (interviews / base.accounts) * 100,
  revenuePct: 0,
  sentiment: { negative: 1, neutral: 0, positive: 0, none: 0 },
  base,
});

describe('charts render to SVG in Node, with no DOM', () => {
  test('a prevalence chart carries its title, labels and bars', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const svg = renderChartSvg(prevalenceChart([row('Key-person risk', 7), row('Silos', 3)], 'en'));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Share of interviews where each theme comes up');
    expect(svg).toContain('Key-person risk');
    expect(svg).toContain('70% (7/10)');
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(2);
  });

  test('labels come out in the report language, and text is escaped', () => {
    const svg = renderChartSvg(prevalenceChart([row('<script>alert(1)</script>', 5)], 'fi'));
    expect(svg).toContain('Teeman esiintyvyys haastatteluissa');
    expect(svg).not.toContain('<script>');
  });

  test('the NPS chart shows n and marks small groups', () => {
    const group = (g: ScoreGroup['group'], n: number, nps: number): ScoreGroup => ({
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
    const svg = renderChartSvg(npsChart([group('all', 12, 25), group('key', 3, -33)], 'en'));
    expect(svg).toContain('n = 12');
    expect(svg).toContain('Key account *');
    expect(svg).toContain('\u221233');
  });
});

describe('charts print figures as the tables do', () => {
  const tier = (t: CoverageRow['tier'], revenue: number): CoverageRow => ({
    tier: t,
    interviews: 1,
    accounts: 1,
    revenue,
    interviewsPct: 33.3,
    accountsPct: 33.3,
    revenuePct: (revenue / 2_000_000) * 100,
    revenueUnknown: 0,
  });
  const coverage = [tier('key', 1_740_000), tier('named', 250_000), tier('unmanaged', 10_000)];

  test('coverage shares sum to 100 and the Finnish chart has decimal commas', () => {
    const shares = coverageShares(coverage);
    expect(shares.revenue).toEqual([87, 12.5, 0.5]);
    expect(shares.interviews.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    const svg = renderChartSvg(coverageChart(coverage, 'fi'));
    expect(svg).toContain('12,5\u00a0%');
    expect(svg).toContain('0,5\u00a0%');
    expect(svg).not.toMatch(/\d\.\d\s?%/);
    expect(renderChartSvg(coverageChart(coverage, 'en'))).toContain('12.5%');
  });

  test('benchmark: shown figures and their gap agree (55 % | 55 % | 0), with labels on the bars', () => {
    const prevalence = [row('Trust', 6)].map((r) => ({ ...r, base: { ...base, interviews: 11 } }));
    const benchmark: Benchmark = {
      others: 2,
      comparators: [
        {
          engagementId: 'e0',
          clientName: 'C0',
          title: 'Study',
          start: '2024-01-10',
          end: '2024-03-20',
          interviews: 10,
          earlier: true,
        },
        {
          engagementId: 'e1',
          clientName: 'C1',
          title: 'Study',
          start: '2025-01-10',
          end: '2025-03-20',
          interviews: 10,
          earlier: true,
        },
      ],
      interviews: 20,
      picked: false,
      rows: [{ ...prevalence[0]!, thisPct: 54.5, othersPct: 55.4, diff: -0.9 }],
    };
    expect(benchmarkFigures(benchmark.rows[0]!, prevalence)).toEqual({ thisPct: 55, othersPct: 55, diff: 0 });
    const svg = renderChartSvg(benchmarkChart(benchmark, 'en', 12, prevalence));
    expect(svg.match(/>55%</g)?.length).toBe(2);
  });
});
