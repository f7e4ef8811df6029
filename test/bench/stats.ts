/** One figure of the benchmark: a summary of repeated samples, never a pass/fail assertion. */
export interface Measure {
  name: string;
  /** `ms` unless said otherwise; the budget and floor are in the same unit. */
  unit?: 'ms' | 'MB' | 'pages' | 'charts' | 'count';
  runs: number;
  p50: number;
  p95: number;
  /** The issue's budget, compared with p95. */
  budget?: number;
  /** The same work done directly with better-sqlite3 on the same file: what our layers cost on top. */
  floor?: { p50: number; p95: number; what: string };
  /** What was measured on, e.g. the number of quotes a query returned. */
  note?: string;
}

/** Measures taken together, with the bench process's resident memory after them. */
export interface Group {
  name: string;
  rssMb: number;
  measures: Measure[];
}

export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summary(samples: readonly number[]): Pick<Measure, 'runs' | 'p50' | 'p95'> {
  return { runs: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

export function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Runs `run` `runs` times after `warmup` untimed runs (which compile statements and warm SQLite's page
 * cache, as any second visit would) and returns the timings. `before` prepares each run untimed; both get
 * the run index (warm-ups count up to -1).
 */
export function sample(
  runs: number,
  run: (index: number) => unknown,
  options: { warmup?: number; before?: (index: number) => void } = {},
): number[] {
  const { warmup = 1, before } = options;
  const samples: number[] = [];
  for (let i = -warmup; i < runs; i++) {
    before?.(i);
    const ms = timed(() => run(i));
    if (i >= 0) samples.push(ms);
  }
  return samples;
}

/** The same for work that awaits (renderer, report worker). */
export async function sampleAsync(
  runs: number,
  run: (index: number) => Promise<unknown>,
  options: { warmup?: number; before?: (index: number) => Promise<void> | void } = {},
): Promise<number[]> {
  const { warmup = 1, before } = options;
  const samples: number[] = [];
  for (let i = -warmup; i < runs; i++) {
    await before?.(i);
    const start = performance.now();
    await run(i);
    if (i >= 0) samples.push(performance.now() - start);
  }
  return samples;
}

export function floorOf(samples: readonly number[], what: string): NonNullable<Measure['floor']> {
  const { p50, p95 } = summary(samples);
  return { p50, p95, what };
}

export const rssMb = (): number => process.memoryUsage().rss / 2 ** 20;

const number = (value: number): string =>
  !Number.isFinite(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1);

export const ratio = (m: Measure): number | null => (m.floor && m.floor.p50 > 0 ? m.p50 / m.floor.p50 : null);

export const withinBudget = (m: Measure): boolean | null =>
  m.budget === undefined ? null : m.p95 <= m.budget;

function rows(groups: readonly Group[]): string[][] {
  return groups.flatMap((group) => [
    [`[${group.name}]`, '', '', '', '', '', '', '', number(group.rssMb)],
    ...group.measures.map((m) => {
      const unit = m.unit ?? 'ms';
      const r = ratio(m);
      const ok = withinBudget(m);
      return [
        `  ${m.name}${unit === 'ms' ? '' : ` (${unit})`}${m.note ? ` — ${m.note}` : ''}`,
        String(m.runs),
        number(m.p50),
        number(m.p95),
        m.floor ? number(m.floor.p50) : '',
        r === null ? '' : `${r.toFixed(1)}×`,
        m.budget === undefined ? '' : `≤ ${m.budget}`,
        ok === null ? '' : ok ? '✓' : '✗',
        '',
      ];
    }),
  ]);
}

const HEADER = ['measure', 'runs', 'p50', 'p95', 'raw p50', 'ours/raw', 'budget', '', 'RSS MB'];

/**
 * The figures as a text table (or a Markdown one): times in ms unless the name says otherwise; `raw` is
 * the floor, `ours/raw` compares the p50s; the budget is checked against p95. RSS is the bench process's
 * resident memory after the group (the renderer's own memory is a separate row).
 */
export function printTable(groups: readonly Group[], format: 'text' | 'markdown' = 'text'): string {
  const body = rows(groups);
  if (format === 'markdown') {
    const line = (cells: readonly string[]) => `| ${cells.map((c) => c.trim() || ' ').join(' | ')} |`;
    const align = HEADER.map((_, i) => (i ? '--:' : ':--'));
    return [line(HEADER), `|${align.join('|')}|`, ...body.map((r) => line(r.map(markdownCell)))].join('\n');
  }
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  return [HEADER, ...body]
    .map((r) =>
      r
        .map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const markdownCell = (cell: string, index: number): string =>
  index === 0 && cell.startsWith('[') ? `**${cell.slice(1, -1)}**` : cell.replaceAll('|', '\\|');
