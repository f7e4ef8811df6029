import { describe, expect, test } from 'vitest';
import type { Base, PrevalenceRow, ScoreGroup } from '../../shared/analysis.ts';
import { npsChart, prevalenceChart, renderChartSvg } from '../../shared/charts.ts';

const base: Base = { interviews: 10, accounts: 6, revenue: 1_000_000 };
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
    expect(svg).toContain('70 % (7/10)');
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
    expect(svg).toContain('-33');
  });
});
