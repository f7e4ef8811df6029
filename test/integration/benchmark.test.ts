import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReportModel } from '../../electron/report/model.ts';
import type { BenchmarkComparator } from '../../shared/analysis.ts';
import type { InterviewStatus } from '../../shared/domain.ts';
import { CODING_MARK } from '../../shared/notes.ts';
import { connect, openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/**
 * A workspace built by hand around "Now" (2025-09-01 – 2025-11-30). Held interviews and the one code
 * each carries (KPR key-person risk, SIL silos):
 *
 *   engagement   period (stated)          interview dates          held   codes        earlier than Now?
 *   Now          2025-09-01 – 2025-11-30  2025-09-10, 2025-10-01   2      KPR, —       (itself)
 *   Earlier      2024-09-01 – 2024-11-30  —                        2      KPR, KPR     yes
 *   ByDates      none                     2025-03-01, 2025-04-15   2      SIL, —       yes (by its interviews)
 *   EndsOnStart  2025-06-01 – 2025-09-01  —                        1      KPR          no (ends the day Now begins)
 *   Overlapping  2025-08-01 – 2025-10-15  —                        1      SIL          no
 *   Later        2026-01-10 – 2026-03-01  —                        1      KPR          no
 *   Undated      none                     none                     1      SIL          no (no place in time)
 *   NoneHeld     2023-01-01 – 2023-02-01  2023-01-10 (planned)     0      —            yes, but nothing to average
 *
 * Default for Now: Earlier and ByDates (NoneHeld is earlier but has no held interview), n = 4;
 * KPR: (100 + 0) / 2 = 50 %, SIL: (0 + 50) / 2 = 25 %.
 */
let ws: TestWorkspace;
const ids = new Map<string, string>();
const codes: Record<string, string> = {};

function engagement(name: string, periodStart: string | null, periodEnd: string | null): string {
  const id = ws.call('createEngagement', {
    clientName: name,
    title: `${name} study`,
    language: 'en',
    periodStart,
    periodEnd,
  }).id;
  ids.set(name, id);
  return id;
}

function interview(
  engagementId: string,
  date: string | null,
  code: 'KPR' | 'SIL' | null,
  status: InterviewStatus = 'coded',
) {
  const accountId = ws.call('createAccount', { engagementId, name: `Account ${ids.size}`, tier: 'named' }).id;
  const { id } = ws.call('createInterview', { engagementId, accountId, date, status });
  if (code) {
    const mark = crypto.randomUUID();
    ws.saveNotes({
      interviewId: id,
      doc: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'A coded passage.', marks: [{ type: CODING_MARK, attrs: { id: mark } }] },
            ],
          },
        ],
      },
      codings: [{ id: mark, codeId: codes[code]!, sentiment: 'negative' }],
    });
  }
}

beforeAll(() => {
  ws = openTestWorkspace();
  const codebook = ws.call('getCodebook', {});
  codes.KPR = codebook.find((c) => c.key === 'key-person-risk')!.id;
  codes.SIL = codebook.find((c) => c.key === 'silos')!.id;

  const now = engagement('Now', '2025-09-01', '2025-11-30');
  interview(now, '2025-09-10', 'KPR');
  interview(now, '2025-10-01', null, 'done');
  const earlier = engagement('Earlier', '2024-09-01', '2024-11-30');
  interview(earlier, null, 'KPR');
  interview(earlier, null, 'KPR');
  const byDates = engagement('ByDates', null, null);
  interview(byDates, '2025-03-01', 'SIL');
  interview(byDates, '2025-04-15', null, 'done');
  interview(engagement('EndsOnStart', '2025-06-01', '2025-09-01'), null, 'KPR');
  interview(engagement('Overlapping', '2025-08-01', '2025-10-15'), null, 'SIL');
  interview(engagement('Later', '2026-01-10', '2026-03-01'), null, 'KPR');
  interview(engagement('Undated', null, null), null, 'SIL');
  interview(engagement('NoneHeld', '2023-01-01', '2023-02-01'), '2023-01-10', null, 'planned');
});
afterAll(() => ws.close());

const nameOf = (id: string) => [...ids].find(([, v]) => v === id)?.[0];
const names = (comparators: readonly BenchmarkComparator[]) => comparators.map((c) => nameOf(c.engagementId));
const stats = (name: string) => ws.call('engagementStats', { engagementId: ids.get(name)! });
const share = (name: string, code: string) =>
  stats(name).benchmark.rows.find((r) => r.codeId === codes[code])!.othersPct;
const reportText = (name: string, language: 'fi' | 'en' = 'en') =>
  buildReportModel(ws.ctx, ids.get(name)!, {
    anonymize: 'none',
    sections: ['benchmark'],
    language,
  }).sections[0]!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : `[${b.kind}]`));
/** What the chart's note and the table's caption and header call the comparators. */
const reportNames = (name: string, language: 'fi' | 'en' = 'en') => {
  const blocks = buildReportModel(ws.ctx, ids.get(name)!, {
    anonymize: 'none',
    sections: ['benchmark'],
    language,
  }).sections[0]!.blocks;
  const chart = blocks.find((b) => b.kind === 'chart');
  const table = blocks.find((b) => b.kind === 'table');
  return {
    note: chart?.kind === 'chart' ? chart.chart.note : undefined,
    caption: table?.kind === 'table' ? table.caption : undefined,
    column: table?.kind === 'table' ? table.header[2] : undefined,
  };
};

describe('benchmark comparators by time', () => {
  test('by default, the engagements that ended before this one began; undated ones by their interviews', () => {
    const choice = ws.call('benchmarkChoice', { engagementId: ids.get('Now')! });
    expect(choice.picked).toBe(false);
    // Sorted by period; the one with no place in time last.
    expect(
      choice.candidates.map((c) => [nameOf(c.engagementId), c.start, c.end, c.interviews, c.earlier]),
    ).toEqual([
      ['NoneHeld', '2023-01-01', '2023-02-01', 0, true],
      ['Earlier', '2024-09-01', '2024-11-30', 2, true],
      ['ByDates', '2025-03-01', '2025-04-15', 2, true],
      ['EndsOnStart', '2025-06-01', '2025-09-01', 1, false],
      ['Overlapping', '2025-08-01', '2025-10-15', 1, false],
      ['Later', '2026-01-10', '2026-03-01', 1, false],
      ['Undated', null, null, 1, false],
    ]);
    expect(choice.selected.map(nameOf)).toEqual(['NoneHeld', 'Earlier', 'ByDates']);

    const { benchmark } = stats('Now');
    expect(names(benchmark.comparators)).toEqual(['Earlier', 'ByDates']);
    expect([benchmark.others, benchmark.interviews, benchmark.picked]).toEqual([2, 4, false]);
    expect(share('Now', 'KPR')).toBe(50);
    expect(share('Now', 'SIL')).toBe(25);
  });

  test('labelled with count, n and years in the app’s words, the report and both languages', () => {
    const en = reportText('Now');
    expect(en[0]).toBe('Compared with 2 earlier studies (n = 4 interviews), 2024–2025');
    expect(en).toContain('[chart]');
    expect(en).toContain('[table]');
    expect(reportText('Now', 'fi')[0]).toBe(
      'Verrattuna 2 aiempaan selvitykseen (n = 4 haastattelua), 2024–2025',
    );
    // The chart's note and the table say the same: studies, earlier.
    const names = reportNames('Now');
    expect(names.caption).toBe('Theme prevalence compared with earlier studies');
    expect(names.column).toBe('Earlier studies');
    expect(names.note).toContain('compared with the mean of 2 earlier studies');
    expect(reportNames('Now', 'fi').note).toContain('verrattuna 2 aiemman selvityksen keskiarvoon');
  });

  test('with nothing earlier, the section says so instead of comparing (service, report, CLI)', () => {
    // Earlier began 2024-09-01: only NoneHeld ended before, and it has no held interview.
    const { benchmark } = stats('Earlier');
    expect([benchmark.others, benchmark.comparators, benchmark.interviews]).toEqual([0, [], 0]);
    expect(benchmark.rows.every((r) => r.othersPct === null && r.diff === null)).toBe(true);
    expect(reportText('Earlier')).toEqual(['There is no earlier study to compare with.']);
    expect(reportText('Earlier', 'fi')).toEqual(['Vertailukohdaksi ei ole aiempaa selvitystä.']);
    // Undated has no start: nothing can be shown to have ended before it.
    expect(stats('Undated').benchmark.others).toBe(0);

    const cli = spawnSync(
      process.execPath,
      ['electron/cli/index.ts', 'stats', '--db', ws.path, '--engagement', ids.get('Earlier')!],
      { encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toContain('BENCHMARK\nThere is no earlier study to compare with.');
    const now = spawnSync(
      process.execPath,
      ['electron/cli/index.ts', 'stats', '--db', ws.path, '--engagement', ids.get('Now')!],
      { encoding: 'utf8' },
    );
    expect(now.stdout).toContain('BENCHMARK (Compared with 2 earlier studies (n = 4 interviews), 2024–2025)');
  });

  test('a pick is stored in the file and honoured, later ones are then called "other"; null goes back to the default', () => {
    const now = ids.get('Now')!;
    const picked = ws.call('setBenchmarkComparators', {
      engagementId: now,
      comparatorIds: [ids.get('Later')!, ids.get('Overlapping')!, ids.get('Later')!],
    });
    expect(picked.picked).toBe(true);
    expect(picked.selected.map(nameOf)).toEqual(['Overlapping', 'Later']);

    // Stored: a second connection to the file sees it.
    const again = connect(ws.path);
    try {
      const { benchmark } = again.call('engagementStats', { engagementId: now });
      expect(names(benchmark.comparators)).toEqual(['Overlapping', 'Later']);
      expect([benchmark.others, benchmark.interviews, benchmark.picked]).toEqual([2, 2, true]);
    } finally {
      again.db.close();
    }
    expect(share('Now', 'KPR')).toBe(50); // Later 100 %, Overlapping 0 %
    expect(share('Now', 'SIL')).toBe(50);
    expect(reportText('Now')[0]).toBe('Compared with 2 other studies (n = 2 interviews), 2025–2026');
    // Later studies are not called earlier anywhere: not in the table's caption, its column or the chart.
    const said = reportNames('Now');
    expect(said.caption).toBe('Theme prevalence compared with other studies');
    expect(said.column).toBe('Other studies');
    expect(said.note).toContain('compared with the mean of 2 other studies');
    expect(JSON.stringify(said)).not.toMatch(/earlier|engagements/);
    const fi = reportNames('Now', 'fi');
    expect(fi.caption).toBe('Teemojen esiintyvyys verrattuna muihin selvityksiin');
    expect(fi.note).toContain('verrattuna 2 muun selvityksen keskiarvoon');

    // An empty pick compares with nothing, and says that it is the pick.
    ws.call('setBenchmarkComparators', { engagementId: now, comparatorIds: [] });
    expect(stats('Now').benchmark.others).toBe(0);
    expect(reportText('Now')).toEqual(['No study is chosen to compare with.']);

    const reset = ws.call('setBenchmarkComparators', { engagementId: now, comparatorIds: null });
    expect(reset.picked).toBe(false);
    expect(names(stats('Now').benchmark.comparators)).toEqual(['Earlier', 'ByDates']);
  });

  test('a picked engagement deleted since drops out; itself or an unknown one cannot be picked', () => {
    const now = ids.get('Now')!;
    const gone = engagement('Gone', '2020-01-01', '2020-02-01');
    interview(gone, null, 'SIL');
    ws.call('setBenchmarkComparators', { engagementId: now, comparatorIds: [gone, ids.get('Earlier')!] });
    ws.call('deleteEngagement', { id: gone });
    expect(names(stats('Now').benchmark.comparators)).toEqual(['Earlier']);
    expect(ws.raw('setBenchmarkComparators', { engagementId: now, comparatorIds: [now] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      ws.raw('setBenchmarkComparators', { engagementId: now, comparatorIds: [crypto.randomUUID()] }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    ws.call('setBenchmarkComparators', { engagementId: now, comparatorIds: null });
  });
});
describe('the demo', () => {
  let demo: TestWorkspace;
  beforeAll(() => {
    demo = openTestWorkspace();
    demo.call('createDemo', {});
  });
  afterAll(() => demo.close());

  test('each engagement but the first wave is compared by default with studies that all ended before it began', () => {
    const engagements = demo.call('listEngagements', {});
    const counts = new Map<string, number>();
    for (const engagement of engagements) {
      const { benchmark } = demo.call('engagementStats', { engagementId: engagement.id });
      expect(benchmark.picked).toBe(false);
      counts.set(`${engagement.clientName} ${engagement.title}`, benchmark.others);
      for (const comparator of benchmark.comparators) {
        const other = demo.call('getEngagement', { id: comparator.engagementId });
        expect(other.periodEnd! < engagement.periodStart!, `${other.title} before ${engagement.title}`).toBe(
          true,
        );
      }
    }
    expect(Object.fromEntries(counts)).toEqual({
      'Huoltovoima Oy Asiakaskuuntelu 2024': 0,
      'Huoltovoima Oy Asiakaskuuntelu 2025': 1,
      'Northbeam Cloud Ltd Customer listening study 2026': 2,
      'Kvarnholm Logistics AB Customer listening study 2026 – freight and warehousing': 2,
    });
    // The first wave is the earliest study: its report says there is nothing to compare with.
    const first = engagements.find((e) => e.title === 'Asiakaskuuntelu 2024')!;
    const said = buildReportModel(demo.ctx, first.id, { anonymize: 'people', sections: ['benchmark'] });
    expect(said.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'Vertailukohdaksi ei ole aiempaa selvitystä.' },
    ]);
  });
});
