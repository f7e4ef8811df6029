import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeReport } from '../../electron/report/export.ts';
import type { ExportJob, ReportFormat } from '../../shared/report.ts';
import { unzip } from '../helpers/zip.ts';
import type { DatabaseBench } from './database.ts';
import { type Measure, sampleAsync, summary } from './stats.ts';

const BUDGET_MS = 5000;
/** A deck or a workbook of the report engagement, through the app's worker (issue 17). */
const OTHER_FORMAT_BUDGET_MS = 3000;

const onPath = (command: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;

/**
 * The Word report of the report engagement, twice: through `startReportExport` as the app runs it (a
 * fresh worker thread that loads the report code, opens its own read-only connection and writes the
 * file, its end heard as an event; the budget applies here), and `writeReport` in this thread once warm, for the share of the work
 * itself. The page count needs LibreOffice and is only taken when asked for.
 */
export async function measureReport(bench: DatabaseBench, options: { pages: boolean }): Promise<Measure[]> {
  const { conn, info, config, dir } = bench;
  const engagementId = info.reportEngagementId;
  const interviews = conn.call('listInterviews', { engagementId });
  const held = interviews.filter((i) => i.status !== 'planned').length;
  const findings = conn.call('listFindings', { engagementId }).length;
  const label = `${interviews.length} interviews (${held} held), ${findings} findings`;

  let last = '';
  // The end is announced as an event, as the app's export dialog hears it (never before this
  // synchronous call has returned: the worker only starts then).
  const exportOnce = async (format: ReportFormat, fileName: string): Promise<string> => {
    const job = conn.call('startReportExport', { engagementId, fileName, format, anonymize: 'people' });
    let token = 0;
    const status = await new Promise<ExportJob>((resolve) => {
      token = conn.events.subscribe('exportProgress', (update) => {
        if (update.id === job.id && update.done) resolve(update);
      });
    });
    conn.events.unsubscribe(token);
    if (status.error) throw new Error(`The ${format} export failed: ${status.error}`);
    return status.path;
  };
  const viaWorker = await sampleAsync(
    config.runs.report,
    async (i) => {
      last = await exportOnce('docx', `bench-${i + 1}`);
    },
    { warmup: 0 },
  );
  const sizes: Partial<Record<ReportFormat, number>> = {};
  const otherFormats: Measure[] = [];
  for (const format of ['pptx', 'xlsx'] as const) {
    const runs = await sampleAsync(
      config.runs.report,
      async (i) => {
        sizes[format] = readFileSync(await exportOnce(format, `bench-${format}-${i + 1}`)).length;
      },
      { warmup: 0 },
    );
    otherFormats.push({
      name: `report as ${format === 'pptx' ? 'PowerPoint deck' : 'Excel workbook'} (${label}; worker, as the app runs it)`,
      ...summary(runs),
      budget: OTHER_FORMAT_BUDGET_MS,
      note: `${Math.round((sizes[format] ?? 0) / 1024)} KiB`,
    });
  }
  const inProcess = await sampleAsync(config.runs.report, (i) =>
    writeReport(conn.ctx, { engagementId, anonymize: 'people' }, join(dir, `in-process-${i}.docx`)),
  );

  const entries = unzip(readFileSync(last));
  // Each chart is one drawing (its media holds an SVG and a PNG fallback).
  const charts =
    entries
      .get('word/document.xml')
      ?.toString('utf8')
      .match(/<w:drawing>/g)?.length ?? 0;
  const measures: Measure[] = [
    {
      name: `report export (${label}; worker, as the app runs it)`,
      ...summary(viaWorker),
      budget: BUDGET_MS,
    },
    { name: 'report export: writeReport in-process, warm', ...summary(inProcess) },
    ...otherFormats,
    {
      name: 'report: charts drawn in the .docx',
      unit: 'charts',
      runs: 1,
      p50: charts,
      p95: charts,
      note: `${Math.round(readFileSync(last).length / 1024)} KiB`,
    },
  ];
  const pages = options.pages ? pageCount(last, dir) : null;
  if (pages !== null)
    measures.push({
      name: 'report: length as LibreOffice lays it out',
      unit: 'pages',
      runs: 1,
      p50: pages,
      p95: pages,
    });
  return measures;
}

/** The report's page count as LibreOffice lays it out, or null when LibreOffice is not installed. */
function pageCount(docx: string, dir: string): number | null {
  if (!onPath('soffice')) return null;
  const profile = pathToFileURL(join(dir, 'soffice-profile')).href;
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
    { timeout: 120_000, encoding: 'utf8' },
  );
  if (run.status !== 0) {
    console.warn(`soffice could not convert the report (${run.status ?? run.signal}); no page count.`);
    return null;
  }
  const pdf = join(
    dir,
    `${docx
      .split('/')
      .at(-1)!
      .replace(/\.docx$/, '')}.pdf`,
  );
  if (onPath('pdfinfo')) {
    const pages = /^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout);
    if (pages) return Number(pages[1]);
  }
  return readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? null;
}
