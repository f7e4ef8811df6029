import type { CodeRef, Cooccurrence, CooccurrenceLevel, PrevalenceRow } from '../../../shared/analysis.ts';
import { HELD, refOf, type Scope, statement } from './common.ts';

/** Held interviews where both codes occur; on the diagonal, interviews with the code. */
const INTERVIEWS = `WITH ${HELD},
  pairs AS (
    SELECT DISTINCT c.interview_id, c.code_id FROM held h
    JOIN codings c ON c.interview_id = h.id AND c.deleted_at IS NULL)
  SELECT x.code_id AS a, y.code_id AS b, count(*) AS n
  FROM pairs x JOIN pairs y ON y.interview_id = x.interview_id
  GROUP BY x.code_id, y.code_id`;

/** The codings of held interviews, by interview and start: the passage level sweeps through them. */
const SPANS = `WITH ${HELD}
  SELECT c.interview_id, c.code_id, c.start, c."end" FROM held h
  JOIN codings c ON c.interview_id = h.id AND c.deleted_at IS NULL
  ORDER BY c.interview_id, c.start`;

type Span = [interviewId: string, codeId: string, start: number, end: number];

/**
 * Ordered pairs of overlapping codings of two different codes in one held interview (so the matrix is
 * symmetric); on the diagonal, the code's codings. Two codings of one code that overlap are not a pair.
 *
 * One sweep per interview in start order, keeping how many codings of each code are open: each coding
 * pairs with the open ones of other codes. Time grows with codings × codes, not codings² (a self-join
 * took 10 s on one interview with 16,000 codings).
 */
export function passagePairs(spans: readonly Span[]): Row[] {
  const codeIds = [...new Set(spans.map((span) => span[1]))];
  const codeIndex = new Map(codeIds.map((id, i) => [id, i]));
  const k = codeIds.length;
  const counts = new Float64Array(k * k);
  const openPerCode = new Int32Array(k);
  let open: Span[] = []; // codings of the current interview that may still overlap, by end
  let interview: string | null = null;
  for (const span of spans) {
    const interviewId = span[0];
    const start = span[2];
    const code = codeIndex.get(span[1])!;
    if (interviewId !== interview) {
      interview = interviewId;
      open = [];
      openPerCode.fill(0);
    }
    // Close the codings that end at or before this one starts (they do not overlap it).
    let closed = 0;
    while (closed < open.length && open[closed]![3] <= start)
      openPerCode[codeIndex.get(open[closed++]![1])!]!--;
    if (closed) open.splice(0, closed);
    if (open.length <= k) {
      // Few open codings (the usual case): pair with each of them.
      for (const other of open) {
        const o = codeIndex.get(other[1])!;
        if (o !== code) {
          counts[code * k + o]!++;
          counts[o * k + code]!++;
        }
      }
    } else {
      // Many (long, nested codings): pair with each code's open count.
      for (let o = 0; o < k; o++) {
        const n = openPerCode[o]!;
        if (n > 0 && o !== code) {
          counts[code * k + o]! += n;
          counts[o * k + code]! += n;
        }
      }
    }
    counts[code * k + code]!++;
    insertByEnd(open, span);
    openPerCode[code]!++;
  }
  const rows: Row[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const n = counts[i * k + j]!;
      if (n > 0) rows.push({ a: codeIds[i]!, b: codeIds[j]!, n });
    }
  }
  return rows;
}

/** Keeps `open` sorted by end, so the next to close is first. */
function insertByEnd(open: Span[], span: Span): void {
  let low = 0;
  let high = open.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (open[mid]![3] <= span[3]) low = mid + 1;
    else high = mid;
  }
  open.splice(low, 0, span);
}

interface Row {
  a: string;
  b: string;
  n: number;
}

function matrix(level: CooccurrenceLevel, codes: readonly CodeRef[], rows: readonly Row[]): Cooccurrence {
  const index = new Map(codes.map((code, i) => [code.codeId, i]));
  const counts = codes.map(() => codes.map(() => 0));
  for (const { a, b, n } of rows) {
    const [i, j] = [index.get(a), index.get(b)];
    if (i !== undefined && j !== undefined) counts[i]![j] = n;
  }
  return { level, codes: codes.map(refOf), counts };
}

/** Which codes come together, per interview and per passage; only codes that occur, in prevalence order. */
export function cooccurrence(
  { db, engagementId }: Scope,
  prevalence: readonly PrevalenceRow[],
): Record<CooccurrenceLevel, Cooccurrence> {
  const codes = prevalence.filter((row) => row.interviews > 0);
  return {
    interview: matrix('interview', codes, statement(db, INTERVIEWS).all({ engagementId }) as Row[]),
    passage: matrix(
      'passage',
      codes,
      passagePairs(statement(db, SPANS).raw().all({ engagementId }) as Span[]),
    ),
  };
}
