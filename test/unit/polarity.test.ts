import { describe, expect, test } from 'vitest';
import type { Benchmark, BenchmarkRow } from '../../shared/analysis.ts';
import { renderChartSvg } from '../../shared/chartRender.ts';
import { benchmarkChart } from '../../shared/charts.ts';
import type { Polarity } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { CHANGE_COLOURS, changeColour, changeMeaning } from '../../shared/polarity.ts';

const { worse: RED, better: GREEN, neutral: GREY } = CHANGE_COLOURS;

const row = (name: string, polarity: Polarity, thisPct: number, othersPct: number): BenchmarkRow => ({
  codeId: name,
  code: { fi: `${name} (fi)`, en: name },
  color: '#0072B2',
  groupId: null,
  polarity,
  thisPct,
  othersPct,
  diff: thisPct - othersPct,
});

describe('polarity colours', () => {
  test('worse is red and better green whatever the sign; neutral codes and no change are grey', () => {
    const cases: [Polarity, number | null, string][] = [
      ['problem', 8, RED],
      ['problem', -27, GREEN],
      ['strength', 8, GREEN],
      ['strength', -27, RED],
      ['neutral', 8, GREY],
      ['neutral', -27, GREY],
      ['problem', 0, GREY],
      ['strength', -0, GREY],
      ['strength', null, GREY],
      ['problem', Number.NaN, GREY],
    ];
    expect(cases.map(([polarity, delta]) => changeColour(polarity, delta))).toEqual(cases.map((c) => c[2]));
    expect(changeMeaning('problem', 0.4)).toBe('worse');
    expect(new Set([RED, GREEN, GREY]).size).toBe(3);
  });

  test('the benchmark chart labels its bars and colours each difference by what it means', () => {
    // The cases: "Trust and delight +8 pp" was red and "Perceived value −27 pp" green.
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
      rows: [
        row('Trust and delight', 'strength', 57, 49),
        row('Perceived value', 'strength', 21, 48),
        row('Key-person risk', 'problem', 63, 43),
        row('Silos', 'problem', 13, 33),
        row('Growth potential', 'neutral', 37, 27),
      ],
    };
    const svg = renderChartSvg(benchmarkChart(benchmark, 'en'));
    const fillOf = (text: string): string | undefined => {
      const element = [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].find((m) => m[1] === text)?.[0];
      return /fill="(#[0-9A-Fa-f]{6})"/.exec(element ?? '')?.[1]?.toUpperCase();
    };
    const pp = formatter('en').points;
    expect(fillOf(pp(8))).toBe(GREEN);
    expect(fillOf(pp(-27))).toBe(RED);
    expect(fillOf(pp(20))).toBe(RED);
    expect(fillOf(pp(-20))).toBe(GREEN);
    expect(fillOf(pp(10))).toBe(GREY);
    // Data labels on both bars of a row: this engagement's figure and the others' mean.
    for (const label of ['>57%<', '>49%<', '>21%<', '>48%<']) expect(svg).toContain(label);
    expect(svg).toContain('Red = worse, green = better');

    const fi = renderChartSvg(benchmarkChart(benchmark, 'fi'));
    expect(fi).toContain(formatter('fi').points(8));
    expect(fi).toContain('Punainen = huonompi');
  });
});
