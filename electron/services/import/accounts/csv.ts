/**
 * Splits CSV text into records. The separator is whatever the file uses — Finnish Excel writes `;`
 * (the comma is the decimal mark), others `,` or a tab — told by which one splits the first lines
 * into the same number of fields most often. Quoted fields may hold separators, line breaks and
 * doubled quotes ("" for ").
 */

export const SEPARATORS = [';', ',', '\t'] as const;
export type Separator = (typeof SEPARATORS)[number];

export function detectSeparator(text: string): Separator {
  const sample = text.slice(0, 64 * 1024);
  let best: Separator = ';';
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const separator of SEPARATORS) {
    const stats = { strays: 0 };
    const counts = parseCsv(sample, separator, 30, stats).map((r) => r.length);
    if (counts.length > 1 && sample.length === 64 * 1024) counts.pop(); // maybe cut mid-record
    const tally = new Map<number, number>();
    for (const n of counts) if (n > 1) tally.set(n, (tally.get(n) ?? 0) + 1);
    let score = 0;
    for (const [fields, times] of tally) score = Math.max(score, times * 1000 + fields);
    // Text after a closing quote means the quotes were not where this separator puts fields.
    score -= stats.strays * 100_000;
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

export function parseCsv(
  text: string,
  separator: string,
  maxRecords = Number.POSITIVE_INFINITY,
  stats: { strays: number } = { strays: 0 },
): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== separator && next !== '\n' && next !== '\r') stats.strays++;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      field = '';
      quoted = true;
    } else if (ch === separator) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      if (records.length >= maxRecords) return records;
      record = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}
