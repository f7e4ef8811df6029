import {
  CHART_FONT,
  type ChartSpec,
  OTHERS_GREY,
  PREVALENCE_LIMIT,
  themeAxis,
  themeRowHeight,
} from './charts.ts';
import type { Language } from './domain.ts';
import { formatter } from './format.ts';
import { resources } from './i18n/index.ts';
import type { WaveFigures } from './waves.ts';

const INK = '#1d2430';
const MUTED = '#667085';
/** This wave's bars: the palette's first blue; the earlier wave's: the benchmark's grey (both 3:1 on the page). */
const NOW_BLUE = '#0072B2';

/**
 * Grouped bars per theme: the share of interviews where it came up in the earlier wave (grey) and in
 * this one (blue), each labelled with its count, most common now first. The same spec is drawn in the
 * app and in the Word report.
 */
export function waveChart(
  figures: WaveFigures,
  lang: Language,
  titles: { before: string; after: string },
  limit = PREVALENCE_LIMIT,
): ChartSpec {
  const l = resources[lang].translation.waves;
  const f = formatter(lang);
  const rows = figures.codes.slice(0, limit).reverse();
  const names = rows.map((r) => r.code[lang]);
  const { before, after } = figures.base;
  const label = (pick: 'before' | 'after', color: string) => ({
    show: true,
    position: 'right',
    color,
    formatter: (p: { dataIndex: number }) => {
      const share = rows[p.dataIndex]?.[pick];
      return share ? `${f.percentValue(share.interviewsPct)} (${share.interviews})` : '';
    },
  });
  return {
    id: 'waves',
    title: l.chartTitle,
    width: 720,
    height: 110 + rows.length * themeRowHeight(names, 40),
    basis: l.chartBasis
      .replace('{{before}}', String(before.interviews))
      .replace('{{after}}', String(after.interviews)),
    source: 'coding',
    option: {
      animation: false,
      textStyle: { fontFamily: CHART_FONT, color: INK, fontSize: 12 },
      title: {
        text: l.chartTitle,
        left: 0,
        top: 0,
        textStyle: { fontFamily: CHART_FONT, fontSize: 14, fontWeight: 'bold', color: INK },
      },
      legend: { top: 26, left: 0, textStyle: { fontFamily: CHART_FONT, color: INK } },
      grid: { left: 230, right: 110, top: 60, bottom: 30 },
      xAxis: {
        type: 'value',
        max: 100,
        axisLabel: { color: MUTED, formatter: (v: number) => f.percentValue(v) },
      },
      yAxis: themeAxis(names),
      series: [
        {
          name: `${l.before}: ${titles.before}`,
          type: 'bar',
          barGap: '10%',
          data: rows.map((r) => r.before.interviewsPct),
          itemStyle: { color: OTHERS_GREY },
          label: label('before', MUTED),
        },
        {
          name: `${l.after}: ${titles.after}`,
          type: 'bar',
          data: rows.map((r) => r.after.interviewsPct),
          itemStyle: { color: NOW_BLUE },
          label: label('after', INK),
        },
      ],
    },
  };
}
