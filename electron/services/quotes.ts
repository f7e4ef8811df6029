import type { z } from 'zod';
import type { Quote, RoleLevel } from '../../shared/domain.ts';
import { sliceCodePoints } from '../../shared/notes.ts';
import type { QuoteQuery } from '../../shared/schemas.ts';
import { CODING_COLUMNS } from './codings.ts';
import type { ServiceContext } from './context.ts';

type Query = z.output<typeof QuoteQuery>;

const CONTEXT_LIMIT = 240;
const SENTENCE_END = new Set(['.', '!', '?', '\n']);

/** The rest of the sentence on each side of [start, end), at most CONTEXT_LIMIT code points. */
export function sentenceAround(
  chars: readonly string[],
  start: number,
  end: number,
): { before: string; after: string } {
  let from = start;
  while (from > 0 && start - from < CONTEXT_LIMIT) {
    const previous = chars[from - 1]!;
    if (previous === '\n' || (SENTENCE_END.has(previous) && /\s/.test(chars[from] ?? ''))) break;
    from--;
  }
  let to = end;
  while (to < chars.length && to - end < CONTEXT_LIMIT) {
    const next = chars[to]!;
    if (next === '\n') break;
    to++;
    if (SENTENCE_END.has(next)) break;
  }
  return {
    before: sliceCodePoints(chars, from, start).trimStart(),
    after: sliceCodePoints(chars, end, to).trimEnd(),
  };
}

const list = (values: readonly string[] | undefined): string | null =>
  values?.length ? JSON.stringify(values) : null;

const QUOTE_SELECT = `SELECT ${CODING_COLUMNS}, i.engagement_id AS engagementId, e.title AS engagementTitle, i.date AS interviewDate,
         a.id AS accountId, a.name AS accountName, a.tier, k.name_fi AS codeFi, k.name_en AS codeEn, k.color,
         (SELECT json_group_array(DISTINCT p.role_level) FROM interview_interviewees ii
            JOIN interviewees p ON p.id = ii.interviewee_id WHERE ii.interview_id = i.id) AS roleLevels
       FROM codings c
       JOIN codes k ON k.id = c.code_id
       JOIN interviews i ON i.id = c.interview_id
       JOIN engagements e ON e.id = i.engagement_id
       JOIN accounts a ON a.id = i.account_id`;

type QuoteRow = Omit<Quote, 'star' | 'roleLevels' | 'code' | 'before' | 'after'> & {
  star: number;
  roleLevels: string;
  codeFi: string;
  codeEn: string;
};

/** Adds the sentence around each quote; each interview's text is split into code points once. */
function toQuotes({ db }: ServiceContext, rows: QuoteRow[]): Quote[] {
  const textOf = db.prepare('SELECT text FROM notes WHERE interview_id = ?').pluck();
  const chars = new Map<string, string[]>();
  return rows.map(({ star, roleLevels, codeFi, codeEn, ...row }) => {
    let text = chars.get(row.interviewId);
    if (!text) {
      text = Array.from((textOf.get(row.interviewId) as string | undefined) ?? '');
      chars.set(row.interviewId, text);
    }
    return {
      ...row,
      star: star === 1,
      roleLevels: (JSON.parse(roleLevels) as RoleLevel[]).sort(),
      code: { fi: codeFi, en: codeEn },
      ...sentenceAround(text, row.start, row.end),
    };
  });
}

/**
 * Every coded passage of the chosen codes, with where it comes from. With `match: 'all'`, a passage
 * counts only where codings of every chosen code overlap it; with `match: 'interview'`, only in
 * interviews where every chosen code occurs.
 */
export function findQuotes(ctx: ServiceContext, query: Query): Quote[] {
  const rows = ctx.db
    .prepare(
      `${QUOTE_SELECT}
       WHERE c.deleted_at IS NULL
         AND c.code_id IN (SELECT value FROM json_each(@codeIds))
         AND i.status <> 'planned'
         AND (@engagementId IS NULL OR i.engagement_id = @engagementId)
         AND (@tiers IS NULL OR a.tier IN (SELECT value FROM json_each(@tiers)))
         AND (@importances IS NULL OR a.importance IN (SELECT value FROM json_each(@importances)))
         AND (@lifecycles IS NULL OR a.lifecycle IN (SELECT value FROM json_each(@lifecycles)))
         AND (@sentiments IS NULL OR c.sentiment IN (SELECT value FROM json_each(@sentiments)))
         AND (@starredOnly = 0 OR c.star = 1)
         AND (@roleLevels IS NULL OR EXISTS (
           SELECT 1 FROM interview_interviewees ii JOIN interviewees p ON p.id = ii.interviewee_id
           WHERE ii.interview_id = i.id AND p.role_level IN (SELECT value FROM json_each(@roleLevels))))
         AND (@matchAll = 0 OR NOT EXISTS (
           SELECT 1 FROM json_each(@codeIds) other WHERE other.value <> c.code_id AND NOT EXISTS (
             SELECT 1 FROM codings o WHERE o.interview_id = c.interview_id AND o.code_id = other.value
               AND o.deleted_at IS NULL AND o.start < c."end" AND o."end" > c.start)))
         AND (@matchInterview = 0 OR NOT EXISTS (
           SELECT 1 FROM json_each(@codeIds) other WHERE NOT EXISTS (
             SELECT 1 FROM codings o WHERE o.interview_id = c.interview_id AND o.code_id = other.value
               AND o.deleted_at IS NULL)))
       ORDER BY i.date DESC, a.name, c.interview_id, c.start
       LIMIT @limit`,
    )
    .all({
      codeIds: JSON.stringify(query.codeIds),
      engagementId: query.engagementId ?? null,
      tiers: list(query.tiers),
      sentiments: list(query.sentiments),
      roleLevels: list(query.roleLevels),
      starredOnly: query.starredOnly ? 1 : 0,
      matchAll: query.match === 'all' ? 1 : 0,
      matchInterview: query.match === 'interview' ? 1 : 0,
      importances: list(query.importances),
      lifecycles: list(query.lifecycles),
      limit: query.limit,
    }) as QuoteRow[];
  return toQuotes(ctx, rows);
}

/** The given codings as quotes, in the order given; codings that are gone are left out. */
export function quotesByCodingIds(ctx: ServiceContext, ids: readonly string[]): Quote[] {
  if (!ids.length) return [];
  const rows = ctx.db
    .prepare(`${QUOTE_SELECT} WHERE c.deleted_at IS NULL AND c.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as QuoteRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return toQuotes(
    ctx,
    ids.flatMap((id) => byId.get(id) ?? []),
  );
}
