import type { z } from 'zod';
import type { Quote, RoleLevel } from '../../shared/domain.ts';
import type { QuoteQuery } from '../../shared/schemas.ts';
import { inSample, quotable } from './analysis/common.ts';
import { CODING_COLUMNS } from './codings.ts';
import type { ServiceContext } from './context.ts';

type Query = z.output<typeof QuoteQuery>;

const CONTEXT_LIMIT = 240;
const SENTENCE_END = new Set(['.', '!', '?', '\n']);

/** UTF-16 indexes of the given code-point offsets, found in one pass over the text. */
function utf16Indexes(text: string, offsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(offsets)].sort((x, y) => x - y);
  const found = new Map<number, number>();
  let codePoint = 0;
  let next = 0;
  for (let i = 0; i <= text.length && next < wanted.length; ) {
    while (next < wanted.length && wanted[next] === codePoint) found.set(wanted[next++]!, i);
    if (i === text.length) break;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    codePoint++;
  }
  return found;
}

/**
 * The rest of the sentence on each side of text[start, end) (UTF-16 indexes), at most about
 * CONTEXT_LIMIT characters. Sentence ends are ASCII, so no code-point walk is needed here.
 */
export function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  let from = start;
  while (from > 0 && start - from < CONTEXT_LIMIT) {
    const previous = text[from - 1]!;
    if (previous === '\n' || (SENTENCE_END.has(previous) && /\s/.test(text[from] ?? ''))) break;
    from--;
  }
  let to = end;
  while (to < text.length && to - end < CONTEXT_LIMIT) {
    const next = text[to]!;
    if (next === '\n') break;
    to++;
    if (SENTENCE_END.has(next)) break;
  }
  // Never cut a surrogate pair in two at the window's edges.
  if (/[\udc00-\udfff]/.test(text[from] ?? '')) from++;
  if (/[\ud800-\udbff]/.test(text[to - 1] ?? '')) to--;
  return { before: text.slice(from, start).trimStart(), after: text.slice(end, to).trimEnd() };
}

const QUOTE_SELECT = `SELECT ${CODING_COLUMNS}, i.engagement_id AS engagementId, e.title AS engagementTitle, i.date AS interviewDate,
         a.id AS accountId, a.name AS accountName, a.tier, k.name_fi AS codeFi, k.name_en AS codeEn, k.color,
         ${quotable('i')} AS quotable,
         (SELECT json_group_array(DISTINCT p.role_level) FROM interview_interviewees ii
            JOIN interviewees p ON p.id = ii.interviewee_id WHERE ii.interview_id = i.id) AS roleLevels
       FROM codings c
       JOIN codes k ON k.id = c.code_id
       JOIN interviews i ON i.id = c.interview_id
       JOIN engagements e ON e.id = i.engagement_id
       JOIN accounts a ON a.id = i.account_id`;

type QuoteRow = Omit<Quote, 'star' | 'roleLevels' | 'code' | 'before' | 'after' | 'quotable'> & {
  star: number;
  quotable: number;
  roleLevels: string;
  codeFi: string;
  codeEn: string;
};

/** Adds the sentence around each quote; each interview's text is split into code points once. */
function toQuotes({ db }: ServiceContext, rows: QuoteRow[]): Quote[] {
  const textOf = db.prepare('SELECT text FROM notes WHERE interview_id = ?').pluck();
  const byInterview = new Map<string, QuoteRow[]>();
  for (const row of rows)
    byInterview.set(row.interviewId, [...(byInterview.get(row.interviewId) ?? []), row]);
  const context = new Map<string, { before: string; after: string }>();
  for (const [interviewId, quotes] of byInterview) {
    const text = (textOf.get(interviewId) as string | undefined) ?? '';
    const index = utf16Indexes(
      text,
      quotes.flatMap((q) => [q.start, q.end]),
    );
    for (const q of quotes)
      context.set(q.id, sentenceAround(text, index.get(q.start) ?? 0, index.get(q.end) ?? 0));
  }
  return rows.map(({ star, quotable, roleLevels, codeFi, codeEn, ...row }) => ({
    ...row,
    star: star === 1,
    quotable: quotable === 1,
    roleLevels: (JSON.parse(roleLevels) as RoleLevel[]).sort(),
    code: { fi: codeFi, en: codeEn },
    ...(context.get(row.id) ?? { before: '', after: '' }),
  }));
}

/**
 * Every coded passage of the chosen codes, with where it comes from. With `match: 'all'`, a passage
 * counts only where codings of every chosen code overlap it; with `match: 'interview'`, only in
 * interviews where every chosen code occurs.
 */
export function findQuotes(ctx: ServiceContext, query: Query): Quote[] {
  // Only the filters asked for go into the SQL: a fixed statement full of "x IS NULL OR …" makes
  // SQLite scan every coding of the code across the workspace before it drops other engagements.
  const where = [
    'c.deleted_at IS NULL',
    'c.code_id IN (SELECT value FROM json_each(@codeIds))',
    // The same interviews as the figures a drill-down starts from (shared/sample.ts).
    inSample('i'),
  ];
  const params: Record<string, unknown> = { codeIds: JSON.stringify(query.codeIds), limit: query.limit };
  const filter = (name: string, values: readonly string[] | undefined, sql: string) => {
    if (!values?.length) return;
    params[name] = JSON.stringify(values);
    where.push(sql);
  };
  if (query.engagementId) {
    params.engagementId = query.engagementId;
    where.push('c.interview_id IN (SELECT id FROM interviews WHERE engagement_id = @engagementId)');
  }
  filter('tiers', query.tiers, 'a.tier IN (SELECT value FROM json_each(@tiers))');
  filter('importances', query.importances, 'a.importance IN (SELECT value FROM json_each(@importances))');
  filter('lifecycles', query.lifecycles, 'a.lifecycle IN (SELECT value FROM json_each(@lifecycles))');
  filter('sentiments', query.sentiments, 'c.sentiment IN (SELECT value FROM json_each(@sentiments))');
  filter(
    'roleLevels',
    query.roleLevels,
    `EXISTS (SELECT 1 FROM interview_interviewees ii JOIN interviewees p ON p.id = ii.interviewee_id
       WHERE ii.interview_id = i.id AND p.role_level IN (SELECT value FROM json_each(@roleLevels)))`,
  );
  if (query.starredOnly) where.push('c.star = 1');
  if (query.match === 'all') {
    where.push(`NOT EXISTS (
      SELECT 1 FROM json_each(@codeIds) other WHERE other.value <> c.code_id AND NOT EXISTS (
        SELECT 1 FROM codings o WHERE o.interview_id = c.interview_id AND o.code_id = other.value
          AND o.deleted_at IS NULL AND o.start < c."end" AND o."end" > c.start))`);
  } else if (query.match === 'interview') {
    where.push(`NOT EXISTS (
      SELECT 1 FROM json_each(@codeIds) other WHERE NOT EXISTS (
        SELECT 1 FROM codings o WHERE o.interview_id = c.interview_id AND o.code_id = other.value
          AND o.deleted_at IS NULL))`);
  }
  const rows = ctx.db
    .prepare(
      `${QUOTE_SELECT} WHERE ${where.join(' AND ')} ORDER BY i.date DESC, a.name, c.interview_id, c.start LIMIT @limit`,
    )
    .all(params) as QuoteRow[];
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
