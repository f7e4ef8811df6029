import type { Benchmark, CoverageRow, Crosstab, PrevalenceRow, ScoreGroup } from './analysis.ts';
import { benchmarkLegend, comparedWithEarlier } from './benchmark.ts';
import type { Language } from './domain.ts';
import { type Formatter, formatter, percentOf, pointsBetween, roundHalfAway, shares } from './format.ts';
import { HEAT_RAMP } from './heat.ts';
import { resources } from './i18n/index.ts';
import { CHANGE_COLOURS, changeMeaning, polarityColour } from './polarity.ts';

/**
 * One chart spec per figure, rendered to an SVG string by the same function in the app and in the
 * Word report (shared/chartRender.ts). Colours are safe for colour-blind readers (see PALETTE). Plain
 * data: building a spec loads no chart library, so the services that only read a report's text
 * (the identity review) start fast.
 */

/**
 * Series colours, each 3:1 or more against white and the app's page (WCAG 1.4.11): Okabe–Ito blue,
 * vermillion and bluish green, Tol's purple and indigo, Tol's sand darkened to 3:1, a brown and black.
 * Okabe–Ito's orange, sky blue and yellow are too light on white, and darkened they turn into one
 * brown for a deuteranope; this set keeps every pair apart in simulated protan, deutan and tritan
 * vision (test/unit/chart-palette.test.ts).
 */
export const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#AA3377',
  '#332288',
  '#988C52',
  '#663333',
  '#000000',
];
/** The other studies' bars beside this engagement's in the benchmark: a grey that still stands 3:1 on the page. */
export const OTHERS_GREY = '#8B8B8B';
export const CHART_FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';
const INK = '#1d2430';
const MUTED = '#667085';

export type ChartOption = Record<string, unknown>;

export interface ChartSpec {
  /** Used for file names and test ids. */
  id: string;
  title: string;
  option: ChartOption;
  width: number;
  height: number;
  /** What the figures rest on, e.g. "n = 15 held interviews": printed under the chart in the app and the report. */
  basis?: string;
  /** Where the figures come from, for the report's source line (see {@link chartNote}). */
  source?: ChartSource;
}

export type ChartSource = 'coding' | 'scores' | 'accounts';

type Labels = (typeof resources)['en']['translation']['charts'];
const labels = (lang: Language): Labels => resources[lang].translation.charts;
const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

const SMALL_N_GREY = '#e6e4df';
/** Diagonal white stripes over a bar resting on few answers. */
const SMALL_N_HATCH = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [3, 3],
  rotation: -Math.PI / 4,
  color: 'rgba(255, 255, 255, 0.6)',
};

const base = (title: string): ChartOption => ({
  animation: false,
  textStyle: { fontFamily: CHART_FONT, color: INK, fontSize: 12 },
  title: {
    text: title,
    left: 0,
    top: 0,
    textStyle: { fontFamily: CHART_FONT, fontSize: 14, fontWeight: 'bold', color: INK },
  },
  color: PALETTE,
});

/**
 * Coverage shows composition (each column of tiers sums to 100) with one decimal, so a small tier's
 * revenue (0.5 %) is not shown as 0 or 1 %. The report's sample table takes the same figures.
 */
export const COVERAGE_DECIMALS = 1;
export function coverageShares(
  rows: readonly CoverageRow[],
): Record<'interviews' | 'accounts' | 'revenue', number[]> {
  const column = (key: 'interviews' | 'accounts' | 'revenue') =>
    shares(
      rows.map((r) => r[key]),
      COVERAGE_DECIMALS,
    );
  return { interviews: column('interviews'), accounts: column('accounts'), revenue: column('revenue') };
}

/**
 * A benchmark row as shown: this engagement's share from its counts (when `prevalence` is given),
 * the others' mean, each rounded once to `decimals`, and the gap between the two shown figures, so
 * a row never reads "55 % | 55 % | −1".
 */
export function benchmarkFigures(
  row: Benchmark['rows'][number],
  prevalence?: readonly PrevalenceRow[],
  decimals = 0,
): { thisPct: number; othersPct: number | null; diff: number | null } {
  const own = prevalence?.find((p) => p.codeId === row.codeId);
  const shownThis = own
    ? percentOf(own.interviews, own.base.interviews, decimals)
    : roundHalfAway(row.thisPct, decimals);
  const shownOthers = row.othersPct === null ? null : roundHalfAway(row.othersPct, decimals);
  return {
    thisPct: shownThis,
    othersPct: shownOthers,
    diff: shownOthers === null ? null : pointsBetween(shownThis, shownOthers, decimals),
  };
}

/** Room for a theme's name left of the bars (the grids' left edge is 230 px). */
const THEME_LABEL_WIDTH = 210;
const THEME_LINE_HEIGHT = 14;

/**
 * Lines a theme's name takes when wrapped at word boundaries in {@link THEME_LABEL_WIDTH}, estimated
 * at a generous 7.5 px a character (DejaVu Sans at 12 px averages less), so rows are sized tall
 * enough; ECharts does the actual wrapping with the real font widths.
 */
export function themeLines(name: string): number {
  const perLine = Math.floor(THEME_LABEL_WIDTH / 7.5);
  let lines = 1;
  let used = 0;
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const length = [...word].length;
    if (used > 0 && used + 1 + length > perLine) {
      lines += 1 + Math.floor(length / (perLine + 1));
      used = length % (perLine + 1);
    } else {
      used += (used > 0 ? 1 : 0) + length;
      if (used > perLine) {
        lines += Math.floor(used / (perLine + 1));
        used %= perLine + 1;
      }
    }
  }
  return lines;
}

/** Row height (px) for bars labelled with these theme names: a long name wraps and its row grows. */
export const themeRowHeight = (names: readonly string[], least: number) =>
  Math.max(least, THEME_LINE_HEIGHT * Math.max(1, ...names.map(themeLines)) + 10);

/**
 * A category axis of theme names. Names are never cut ("…lack of conta…" hid what a bar is about):
 * a long one wraps onto more lines within the room left of the plot.
 */
export const themeAxis = (names: string[]) => ({
  type: 'category',
  data: names,
  axisLabel: {
    color: INK,
    interval: 0,
    width: THEME_LABEL_WIDTH,
    overflow: 'break',
    lineHeight: THEME_LINE_HEIGHT,
  },
});

/**
 * The line under a chart in the report: what its figures rest on and where they come from, e.g.
 * "n = 15 held interviews · Source: Kuulo, interview coding 10/2025–12/2025".
 */
export function chartNote(
  spec: Pick<ChartSpec, 'basis' | 'source'>,
  lang: Language,
  period?: { from: string | null; to: string | null },
): string {
  const l = labels(lang);
  const f = formatter(lang);
  const from = period?.from ? f.date(period.from, 'month') : '';
  const to = period?.to ? f.date(period.to, 'month') : '';
  const when = from && to && from !== to ? `${from}–${to}` : from || to;
  const source = fill(l.source[spec.source ?? 'coding'], { period: when }).trim();
  return spec.basis ? `${spec.basis} · ${source}` : source;
}

/** The themes the prevalence chart shows at most, most common first (the title says when some are left out). */
export const PREVALENCE_LIMIT = 20;

export function prevalenceChart(rows: PrevalenceRow[], lang: Language, limit = PREVALENCE_LIMIT): ChartSpec {
  const l = labels(lang);
  const f = formatter(lang);
  const used = rows.filter((r) => r.interviews > 0);
  const shown = used.slice(0, limit).reverse();
  // A chart that leaves themes out says so: "top 12 of 17 themes".
  const title =
    shown.length < used.length
      ? f.plural(l, 'prevalenceTop', used.length, { title: l.prevalenceTitle, shown: shown.length })
      : l.prevalenceTitle;
  const names = shown.map((r) => r.code[lang]);
  const height = 86 + shown.length * themeRowHeight(names, 28);
  return {
    id: 'prevalence',
    title,
    width: 720,
    height,
    basis: f.plural(l, 'basisInterviews', rows[0]?.base.interviews ?? 0),
    source: 'coding',
    option: {
      ...base(title),
      grid: { left: 230, right: 110, top: 40, bottom: 46 },
      xAxis: {
        type: 'value',
        max: 100,
        // Under the axis, the key to the bar colours (the report drops the title, not this).
        name: `${l.prevalenceAxis}\n${l.polarityKey}`,
        nameLocation: 'middle',
        nameGap: 22,
        nameTextStyle: { color: MUTED, fontSize: 11, lineHeight: 15, verticalAlign: 'top' },
        axisLabel: { color: MUTED },
      },
      yAxis: themeAxis(names),
      series: [
        {
          type: 'bar',
          barWidth: 16,
          // Coloured by what the theme means for the client, as the benchmark's differences are.
          data: shown.map((r) => ({
            value: r.interviewsPct,
            itemStyle: { color: polarityColour(r.polarity) },
          })),
          label: {
            show: true,
            position: 'right',
            color: INK,
            formatter: (p: { dataIndex: number }) => {
              const r = shown[p.dataIndex]!;
              return `${f.percent(r.interviews, r.base.interviews)} (${r.interviews}/${r.base.interviews})`;
            },
          },
        },
      ],
    },
  };
}

export function npsChart(scores: ScoreGroup[], lang: Language): ChartSpec {
  const l = labels(lang);
  const f = formatter(lang);
  const tiers = resources[lang].translation.account.tiers;
  const groups = scores.filter((s) => s.n > 0);
  const name = (g: ScoreGroup) => (g.group === 'all' ? l.all : tiers[g.group]);
  return {
    id: 'nps',
    title: l.npsTitle,
    width: 720,
    height: 320,
    basis: f.plural(l, 'basisAnswers', scores.find((s) => s.group === 'all')?.n ?? 0),
    source: 'scores',
    option: {
      ...base(l.npsTitle),
      grid: { left: 50, right: 20, top: 50, bottom: 50 },
      xAxis: {
        type: 'category',
        // A star marks groups with fewer than 5 answers; the report and the app explain it under the chart.
        data: groups.map((g) => `${name(g)}${g.smallN ? ' *' : ''}\n${fill(l.nLabel, { n: g.n })}`),
        axisLabel: { color: INK, lineHeight: 16, interval: 0 },
      },
      yAxis: {
        type: 'value',
        min: -100,
        max: 100,
        name: l.npsAxis,
        axisLabel: { color: MUTED, formatter: (v: number) => f.number(v) },
      },
      series: [
        {
          type: 'bar',
          barWidth: 46,
          data: groups.map((g) => ({
            value: g.nps ?? 0,
            itemStyle: {
              color: (g.nps ?? 0) >= 0 ? '#009E73' : '#D55E00',
              // Few answers: white hatching over the full colour, not a faded bar (faded, it fell under 3:1
              // against the page and took its label's ink with it).
              ...(g.smallN ? { decal: SMALL_N_HATCH } : {}),
            },
          })),
          label: {
            show: true,
            position: 'top',
            color: INK,
            fontWeight: 'bold',
            formatter: (p: { dataIndex: number }) => f.number(groups[p.dataIndex]?.nps ?? 0),
          },
        },
      ],
    },
  };
}

export function coverageChart(rows: CoverageRow[], lang: Language): ChartSpec {
  const l = labels(lang);
  const tiers = resources[lang].translation.account.tiers;
  const f = formatter(lang);
  const figures = coverageShares(rows);
  const series = (name: string, key: 'interviews' | 'accounts' | 'revenue') => ({
    name,
    type: 'bar',
    data: figures[key],
    label: {
      show: true,
      position: 'right',
      color: INK,
      formatter: (p: { value: number }) => f.percentValue(p.value, COVERAGE_DECIMALS),
    },
  });
  return {
    id: 'coverage',
    title: l.coverageTitle,
    width: 720,
    height: 110 + rows.length * 80,
    basis: [
      f.plural(
        l,
        'basisInterviews',
        rows.reduce((sum, r) => sum + r.interviews, 0),
      ),
      // The accounts bars are shares of the whole register, not of the sample: say both counts.
      f.plural(
        l,
        'basisRegister',
        rows.reduce((sum, r) => sum + r.accounts, 0),
        { interviewed: rows.reduce((sum, r) => sum + r.accountsInterviewed, 0) },
      ),
    ].join('; '),
    source: 'accounts',
    option: {
      ...base(l.coverageTitle),
      legend: { top: 26, left: 0, textStyle: { fontFamily: CHART_FONT, color: INK } },
      // Room for the longest tier name ("Hoitamaton asiakas", "Unmanaged account") in one line.
      grid: { left: 150, right: 60, top: 64, bottom: 20 },
      xAxis: { type: 'value', max: 100, axisLabel: { color: MUTED, formatter: percentAxis(f) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => tiers[r.tier]),
        axisLabel: { color: INK },
      },
      series: [
        series(l.coverageInterviews, 'interviews'),
        series(l.coverageAccounts, 'accounts'),
        series(l.coverageRevenue, 'revenue'),
      ],
    },
  };
}

export function benchmarkChart(
  benchmark: Benchmark,
  lang: Language,
  limit = PREVALENCE_LIMIT,
  prevalence?: readonly PrevalenceRow[],
): ChartSpec {
  const l = labels(lang);
  const f = formatter(lang);
  const compared = benchmark.rows.filter((r) => r.othersPct !== null);
  const rows = compared.slice(0, limit).reverse();
  const shown = rows.map((r) => benchmarkFigures(r, prevalence));
  // "Earlier" only when every comparator is: a pick may include later or overlapping studies.
  const named = comparedWithEarlier(benchmark)
    ? l.benchmarkTitle
    : resources[lang].translation.benchmark.chartTitleOther;
  // Like the prevalence chart: a chart that leaves themes out says so.
  const title =
    rows.length < compared.length
      ? f.plural(l, 'prevalenceTop', compared.length, { title: named, shown: rows.length })
      : named;
  const label = {
    show: true,
    position: 'right',
    color: INK,
    formatter: (p: { value: number }) => f.percentValue(p.value),
  };
  return {
    id: 'benchmark',
    title,
    width: 720,
    height:
      148 +
      rows.length *
        themeRowHeight(
          rows.map((r) => r.code[lang]),
          34,
        ),
    basis: [
      ...(prevalence?.[0] ? [f.plural(l, 'basisInterviews', prevalence[0].base.interviews)] : []),
      // Named as the legend names them: studies, earlier only when every one of them is.
      f.plural(l, comparedWithEarlier(benchmark) ? 'basisEarlier' : 'basisOther', benchmark.others),
    ].join('; '),
    source: 'coding',
    option: {
      ...base(title),
      legend: { top: 26, left: 0, textStyle: { fontFamily: CHART_FONT, color: INK } },
      grid: { left: 230, right: 130, top: 60, bottom: 68 },
      xAxis: {
        type: 'value',
        max: 100,
        axisLabel: { color: MUTED, formatter: percentAxis(f) },
        // Under the axis, the key to the coloured differences (the report drops the title, not this).
        name: l.benchmarkKey,
        nameLocation: 'middle',
        nameGap: 30,
        nameTextStyle: { color: MUTED, fontSize: 11, lineHeight: 15 },
      },
      yAxis: themeAxis(rows.map((r) => r.code[lang])),
      series: [
        {
          name: l.benchmarkThis,
          type: 'bar',
          barGap: '10%',
          data: shown.map((s) => s.thisPct),
          itemStyle: { color: '#0072B2' },
          // This engagement's figure, then the difference in the colour of what it means for the client.
          label: {
            show: true,
            position: 'right',
            color: INK,
            formatter: (p: { dataIndex: number }) => {
              const figures = shown[p.dataIndex]!;
              const diff = figures.diff ?? 0;
              const meaning = changeMeaning(rows[p.dataIndex]!.polarity, diff);
              return `${f.percentValue(figures.thisPct)}{${meaning}|${f.points(diff)}}`;
            },
            rich: Object.fromEntries(
              Object.entries(CHANGE_COLOURS).map(([meaning, color]) => [
                meaning,
                { color, fontWeight: 'bold', padding: [0, 0, 0, 8] },
              ]),
            ),
          },
        },
        {
          name: benchmarkLegend(benchmark, lang),
          type: 'bar',
          data: shown.map((s) => s.othersPct ?? 0),
          itemStyle: { color: OTHERS_GREY },
          label: { ...label, color: MUTED },
        },
      ],
    },
  };
}

export function crosstabChart(
  crosstab: Crosstab,
  lang: Language,
  attributeName: string,
  valueName: (v: string) => string,
): ChartSpec {
  const l = labels(lang);
  const f = formatter(lang);
  const rows = crosstab.rows.filter((r) => r.cells.some((c) => c.interviews > 0)).reverse();
  const title = fill(l.crosstabTitle, { attribute: attributeName });
  // Columns of fewer than 5 interviews are starred, greyed and explained under the chart.
  const small = crosstab.columns.some((c) => c.smallN);
  return {
    id: `crosstab-${crosstab.attribute}`,
    title,
    width: 720,
    height:
      90 +
      rows.length *
        themeRowHeight(
          rows.map((r) => r.code[lang]),
          26,
        ) +
      (small ? 24 : 0),
    basis: l.basisColumns,
    source: 'coding',
    option: {
      ...base(title),
      grid: { left: 230, right: 20, top: 70, bottom: small ? 32 : 8 },
      // A note at the foot rather than a second title: the report moves the title into the caption.
      ...(small
        ? {
            graphic: [
              {
                type: 'text',
                left: 0,
                bottom: 4,
                style: { text: `* ${l.smallNNote}`, fill: MUTED, fontSize: 11, fontFamily: CHART_FONT },
              },
            ],
          }
        : {}),
      xAxis: {
        type: 'category',
        position: 'top',
        data: crosstab.columns.map(
          (c) => `${valueName(c.value)}\n${fill(l.nLabel, { n: c.n })}${c.smallN ? ' *' : ''}`,
        ),
        // Every column keeps its label: long values wrap instead of being dropped.
        axisLabel: {
          color: INK,
          lineHeight: 15,
          interval: 0,
          width: Math.floor(460 / Math.max(1, crosstab.columns.length)),
          overflow: 'break',
        },
        splitArea: { show: false },
      },
      yAxis: themeAxis(rows.map((r) => r.code[lang])),
      // The app's heat-map ramp: dark ink stays readable on its darkest end.
      visualMap: { show: false, min: 0, max: 100, inRange: { color: [HEAT_RAMP[0], HEAT_RAMP.at(-1)] } },
      series: [
        {
          type: 'heatmap',
          // Each cell from its counts, rounded once (the colour and the label agree).
          data: rows.flatMap((r, y) =>
            r.cells.map((c, x) => {
              const value = [x, y, percentOf(c.interviews, crosstab.columns[x]?.n ?? 0)];
              // A share of very few interviews is grey, never a confident blue.
              return c.smallN ? { value, visualMap: false, itemStyle: { color: SMALL_N_GREY } } : value;
            }),
          ),
          label: {
            show: true,
            color: INK,
            formatter: (p: { value: number[] }) => f.percentValue(p.value[2] ?? 0),
          },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        },
      ],
    },
  };
}

/** Axis ticks as percentages in the language's form ("20 %" / "20%"). */
const percentAxis = (f: Formatter) => (value: number) => f.percentValue(value);

/** The SVG of a chart, identical in the renderer and in Node. */
