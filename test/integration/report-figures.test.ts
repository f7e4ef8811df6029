import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EngagementStats } from '../../shared/analysis.ts';
import { benchmarkLabel } from '../../shared/benchmark.ts';
import { claimSentence } from '../../shared/claims.ts';
import type { Engagement, Finding, Language } from '../../shared/domain.ts';
import { flatten, misrounded, ratioFigures, squashed } from '../helpers/pdfFigures.ts';
import { connect } from '../helpers/workspace.ts';

/**
 * Every demo report, in both languages, read the way a board member reads it — as PDF text — and its
 * figures checked against their own counts: nothing here knows how the report computed them.
 */
const onPath = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const tools = onPath('soffice') && onPath('pdftotext');
const suite = tools
  ? 'figures in the demo reports'
  : 'figures in the demo reports — SKIPPED: soffice or pdftotext not on PATH (apt-get install libreoffice-writer-nogui poppler-utils)';

interface Report {
  engagement: Engagement;
  findings: Finding[];
  stats: EngagementStats;
  /** Every engagement of the workspace, for what "earlier" means. */
  all: Engagement[];
  language: Language;
  /** pdftotext -layout, one string per page (tables keep their rows). */
  pages: string[];
  /** pdftotext in reading order (a sentence in a table cell stays whole). */
  reading: string;
}

const kuulo = (...args: string[]) =>
  spawnSync(process.execPath, ['electron/cli/index.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe.skipIf(!tools)(suite, () => {
  const work = mkdtempSync(join(tmpdir(), 'kuulo-figures-'));
  const db = join(work, 'demo.db');
  const reports: Report[] = [];

  beforeAll(() => {
    expect(kuulo('demo', '--db', db).status).toBe(0);
    const ws = connect(db);
    const engagements = ws.call('listEngagements', {});
    const data = new Map(
      engagements.map((e) => [
        e.id,
        {
          findings: ws.call('listFindings', { engagementId: e.id }),
          stats: ws.call('engagementStats', { engagementId: e.id }),
        },
      ]),
    );
    ws.db.close();
    const docs: { file: string; engagement: Engagement; language: Language }[] = [];
    for (const engagement of engagements) {
      for (const language of ['fi', 'en'] as const) {
        const file = join(work, `${engagement.id}-${language}.docx`);
        const run = kuulo(
          'report',
          '--db',
          db,
          '--engagement',
          engagement.id,
          '--out',
          file,
          '--lang',
          language,
        );
        if (run.status !== 0) throw new Error(`report failed: ${run.stderr}`);
        docs.push({ file, engagement, language });
      }
    }
    // One LibreOffice start for all of them: it takes seconds to start.
    const profile = pathToFileURL(join(work, 'profile')).href;
    const convert = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        ...docs.map((d) => d.file),
      ],
      { timeout: 240_000, encoding: 'utf8' },
    );
    if (convert.status !== 0)
      throw new Error(`soffice failed (${convert.status ?? convert.signal}): ${convert.stderr}`);
    for (const doc of docs) {
      const pdf = doc.file.replace(/\.docx$/, '.pdf');
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], {
        encoding: 'utf8',
        timeout: 30_000,
      }).stdout;
      const reading = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8', timeout: 30_000 }).stdout;
      reports.push({
        ...doc,
        ...data.get(doc.engagement.id)!,
        all: engagements,
        pages: text.split('\f'),
        reading,
      });
    }
  }, 400_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const name = (r: Report) => `${r.engagement.clientName} (${r.language})`;

  test('every demo engagement was reported in both languages', () => {
    expect(reports.length).toBeGreaterThanOrEqual(6);
    for (const r of reports) expect(r.pages.join('').length, name(r)).toBeGreaterThan(5_000);
  });

  test('every "x % (a/b)" and "a/b (x %)" is a/b rounded once', () => {
    for (const r of reports) {
      const figures = ratioFigures(r.pages.join('\n'));
      expect(figures.length, name(r)).toBeGreaterThanOrEqual(3);
      expect(misrounded(figures), name(r)).toEqual([]);
    }
  });

  test('the sample table’s shares of revenue sum to 100', () => {
    for (const r of reports) {
      const shares = revenueShares(r.pages.join('\n'), r.language);
      expect(shares.length, name(r)).toBeGreaterThan(1);
      expect(Math.round(shares.reduce((a, b) => a + b, 0) * 10) / 10, name(r)).toBe(100);
    }
  });

  test('every finding’s figure names its claim — themes, n and base — in the summary and at the finding', () => {
    const of = { fi: '/', en: ' of ' };
    for (const r of reports) {
      const text = squashed(r.reading);
      expect(r.findings.length, name(r)).toBeGreaterThan(0);
      for (const finding of r.findings) {
        const { claim } = finding;
        const sentence = flatten(claimSentence(claim, r.language));
        // Printed twice: as the key finding's figure and in the finding's evidence box.
        expect(text.split(squashed(sentence)).length - 1, `${name(r)}: ${sentence}`).toBeGreaterThanOrEqual(
          2,
        );
        const [n, base] =
          claim.unit === 'interviews'
            ? [claim.interviews, claim.baseInterviews]
            : [claim.accounts, claim.baseAccounts];
        expect(sentence, name(r)).toContain(`${n}${of[r.language]}${base}`);
        expect(
          claim.codes.some((c) =>
            sentence.toLocaleLowerCase().includes(c.name[r.language].toLocaleLowerCase()),
          ),
          `${name(r)}: ${sentence} names none of its themes`,
        ).toBe(true);
      }
    }
  });

  test('the benchmark compares with studies that ended before this one began, and says how many', () => {
    const start = (e: Engagement) => e.periodStart ?? '';
    const end = (e: Engagement) => e.periodEnd ?? '9999';
    for (const r of reports) {
      const earlier = r.all.filter((e) => e.id !== r.engagement.id && end(e) < start(r.engagement));
      const compared = r.stats.benchmark.comparators.map((c) => c.engagementId).sort();
      // Every demo study with a held interview that ended before this one began, and nothing else.
      expect(compared, name(r)).toEqual(earlier.map((e) => e.id).sort());
      const text = flatten(r.pages.join('\n'));
      expect(text, name(r)).toContain(flatten(benchmarkLabel(r.stats.benchmark, r.language)));
      if (!earlier.length) continue;
      const years = earlier.flatMap((e) => [start(e), end(e)].map((d) => d.slice(0, 4))).sort();
      const span = years[0] === years.at(-1) ? years[0]! : `${years[0]}–${years.at(-1)}`;
      expect(benchmarkLabel(r.stats.benchmark, r.language), name(r)).toContain(span);
    }
    // The demo gives every study but its first wave something earlier to compare with.
    expect(reports.filter((r) => r.stats.benchmark.others > 0).length).toBe(reports.length - 2);
  });
});

/** The last percentage on each row of the sample table (its revenue-share column). */
function revenueShares(text: string, language: Language): number[] {
  const caption = language === 'fi' ? 'Otos asiakasryhmittäin' : 'Sample by tier';
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.includes(caption));
  const shares: number[] = [];
  for (const line of lines.slice(at + 1, at + 12)) {
    const match = /(\d{1,3}(?:[.,]\d+)?)\s?%\s*$/.exec(flatten(line).trim());
    if (match) shares.push(Number(match[1]!.replace(',', '.')));
    else if (shares.length && !line.trim()) break;
  }
  return shares;
}
