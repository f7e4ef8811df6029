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

/**
 * Ordered pairs of overlapping codings of two different codes in one held interview (so the matrix is
 * symmetric); on the diagonal, the code's codings. Two codings of one code that overlap are not a pair.
 */
const PASSAGES = `WITH ${HELD}
  SELECT x.code_id AS a, y.code_id AS b, count(*) AS n
  FROM held h
  JOIN codings x ON x.interview_id = h.id AND x.deleted_at IS NULL
  JOIN codings y ON y.interview_id = h.id AND y.deleted_at IS NULL
    AND y.start < x."end" AND y."end" > x.start AND y.code_id <> x.code_id
  GROUP BY x.code_id, y.code_id
  UNION ALL
  SELECT c.code_id, c.code_id, count(*) FROM held h
  JOIN codings c ON c.interview_id = h.id AND c.deleted_at IS NULL
  GROUP BY c.code_id`;

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
    passage: matrix('passage', codes, statement(db, PASSAGES).all({ engagementId }) as Row[]),
  };
}
