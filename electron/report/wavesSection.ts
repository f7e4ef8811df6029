import type { ChartSpec } from '../../shared/charts.ts';
import type { Language } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import { isSmallN } from '../../shared/sample.ts';
import type { ScaleSummary } from '../../shared/scales.ts';
import { waveChart } from '../../shared/waveChart.ts';
import type { WaveComparison, WaveFigures } from '../../shared/waves.ts';
import { markText, scoreText, shareText, wavePeriod, waveText } from '../../shared/waveText.ts';
import type { ServiceContext } from '../services/context.ts';
import { waveComparison } from '../services/waveComparison.ts';
import type { ReportData } from './load.ts';
import type { Table } from './sheets.ts';
import type { ReportBlock } from './types.ts';

/**
 * The report's "Comparison with the previous wave": only for an engagement that follows an earlier
 * one. Every name in it goes through the engagement's one anonymiser: theme and question texts are
 * masked like the other sections' code names, the earlier study's title like the cover's, and
 * accounts are named by `anon.account` of this wave (labels in an anonymised report, never names).
 */
export interface WavesContent {
  method: string;
  rule: string;
  /** Which figures come first and why. */
  order: string;
  tables: WavesTable[];
  chart: ChartSpec;
  accounts: { caption: string; header: string[]; rows: string[][] } | null;
  /** The same figures as numbers, for the workbook's sheet. */
  rows: WaveSheetRow[];
}

/** One figure of one scope, then and now: a share (count of base) or a score (value with n). */
export interface WaveSheetRow {
  scope: string;
  item: string;
  before: { count: number | null; base: number; share: number | null; score: number | null };
  after: { count: number | null; base: number; share: number | null; score: number | null };
  change: string;
}

export interface WavesTable {
  caption: string;
  header: string[];
  rows: string[][];
}

function masked(d: ReportData, c: WaveComparison): WaveComparison {
  const where = d.r.where.codebook;
  const figures = (f: WaveFigures | null): WaveFigures | null =>
    f && {
      ...f,
      codes: f.codes.map((row) => ({
        ...row,
        code: { fi: d.anon.mask(row.code.fi, where), en: d.anon.mask(row.code.en, where) },
      })),
      questions: f.questions.map((q) => ({ ...q, text: d.anon.mask(q.text, where) })),
    };
  const wave = <T extends { title: string }>(w: T): T => ({
    ...w,
    title: d.anon.mask(w.title, d.r.where.cover),
  });
  return {
    ...c,
    current: wave(c.current),
    previous: c.previous && wave(c.previous),
    chain: c.chain.map(wave),
    all: figures(c.all),
    panel: figures(c.panel),
    accounts: c.accounts.map((a) => ({
      ...a,
      name: d.anon.account(a.accountId),
      appeared: a.appeared.map((x) => ({
        ...x,
        code: { fi: d.anon.mask(x.code.fi, where), en: d.anon.mask(x.code.en, where) },
      })),
      disappeared: a.disappeared.map((x) => ({
        ...x,
        code: { fi: d.anon.mask(x.code.fi, where), en: d.anon.mask(x.code.en, where) },
      })),
    })),
  };
}

function table(figures: WaveFigures, caption: string, lang: Language): WavesTable {
  const l = resourcesOf(lang);
  const { before, after } = figures.base;
  return {
    caption,
    header: [l.rowHeader, l.before, l.after, l.change],
    rows: [
      [
        l.nps,
        scoreText(figures.nps.before, lang),
        scoreText(figures.nps.after, lang),
        markText(figures.nps.change, lang),
      ],
      [
        l.satisfaction,
        scoreText(figures.satisfaction.before, lang),
        scoreText(figures.satisfaction.after, lang),
        markText(figures.satisfaction.change, lang),
      ],
      ...figures.questions.map((q) => [
        q.text,
        scoreText(q.before, lang),
        scoreText(q.after, lang),
        markText(q.change, lang),
      ]),
      ...figures.codes.map((row) => [
        row.code[lang],
        shareText(row.before, before.interviews, lang),
        shareText(row.after, after.interviews, lang),
        markText(row.change, lang),
      ]),
    ],
  };
}

const resourcesOf = (lang: Language) => RESOURCES[lang];

const RESOURCES = { fi: resources.fi.translation.waves, en: resources.en.translation.waves };

function sheetRows(figures: WaveFigures, scope: string, lang: Language): WaveSheetRow[] {
  const l = RESOURCES[lang];
  const score = (s: ScaleSummary) => ({
    count: null,
    base: s.n,
    share: s.scale === 'yesno' ? s.mean : null,
    score: s.scale === 'nps' ? s.nps : s.scale === 'yesno' ? null : s.mean,
  });
  const share = (count: number, base: number) => ({
    count,
    base,
    share: base ? count / base : null,
    score: null,
  });
  return [
    {
      scope,
      item: l.nps,
      before: score(figures.nps.before),
      after: score(figures.nps.after),
      change: markText(figures.nps.change, lang),
    },
    {
      scope,
      item: l.satisfaction,
      before: score(figures.satisfaction.before),
      after: score(figures.satisfaction.after),
      change: markText(figures.satisfaction.change, lang),
    },
    ...figures.questions.map((q) => ({
      scope,
      item: q.text,
      before: score(q.before),
      after: score(q.after),
      change: markText(q.change, lang),
    })),
    ...figures.codes.map((row) => ({
      scope,
      item: row.code[lang],
      before: share(row.before.interviews, figures.base.before.interviews),
      after: share(row.after.interviews, figures.base.after.interviews),
      change: markText(row.change, lang),
    })),
  ];
}

/** The comparison as a workbook sheet: numbers as numbers, shares as fractions. */
export function wavesTable(w: WavesContent, lang: Language): Table<WaveSheetRow> {
  const l = RESOURCES[lang];
  return {
    name: l.report.sheet,
    rows: w.rows,
    columns: [
      { header: l.scopeLabel, kind: 'text', value: (r) => r.scope },
      { header: l.rowHeader, kind: 'text', value: (r) => r.item },
      { header: l.report.colBeforeCount, kind: 'integer', value: (r) => r.before.count },
      { header: l.report.colBeforeBase, kind: 'integer', value: (r) => r.before.base },
      { header: l.report.colBeforeShare, kind: 'share', value: (r) => r.before.share },
      { header: l.report.colBeforeScore, kind: 'decimal', value: (r) => r.before.score },
      { header: l.report.colAfterCount, kind: 'integer', value: (r) => r.after.count },
      { header: l.report.colAfterBase, kind: 'integer', value: (r) => r.after.base },
      { header: l.report.colAfterShare, kind: 'share', value: (r) => r.after.share },
      { header: l.report.colAfterScore, kind: 'decimal', value: (r) => r.after.score },
      { header: l.change, kind: 'text', value: (r) => r.change },
    ],
  };
}

/** The section's content, or null when the engagement follows no wave (then the report has no such section). */
export function wavesContent(ctx: ServiceContext, d: ReportData): WavesContent | null {
  const raw = waveComparison(ctx, d.engagement.id);
  if (!raw.previous || !raw.all || !raw.panel) return null;
  const c = masked(d, raw);
  const previous = c.previous!;
  const all = c.all!;
  const panel = c.panel!;
  const l = RESOURCES[d.lang];
  const n = c.chain.findIndex((w) => w.id === c.current.id) + 1;
  const method = waveText(l.report.method, {
    n,
    title: previous.title,
    period: wavePeriod(previous, d.lang) || '—',
    beforeInterviews: all.base.before.interviews,
    afterInterviews: all.base.after.interviews,
    beforeAccounts: all.base.before.accounts,
    afterAccounts: all.base.after.accounts,
    panel: c.panelAccounts,
  });
  // An account's score rests on one to three answers: under an anonymised label it would still tell
  // the client what one known person answered, so an anonymised report holds back scores of few answers.
  const accountScore = (mean: number | null, n: number): string =>
    mean === null
      ? '—'
      : d.anon.level !== 'none' && isSmallN(n)
        ? l.report.heldBack
        : waveText(l.accountScore, { mean: d.f.number(mean, 1), n });
  const panelTable = table(panel, l.report.tablePanel, d.lang);
  const allTable = table(all, l.report.tableAll, d.lang);
  const lead = c.panelFirst ? panel : all;
  return {
    method,
    rule: l.rule,
    order: c.panelFirst ? l.report.panelFirst : l.report.allOnly,
    tables: c.panelFirst ? [panelTable, allTable] : [allTable, panelTable],
    chart: waveChart(lead, d.lang, { before: previous.title, after: c.current.title }),
    accounts: c.accounts.some((a) => a.panel)
      ? {
          caption: d.anon.level === 'none' ? l.report.accounts : l.report.accountsAnonymised,
          header: [l.account, l.npsThen, l.npsNow, l.appeared, l.disappeared],
          // By the printed name: an order by the real names would hint at who a label is.
          rows: c.accounts
            .filter((a) => a.panel)
            .sort((a, b) => a.name.localeCompare(b.name, d.lang))
            .map((a) => [
              a.name,
              accountScore(a.before.npsMean, a.before.npsN),
              accountScore(a.after.npsMean, a.after.npsN),
              a.appeared.map((x) => x.code[d.lang]).join(', ') || '—',
              a.disappeared.map((x) => x.code[d.lang]).join(', ') || '—',
            ]),
        }
      : null,
    rows: [
      ...sheetRows(
        c.panelFirst ? panel : all,
        c.panelFirst ? l.report.tablePanel : l.report.tableAll,
        d.lang,
      ),
      ...sheetRows(
        c.panelFirst ? all : panel,
        c.panelFirst ? l.report.tableAll : l.report.tablePanel,
        d.lang,
      ),
    ],
  };
}

/** The Word section's blocks. */
export function wavesBlocks(w: WavesContent, chart: (spec: ChartSpec) => ReportBlock): ReportBlock[] {
  return [
    { kind: 'paragraph', text: w.method },
    { kind: 'paragraph', text: w.rule, emphasis: 'muted' },
    chart(w.chart),
    { kind: 'paragraph', text: w.order },
    ...w.tables.map(
      (t): ReportBlock => ({
        kind: 'table',
        caption: t.caption,
        header: t.header,
        rows: t.rows,
        widths: [40, 22, 22, 16],
      }),
    ),
    ...(w.accounts
      ? [
          {
            kind: 'table',
            caption: w.accounts.caption,
            header: w.accounts.header,
            rows: w.accounts.rows,
            widths: [20, 15, 15, 25, 25],
          } as ReportBlock,
        ]
      : []),
  ];
}
