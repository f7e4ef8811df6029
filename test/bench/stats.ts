export interface Measure {
  name: string;
  p50: number;
  p95: number;
  budget?: number;
}

export function percentile(samples: number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function printTable(measures: Measure[]): string {
  const rows = measures.map((m) => [
    m.name,
    m.p50.toFixed(1),
    m.p95.toFixed(1),
    m.budget === undefined ? '' : m.p95 <= m.budget ? `≤ ${m.budget} ✓` : `≤ ${m.budget} ✗`,
  ]);
  const header = ['measure', 'p50', 'p95', 'budget'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((r) => r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  '))
    .join('\n');
}
