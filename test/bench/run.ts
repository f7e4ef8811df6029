import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from '../helpers/workspace.ts';
import { measureAccountImport } from './accounts.ts';
import { measureActions } from './actions.ts';
import { measureAnalysis } from './analysis.ts';
import { measureCore } from './core.ts';
import {
  type DatabaseBench,
  measureOpen,
  measureRetrieval,
  measureServices,
  rawConnection,
} from './database.ts';
import { measureGuide } from './guide.ts';
import { measureIdentity } from './identity.ts';
import { measureImport } from './import.ts';
import { describeLine, describeMachine, type Machine } from './machine.ts';
import { measureMorphology } from './morphology.ts';
import { measureRenderer } from './renderer.ts';
import { measureReport } from './report.ts';
import { measureSearch } from './search.ts';
import { measureStartup } from './startup.ts';
import { type Group, type Measure, printTable, rssMb } from './stats.ts';
import { measureWaves } from './waves.ts';
import { benchWorkspace, SCALE_NAMES, type Scale, type WorkspaceInfo, workingCopy } from './workspace.ts';

/**
 * `npm run bench -- --scale small|full [--fresh] [--pages] [--skip renderer,report]`: figures are printed
 * and recorded, never asserted; only a crash fails the run.
 * `npm run bench -- --table FILE [--markdown]` prints a recorded run again.
 */

export interface Results {
  date: string;
  scale: Scale;
  /** Wall time of the whole run, generation included. */
  seconds: number;
  machine: Machine;
  workspace: Omit<WorkspaceInfo, 'engagementIds'>;
  groups: Group[];
}

const SKIPPABLE = [
  'startup',
  'services',
  'retrieval',
  'analysis',
  'waves',
  'guide',
  'identity',
  'morphology',
  'report',
  'search',
  'core',
  'renderer',
  'import',
  'accounts',
] as const;

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    fresh: { type: 'boolean', default: false },
    pages: { type: 'boolean' },
    skip: { type: 'string', default: '' },
    table: { type: 'string' },
    markdown: { type: 'boolean', default: false },
  },
});

if (values.table) {
  const results = JSON.parse(readFileSync(values.table, 'utf8')) as Results;
  console.log(`${results.date}, ${results.scale} scale: ${describeLine(results.machine)}\n`);
  console.log(printTable(results.groups, values.markdown ? 'markdown' : 'text'));
  process.exit(0);
}

const scale = values.scale as Scale;
if (!SCALE_NAMES.includes(scale)) throw new Error(`--scale must be one of ${SCALE_NAMES.join(', ')}`);
const skip = new Set(values.skip.split(',').filter(Boolean));
for (const name of skip) {
  if (!(SKIPPABLE as readonly string[]).includes(name))
    throw new Error(`--skip takes ${SKIPPABLE.join(', ')}`);
}
// LibreOffice takes seconds to start: the page count is for the full run, or when asked for.
const pages = values.pages ?? scale === 'full';
const started = performance.now();
const groups: Group[] = [];
const group = async (name: string, measure: () => Measure[] | Promise<Measure[]>) => {
  const start = performance.now();
  const measures = await measure();
  groups.push({ name, rssMb: rssMb(), measures });
  console.log(`  ${name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
};

console.log(`Kuulo bench, ${scale} scale`);
const cached = benchWorkspace(scale, values.fresh);
const { info } = cached;
console.log(
  `  workspace ${cached.built ? 'generated' : 'cached'}: ${cached.path} (${info.counts.interviews} interviews, ` +
    `${info.counts.codings} codings, ${(info.counts.words / 1e6).toFixed(2)} M words, ${info.sizeMb.toFixed(0)} MB)`,
);
const copy = workingCopy(cached.path);
const conn = connect(copy.path);
const raw = rawConnection(copy.path);
const bench: DatabaseBench = { conn, raw, path: copy.path, dir: copy.dir, info, config: cached.config };
let chromium: string | null = null;
try {
  await group('workspace', () => [
    {
      name: `generate the workspace (once; ${cached.built ? 'this run' : `cached, built ${info.builtAt.slice(0, 10)}`})`,
      runs: 1,
      p50: info.buildMs,
      p95: info.buildMs,
      note: `${info.counts.engagements} engagements, ${info.counts.interviews} interviews, ${info.counts.codings} codings`,
    },
    { name: 'workspace file', unit: 'MB', runs: 1, p50: info.sizeMb, p95: info.sizeMb },
    measureOpen(bench),
  ]);
  if (!skip.has('startup')) await group('start-up', () => measureStartup());
  if (!skip.has('services')) await group('services', () => measureServices(bench));
  if (!skip.has('retrieval')) await group('retrieval', () => measureRetrieval(bench));
  if (!skip.has('analysis'))
    await group('analysis', () => [...measureAnalysis(bench), ...measureActions(bench)]);
  if (!skip.has('guide')) await group('guide', () => measureGuide(bench));
  if (!skip.has('waves')) await group('waves', () => measureWaves(bench));
  if (!skip.has('identity')) await group('identity', () => measureIdentity(bench));
  if (!skip.has('morphology')) await group('morphology', () => measureMorphology(bench));
  if (!skip.has('report')) await group('report', () => measureReport(bench, { pages }));
  if (!skip.has('search')) await group('search', () => measureSearch(bench));
  if (!skip.has('core')) await group('core host', () => measureCore(bench));
  if (!skip.has('import')) await group('import', () => measureImport(cached.config.runs.cheap));
  if (!skip.has('accounts')) await group('accounts', () => measureAccountImport(cached.config.runs.cheap));
  if (!skip.has('renderer')) {
    await group('renderer', async () => {
      const renderer = await measureRenderer(bench);
      chromium = renderer.chromium;
      return renderer.measures;
    });
  }

  const { engagementIds: _ids, ...workspace } = info;
  const results: Results = {
    date: new Date().toISOString().slice(0, 10),
    scale,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    machine: describeMachine(raw, chromium),
    workspace,
    groups,
  };
  // Only full runs are records worth keeping in the repository; CI's small runs stay out of the tree.
  const folder = scale === 'full' ? resolve('test/bench/results') : resolve('test-results/bench');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${results.date}-${scale}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

  console.log(`\n${describeLine(results.machine)}\n`);
  console.log(printTable(groups));
  console.log(`\n${results.seconds} s in all; results in ${relative(process.cwd(), file)}`);
} finally {
  raw.close();
  if (conn.db.open) conn.db.close();
  copy.remove();
}
