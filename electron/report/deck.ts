import pptxgenjs from 'pptxgenjs';
import type { Language, Priority } from '../../shared/domain.ts';
import { type Formatter, formatter } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import type {
  BenchmarkContent,
  ClaimFigure,
  FindingItem,
  KeyPersonContent,
  MethodContent,
  RecommendationsContent,
  ReportContent,
  ReportQuote,
  ScoresContent,
  SummaryContent,
} from './content.ts';
import { repairDeckPackage } from './deckPackage.ts';
import { clampLines, fitBox, fontToFit, linesIn, wrap, xmlSafe } from './deckText.ts';
import { type NativeChart, nativeChart, npsDistributionChart } from './nativeChart.ts';
import { ACCENT, BAND, FONT, INK, MUTED, RULE, TINT } from './styles.ts';
import type { WavesContent } from './wavesSection.ts';

/**
 * The findings report as a PowerPoint board deck: a slide per section and per finding, charts as
 * native (editable) PowerPoint charts, the evidence behind each finding in its speaker notes. It
 * reads the typed report content only; every text in it is final and anonymised already. Sections
 * that are null are left out.
 *
 * Written to be read without a presenter: each finding slide's title states its point (the key
 * message), with the figure and its n beside it. Texts that do not fit their box are cut at a word
 * with an ellipsis (deckText.ts); the full texts stay in the speaker notes and the Word report.
 */

/** 16:9 at PowerPoint's default widescreen size, in inches. */
const W = 13.333;
const H = 7.5;
const M = 0.6;
const CW = W - 2 * M;
const CONTENT_TOP = 1.8;
const CONTENT_BOTTOM = 6.75;
const MASTER = 'KUULO';
const WARNING = 'D55E00';
/** Bold Arial runs about a tenth wider than regular, which the width estimates are made for. */
const bold = (width: number): number => width / 1.1;

/**
 * pptxgenjs's types describe the default export of its ES build but sit beside its CommonJS build, so
 * TypeScript (NodeNext) finds the class one level down, as `.default`; Node and Vite load the ES
 * build, whose default export is the class itself. Either way, this is the class.
 */
const PptxGenJS = ((pptxgenjs as unknown as { default?: unknown }).default ??
  pptxgenjs) as (typeof pptxgenjs)['default'];
type Pptx = import('pptxgenjs').default;
type Slide = import('pptxgenjs').default.Slide;
type TextPropsOptions = import('pptxgenjs').default.TextPropsOptions;
type TextProps = import('pptxgenjs').default.TextProps;
type ChartOptions = import('pptxgenjs').default.IChartOpts;
type TableRow = import('pptxgenjs').default.TableRow;
type Labels = (typeof resources)['en']['translation'];

interface Ctx {
  pptx: Pptx;
  content: ReportContent;
  t: Labels;
  f: Formatter;
  lang: string;
}

export async function renderReportDeck(input: ReportContent): Promise<Uint8Array> {
  const content = xmlSafe(input);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  const t = resources[content.language].translation;
  const ctx: Ctx = { pptx, content, t, f: formatter(content.language), lang: locale(content.language) };
  // Plain text only: pptxgenjs writes `company` into app.xml without escaping it (PptxGenJS#1427).
  pptx.company = 'Kuulo';
  pptx.author = 'Kuulo';
  pptx.title = content.cover.title;
  pptx.subject = content.cover.subtitle;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  pptx.defineSlideMaster({
    title: MASTER,
    objects: [
      {
        text: {
          text: '',
          options: { x: M, y: 0.38, w: 0.55, h: 0.06, shape: 'rect', fill: { color: ACCENT } },
        },
      },
      {
        text: {
          text: `${content.cover.clientName} · ${t.report.confidential}`,
          options: { x: M, y: 7.0, w: 9, h: 0.25, margin: 0, fontFace: FONT, fontSize: 9, color: MUTED },
        },
      },
    ],
    slideNumber: {
      x: W - M - 1,
      y: 7.0,
      w: 1,
      h: 0.25,
      fontFace: FONT,
      fontSize: 9,
      color: MUTED,
      align: 'right',
    },
  });

  titleSlide(ctx);
  if (content.summary) summarySlide(ctx, content.summary);
  if (content.findings) {
    const chart = content.findings.prevalenceChart && nativeChart(content.findings.prevalenceChart);
    if (chart) chartSlide(ctx, t.report.sections.findings, content.findings.lead, chart);
    for (const item of content.findings.items) findingSlide(ctx, item);
  }
  if (content.scores) scoresSlide(ctx, content.scores);
  if (content.keyPerson) keyPersonSlide(ctx, content.keyPerson);
  if (content.benchmark) benchmarkSlide(ctx);
  if (content.waves) wavesSlide(ctx, content.waves);
  if (content.recommendations) recommendationsSlides(ctx, content.recommendations);
  if (content.method) methodSlide(ctx, content.method);

  const written = await pptx.write({ outputType: 'nodebuffer' });
  return repairDeckPackage(new Uint8Array(written as ArrayBuffer));
}

const locale = (language: Language): string => (language === 'fi' ? 'fi-FI' : 'en-GB');

/** Text options every box shares: the deck's font, no inner margin (the layout measures), the language. */
const text = (ctx: Ctx, options: TextPropsOptions): TextPropsOptions => ({
  fontFace: FONT,
  color: INK,
  margin: 0,
  valign: 'top',
  lang: ctx.lang,
  ...options,
});

/** A content slide: the small section label, the title (at most two lines) and an optional lead. */
function contentSlide(ctx: Ctx, title: string, options: { label?: string; lead?: string } = {}): Slide {
  const slide = ctx.pptx.addSlide({ masterName: MASTER });
  if (options.label) {
    slide.addText(
      clampLines(options.label.toUpperCase(), CW, 10, 1),
      text(ctx, {
        x: M + 0.7,
        y: 0.3,
        w: CW - 0.7,
        h: 0.22,
        fontSize: 10,
        bold: true,
        color: ACCENT,
        charSpacing: 1,
      }),
    );
  }
  const pt = fontToFit(title, bold(CW), 2, [26, 24, 22, 20]);
  slide.addText(
    clampLines(title, bold(CW), pt, 2),
    text(ctx, { x: M, y: 0.62, w: CW, h: 1.0, fontSize: pt, bold: true, color: INK }),
  );
  if (options.lead) {
    slide.addText(
      fitBox(options.lead, CW, 0.5, 13),
      text(ctx, { x: M, y: 1.62, w: CW, h: 0.5, fontSize: 13, color: MUTED }),
    );
  }
  return slide;
}

function titleSlide(ctx: Ctx): void {
  const { cover } = ctx.content;
  const slide = ctx.pptx.addSlide();
  slide.addText('', { x: 0, y: 0, w: 0.35, h: H, shape: 'rect', fill: { color: ACCENT } });
  const x = 1.2;
  const w = W - x - 1.2;
  slide.addText(
    clampLines(cover.clientName.toUpperCase(), w, 14, 1),
    text(ctx, { x, y: 1.7, w, h: 0.35, fontSize: 14, bold: true, color: ACCENT, charSpacing: 2 }),
  );
  const pt = fontToFit(cover.title, bold(w), 3, [40, 36, 32, 28]);
  slide.addText(
    clampLines(cover.title, bold(w), pt, 3),
    text(ctx, { x, y: 2.2, w, h: 2.1, fontSize: pt, bold: true, color: INK }),
  );
  slide.addText(
    fitBox(cover.subtitle, w, 0.75, 18),
    text(ctx, { x, y: 4.45, w, h: 0.75, fontSize: 18, color: MUTED }),
  );
  slide.addText('', { x, y: 5.75, w, h: 0.02, shape: 'rect', fill: { color: RULE } });
  slide.addText(
    clampLines(cover.date, w / 2, 12, 1),
    text(ctx, { x, y: 5.95, w: w / 2, h: 0.3, fontSize: 12 }),
  );
  slide.addText(
    ctx.t.report.confidential.toUpperCase(),
    text(ctx, {
      x: x + w / 2,
      y: 5.95,
      w: w / 2,
      h: 0.3,
      fontSize: 11,
      bold: true,
      color: ACCENT,
      align: 'right',
      charSpacing: 2,
    }),
  );
}

function summarySlide(ctx: Ctx, summary: SummaryContent): void {
  const { t } = ctx;
  const slide = contentSlide(ctx, t.report.sections.summary, { lead: summary.lead });
  const top = 2.3;
  const leftW = 7.5;
  const panelX = M + leftW + 0.45;
  const panelW = W - M - panelX;
  slide.addText(
    // The side box is headed "key figures": this column is the findings, written or not yet.
    t.deck.keyFindings.toUpperCase(),
    text(ctx, { x: M, y: top, w: leftW, h: 0.25, fontSize: 10, bold: true, color: ACCENT, charSpacing: 1 }),
  );
  if (summary.noFindings) {
    const lines = [
      summary.noFindings.text,
      ...summary.noFindings.themes.map(
        (theme) =>
          `• ${theme.code}: ${ctx.f.percent(theme.count, theme.base)} (${theme.count}/${theme.base})`,
      ),
    ].join('\n');
    slide.addText(
      fitBox(lines, leftW, CONTENT_BOTTOM - top - 0.4, 13),
      text(ctx, { x: M, y: top + 0.4, w: leftW, h: CONTENT_BOTTOM - top - 0.4, fontSize: 13 }),
    );
  } else {
    const shown = summary.keyFindings.slice(0, 6);
    const rowH = Math.min(1.05, (CONTENT_BOTTOM - top - 0.45) / Math.max(1, shown.length));
    shown.forEach((finding, i) => {
      const y = top + 0.45 + i * rowH;
      slide.addText(
        String(finding.number),
        text(ctx, { x: M, y, w: 0.4, h: 0.3, fontSize: 16, bold: true, color: ACCENT }),
      );
      const w = leftW - 0.5;
      const headline = finding.message || finding.title;
      const titleLines = wrap(headline, bold(w), 13).length > 1 && rowH >= 0.9 ? 2 : 1;
      const sentenceLines = Math.max(1, linesIn(rowH - 0.12 - titleLines * 0.22, 11));
      // A finding with no codes has no figure: its headline alone, never a "0 of 10".
      const claim = finding.claim;
      slide.addText(
        [
          {
            text: clampLines(headline, w, 13, titleLines),
            options: { bold: true, fontSize: 13, breakLine: claim !== null },
          },
          ...(claim
            ? [
                {
                  text: clampLines(claim.sentence, w, 11, sentenceLines),
                  options: { fontSize: 11, color: MUTED },
                },
              ]
            : []),
        ],
        text(ctx, { x: M + 0.5, y, w, h: rowH - 0.08 }),
      );
    });
    // Counted from every finding written: the content lists only the first few.
    const total = Math.max(summary.findingsTotal, summary.keyFindings.length);
    if (total > shown.length) {
      slide.addText(
        ctx.f.plural(t.deck, 'more', total - shown.length),
        text(ctx, { x: M + 0.5, y: CONTENT_BOTTOM - 0.05, w: leftW, h: 0.25, fontSize: 10, color: MUTED }),
      );
    }
  }
  // The figures and the first recommendations in a tinted panel on the right.
  slide.addText('', {
    x: panelX,
    y: top,
    w: panelW,
    h: CONTENT_BOTTOM - top,
    shape: 'rect',
    fill: { color: TINT },
  });
  const inner = panelW - 0.5;
  const px = panelX + 0.25;
  const figures = [summary.headlines.nps, summary.headlines.keyPerson].filter(Boolean);
  const recommendations = summary.recommendations.slice(0, 3);
  const runs: TextProps[] = [
    {
      text: (summary.headlines.label || t.report.summaryFigures).toUpperCase(),
      options: {
        bold: true,
        fontSize: 10,
        color: ACCENT,
        charSpacing: 1,
        breakLine: true,
        paraSpaceAfter: 4,
      },
    },
    ...figures.map((figure) => ({
      text: clampLines(figure, inner, 12, 4),
      options: { fontSize: 12, breakLine: true, paraSpaceAfter: 6 },
    })),
    {
      text: t.report.summaryRecommendations.toUpperCase(),
      options: {
        bold: true,
        fontSize: 10,
        color: ACCENT,
        charSpacing: 1,
        breakLine: true,
        paraSpaceBefore: 10,
        paraSpaceAfter: 4,
      },
    },
    ...(recommendations.length
      ? recommendations.map((r) => ({
          text: clampLines(`${priorityName(ctx, r.priority)}: ${r.text}`, inner, 11, 3),
          options: { fontSize: 11, breakLine: true, paraSpaceAfter: 5 },
        }))
      : [
          {
            text: clampLines(summary.noRecommendations, inner, 11, 3),
            options: { fontSize: 11, color: MUTED },
          },
        ]),
  ];
  slide.addText(runs, text(ctx, { x: px, y: top + 0.25, w: inner, h: CONTENT_BOTTOM - top - 0.4 }));
  slide.addNotes(summaryNotes(ctx, summary));
}

const priorityName = (ctx: Ctx, priority: Priority): string => ctx.t.findings.priorities[priority];

/** The finding's figure as a share: what the big number on its slide says. */
function share(ctx: Ctx, claim: ClaimFigure): string {
  const { count, base } = claim;
  return base > 0 ? ctx.f.percent(count, base) : String(count);
}

function findingSlide(ctx: Ctx, item: FindingItem): void {
  const { t } = ctx;
  const label = ctx.f.fill(t.deck.findingLabel, {
    n: item.number,
    priority: priorityName(ctx, item.priority).toLowerCase(),
  });
  // The action title states the point: the key message when there is one.
  const slide = contentSlide(ctx, item.keyMessage.trim() || item.title, { label });
  const chart = item.chart && nativeChart(item.chart);
  const leftW = chart ? 4.7 : 4.6;
  const top = CONTENT_TOP + 0.1;
  const bottom = item.recommendation ? 5.95 : CONTENT_BOTTOM;
  // A finding with no codes has nothing measured: no big number, no claim; its quotes move up.
  const claim = item.claim;
  let y = top;
  if (claim) {
    slide.addText(
      share(ctx, claim),
      text(ctx, { x: M, y: top, w: leftW, h: 0.9, fontSize: 48, bold: true, color: ACCENT }),
    );
    slide.addText(
      clampLines(claim.sentence, leftW, 14, 4),
      text(ctx, { x: M, y: top + 1.0, w: leftW, h: 1.0, fontSize: 14 }),
    );
    y = top + 1.05 + Math.min(4, wrap(claim.sentence, leftW, 14).length) * 0.25 + 0.15;
  }
  if (claim?.tiers && !chart) {
    const tiers = clampLines(claim.tiers, leftW, 11, 3);
    slide.addText(tiers, text(ctx, { x: M, y, w: leftW, h: 0.6, fontSize: 11, color: MUTED }));
    y += wrap(tiers, leftW, 11).length * 0.19 + 0.2;
  }
  const quotes = item.quotes.slice(0, chart ? 1 : 2);
  if (chart) {
    addChart(ctx, slide, chart, {
      x: M + leftW + 0.4,
      y: top - 0.1,
      w: CW - leftW - 0.4,
      h: bottom - top + 0.05,
    });
    if (quotes[0]) quoteBox(ctx, slide, quotes[0], { x: M, y, w: leftW, h: bottom - y });
  } else {
    const x = M + leftW + 0.5;
    const w = CW - leftW - 0.5;
    if (quotes.length > 0) {
      slide.addText(
        t.deck.quotes.toUpperCase(),
        text(ctx, { x, y: top, w, h: 0.25, fontSize: 10, bold: true, color: ACCENT, charSpacing: 1 }),
      );
      const each = (bottom - top - 0.4) / quotes.length;
      quotes.forEach((quote, i) => {
        quoteBox(ctx, slide, quote, { x, y: top + 0.4 + i * each, w, h: each - 0.15 });
      });
    }
  }
  if (item.recommendation) {
    slide.addText('', { x: M, y: 6.1, w: CW, h: 0.65, shape: 'rect', fill: { color: BAND } });
    slide.addText(
      [
        { text: `${t.report.recommendationLabel}: `, options: { bold: true, color: ACCENT } },
        { text: clampLines(item.recommendation, CW - 2.2, 12, 2) },
      ],
      text(ctx, { x: M + 0.2, y: 6.17, w: CW - 0.4, h: 0.52, fontSize: 12, valign: 'middle' }),
    );
  }
  slide.addNotes(findingNotes(ctx, item));
}

/** A quote with its attribution and a bar in the accent colour; cut to the box. */
function quoteBox(
  ctx: Ctx,
  slide: Slide,
  quote: ReportQuote,
  box: { x: number; y: number; w: number; h: number },
): void {
  if (box.h < 0.6) return;
  const w = box.w - 0.25;
  const attribution = clampLines(
    `— ${quote.attribution}${quote.date ? `, ${ctx.f.date(quote.date, 'short')}` : ''}`,
    w,
    10,
    1,
  );
  const lines = Math.max(1, linesIn(box.h - 0.3, 13));
  // Finnish opens and closes a quote with the same mark (”…”), English with a pair (“…”).
  const open = ctx.content.language === 'fi' ? '”' : '“';
  const body = clampLines(`${open}${quote.text.trim()}”`, w, 13, lines);
  const used = Math.min(box.h, wrap(body, w, 13).length * 0.217 + 0.32);
  slide.addText('', { x: box.x, y: box.y, w: 0.05, h: used, shape: 'rect', fill: { color: ACCENT } });
  slide.addText(
    [
      { text: body, options: { italic: true, fontSize: 13, breakLine: true, paraSpaceAfter: 4 } },
      { text: attribution, options: { fontSize: 10, color: MUTED } },
    ],
    text(ctx, { x: box.x + 0.22, y: box.y, w, h: used }),
  );
}

/** The evidence list of a finding for its speaker notes, in full: nothing here is cut. */
function findingNotes(ctx: Ctx, item: FindingItem): string {
  const { t } = ctx;
  const lines = [
    `${ctx.f.fill(t.report.where.finding, { n: item.number })}: ${item.title}`,
    '',
    `${t.deck.notesEvidence}`,
  ];
  if (item.claim) lines.push(`• ${t.deck.notesClaim}: ${item.claim.sentence}`);
  if (item.claim?.tiers) lines.push(`• ${t.deck.notesTiers}: ${item.claim.tiers}`);
  if (item.body.length) lines.push('', t.deck.notesBody, ...item.body);
  if (item.quotes.length) {
    lines.push('', t.deck.notesQuotes);
    for (const quote of item.quotes) {
      const when = quote.date ? `, ${ctx.f.date(quote.date, 'short')}` : '';
      lines.push(`• “${quote.text.trim()}” — ${quote.attribution}${when}`);
    }
  }
  const chart = item.chart && nativeChart(item.chart);
  if (chart) lines.push('', ...chartNotes(ctx, chart));
  if (item.recommendation) lines.push('', `${t.deck.notesRecommendation}: ${item.recommendation}`);
  return notes(lines);
}

/** Lines for the notes pane: a line break inside one (a quote's) would end its bullet early. */
const notes = (lines: string[]): string => lines.map((line) => line.replace(/\s*\n\s*/g, ' ')).join('\n');

/** The summary's evidence: each key finding with its claim and n, then the headline figures, in full. */
function summaryNotes(ctx: Ctx, summary: SummaryContent): string {
  const { t } = ctx;
  const lines = [summary.lead, ''];
  if (summary.noFindings) {
    lines.push(summary.noFindings.text);
    for (const theme of summary.noFindings.themes)
      lines.push(`• ${theme.code}: ${ctx.f.percent(theme.count, theme.base)} (${theme.count}/${theme.base})`);
  } else {
    lines.push(t.deck.keyFindings);
    for (const finding of summary.keyFindings) {
      lines.push(`${finding.number}. ${finding.title}`);
      if (finding.message && finding.message !== finding.title) lines.push(finding.message);
      if (finding.claim) lines.push(`• ${t.deck.notesClaim}: ${finding.claim.sentence}`);
    }
  }
  lines.push('', summary.headlines.label || t.report.summaryFigures, `• ${summary.headlines.nps}`);
  if (summary.headlines.keyPerson) lines.push(`• ${summary.headlines.keyPerson}`);
  return notes(lines);
}

/** A chart's figures in full (whole category names, every value), for the notes of its slide. */
function chartNotes(ctx: Ctx, chart: NativeChart): string[] {
  const value = (v: number) =>
    chart.axis === 'percent'
      ? ctx.f.percentValue(v)
      : chart.axis === 'score'
        ? ctx.f.signed(v)
        : ctx.f.number(v);
  const single = chart.series.length === 1;
  return [
    chart.title,
    ...chart.categories.map((category, i) => {
      const values = chart.series.map((s) =>
        single ? value(s.values[i] ?? 0) : `${s.name} ${value(s.values[i] ?? 0)}`,
      );
      return `• ${category}: ${values.join(', ')}`;
    }),
  ];
}

/** A native PowerPoint bar chart drawn from {@link NativeChart}. */
function addChart(
  ctx: Ctx,
  slide: Slide,
  chart: NativeChart,
  box: { x: number; y: number; w: number; h: number },
): void {
  // An empty series would leave an empty chart cache; a one-series stack breaks in PowerPoint (#1357).
  const series = chart.series.filter((s) => s.values.length > 0);
  if (series.length === 0 || chart.categories.length === 0) return;
  const grouping = series.length > 1 ? chart.grouping : 'clustered';
  const percent = chart.axis === 'percent';
  // "45 %" in Finnish, "45%" in English, as the formatter writes them.
  const percentCode = ctx.content.language === 'fi' ? '0" %"' : '0"%"';
  const single = series.length === 1;
  const colours = single && series[0]!.pointColours ? series[0]!.pointColours : series.map((s) => s.colour);
  const labelSize = chart.categories.length > 14 ? 9 : chart.categories.length > 8 ? 10 : 11;
  // A long theme name would take the chart's width from its bars: a bar's label gets at most a third
  // of the width (2.5 in) on two lines, a column's its own share on three, cut at a word with an ellipsis (the
  // whole name is in the slide's notes and the workbook).
  const categories = chart.categories.map((category) =>
    chart.direction === 'bar'
      ? clampLines(category, Math.min(box.w / 3, 2.5), labelSize, 2)
      : clampLines(category, box.w / chart.categories.length, labelSize, 3),
  );
  // Bars too many to label legibly (a crosstab's 3 × 8) get a value axis instead of a label each.
  const labelled = grouping !== 'clustered' || series.length * chart.categories.length <= 20;
  const options: ChartOptions = {
    ...box,
    // What a screen reader says for the chart: its title and every figure (PowerPoint's Alt Text).
    altText: chartNotes(ctx, chart).join('\n').slice(0, 2000),
    barDir: chart.direction,
    barGrouping: grouping,
    barGapWidthPct: chart.categories.length > 10 ? 40 : 70,
    chartColors: colours,
    showTitle: true,
    title: chart.title,
    titleFontFace: FONT,
    titleFontSize: 12,
    titleColor: INK,
    showLegend: !single,
    legendPos: 'b',
    legendFontFace: FONT,
    legendFontSize: 10,
    legendColor: INK,
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: labelSize,
    catAxisLabelColor: INK,
    // Every category labelled: left to itself, PowerPoint skips every other one when labels are long.
    catAxisLabelFrequency: '1',
    catAxisLineShow: false,
    catGridLine: { style: 'none' },
    valGridLine: labelled ? { style: 'none' } : { style: 'solid', color: RULE, size: 0.5 },
    valAxisHidden: chart.direction === 'bar' && labelled,
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 10,
    valAxisLabelColor: MUTED,
    valAxisLabelFormatCode: percent ? percentCode : '0',
    showValue: labelled,
    dataLabelFontFace: FONT,
    dataLabelFontSize: grouping === 'clustered' ? labelSize : 10,
    dataLabelColor: grouping === 'clustered' ? INK : 'FFFFFF',
    dataLabelPosition: grouping === 'clustered' ? 'outEnd' : 'ctr',
    dataLabelFormatCode: percent ? percentCode : '0',
  };
  // Horizontal bars read top to bottom in the order given (PowerPoint draws the first at the bottom).
  if (chart.direction === 'bar') options.catAxisOrientation = 'maxMin' as 'minMax';
  if (chart.min !== undefined) options.valAxisMinVal = chart.min;
  // Room right of the longest bar for its label.
  if (chart.max !== undefined)
    options.valAxisMaxVal =
      labelled && grouping === 'clustered' && chart.direction === 'bar' ? chart.max * 1.12 : chart.max;
  if (grouping === 'percentStacked') {
    options.valAxisMaxVal = 1;
    options.valAxisMinVal = 0;
    // Positive;negative;zero: a segment of 0 % gets no label (it would sit on its neighbour's edge).
    options.dataLabelFormatCode = `${percentCode};-${percentCode};`;
  }
  slide.addChart(
    ctx.pptx.ChartType.bar,
    series.map((s) => ({ name: s.name, labels: categories, values: s.values })),
    options,
  );
}

function chartSlide(ctx: Ctx, title: string, lead: string, chart: NativeChart): void {
  const slide = contentSlide(ctx, title, { lead });
  addChart(ctx, slide, chart, { x: M, y: CONTENT_TOP + 0.5, w: CW, h: CONTENT_BOTTOM - CONTENT_TOP - 0.5 });
  slide.addNotes(notes([lead, '', ...chartNotes(ctx, chart)]));
}

function scoresSlide(ctx: Ctx, scores: ScoresContent): void {
  const { t } = ctx;
  const slide = contentSlide(ctx, t.deck.npsTitle, { label: t.report.sections.scores, lead: scores.lead });
  const top = CONTENT_TOP + 0.5;
  if (scores.empty) {
    slide.addText(fitBox(scores.empty, CW, 1, 16), text(ctx, { x: M, y: top, w: CW, h: 1, fontSize: 16 }));
    return;
  }
  const chart = npsDistributionChart(scores.rows, {
    title: t.deck.npsShares,
    promoters: t.deck.promoters,
    passives: t.deck.passives,
    detractors: t.deck.detractors,
    group: (row) => ctx.f.fill(t.deck.groupN, { group: row.label, n: row.n }),
  });
  const chartW = 7.4;
  if (chart) addChart(ctx, slide, chart, { x: M, y: top, w: chartW, h: CONTENT_BOTTOM - top });
  const x = M + chartW + 0.4;
  const w = CW - chartW - 0.4;
  const rows = scores.rows.filter((r) => r.n > 0);
  const head = [t.report.group, t.deck.answers, 'NPS', t.report.satisfaction];
  const body = rows.map((r) => [
    `${r.label}${r.smallN ? ' *' : ''}`,
    ctx.f.number(r.n),
    r.nps === null ? '–' : ctx.f.number(r.nps),
    r.satisfactionMean === null ? '–' : ctx.f.number(r.satisfactionMean, 1),
  ]);
  const widths = [w - 2.45, 0.55, 0.75, 1.15];
  const tableH =
    table(ctx, slide, [head, ...body], {
      x,
      y: top + 0.1,
      colW: widths,
      fontSize: 11,
      align: ['left', 'right', 'right', 'right'],
    }) + 0.2;
  slide.addNotes(scoresNotes(ctx, scores));
  if (scores.notes.length) {
    slide.addText(
      fitBox(scores.notes.join('\n'), w, CONTENT_BOTTOM - top - tableH - 0.2, 10),
      text(ctx, {
        x,
        y: top + tableH + 0.2,
        w,
        h: CONTENT_BOTTOM - top - tableH - 0.2,
        fontSize: 10,
        color: MUTED,
      }),
    );
  }
}

/** Each group's figures with its n, as the Word report's table has them: the NPS slide's evidence. */
function scoresNotes(ctx: Ctx, scores: ScoresContent): string {
  const { t, f } = ctx;
  const lines = [scores.lead, ''];
  for (const row of scores.rows.filter((r) => r.n > 0)) {
    const parts = [
      row.nps === null ? null : `NPS ${f.signed(row.nps)}`,
      `${t.analysis.promoters} ${f.number(row.promoters)}, ${t.analysis.passives} ${f.number(row.passives)}, ${t.analysis.detractors} ${f.number(row.detractors)}`,
      row.satisfactionMean === null
        ? null
        : `${t.report.satisfaction} ${f.number(row.satisfactionMean, 1)} (n\u00a0=\u00a0${f.number(row.satisfactionN)})`,
    ].filter(Boolean);
    lines.push(`• ${f.fill(t.deck.groupN, { group: row.label, n: row.n })}: ${parts.join('; ')}`);
  }
  if (scores.notes.length) lines.push('', ...scores.notes);
  return notes(lines);
}

interface TableOptions {
  x: number;
  y: number;
  colW: number[];
  fontSize: number;
  align?: ('left' | 'right' | 'center')[];
  /** Per body row, per cell: a colour for the text (a risk in red). */
  colours?: (string | null)[][];
  /** Lines a body cell may take before it is cut. */
  maxLines?: number;
}

/**
 * A table in the deck's style: header row in the accent colour, hairlines between rows. Cells are cut
 * to their width; an empty cell gets a dash, never nothing (an empty cell is one of PowerPoint's
 * repair triggers, PptxGenJS#1048). No auto-paging (#1380): callers split long tables themselves.
 */
function table(ctx: Ctx, slide: Slide, rows: string[][], options: TableOptions): number {
  const { fontSize } = options;
  // Row heights are set, not left to the viewer, so what follows the table lands where it was measured.
  const heights = rows.map((row, r) =>
    rowHeight(row, options.colW, fontSize, r === 0 ? 2 : (options.maxLines ?? 2)),
  );
  const cellPad = 0.16;
  const data: TableRow[] = rows.map((row, r) =>
    row.map((value, c) => {
      const width = (options.colW[c] ?? 1) - cellPad;
      const cell = clampLines(value.trim() || '–', width, fontSize, r === 0 ? 2 : (options.maxLines ?? 2));
      const colour = r > 0 ? options.colours?.[r - 1]?.[c] : null;
      return {
        text: cell,
        options: {
          bold: r === 0,
          color: r === 0 ? 'FFFFFF' : (colour ?? INK),
          fill: { color: r === 0 ? ACCENT : r % 2 === 0 ? BAND : 'FFFFFF' },
          align: options.align?.[c] ?? 'left',
        },
      };
    }),
  );
  slide.addTable(data, {
    x: options.x,
    y: options.y,
    colW: options.colW,
    rowH: heights,
    lang: ctx.lang,
    fontFace: FONT,
    fontSize,
    color: INK,
    valign: 'middle',
    margin: [3, 5, 3, 5],
    border: { type: 'solid', pt: 0.5, color: RULE },
    autoPage: false,
  });
  return heights.reduce((sum, h) => sum + h, 0);
}

/** Height of a table row in inches for cells of the given texts (lines at 1.2 × size plus padding). */
function rowHeight(cells: string[], colW: number[], fontSize: number, maxLines: number): number {
  const lines = Math.max(
    1,
    ...cells.map((cell, c) => Math.min(maxLines, wrap(cell || '–', (colW[c] ?? 1) - 0.16, fontSize).length)),
  );
  return (lines * fontSize * 1.2) / 72 + 0.1;
}

function keyPersonSlide(ctx: Ctx, keyPerson: KeyPersonContent): void {
  const { t } = ctx;
  // With no relationship recorded, a count of "0 of 0 accounts" says nothing: only why is said.
  const slide = contentSlide(ctx, t.report.sections.keyPerson, {
    lead: keyPerson.empty ? undefined : keyPerson.summary || keyPerson.lead,
  });
  const top = CONTENT_TOP + 0.5;
  slide.addNotes(keyPersonNotes(ctx, keyPerson));
  if (keyPerson.empty) {
    slide.addText(fitBox(keyPerson.empty, CW, 1, 16), text(ctx, { x: M, y: top, w: CW, h: 1, fontSize: 16 }));
    return;
  }
  const tiers = t.account.tiers as Record<string, string>;
  const riskName = (risk: 'singlePerson' | 'noContact' | null) =>
    risk === 'singlePerson' ? t.report.singlePerson : risk === 'noContact' ? t.report.noContact : '';
  // The accounts at risk first: those are the board's question.
  const rank = (risk: 'singlePerson' | 'noContact' | null) =>
    risk === 'singlePerson' ? 0 : risk === 'noContact' ? 1 : 2;
  const sorted = [...keyPerson.rows].sort((a, b) => rank(a.risk) - rank(b.risk));
  const colW = [3.2, 2.0, 1.3, 1.2, 1.3, CW - 9.0];
  const head = [
    t.report.account,
    t.report.tier,
    t.report.known,
    t.report.strategic,
    t.report.operational,
    t.report.risk,
  ];
  const note = keyPerson.noContacts ? 0.5 : 0;
  const room = CONTENT_BOTTOM - top - note - 0.35;
  const shown: string[][] = [];
  let used = rowHeight(head, colW, 11, 2);
  for (const row of sorted) {
    const cells = [
      row.account,
      tiers[row.tier] ?? row.tier,
      ctx.f.number(row.people),
      ctx.f.number(row.strategic),
      ctx.f.number(row.operational),
      riskName(row.risk),
    ];
    const h = rowHeight(cells, colW, 11, 1);
    if (used + h > room) break;
    used += h;
    shown.push(cells);
  }
  table(ctx, slide, [head, ...shown], {
    x: M,
    y: top,
    colW,
    fontSize: 11,
    maxLines: 1,
    align: ['left', 'left', 'right', 'right', 'right', 'left'],
    colours: sorted
      .slice(0, shown.length)
      .map((row) => [null, null, null, null, null, row.risk ? WARNING : null]),
  });
  let y = top + used + 0.1;
  if (sorted.length > shown.length) {
    slide.addText(
      ctx.f.plural(t.deck, 'more', sorted.length - shown.length),
      text(ctx, { x: M, y, w: CW, h: 0.25, fontSize: 10, color: MUTED }),
    );
    y += 0.3;
  }
  if (keyPerson.noContacts) {
    slide.addText(
      fitBox(keyPerson.noContacts, CW, 0.45, 10),
      text(ctx, { x: M, y, w: CW, h: 0.45, fontSize: 10, color: MUTED }),
    );
  }
}

/** Every account's row, not only those the slide has room for. */
function keyPersonNotes(ctx: Ctx, keyPerson: KeyPersonContent): string {
  const { t, f } = ctx;
  const r = t.report;
  const lines = [keyPerson.lead, keyPerson.summary, keyPerson.noContacts ?? '', keyPerson.empty ?? ''].filter(
    Boolean,
  );
  if (keyPerson.rows.length && !keyPerson.empty) {
    lines.push('', r.keyPersonTable);
    for (const row of keyPerson.rows) {
      const risk = row.risk === 'singlePerson' ? r.singlePerson : row.risk === 'noContact' ? r.noContact : '';
      lines.push(
        `• ${row.account} (${t.account.tiers[row.tier]}): ${r.known} ${f.number(row.people)}, ${r.strategic} ${f.number(row.strategic)}, ${r.operational} ${f.number(row.operational)}${risk ? ` — ${risk}` : ''}`,
      );
    }
  }
  return notes(lines);
}

/** The compared figures, a theme a line, with the whole theme names the chart may cut. */
function benchmarkNotes(ctx: Ctx, benchmark: BenchmarkContent): string {
  const { f } = ctx;
  const [, self, others, difference] = benchmark.header;
  const lines = [benchmark.said, benchmark.noCodings ?? ''].filter(Boolean);
  if (benchmark.compared) {
    lines.push('', benchmark.caption);
    for (const row of benchmark.rows)
      lines.push(
        `• ${row.code}: ${self} ${f.percentValue(row.thisPct)}, ${others} ${row.othersPct === null ? '–' : f.percentValue(row.othersPct)}, ${difference} ${row.diff === null ? '–' : f.signed(row.diff)}`,
      );
  }
  return notes(lines);
}

function benchmarkSlide(ctx: Ctx): void {
  const benchmark = ctx.content.benchmark!;
  const { t } = ctx;
  const chart = benchmark.compared && benchmark.chart ? nativeChart(benchmark.chart) : null;
  if (!chart) {
    // Nothing to compare with: the sentence that says so is the slide.
    const slide = contentSlide(ctx, t.report.sections.benchmark);
    slide.addNotes(benchmarkNotes(ctx, benchmark));
    const said = [benchmark.said, benchmark.noCodings].filter(Boolean).join('\n');
    slide.addText(
      fitBox(said, CW, 2, 18),
      text(ctx, { x: M, y: CONTENT_TOP + 0.3, w: CW, h: 2, fontSize: 18 }),
    );
    return;
  }
  const slide = contentSlide(ctx, t.report.sections.benchmark, { lead: benchmark.said });
  slide.addNotes(benchmarkNotes(ctx, benchmark));
  const top = CONTENT_TOP + 0.5;
  const chartW = 8.6;
  addChart(ctx, slide, chart, { x: M, y: top, w: chartW, h: CONTENT_BOTTOM - top });
  const x = M + chartW + 0.4;
  const w = CW - chartW - 0.4;
  slide.addText(
    fitBox(
      [benchmark.lead, benchmark.caption].filter(Boolean).join('\n\n'),
      w,
      CONTENT_BOTTOM - top - 0.2,
      12,
    ),
    text(ctx, { x, y: top + 0.2, w, h: CONTENT_BOTTOM - top - 0.2, fontSize: 12, color: MUTED }),
  );
}

/**
 * The comparison with the previous wave: its chart, with the method and the rule beside it; every
 * figure, then and now with its change in words, in the notes (report/wavesSection.ts).
 */
function wavesSlide(ctx: Ctx, waves: WavesContent): void {
  const title = ctx.t.report.sections.waves;
  const chart = nativeChart(waves.chart);
  const slide = contentSlide(ctx, title);
  slide.addNotes(
    notes([
      waves.method,
      waves.rule,
      waves.order,
      ...waves.tables.flatMap((table) => [
        '',
        table.caption,
        ...table.rows.map(([item, before, after, change]) => `• ${item}: ${before} → ${after} (${change})`),
      ]),
    ]),
  );
  const top = CONTENT_TOP + 0.2;
  const chartW = chart ? 8.6 : 0;
  if (chart) addChart(ctx, slide, chart, { x: M, y: top, w: chartW, h: CONTENT_BOTTOM - top });
  const x = M + (chart ? chartW + 0.4 : 0);
  const w = CW - (chart ? chartW + 0.4 : 0);
  slide.addText(
    fitBox([waves.method, waves.rule].join('\n\n'), w, CONTENT_BOTTOM - top - 0.2, 11),
    text(ctx, { x, y: top + 0.2, w, h: CONTENT_BOTTOM - top - 0.2, fontSize: 11, color: MUTED }),
  );
}

function recommendationsSlides(ctx: Ctx, recommendations: RecommendationsContent): void {
  const { t } = ctx;
  const title = t.report.sections.recommendations;
  if (recommendations.empty || recommendations.rows.length === 0) {
    const slide = contentSlide(ctx, title);
    slide.addText(
      fitBox(recommendations.empty ?? t.report.noRecommendations, CW, 1, 16),
      text(ctx, { x: M, y: CONTENT_TOP + 0.3, w: CW, h: 1, fontSize: 16 }),
    );
    return;
  }
  const colW = [1.6, 3.9, CW - 5.5];
  const head = [t.report.priority, t.report.finding, t.report.recommendation];
  const rows = recommendations.rows.map((r) => [priorityName(ctx, r.priority), r.finding, r.recommendation]);
  const colours = recommendations.rows.map((r) => [r.priority === 'high' ? WARNING : null, null, null]);
  const top = CONTENT_TOP + 0.5;
  // Long lists go on as many slides as they need, each saying it continues.
  const pages = splitRows(
    rows.map((row) => rowHeight(row, colW, 12, 3)),
    CONTENT_BOTTOM - top - rowHeight(head, colW, 12, 2),
  );
  pages.forEach(([start, end], page) => {
    const slide = contentSlide(ctx, page === 0 ? title : ctx.f.fill(t.deck.continued, { title }), {
      lead: page === 0 ? recommendations.lead : undefined,
    });
    table(ctx, slide, [head, ...rows.slice(start, end)], {
      x: M,
      y: top,
      colW,
      fontSize: 12,
      maxLines: 3,
      colours: colours.slice(start, end),
    });
    // The table cuts a long recommendation at three lines: the notes hold each in full.
    slide.addNotes(
      notes(rows.slice(start, end).map(([priority, finding, text]) => `• ${priority} – ${finding}: ${text}`)),
    );
  });
}

/**
 * Rows of the given heights split into as few slides as hold them in `room` inches, then evened
 * out so the last slide does not carry a single row: [start, end) per slide.
 */
export function splitRows(heights: readonly number[], room: number): [number, number][] {
  const split = (most: number) => {
    const pages: [number, number][] = [];
    let start = 0;
    while (start < heights.length) {
      let used = 0;
      let end = start;
      while (end < heights.length && end - start < most && (end === start || used + heights[end]! <= room)) {
        used += heights[end]!;
        end++;
      }
      pages.push([start, end]);
      start = end;
    }
    return pages;
  };
  const greedy = split(Number.POSITIVE_INFINITY);
  if (greedy.length < 2) return greedy;
  const even = split(Math.ceil(heights.length / greedy.length));
  return even.length === greedy.length ? even : greedy;
}

/** The method slide's texts in full, and the sample by tier. */
function methodNotes(ctx: Ctx, method: MethodContent): string {
  const { t, f } = ctx;
  const lines = [
    ...method.purpose,
    method.text,
    method.languageNote ?? '',
    `${method.privacy.label}: ${method.privacy.text}`,
    '',
    method.sample,
    t.report.sampleTable,
    ...method.coverage.map(
      (c) =>
        `• ${t.account.tiers[c.tier]}: ${t.report.accountsInterviewed} ${f.number(c.accountsInterviewed)}/${f.number(c.accounts)}, ${t.report.interviews} ${f.number(c.interviews)}${c.revenueShare === null ? '' : `, ${t.report.revenueShare} ${f.percentValue(c.revenueShare, 1)}`}`,
    ),
    method.revenueUnknown ?? '',
  ];
  return notes(lines.filter((line, i) => line || lines[i - 1]));
}

function methodSlide(ctx: Ctx, method: MethodContent): void {
  const { t } = ctx;
  const slide = contentSlide(ctx, t.report.sections.method);
  slide.addNotes(methodNotes(ctx, method));
  const top = CONTENT_TOP;
  const leftW = 6.3;
  const paragraphs = [
    ...method.purpose.map((p) => `• ${p}`),
    method.text,
    method.languageNote ?? '',
    `${method.privacy.label}: ${method.privacy.text}`,
  ].filter(Boolean);
  slide.addText(
    fitBox(paragraphs.join('\n'), leftW, CONTENT_BOTTOM - top, 12),
    text(ctx, { x: M, y: top, w: leftW, h: CONTENT_BOTTOM - top, fontSize: 12, paraSpaceAfter: 6 }),
  );
  const x = M + leftW + 0.5;
  const w = CW - leftW - 0.5;
  slide.addText(
    t.report.sampleTable.toUpperCase(),
    text(ctx, { x, y: top, w, h: 0.25, fontSize: 10, bold: true, color: ACCENT, charSpacing: 1 }),
  );
  const tiers = t.account.tiers as Record<string, string>;
  const head = [t.report.tier, t.report.accountsInterviewed, t.report.interviews, t.report.revenueShare];
  const body = method.coverage.map((line) => [
    tiers[line.tier] ?? line.tier,
    `${ctx.f.number(line.accountsInterviewed)} / ${ctx.f.number(line.accounts)}`,
    ctx.f.number(line.interviews),
    line.revenueShare === null ? '–' : ctx.f.percentValue(line.revenueShare, 1),
  ]);
  const colW = [w - 4.0, 1.5, 1.1, 1.4];
  const tableH =
    table(ctx, slide, [head, ...body], {
      x,
      y: top + 0.35,
      colW,
      fontSize: 11,
      align: ['left', 'right', 'right', 'right'],
    }) + 0.25;
  const notes = [method.sample, method.revenueUnknown ?? ''].filter(Boolean).join('\n');
  const y = top + 0.35 + tableH;
  slide.addText(
    fitBox(notes, w, CONTENT_BOTTOM - y, 11),
    text(ctx, { x, y, w, h: CONTENT_BOTTOM - y, fontSize: 11, color: MUTED }),
  );
}
