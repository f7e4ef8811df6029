import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeReport } from '../../electron/report/export.ts';
import type { ExportJob } from '../../shared/report.ts';
import { unzip } from '../helpers/zip.ts';
import type { DatabaseBench } from './database.ts';
import { type Measure, sampleAsync, summary } from './stats.ts';

const BUDGET_MS = 5000;

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
  const viaWorker = await sampleAsync(
    config.runs.report,
    async (i) => {
      // The end is announced as an event, as the app's export dialog hears it (never before this
      // synchronous call has returned: the worker only starts then).
      const job = conn.call('startReportExport', {
        engagementId,
        fileName: `bench-${i + 1}`,
        anonymize: 'people',
      });
      let token = 0;
      const status = await new Promise<ExportJob>((resolve) => {
        token = conn.events.subscribe('exportProgress', (update) => {
          if (update.id === job.id && update.done) resolve(update);
        });
      });
      conn.events.unsubscribe(token);
      if (status.error) throw new Error(`The report export failed: ${status.error}`);
      last = status.path;
    },
    { warmup: 0 },
  );
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
