import { describe, expect, test } from 'vitest';
import type { Base, Benchmark, CoverageRow, PrevalenceRow, ScoreGroup } from '../../shared/analysis.ts';
import { renderChartSvg } from '../../shared/chartRender.ts';
import {
  benchmarkChart,
  benchmarkFigures,
  chartNote,
  coverageChart,
  coverageShares,
  npsChart,
  prevalenceChart,
} from '../../shared/charts.ts';
import { CHANGE_COLOURS } from '../../shared/polarity.ts';

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
  revenue: 0,
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
    accountsInterviewed: 1,
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
    // The basis under the chart names the comparators as its legend does: studies, earlier only if all are.
    expect(benchmarkChart(benchmark, 'en', 12, prevalence).basis).toBe(
      'n\u00a0=\u00a011 held interviews; compared with the mean of 2 earlier studies',
    );
    const picked = {
      ...benchmark,
      comparators: benchmark.comparators.map((c, i) => ({ ...c, earlier: i === 0 })),
    };
    expect(benchmarkChart(picked, 'en', 12, prevalence).basis).toBe(
      'n\u00a0=\u00a011 held interviews; compared with the mean of 2 other studies',
    );
    expect(benchmarkChart(picked, 'fi', 12, prevalence).basis).toContain(
      'verrattuna 2 muun selvityksen keskiarvoon',
    );
  });
});

describe('charts tell the truth about what they show', () => {
  const themes = (count: number) =>
    Array.from({ length: count }, (_, i) => row(`Theme ${i + 1}`, 10 - (i % 10)));

  test('a prevalence chart that leaves themes out says "top N of M" in its title; one that shows all does not', () => {
    const cut = prevalenceChart(themes(5), 'en', 3);
    expect(cut.title).toBe('Share of interviews where each theme comes up (top 3 of 5 themes)');
    expect(renderChartSvg(cut)).toContain('(top 3 of 5 themes)');
    expect(prevalenceChart(themes(5), 'fi', 3).title).toBe(
      'Teeman esiintyvyys haastatteluissa (3 yleisintä, teemoja yhteensä 5)',
    );
    const all = prevalenceChart(themes(5), 'en');
    expect(all.title).toBe('Share of interviews where each theme comes up');
    expect((all.option.yAxis as { data: string[] }).data).toHaveLength(5);
    // Themes never coded are not "left out": M counts the themes that came up.
    expect(prevalenceChart([...themes(3), row('Never coded', 0)], 'en').title).not.toContain('top');
  });

  test('a long theme name is kept whole: wrapped onto lines in the spec and the SVG, never cut with "…"', () => {
    const long = 'Customers report a lack of contact from the account team after the sale';
    const spec = prevalenceChart([row(long, 7), row('Silos', 3)], 'en');
    const axis = spec.option.yAxis as { data: string[]; axisLabel: { overflow: string; width: number } };
    expect(axis.data).toContain(long);
    expect(axis.axisLabel).toMatchObject({ overflow: 'break', width: 210 });
    const svg = renderChartSvg(spec);
    expect(svg).not.toContain('…');
    const lines = [...svg.matchAll(/<text[^>]*text-anchor="end"[^>]*>([^<]*)<\/text>/g)].map((m) =>
      m[1]!.trim(),
    );
    const wrapped = lines.filter((line) => long.includes(line) && line !== long);
    expect(wrapped.length, lines.join(' | ')).toBeGreaterThan(1);
    expect(wrapped.join(' ')).toBe(long);
    // The row grows with the lines: the chart is taller than with short names only.
    expect(spec.height).toBeGreaterThan(prevalenceChart([row('A', 7), row('Silos', 3)], 'en').height);
    // The same holds for the benchmark's and the crosstab's theme axes.
    const benchmark = benchmarkChart(
      {
        others: 1,
        comparators: [],
        interviews: 10,
        picked: false,
        rows: [{ ...row(long, 7), thisPct: 70, othersPct: 50, diff: 20 }],
      },
      'en',
    );
    expect((benchmark.option.yAxis as { data: string[] }).data).toEqual([long]);
    expect(renderChartSvg(benchmark)).not.toContain('…');
  });

  test('under every chart, its n and source in the report language', () => {
    const period = { from: '2025-10-08', to: '2025-12-03' };
    const spec = prevalenceChart([row('Silos', 3)], 'en');
    expect(chartNote(spec, 'en', period)).toBe(
      'n\u00a0=\u00a010 held interviews · Source: Kuulo, interview coding 10/2025–12/2025',
    );
    expect(chartNote(prevalenceChart([row('Silos', 3)], 'fi'), 'fi', period)).toBe(
      'n\u00a0=\u00a010 tehtyä haastattelua · Lähde: Kuulo, haastattelujen koodaus 10.2025–12.2025',
    );
    const one = prevalenceChart([{ ...row('Silos', 1), base: { ...base, interviews: 1 } }], 'en');
    expect(one.basis).toBe('n\u00a0=\u00a01 held interview');
    expect(chartNote(one, 'en', { from: '2025-10-08', to: '2025-10-30' })).toMatch(/coding 10\/2025$/);
    const scores: ScoreGroup[] = [
      {
        group: 'all',
        n: 14,
        promoters: 5,
        passives: 4,
        detractors: 5,
        nps: 0,
        satisfactionN: 0,
        satisfactionMean: null,
        smallN: false,
      },
    ];
    expect(chartNote(npsChart(scores, 'en'), 'en', period)).toBe(
      'n\u00a0=\u00a014 answers · Source: Kuulo, scores given in the interviews 10/2025–12/2025',
    );
    const coverage: CoverageRow[] = [
      {
        tier: 'key',
        interviews: 6,
        accounts: 2,
        accountsInterviewed: 2,
        revenue: 1,
        revenueUnknown: 0,
        interviewsPct: 0,
        accountsPct: 0,
        revenuePct: 0,
      },
      {
        tier: 'named',
        interviews: 4,
        accounts: 3,
        accountsInterviewed: 1,
        revenue: 1,
        revenueUnknown: 0,
        interviewsPct: 0,
        accountsPct: 0,
        revenuePct: 0,
      },
    ];
    // The accounts bars are of the whole register: the basis says so, and how many were interviewed.
    expect(coverageChart(coverage, 'fi').basis).toBe(
      'n\u00a0=\u00a010 tehtyä haastattelua; 5 asiakasta rekisterissä (haastateltu 3)',
    );
    expect(coverageChart(coverage, 'en').basis).toBe(
      'n\u00a0=\u00a010 held interviews; 5 accounts in the register (3 interviewed)',
    );
  });

  test('themes are coloured by polarity, as the benchmark colours what a difference means', () => {
    const spec = prevalenceChart(
      [
        row('Silos', 5),
        { ...row('Trust', 4), polarity: 'strength' },
        { ...row('Invoicing', 3), polarity: 'neutral' },
      ],
      'en',
    );
    const series = (spec.option.series as { data: { itemStyle: { color: string } }[] }[])[0]!;
    // Bottom to top: least common first.
    expect(series.data.map((d) => d.itemStyle.color)).toEqual([
      CHANGE_COLOURS.neutral,
      CHANGE_COLOURS.better,
      CHANGE_COLOURS.worse,
    ]);
    const svg = renderChartSvg(spec);
    for (const colour of Object.values(CHANGE_COLOURS))
      expect(svg.toLowerCase()).toContain(colour.toLowerCase());
    expect(svg).toContain('Red = a problem, green = a strength, grey = a neutral theme.');
  });
});
