import type { AttributeValue, Crosstab, CrosstabAttribute, PrevalenceRow } from '../../../shared/analysis.ts';
import { IMPORTANCES, LIFECYCLE_STAGES, ROLE_LEVELS, TIERS } from '../../../shared/domain.ts';
import { isSmallN } from '../../../shared/sample.ts';
import { HELD, pct, refOf, type Scope, statement } from './common.ts';

/** Domain order of each attribute's values: columns keep it, whatever the data. */
const ORDER: Record<CrosstabAttribute, readonly AttributeValue[]> = {
  tier: TIERS,
  roleLevel: ROLE_LEVELS,
  importance: IMPORTANCES,
  lifecycle: LIFECYCLE_STAGES,
};

/**
 * Which value(s) each held interview has for every attribute. An interview with people of two role
 * levels is in both; accounts without an importance or lifecycle stage are in no column of that one.
 */
const SQL = `WITH ${HELD},
  attr(attribute, interview_id, value) AS (
    SELECT 'tier', h.id, a.tier FROM held h JOIN accounts a ON a.id = h.account_id
    UNION ALL
    SELECT 'importance', h.id, a.importance FROM held h JOIN accounts a ON a.id = h.account_id
    WHERE a.importance IS NOT NULL
    UNION ALL
    SELECT 'lifecycle', h.id, a.lifecycle FROM held h JOIN accounts a ON a.id = h.account_id
    WHERE a.lifecycle IS NOT NULL
    UNION ALL
    SELECT DISTINCT 'roleLevel', h.id, p.role_level FROM held h
    JOIN interview_interviewees ii ON ii.interview_id = h.id JOIN interviewees p ON p.id = ii.interviewee_id),
  pairs AS (
    SELECT DISTINCT c.interview_id, c.code_id FROM held h
    JOIN codings c ON c.interview_id = h.id AND c.deleted_at IS NULL)
  SELECT attribute, value, NULL AS codeId, count(*) AS n FROM attr GROUP BY attribute, value
  UNION ALL
  SELECT t.attribute, t.value, p.code_id AS codeId, count(*) AS n
  FROM pairs p JOIN attr t ON t.interview_id = p.interview_id
  GROUP BY t.attribute, t.value, p.code_id`;

interface Row {
  attribute: CrosstabAttribute;
  value: AttributeValue;
  codeId: string | null;
  n: number;
}

/** Code × attribute tables: held interviews with the code in each column, and as a share of the column. */
export function crosstabs(
  { db, engagementId }: Scope,
  prevalence: readonly PrevalenceRow[],
): Record<CrosstabAttribute, Crosstab> {
  const rows = statement(db, SQL).all({ engagementId }) as Row[];
  const columnN = new Map<string, number>();
  const cellN = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.attribute}\u0000${row.value}`;
    if (row.codeId === null) columnN.set(key, row.n);
    else cellN.set(`${key}\u0000${row.codeId}`, row.n);
  }
  const table = (attribute: CrosstabAttribute): Crosstab => {
    const columns = ORDER[attribute]
      .map((value) => ({ value, n: columnN.get(`${attribute}\u0000${value}`) ?? 0 }))
      .filter((column) => column.n > 0)
      .map((column) => ({ ...column, smallN: isSmallN(column.n) }));
    return {
      attribute,
      columns,
      rows: prevalence.map((code) => ({
        ...refOf(code),
        cells: columns.map(({ value, n, smallN }) => {
          const interviews = cellN.get(`${attribute}\u0000${value}\u0000${code.codeId}`) ?? 0;
          return { interviews, pct: pct(interviews, n), n, smallN };
        }),
      })),
    };
  };
  return {
    tier: table('tier'),
    roleLevel: table('roleLevel'),
    importance: table('importance'),
    lifecycle: table('lifecycle'),
  };
}
