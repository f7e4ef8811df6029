import { CHART_FONT, type ChartSpec } from './charts.ts';
import type { Language } from './domain.ts';
import { formatter } from './format.ts';
import { resources } from './i18n/index.ts';
import type { ScaleSummary } from './scales.ts';

const INK = '#1d2430';
const MUTED = '#667085';

/** The label of one value on a scale (yes / no spelled out, numbers as numbers). */
export function scaleValueLabel(scale: ScaleSummary['scale'], value: number, lang: Language): string {
  const l = resources[lang].translation.guide;
  return scale === 'yesno' ? (value === 1 ? l.yes : l.no) : String(value);
}

/**
 * How one scale question's answers fall: a bar per value with its count, and the n they rest on under
 * it. On the 0–10 scale the bars take the NPS groups' colours (detractors, passives, promoters).
 */
export function scaleChart(id: string, title: string, summary: ScaleSummary, lang: Language): ChartSpec {
  const f = formatter(lang);
  const basis = f.plural(resources[lang].translation.charts, 'basisAnswers', summary.n);
  const colour = (value: number) =>
    summary.scale !== 'nps' ? '#0072B2' : value <= 6 ? '#D55E00' : value <= 8 ? '#6B6B6B' : '#009E73';
  return {
    id,
    title,
    width: 560,
    height: 260,
    basis,
    source: 'scores',
    option: {
      animation: false,
      textStyle: { fontFamily: CHART_FONT, color: INK, fontSize: 12 },
      title: {
        text: title,
        left: 0,
        top: 0,
        textStyle: { fontFamily: CHART_FONT, fontSize: 14, fontWeight: 'bold', color: INK },
      },
      grid: { left: 40, right: 16, top: 44, bottom: 30 },
      xAxis: {
        type: 'category',
        data: summary.distribution.map((d) => scaleValueLabel(summary.scale, d.value, lang)),
        axisLabel: { color: INK, interval: 0 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: MUTED } },
      series: [
        {
          type: 'bar',
          data: summary.distribution.map((d) => ({ value: d.count, itemStyle: { color: colour(d.value) } })),
          label: {
            show: true,
            position: 'top',
            color: INK,
            formatter: (p: { value: number }) => (p.value ? f.number(p.value) : ''),
          },
        },
      ],
    },
  };
}
