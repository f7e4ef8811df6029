import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { OpenItem } from '../../shared/actions.ts';
import type { EngagementStats, Portfolio } from '../../shared/analysis.ts';
import { benchmarkLabel } from '../../shared/benchmark.ts';
import { benchmarkFigures, COVERAGE_DECIMALS, coverageShares } from '../../shared/charts.ts';
import type { CodebookEntry, Tier } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import {
  ANONYMIZATION_LEVELS,
  type AnonymizationLevel,
  REPORT_FORMATS,
  type ReportFormat,
} from '../../shared/report.ts';
import { isInterim } from '../../shared/sample.ts';
import type { SearchHit } from '../../shared/search.ts';
import { keepCurrentFile, restoreClosedWorkspace } from '../db/restore.ts';
import type { ServiceContext } from '../services/context.ts';
import { guideCommands } from './guide.ts';
import { runImportAccounts } from './importAccounts.ts';
import { importCommand } from './importTranscript.ts';
import { runWaves } from './waves.ts';
import { asCliError, type Call, cliError } from './workspace.ts';

type Values = Record<string, string | boolean | string[] | undefined>;

export interface CliCommand {
  /** One line for the help; a function when the line needs a module no command run should load. */
  summary: string | (() => Promise<string>);
  options?: NonNullable<ParseArgsConfig['options']>;
  /** The command makes a workspace where there is none (demo, restore); every other one needs the file. */
  creates?: true;
  /** The command only reads: it opens the file read-only, beside the app or another writer. */
  readOnly?: true;
  /** Runs before the workspace is opened (e.g. to refuse overwriting a file). */
  prepare?: (dbPath: string, values: Values) => void;
  /** `ctx` is for commands that run a service directly, e.g. a long export that the app runs on a worker. */
  run: (call: Call, values: Values, ctx: ServiceContext) => Promise<CliOutput>;
}

type CliOutput = { text: string; json: unknown };

const required = (values: Values, name: string): string => {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw cliError('cliMissingOption', { option: name });
  return value;
};

/** A code given by id, key, or Finnish or English name (case-insensitive). */
function resolveCode(codebook: CodebookEntry[], wanted: string): string {
  const needle = wanted.trim().toLocaleLowerCase();
  const match = codebook.find(
    (c) =>
      !c.isGroup &&
      [c.id, c.key ?? '', c.name.fi, c.name.en].some((value) => value.toLocaleLowerCase() === needle),
  );
  if (!match) throw cliError('cliNoCode', { code: wanted });
  return match.id;
}

/** `export` and `report`: the findings report written straight from this process (the app uses a worker). */
async function exportReport(call: Call, values: Values, ctx: ServiceContext): Promise<CliOutput> {
  const engagementId = required(values, 'engagement');
  const out = resolve(required(values, 'out'));
  // Without --format, the file name's extension says which (report.pptx → pptx).
  const format = (values.format ??
    /\.(docx|pptx|xlsx)$/i.exec(out)?.[1]?.toLowerCase() ??
    required(values, 'format')) as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw cliError('cliFormat');
  if (!out.toLowerCase().endsWith(`.${format}`)) throw cliError('cliOutExtension', { extension: format });
  const anonymize = String(values.anonymize) as AnonymizationLevel;
  if (!ANONYMIZATION_LEVELS.includes(anonymize)) throw cliError('cliAnonymizeLevel');
  const lang = values.lang;
  if (lang !== undefined && lang !== 'fi' && lang !== 'en') throw cliError('cliLanguage');
  await call('getEngagement', { id: engagementId });
  const started = performance.now();
  const keep = (values.keep as string[] | undefined) ?? [];
  // Loaded here: the report pipeline (docx, ECharts, resvg, pptxgenjs, exceljs) takes most of a second
  // that no other command needs.
  const { writeReport } = await import('../report/export.ts');
  const result = await writeReport(
    ctx,
    { engagementId, format, anonymize, language: lang, keep },
    out,
    undefined,
    values.force ? 'replace' : 'refuse',
  );
  const ms = Math.round(performance.now() - started);
  return {
    json: { ...result, format, ms },
    text: `Wrote ${result.path} (${Math.round(result.bytes / 1024)} kB) in ${ms} ms.`,
  };
}

const TIER_LABEL: Record<Tier, string> = { key: 'key account', named: 'named', unmanaged: 'unmanaged' };

/** Aligns rows into columns for human-readable output. */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const COMMANDS: Record<string, CliCommand> = {
  export: {
    readOnly: true,
    summary:
      'write the findings report as Word, PowerPoint or Excel: --engagement ID --out FILE.docx|.pptx|.xlsx [--format docx|pptx|xlsx] [--anonymize none|people|accounts] [--lang fi|en] [--keep TEXT …] [--force]; every name not reviewed in the app is masked, and an existing file is kept unless --force',
    options: {
      engagement: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      anonymize: { type: 'string', default: 'people' },
      lang: { type: 'string' },
      keep: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
    },
    run: (call, values, ctx) => exportReport(call, values, ctx),
  },

  report: {
    readOnly: true,
    summary: 'the Word report: the same as `export --format docx`',
    options: {
      engagement: { type: 'string' },
      out: { type: 'string' },
      anonymize: { type: 'string', default: 'people' },
      lang: { type: 'string' },
      keep: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
    },
    run: (call, values, ctx) => exportReport(call, { ...values, format: 'docx' }, ctx),
  },

  demo: {
    // Counted from the demo data, so the help cannot fall behind it again (it said 3 when there were 4);
    // loaded only for the help: the demo data and the services that write it are no other command's.
    summary: async () => {
      const { DEMO_ENGAGEMENTS } = await import('../services/demo.ts');
      return `create a sample workspace (${DEMO_ENGAGEMENTS} engagements); --force replaces an existing file`;
    },
    creates: true,
    options: { force: { type: 'boolean', default: false } },
    prepare: (dbPath, values) => {
      if (!existsSync(dbPath) || statSync(dbPath).size === 0) return;
      if (!values.force) {
        throw cliError('cliDemoExists', { path: dbPath });
      }
      // Replacing a workspace must not lose it: a copy goes to its backups first.
      values.keptAs = keepCurrentFile(dbPath, new Date());
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    },
    run: async (call, values) => {
      const created = await call('createDemo', {});
      const kept =
        typeof values.keptAs === 'string' ? ` The previous file was kept as ${values.keptAs}.` : '';
      return {
        text: `Created ${created.engagements} engagements with ${created.interviews} interviews.${kept}`,
        json: { ...created, keptAs: values.keptAs ?? null },
      };
    },
  },

  engagements: {
    readOnly: true,
    summary: 'list engagements',
    run: async (call) => {
      const list = await call('listEngagements', {});
      return {
        json: list,
        text: table([
          ['ID', 'CLIENT', 'TITLE', 'LANG', 'STATUS', 'ACCOUNTS', 'INTERVIEWS'],
          ...list.map((e) => [
            e.id,
            e.clientName,
            e.title,
            e.language,
            e.status,
            String(e.accountCount),
            `${e.interviewsDone}/${e.interviewCount}`,
          ]),
        ]),
      };
    },
  },

  interviews: {
    readOnly: true,
    summary: 'list the interviews of --engagement ID',
    options: { engagement: { type: 'string' } },
    run: async (call, values) => {
      const list = await call('listInterviews', { engagementId: required(values, 'engagement') });
      return {
        json: list,
        text: table([
          ['ID', 'DATE', 'ACCOUNT', 'TIER', 'INTERVIEWEES', 'STATUS', 'WORDS'],
          ...list.map((i) => [
            i.id,
            i.date ?? '—',
            i.accountName,
            TIER_LABEL[i.tier],
            i.interviewees.map((p) => `${p.name} (${p.roleLevel})`).join(', '),
            i.status,
            String(i.wordCount),
          ]),
        ]),
      };
    },
  },

  interview: {
    readOnly: true,
    summary: 'show one interview (--id ID): metadata and notes as plain text',
    options: { id: { type: 'string' } },
    run: async (call, values) => {
      const { notes, ...detail } = await call('getInterview', { id: required(values, 'id') });
      const people = detail.interviewees.map((p) => `${p.name}, ${p.title} (${p.roleLevel})`).join('; ');
      return {
        json: { ...detail, revision: notes.revision, notesUpdatedAt: notes.updatedAt, text: notes.text },
        text: [
          `${detail.accountName} (${TIER_LABEL[detail.tier]}) — ${detail.date ?? 'no date'} ${detail.startTime ?? ''}`.trim(),
          `Interviewees: ${people || '—'}`,
          `Interviewer: ${detail.interviewer || '—'} · ${detail.mode} · ${detail.durationMin ?? '?'} min · ${detail.status}`,
          `NPS: ${detail.nps ?? '—'} · Satisfaction: ${detail.satisfaction ?? '—'}`,
          '',
          notes.text,
        ].join('\n'),
      };
    },
  },

  quotes: {
    readOnly: true,
    summary: 'every quote coded with --code NAME_OR_ID (repeatable) [--engagement ID] [--all]',
    options: {
      engagement: { type: 'string' },
      code: { type: 'string', multiple: true },
      all: { type: 'boolean', default: false },
    },
    run: async (call, values) => {
      const engagementId = typeof values.engagement === 'string' ? values.engagement : undefined;
      const wanted = Array.isArray(values.code) ? values.code : [];
      if (!wanted.length) throw cliError('cliMissingOption', { option: 'code NAME_OR_ID' });
      const codebook = await call('getCodebook', engagementId ? { engagementId } : {});
      const codeIds = wanted.map((name) => resolveCode(codebook, name));
      const quotes = await call('findQuotes', {
        codeIds,
        match: values.all ? 'all' : 'any',
        limit: 100_000,
        ...(engagementId ? { engagementId } : {}),
      });
      return {
        json: quotes.map((q) => ({
          codingId: q.id,
          interviewId: q.interviewId,
          interviewDate: q.interviewDate,
          engagementId: q.engagementId,
          accountId: q.accountId,
          account: q.accountName,
          tier: q.tier,
          roleLevel: q.roleLevels.join(', '),
          codeId: q.codeId,
          code: q.code.en,
          sentiment: q.sentiment,
          severity: q.severity,
          star: q.star,
          memo: q.memo,
          quote: q.quote,
          start: q.start,
          end: q.end,
        })),
        text: quotes
          .map(
            (q) =>
              `${q.star ? '★ ' : ''}“${q.quote}”\n   ${q.accountName} (${TIER_LABEL[q.tier]}) · ${q.roleLevels.join(', ') || '—'} · ${q.sentiment ?? 'no sentiment'} · ${q.interviewDate ?? ''} · ${q.code.en}`,
          )
          .join('\n'),
      };
    },
  },

  search: {
    readOnly: true,
    summary:
      'full-text search: --query TEXT [--engagement ID] [--limit N]; words AND, OR, NOT or -word, "phrase", prefix*',
    options: {
      query: { type: 'string' },
      engagement: { type: 'string' },
      limit: { type: 'string', default: '50' },
    },
    run: async (call, values) => {
      const engagementId = typeof values.engagement === 'string' ? values.engagement : undefined;
      const result = await call('search', {
        query: required(values, 'query'),
        limit: Number(values.limit),
        ...(engagementId ? { engagementId } : {}),
      });
      const place = (h: SearchHit) =>
        h.kind === 'note' ? `¶${h.paragraph} ${h.start}–${h.end}` : `${h.kind} ${h.start}–${h.end}`;
      return {
        json: result.hits.map((h) => ({
          kind: h.kind,
          sourceId: h.sourceId,
          engagementId: h.engagementId,
          interviewId: h.interviewId,
          paragraph: h.paragraph,
          start: h.start,
          end: h.end,
          snippet: h.snippet,
          score: h.score,
        })),
        text: [
          ...result.hits.map(
            (h) =>
              `${h.score.toFixed(2)}  ${[h.accountName, h.date].filter(Boolean).join(' · ') || h.engagementName}  ${place(h)}  ${h.snippet}`,
          ),
          `${result.hits.length} of ${result.total}${result.more ? '+' : ''} hits`,
        ].join('\n'),
      };
    },
  },

  import: importCommand,

  'import-accounts': {
    summary:
      "import the client's account and contact list: --engagement ID --file PATH (.xlsx or .csv) [--map COLUMN=FIELD …] [--sheet NAME] [--dry-run]",
    options: {
      engagement: { type: 'string' },
      file: { type: 'string' },
      map: { type: 'string', multiple: true },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
    run: (call, values) => runImportAccounts(call, values),
  },

  codebook: {
    readOnly: true,
    summary: 'list the codebook (with --engagement ID, its own codes and usage too)',
    options: { engagement: { type: 'string' } },
    run: async (call, values) => {
      const engagementId = typeof values.engagement === 'string' ? values.engagement : undefined;
      const codes = await call('getCodebook', engagementId ? { engagementId } : {});
      return {
        json: codes,
        text: codes
          .map((c) =>
            c.isGroup
              ? `\n${c.name.en} / ${c.name.fi}`
              : `  ${c.hotkey ? `[${c.hotkey}]` : '   '} ${c.name.en} / ${c.name.fi}${c.retired ? ' (retired)' : ''} — ${c.usage} codings`,
          )
          .join('\n')
          .trimStart(),
      };
    },
  },

  backup: {
    readOnly: true,
    summary: 'copy the workspace into the backups folder beside it (the newest 10 are kept)',
    run: async (call) => {
      const entry = await call('createBackup', {});
      return { json: entry, text: `Backed up to ${entry.path} (${kilobytes(entry.size)}).` };
    },
  },

  backups: {
    readOnly: true,
    summary: "list the workspace's backups, newest first",
    run: async (call) => {
      const list = await call('listBackups', {});
      return {
        json: list,
        text: list.length
          ? table([
              ['CREATED', 'REASON', 'SIZE', 'PATH'],
              ...list.map((b) => [b.createdAt, b.reason, kilobytes(b.size), b.path]),
            ])
          : 'No backups yet.',
      };
    },
  },

  restore: {
    summary: 'replace the workspace with a backup (--from PATH, as "backups" lists it), keeping a copy first',
    creates: true,
    options: { from: { type: 'string' } },
    // Restores before the CLI opens the workspace: a damaged file that no longer opens must still be rescuable.
    prepare: (dbPath, values) => {
      const result = asCliError(() => restoreClosedWorkspace(dbPath, required(values, 'from')));
      values.restoredFrom = result.restoredFrom;
      values.safetyBackup = result.safetyBackup ?? undefined;
    },
    run: async (_call, values) => {
      const json = { restoredFrom: values.restoredFrom, safetyBackup: values.safetyBackup ?? null };
      const kept = json.safetyBackup ? ` The previous file was kept as ${json.safetyBackup}.` : '';
      return { json, text: `Restored ${json.restoredFrom}.${kept}` };
    },
  },

  stats: {
    readOnly: true,
    summary: 'every figure of the analysis screen for --engagement ID (prevalence, crosstabs, NPS, …)',
    options: { engagement: { type: 'string' } },
    run: async (call, values) => {
      const stats = await call('engagementStats', { engagementId: required(values, 'engagement') });
      return { json: statsJson(stats), text: statsText(stats) };
    },
  },

  actions: {
    readOnly: true,
    summary:
      'the action register [--engagement ID] [--open]: actions (overdue marked) and follow-ups no action covers yet',
    options: { engagement: { type: 'string' }, open: { type: 'boolean', default: false } },
    run: async (call, values) => {
      const engagementId = typeof values.engagement === 'string' ? values.engagement : null;
      if (engagementId) await call('getEngagement', { id: engagementId });
      const items = await call('openActions', { engagementId, openOnly: values.open === true });
      return { json: actionsJson(items), text: actionsText(items) };
    },
  },
  waves: {
    readOnly: true,
    summary:
      'the waves of --engagement ID and its comparison with the wave it follows (--compare: per question and account)',
    options: { engagement: { type: 'string' }, compare: { type: 'boolean', default: false } },
    run: (call, values) => runWaves(call, required(values, 'engagement'), values.compare === true),
  },
  ...guideCommands,

  portfolio: {
    readOnly: true,
    summary: 'every engagement with its base and NPS, and the prevalence of each shared code in each',
    run: async (call) => {
      const portfolio = await call('portfolio', {});
      return { json: portfolio, text: portfolioText(portfolio) };
    },
  },
};

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** The service's figures, with each prevalence row named as scripts expect (`code` is the English name). */
function statsJson(stats: EngagementStats) {
  return {
    ...stats,
    prevalence: stats.prevalence.map((row) => ({
      codeId: row.codeId,
      code: row.code.en,
      codeName: row.code,
      interviews: row.interviews,
      accounts: row.accounts,
      codings: row.codings,
      interviewsPct: row.interviewsPct,
      accountsPct: row.accountsPct,
      revenuePct: row.revenuePct,
      sentiment: row.sentiment,
      base: row.base,
    })),
  };
}

/**
 * The human text of `stats` is English (its headings are), so its figures take the en-GB forms of the
 * one formatter: percentages from counts with one decimal, rounded once; coverage shares summing to 100.
 */
const en = formatter('en');
const DECIMALS = 1;
const percent = (part: number, whole: number): string => en.percent(part, whole, DECIMALS);
const shown = (value: number | null): string => (value === null ? '—' : en.percentValue(value, DECIMALS));

function statsText(stats: EngagementStats): string {
  const { base } = stats;
  const coverage = coverageShares(stats.coverage);
  const cover = (value: number | undefined) => en.percentValue(value ?? 0, COVERAGE_DECIMALS);
  const { sample } = stats;
  const analysis = resources.en.translation.analysis;
  const sections = [
    [
      `Base: ${en.plural(analysis, 'baseInterviews', base.interviews)} held, ${en.plural(analysis, 'baseAccounts', base.accounts)}, revenue ${en.money(base.revenue)}`,
      ...(base.revenueUnknown ? [en.plural(analysis, 'revenueUnknown', base.revenueUnknown)] : []),
      analysis.sampleRule,
      // The same mark as the app's and the report's: interim while interviews are still to be held.
      ...(isInterim(sample) ? [en.fill(analysis.interim, { held: sample.held, total: sample.total })] : []),
      ...(sample.declined ? [en.plural(analysis, 'declined', sample.declined)] : []),
      ...(sample.consentPending
        ? [en.plural(resources.en.translation.report, 'methodPending', sample.consentPending)]
        : []),
    ].join('\n'),
    `PREVALENCE (share of ${base.interviews} interviews / ${base.accounts} accounts)\n${table([
      ['CODE', 'INTERVIEWS', '%', 'ACCOUNTS', '%', 'REVENUE %', 'CODINGS', 'NEG/NEU/POS/NONE'],
      ...stats.prevalence.map((row) => [
        row.code.en,
        String(row.interviews),
        percent(row.interviews, row.base.interviews),
        String(row.accounts),
        percent(row.accounts, row.base.accounts),
        shown(row.revenuePct),
        String(row.codings),
        [row.sentiment.negative, row.sentiment.neutral, row.sentiment.positive, row.sentiment.none].join('/'),
      ]),
    ])}`,
    `NPS (* = fewer than 5 answers)\n${table([
      ['GROUP', 'N', 'NPS', 'PROMOTERS', 'PASSIVES', 'DETRACTORS', 'SATISFACTION (N)'],
      ...stats.scores.map((s) => [
        s.group === 'all' ? 'all' : TIER_LABEL[s.group],
        `${s.n}${s.smallN ? ' *' : ''}`,
        s.nps === null ? '—' : en.number(s.nps),
        String(s.promoters),
        String(s.passives),
        String(s.detractors),
        `${s.satisfactionMean === null ? '—' : en.number(s.satisfactionMean, 1)} (${s.satisfactionN})`,
      ]),
    ])}`,
    `KEY-PERSON RISK (! = rests on one known person, ? = no contacts recorded)\n${table([
      ['ACCOUNT', 'TIER', 'INTERVIEWS', 'PEOPLE', 'STRATEGIC', 'OPERATIONAL'],
      ...stats.keyPersonRisk.map((r) => [
        `${r.singlePerson ? '! ' : r.noContacts ? '? ' : '  '}${r.account}`,
        TIER_LABEL[r.tier],
        String(r.interviews),
        String(r.people),
        String(r.strategic),
        String(r.operational),
      ]),
    ])}`,
    `COVERAGE\n${table([
      ['TIER', 'INTERVIEWS', '%', 'ACCOUNTS', '%', 'REVENUE', '%'],
      ...stats.coverage.map((c, i) => [
        TIER_LABEL[c.tier],
        String(c.interviews),
        cover(coverage.interviews[i]),
        String(c.accounts),
        cover(coverage.accounts[i]),
        en.money(c.revenue),
        cover(coverage.revenue[i]),
      ]),
    ])}`,
    // Against the studies chosen (by default those that ended before this one began); with none, it says so.
    stats.benchmark.others === 0
      ? `BENCHMARK\n${benchmarkLabel(stats.benchmark, 'en')}`
      : `BENCHMARK (${benchmarkLabel(stats.benchmark, 'en')})\n${table([
          ['CODE', 'THIS', 'OTHERS', 'DIFFERENCE'],
          ...stats.benchmark.rows.map((r) => {
            const figures = benchmarkFigures(r, stats.prevalence, DECIMALS);
            return [
              r.code.en,
              shown(figures.thisPct),
              shown(figures.othersPct),
              figures.diff === null ? '—' : en.points(figures.diff, DECIMALS),
            ];
          }),
        ])}`,
  ];
  return sections.join('\n\n');
}

function portfolioText(portfolio: Portfolio): string {
  const engagements = table([
    ['#', 'CLIENT', 'TITLE', 'INTERVIEWS', 'ACCOUNTS', 'NPS (N)'],
    ...portfolio.engagements.map((e, i) => [
      `#${i + 1}`,
      e.clientName,
      e.title,
      String(e.base.interviews),
      String(e.base.accounts),
      `${e.nps ?? '—'} (${e.npsN})`,
    ]),
  ]);
  const prevalence = table([
    ['CODE (% of held interviews)', ...portfolio.engagements.map((_, i) => `#${i + 1}`)],
    ...portfolio.codes.map((code, j) => [
      code.code.en,
      ...portfolio.engagements.map((_, i) => en.number(portfolio.pct[i]?.[j] ?? 0, DECIMALS)),
    ]),
  ]);
  return `${engagements}\n\n${prevalence}`;
}

/** `actions --json`: one object per action or uncovered follow-up, in the list's order (overdue first). */
function actionsJson(items: OpenItem[]) {
  return items.map((item) =>
    item.kind === 'action'
      ? {
          kind: 'action',
          engagementId: item.action.engagementId,
          engagement: item.engagementTitle,
          client: item.clientName,
          id: item.action.id,
          title: item.action.title,
          owner: item.action.owner,
          dueDate: item.action.dueDate,
          status: item.action.status,
          overdue: item.overdue,
          source: item.action.source,
          findingId: item.action.findingId,
          finding: item.action.findingTitle,
          accountId: item.action.accountId,
          account: item.action.accountName,
          carriedFromId: item.action.carriedFromId,
          toReview: item.action.carriedFromId !== null && item.action.reviewedAt === null,
        }
      : {
          kind: 'followUp',
          engagementId: item.followUp.engagementId,
          engagement: item.engagementTitle,
          client: item.clientName,
          interviewId: item.followUp.interviewId,
          interviewDate: item.followUp.interviewDate,
          accountId: item.followUp.accountId,
          account: item.followUp.accountName,
          text: item.followUp.text,
        },
  );
}

const STATUS_LABEL = { open: 'open', in_progress: 'in progress', done: 'done', dropped: 'dropped' } as const;

function actionsText(items: OpenItem[]): string {
  const actions = items.filter((i) => i.kind === 'action');
  const followUps = items.filter((i) => i.kind === 'followUp');
  const parts: string[] = [];
  parts.push(
    actions.length
      ? `ACTIONS\n${table([
          ['', 'Due', 'Status', 'Owner', 'Action', 'Engagement'],
          ...actions.map((i) => [
            i.overdue ? 'OVERDUE' : '',
            i.action.dueDate ?? '—',
            STATUS_LABEL[i.action.status],
            i.action.owner || '—',
            i.action.title,
            i.engagementTitle,
          ]),
        ])}`
      : 'ACTIONS\nNone.',
  );
  parts.push(
    followUps.length
      ? `FOLLOW-UPS NO ACTION COVERS YET\n${followUps
          .map(
            (i) =>
              `${i.followUp.interviewDate ?? '—'}  ${i.followUp.accountName} (${i.engagementTitle})\n   ${i.followUp.text}`,
          )
          .join('\n')}`
      : 'FOLLOW-UPS NO ACTION COVERS YET\nNone.',
  );
  return parts.join('\n\n');
}
