import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import type { Language, RoleLevel, Tier } from '../../../shared/domain.ts';
import {
  SEARCH_HIT_CAP,
  type SearchHit,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
} from '../../../shared/search.ts';
import { KuuloError } from '../../base/errors.ts';
import type { ServiceContext } from '../context.ts';
import { readLayout } from './indexing.ts';
import { ftsExpression, matcher, type Span, type TextMatch } from './match.ts';
import type { SearchLanguage } from './morphology.ts';
import { type ParsedQuery, parseQuery } from './query.ts';
import { snippetOf } from './snippet.ts';

type Query = z.output<typeof SearchQuery>;

/** One candidate text from the index, with what the filters and the hit need. */
interface Candidate {
  id: number;
  kind: SearchKind;
  sourceId: string;
  interviewId: string | null;
  text: string;
  engagementId: string;
  language: Language;
}

/** How long one query may judge candidates before it answers with what it has. */
const SEARCH_TIME_BUDGET_MS = 300;

const LANGUAGE_ORDER: Record<Language, SearchLanguage[]> = { fi: ['fi', 'en'], en: ['en', 'fi'] };

/**
 * Candidates come from the trigram index (every text holding a pattern of each wanted word), the
 * filters are applied in SQL, and each candidate is then judged word by word (match.ts). Hits are
 * collected in index order up to the cap, ranked, and only the page asked for is dressed with its
 * snippet, account, person and codes.
 */
export function search(ctx: ServiceContext, input: Query): SearchResult {
  const parsed = parseQuery(input.query);
  const languages = input.engagementId
    ? [LANGUAGE_ORDER[engagementLanguage(ctx, input.engagementId)]]
    : [LANGUAGE_ORDER.fi, LANGUAGE_ORDER.en];
  const match = ftsExpression(parsed, languages);
  // Without a pattern the index cannot narrow anything: across the portfolio that reads every text.
  if (match === null && !input.engagementId && !input.interviewId)
    throw new KuuloError('searchWordsTooShort');
  const matchers = matchersFor(parsed);
  const codedSpans = input.codeIds?.length ? codedSpansOf(ctx, input.codeIds) : null;
  const place = placeOfBlock(ctx);

  const found: { candidate: Candidate; span: Span; spans: Span[]; score: number; order: number }[] = [];
  let more = false;
  const owner = engagementOf(ctx);
  // The core host answers one call at a time: a query that would judge candidates for long (a very
  // common word with a rare one) stops and says there may be more, rather than hold up a save.
  const deadline = performance.now() + SEARCH_TIME_BUDGET_MS;
  let judged = 0;
  for (const row of candidates(ctx, input, match)) {
    if (++judged % 64 === 0 && performance.now() > deadline) {
      more = true;
      break;
    }
    const candidate: Candidate = { ...row, ...owner(row) };
    const result: TextMatch | null = matchers(candidate.language)(candidate.text);
    if (!result) continue;
    let span = result.spans[0]!;
    if (codedSpans && candidate.kind === 'note') {
      // Only a match inside a passage coded with one of the codes makes the paragraph a hit.
      const coded = codedSpans(candidate.interviewId!);
      const { start: at } = place(candidate);
      const inside = result.spans.find((s) =>
        coded.some((c) => c.start <= at + s.start && at + s.end <= c.end),
      );
      if (!inside) continue;
      span = inside;
    }
    if (found.length === SEARCH_HIT_CAP) {
      more = true;
      break;
    }
    found.push({ candidate, span, spans: result.spans, score: result.score, order: found.length });
  }
  found.sort((a, b) => b.score - a.score || a.order - b.order);
  const page = found.slice(input.offset, input.offset + input.limit);
  const describe = describer(ctx);
  return {
    hits: page.map(({ candidate, span, spans, score }) => {
      const { snippet, highlights } = snippetOf(candidate.text, [span, ...spans.filter((s) => s !== span)]);
      const { paragraph, start: offset } = place(candidate);
      const start = offset + span.start;
      const end = offset + span.end;
      const text = [...candidate.text].slice(span.start, span.end).join('');
      return {
        kind: candidate.kind,
        engagementId: candidate.engagementId,
        interviewId: candidate.interviewId,
        sourceId: candidate.sourceId,
        paragraph,
        start,
        end,
        text,
        snippet,
        highlights: highlights.sort((a, b) => a[0] - b[0]),
        score,
        ...describe(candidate, start, end),
      };
    }),
    total: found.length,
    more,
  };
}

/** The engagement of a text and its language, read once per interview or source in a query. */
function engagementOf(ctx: ServiceContext) {
  const byInterview = ctx.db.prepare(
    'SELECT e.id, e.language FROM interviews i JOIN engagements e ON e.id = i.engagement_id WHERE i.id = ?',
  );
  const bySource: Record<Exclude<SearchKind, 'note' | 'memo'>, Statement> = {
    finding: ctx.db.prepare(
      'SELECT e.id, e.language FROM findings f JOIN engagements e ON e.id = f.engagement_id WHERE f.id = ?',
    ),
    account: ctx.db.prepare(
      'SELECT e.id, e.language FROM accounts a JOIN engagements e ON e.id = a.engagement_id WHERE a.id = ?',
    ),
    interviewee: ctx.db.prepare(
      `SELECT e.id, e.language FROM interviewees p JOIN accounts a ON a.id = p.account_id
       JOIN engagements e ON e.id = a.engagement_id WHERE p.id = ?`,
    ),
  };
  const cache = new Map<string, { engagementId: string; language: Language }>();
  return (row: { kind: SearchKind; sourceId: string; interviewId: string | null }) => {
    const key = row.interviewId ?? row.sourceId;
    let found = cache.get(key);
    if (!found) {
      const e = (
        row.kind === 'note' || row.kind === 'memo'
          ? byInterview.get(row.interviewId)
          : bySource[row.kind].get(row.sourceId)
      ) as {
        id: string;
        language: Language;
      };
      found = { engagementId: e.id, language: e.language };
      cache.set(key, found);
    }
    return found;
  };
}

function engagementLanguage(ctx: ServiceContext, engagementId: string): Language {
  return (
    (ctx.db.prepare('SELECT language FROM engagements WHERE id = ?').pluck().get(engagementId) as
      | Language
      | undefined) ?? 'fi'
  );
}

function matchersFor(parsed: ParsedQuery) {
  const built = new Map<Language, ReturnType<typeof matcher>>();
  return (language: Language) => {
    let m = built.get(language);
    if (!m) {
      m = matcher(parsed, LANGUAGE_ORDER[language]);
      built.set(language, m);
    }
    return m;
  };
}

/**
 * The texts that may match, filtered, in index order. The engagement of a text is found through its
 * interview, person, account or finding (the index rows hold only what never changes).
 */
function candidates(
  ctx: ServiceContext,
  input: Query,
  match: string | null,
): Iterable<Omit<Candidate, 'engagementId' | 'language'>> {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  // Within an interview or an engagement its own texts are read and judged, without the trigram
  // index: that would hand over the whole portfolio's candidates to find the few in scope.
  const scoped = !!(input.interviewId || input.engagementId);
  if (match !== null && !scoped) {
    where.push('search_fts MATCH @match');
    params.match = match;
  }
  if (input.engagementId) {
    where.push(`(
      (d.kind = 'note' AND d.source_id IN (SELECT id FROM interviews WHERE engagement_id = @engagementId))
      OR (d.kind = 'memo' AND d.source_id IN (SELECT c.id FROM codings c JOIN interviews s ON s.id = c.interview_id
                                              WHERE s.engagement_id = @engagementId))
      OR (d.kind = 'finding' AND d.source_id IN (SELECT id FROM findings WHERE engagement_id = @engagementId))
      OR (d.kind = 'account' AND d.source_id IN (SELECT id FROM accounts WHERE engagement_id = @engagementId))
      OR (d.kind = 'interviewee' AND d.source_id IN (SELECT q.id FROM interviewees q JOIN accounts o ON o.id = q.account_id
                                                     WHERE o.engagement_id = @engagementId)))`);
    params.engagementId = input.engagementId;
  }
  if (input.interviewId) {
    where.push(`(
      (d.kind = 'note' AND d.source_id = @interviewId)
      OR (d.kind = 'memo' AND d.source_id IN (SELECT id FROM codings WHERE interview_id = @interviewId)))`);
    params.interviewId = input.interviewId;
  }
  const list = (name: string, values: readonly string[] | undefined, sql: string) => {
    if (!values) return;
    where.push(sql);
    params[name] = JSON.stringify(values);
  };
  list('kinds', input.kinds, 'd.kind IN (SELECT value FROM json_each(@kinds))');
  list('tiers', input.tiers, 'a.tier IN (SELECT value FROM json_each(@tiers))');
  list(
    'roleLevels',
    input.roleLevels,
    `(p.role_level IN (SELECT value FROM json_each(@roleLevels)) OR EXISTS (
       SELECT 1 FROM interview_interviewees ii JOIN interviewees q ON q.id = ii.interviewee_id
       WHERE ii.interview_id = d.interview_id AND q.role_level IN (SELECT value FROM json_each(@roleLevels))))`,
  );
  list(
    'codeIds',
    input.codeIds,
    `((d.kind = 'memo' AND EXISTS (SELECT 1 FROM codings c WHERE c.id = d.source_id
        AND c.code_id IN (SELECT value FROM json_each(@codeIds))))
      OR (d.kind = 'note' AND EXISTS (SELECT 1 FROM codings c WHERE c.interview_id = d.interview_id
        AND c.deleted_at IS NULL AND c.code_id IN (SELECT value FROM json_each(@codeIds)))))`,
  );
  if (input.from) {
    where.push('i.date >= @from');
    params.from = input.from;
  }
  if (input.to) {
    where.push('i.date <= @to');
    params.to = input.to;
  }
  const from =
    'match' in params ? 'search_fts JOIN search_docs d ON d.id = search_fts.rowid' : 'search_docs d';
  // Joined only when a filter needs them: for every candidate they cost more than the matching.
  const joined = where.some((w) => /\b[iape]\./.test(w));
  return ctx.db
    .prepare(
      `SELECT d.id, d.kind, d.source_id AS sourceId, d.interview_id AS interviewId, d.text
       FROM ${from}
       ${
         joined
           ? `LEFT JOIN interviews i ON i.id = d.interview_id
       LEFT JOIN interviewees p ON d.kind = 'interviewee' AND p.id = d.source_id
       LEFT JOIN accounts a ON a.id = CASE d.kind WHEN 'account' THEN d.source_id
                                                  WHEN 'interviewee' THEN p.account_id
                                                  ELSE i.account_id END
       LEFT JOIN findings f ON d.kind = 'finding' AND f.id = d.source_id
       LEFT JOIN engagements e ON e.id = coalesce(i.engagement_id, a.engagement_id, f.engagement_id)`
           : ''
       }
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ${scoped ? 'ORDER BY d.id' : ''}`,
    )
    .iterate(params) as Iterable<Omit<Candidate, 'engagementId' | 'language'>>;
}

/**
 * Where a text is: for a notes block, its number and code-point start in the interview's plain text
 * (from the interview's layout, read once per query); other texts start at 0 of their own.
 */
function placeOfBlock(ctx: ServiceContext) {
  const layouts = new Map<string, Map<number, { paragraph: number; start: number }>>();
  return (candidate: Candidate): { paragraph: number | null; start: number } => {
    if (candidate.kind !== 'note') return { paragraph: null, start: 0 };
    let layout = layouts.get(candidate.sourceId);
    if (!layout) {
      layout = new Map(
        readLayout(ctx.db, candidate.sourceId).map(([id, start], paragraph) => [id, { paragraph, start }]),
      );
      layouts.set(candidate.sourceId, layout);
    }
    const place = layout.get(candidate.id);
    if (!place) throw new Error(`search index: block ${candidate.id} is not in its interview's layout`);
    return place;
  };
}

/** The live coded passages of an interview with any of the codes, read once per interview. */
function codedSpansOf(ctx: ServiceContext, codeIds: readonly string[]) {
  const statement = ctx.db.prepare(
    `SELECT start, "end" FROM codings WHERE interview_id = ? AND deleted_at IS NULL
     AND code_id IN (SELECT value FROM json_each(?))`,
  );
  const codes = JSON.stringify(codeIds);
  const cache = new Map<string, Span[]>();
  return (interviewId: string): Span[] => {
    let spans = cache.get(interviewId);
    if (!spans) {
      spans = statement.all(interviewId, codes) as Span[];
      cache.set(interviewId, spans);
    }
    return spans;
  };
}

type Described = Pick<
  SearchHit,
  'engagementName' | 'accountName' | 'tier' | 'roleLevel' | 'intervieweeName' | 'date' | 'codeIds'
>;

/** What the hit list shows beside a hit: its engagement, account, person, date and codes. */
function describer(ctx: ServiceContext) {
  const { db } = ctx;
  const engagement = db.prepare('SELECT title FROM engagements WHERE id = ?').pluck();
  const interview = db.prepare(
    `SELECT i.date, a.name AS accountName, a.tier,
            (SELECT q.name FROM interview_interviewees ii JOIN interviewees q ON q.id = ii.interviewee_id
             WHERE ii.interview_id = i.id ORDER BY ii.position, q.name LIMIT 1) AS intervieweeName,
            (SELECT q.role_level FROM interview_interviewees ii JOIN interviewees q ON q.id = ii.interviewee_id
             WHERE ii.interview_id = i.id ORDER BY ii.position, q.name LIMIT 1) AS roleLevel
     FROM interviews i JOIN accounts a ON a.id = i.account_id WHERE i.id = ?`,
  );
  const person = db.prepare(
    `SELECT p.name AS intervieweeName, p.role_level AS roleLevel, a.name AS accountName, a.tier
     FROM interviewees p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?`,
  );
  const account = db.prepare('SELECT name AS accountName, tier FROM accounts WHERE id = ?');
  const overlapping = db
    .prepare(
      `SELECT DISTINCT code_id FROM codings WHERE interview_id = ? AND deleted_at IS NULL
       AND start < ? AND "end" > ? ORDER BY code_id`,
    )
    .pluck();
  const codeOf = db.prepare('SELECT code_id FROM codings WHERE id = ?').pluck();
  type Row = {
    date?: string | null;
    accountName?: string;
    tier?: Tier;
    intervieweeName?: string | null;
    roleLevel?: RoleLevel | null;
  };
  const interviews = new Map<string, Row>();
  return (candidate: Candidate, start: number, end: number): Described => {
    const row = ((): Row => {
      switch (candidate.kind) {
        case 'note':
        case 'memo': {
          let found = interviews.get(candidate.interviewId!);
          if (!found) {
            found = (interview.get(candidate.interviewId) as Row | undefined) ?? {};
            interviews.set(candidate.interviewId!, found);
          }
          return found;
        }
        case 'interviewee':
          return (person.get(candidate.sourceId) as Row | undefined) ?? {};
        case 'account':
          return (account.get(candidate.sourceId) as Row | undefined) ?? {};
        case 'finding':
          return {};
      }
    })();
    const codeIds =
      candidate.kind === 'note'
        ? (overlapping.all(candidate.interviewId, end, start) as string[])
        : candidate.kind === 'memo'
          ? [codeOf.get(candidate.sourceId) as string]
          : [];
    return {
      engagementName: engagement.get(candidate.engagementId) as string,
      accountName: row.accountName ?? null,
      tier: row.tier ?? null,
      roleLevel: row.roleLevel ?? null,
      intervieweeName: row.intervieweeName ?? null,
      date: row.date ?? null,
      codeIds,
    };
  };
}
