import { describe, expect, test } from 'vitest';
import { withoutTitle } from '../../electron/report/raster.ts';
import type { Crosstab } from '../../shared/analysis.ts';
import { renderChartSvg } from '../../shared/chartRender.ts';
import { crosstabChart } from '../../shared/charts.ts';

const crosstab = (smallN: boolean): Crosstab => ({
  attribute: 'tier',
  columns: [
    { value: 'key', n: 12, smallN: false },
    { value: 'named', n: smallN ? 3 : 6, smallN },
  ],
  rows: [
    {
      codeId: 'c',
      code: { fi: 'Siilot', en: 'Silos' },
      color: '#000000',
      groupId: null,
      polarity: 'problem',
      cells: [
        { interviews: 6, pct: 50, n: 12, smallN: false },
        { interviews: 3, pct: smallN ? 100 : 50, n: smallN ? 3 : 6, smallN },
      ],
    },
  ],
});

describe('crosstab chart with a column of fewer than 5 interviews', () => {
  test('the column is starred, its cell grey, and a note under the chart says why', () => {
    const svg = renderChartSvg(crosstabChart(crosstab(true), 'en', 'tier', (v) => v));
    expect(svg).toContain('n = 3 *');
    expect(svg).toContain('Grey column: fewer than 5 interviews (n &lt; 5)');
    expect(svg.toLowerCase()).toContain('#e6e4df');
    const fi = renderChartSvg(crosstabChart(crosstab(true), 'fi', 'asiakasryhmä', (v) => v));
    expect(fi).toContain('Harmaa sarake: alle 5 haastattelua');
    // The report draws the chart without its title (the caption carries it): the note stays.
    const report = renderChartSvg(withoutTitle(crosstabChart(crosstab(true), 'en', 'tier', (v) => v)));
    expect(report).toContain('Grey column: fewer than 5 interviews (n &lt; 5)');
    expect(report).not.toContain('Themes by tier');
  });

  test('without small columns there is no star, no grey and no note', () => {
    const svg = renderChartSvg(crosstabChart(crosstab(false), 'en', 'tier', (v) => v));
    expect(svg).not.toContain(' *');
    expect(svg.toLowerCase()).not.toContain('#e6e4df');
    expect(svg).not.toContain('fewer than 5');
  });
});
