/**
 * TEMPORARY stand-in for the search service (engineer B builds the real one with its index): it
 * lets the search view be built and tested end to end against the contract now. It scans the stored
 * texts on every query — no index, no ranking worth the name, no phrase or prefix operators — and
 * is dropped at the merge. Kept to this one file on purpose.
 */
import { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import type { z } from 'zod';
import type { DocNode, RoleLevel, Tier } from '../../../shared/domain.ts';
import { notesSchema } from '../../../shared/editor/schema.ts';
import { textToDocRange } from '../../../shared/editor/textPositions.ts';
import { CODING_MARK, deriveNotes } from '../../../shared/notes.ts';
import type {
  CodeSearchHits,
  CodeSearchHitsResult,
  SearchHit,
  SearchQuery,
  SearchResult,
} from '../../../shared/search.ts';
import { KuuloError, notFound } from '../../base/errors.ts';
import { storedDoc } from '../codings.ts';
import type { ServiceContext } from '../context.ts';
import { saveNotes } from '../notes.ts';
import { intoTrash } from '../trash.ts';
import { isFormOf, type SearchLanguage, splitWords } from './morphology.ts';

type Query = z.output<typeof SearchQuery>;
const CAP = 1000;
const OPERATORS = new Set(['or', 'and', 'not', 'tai', 'ja', 'ei']);

/** Words that must all occur (AND) and words that must not (NOT or a leading -). */
function parse(query: string): { must: string[]; not: string[] } {
  const must: string[] = [];
  const not: string[] = [];
  let negate = false;
  for (const token of query.split(/\s+/)) {
    const bare = token.replace(/["*]/g, '');
    if (OPERATORS.has(bare.toLowerCase())) {
      negate = bare.toLowerCase() === 'not' || bare.toLowerCase() === 'ei';
      continue;
    }
    const words = splitWords(bare.replace(/^-/, '')).map((w) => w.text);
    (negate || bare.startsWith('-') ? not : must).push(...words);
    negate = false;
  }
  if (!must.length) throw new KuuloError('validation', { field: 'query', problem: 'invalid', limit: null });
  return { must, not };
}

interface Match {
  /** Code points in the field's text. */
  start: number;
  end: number;
  words: [number, number][];
  score: number;
}

function match(
  text: string,
  terms: { must: string[]; not: string[] },
  langs: SearchLanguage[],
): Match | null {
  const words = splitWords(text);
  const hit = words.filter((w) => terms.must.some((q) => isFormOf(w.text, q, langs)));
  if (!hit.length) return null;
  if (!terms.must.every((q) => hit.some((w) => isFormOf(w.text, q, langs)))) return null;
  if (words.some((w) => terms.not.some((q) => isFormOf(w.text, q, langs)))) return null;
  return {
    start: hit[0]!.start,
    end: hit[0]!.end,
    words: hit.map((w) => [w.start, w.end]),
    score: hit.length / Math.sqrt(words.length + 1),
  };
}

/** About 200 characters around the first match, cut at spaces, with the matches' places in it. */
function snippetOf(text: string, m: Match): { snippet: string; highlights: [number, number][] } {
  const chars = Array.from(text);
  let from = Math.max(0, m.start - 80);
  let to = Math.min(chars.length, from + 200);
  while (from > 0 && from < m.start && chars[from - 1] !== ' ') from++;
  while (to < chars.length && to > m.end && chars[to] !== ' ') to--;
  while (from < m.start && /\s/.test(chars[from]!)) from++;
  while (to > m.end && /\s/.test(chars[to - 1]!)) to--;
  const lead = from > 0 ? '…' : '';
  const snippet = `${lead}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
  const shift = lead.length - from;
  const highlights = m.words
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]) => [s + shift, e + shift] as [number, number]);
  return { snippet, highlights };
}

/** The text blocks of a document with where each starts in its plain text. */
function blocksOf(doc: DocNode): { start: number; text: string }[] {
  const blocks: { start: number; text: string }[] = [];
  let offset = 0;
  const walk = (node: DocNode): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
      const text = deriveNotes({ type: 'doc', content: [node] }).text;
      blocks.push({ start: offset, text });
      offset += Array.from(text).length + 1;
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return blocks;
}

interface InterviewRow {
  id: string;
  engagementId: string;
  engagementName: string;
  language: SearchLanguage;
  accountName: string;
  tier: Tier;
  roleLevel: RoleLevel | null;
  intervieweeName: string | null;
  date: string | null;
  doc: string;
}

export function search(ctx: ServiceContext, q: Query): SearchResult {
  const terms = parse(q.query);
  const kinds = new Set(q.kinds ?? ['note', 'memo', 'finding', 'interviewee', 'account']);
  const hits: SearchHit[] = [];
  const interviews = ctx.db
    .prepare(
      `SELECT i.id, i.engagement_id AS engagementId, e.title AS engagementName, e.language, a.name AS accountName,
         a.tier, p.role_level AS roleLevel, p.name AS intervieweeName, i.date, n.doc
       FROM interviews i JOIN engagements e ON e.id = i.engagement_id JOIN accounts a ON a.id = i.account_id
       JOIN notes n ON n.interview_id = i.id
       LEFT JOIN interviewees p ON p.id = (SELECT interviewee_id FROM interview_interviewees
         WHERE interview_id = i.id ORDER BY position LIMIT 1)
       WHERE (@engagementId IS NULL OR i.engagement_id = @engagementId) AND (@interviewId IS NULL OR i.id = @interviewId)
         AND (@from IS NULL OR i.date >= @from) AND (@to IS NULL OR i.date <= @to)`,
    )
    .all({
      engagementId: q.engagementId ?? null,
      interviewId: q.interviewId ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
    }) as InterviewRow[];
  const codingsOf = ctx.db.prepare(
    `SELECT id, code_id AS codeId, start, "end", memo FROM codings WHERE interview_id = ? AND deleted_at IS NULL`,
  );
  const langsOf = (language: SearchLanguage): SearchLanguage[] =>
    language === 'fi' ? ['fi', 'en'] : ['en', 'fi'];
  for (const row of interviews) {
    if (q.tiers && !q.tiers.includes(row.tier)) continue;
    if (q.roleLevels && (!row.roleLevel || !q.roleLevels.includes(row.roleLevel))) continue;
    const codings = codingsOf.all(row.id) as {
      id: string;
      codeId: string;
      start: number;
      end: number;
      memo: string;
    }[];
    const about = {
      engagementId: row.engagementId,
      engagementName: row.engagementName,
      interviewId: row.id,
      accountName: row.accountName,
      tier: row.tier,
      roleLevel: row.roleLevel,
      intervieweeName: row.intervieweeName,
      date: row.date,
    };
    const langs = langsOf(row.language);
    if (kinds.has('note')) {
      blocksOf(JSON.parse(row.doc) as DocNode).forEach((block, paragraph) => {
        const m = match(block.text, terms, langs);
        if (!m) return;
        const start = block.start + m.start;
        const end = block.start + m.end;
        const codeIds = [
          ...new Set(codings.filter((c) => c.start < end && c.end > start).map((c) => c.codeId)),
        ];
        if (q.codeIds && !codeIds.some((id) => q.codeIds!.includes(id))) return;
        hits.push({
          kind: 'note',
          sourceId: row.id,
          paragraph,
          start,
          end,
          score: m.score,
          codeIds,
          ...about,
          ...snippetOf(block.text, m),
        });
      });
    }
    if (kinds.has('memo')) {
      for (const coding of codings) {
        if (q.codeIds && !q.codeIds.includes(coding.codeId)) continue;
        const m = coding.memo ? match(coding.memo, terms, langs) : null;
        if (!m) continue;
        hits.push({
          kind: 'memo',
          sourceId: coding.id,
          paragraph: null,
          start: m.start,
          end: m.end,
          score: m.score,
          codeIds: [coding.codeId],
          ...about,
          ...snippetOf(coding.memo, m),
        });
      }
    }
  }
  // Findings, people and accounts: no interview, so the interview filters leave them out.
  const others = !q.interviewId && !q.codeIds && !q.from && !q.to;
  const fields = (kind: 'finding' | 'interviewee' | 'account', sql: string): void => {
    if (!others || !kinds.has(kind)) return;
    const rows = ctx.db.prepare(sql).all({ engagementId: q.engagementId ?? null }) as {
      id: string;
      engagementId: string;
      engagementName: string;
      language: SearchLanguage;
      text: string;
      accountName: string | null;
      tier: Tier | null;
      roleLevel: RoleLevel | null;
      intervieweeName: string | null;
    }[];
    for (const row of rows) {
      if (q.tiers && (!row.tier || !q.tiers.includes(row.tier))) continue;
      if (q.roleLevels && (!row.roleLevel || !q.roleLevels.includes(row.roleLevel))) continue;
      const m = match(row.text, terms, langsOf(row.language));
      if (!m) continue;
      hits.push({
        kind,
        engagementId: row.engagementId,
        engagementName: row.engagementName,
        interviewId: null,
        sourceId: row.id,
        paragraph: null,
        start: m.start,
        end: m.end,
        score: m.score,
        accountName: row.accountName,
        tier: row.tier,
        roleLevel: row.roleLevel,
        intervieweeName: row.intervieweeName,
        date: null,
        codeIds: [],
        ...snippetOf(row.text, m),
      });
    }
  };
  const scope = `(@engagementId IS NULL OR e.id = @engagementId)`;
  fields(
    'finding',
    `SELECT f.id, e.id AS engagementId, e.title AS engagementName, e.language,
       f.title || ' — ' || f.key_message || ' ' || f.body || ' ' || f.recommendation AS text,
       NULL AS accountName, NULL AS tier, NULL AS roleLevel, NULL AS intervieweeName
     FROM findings f JOIN engagements e ON e.id = f.engagement_id WHERE ${scope}`,
  );
  fields(
    'interviewee',
    `SELECT p.id, e.id AS engagementId, e.title AS engagementName, e.language, p.name || ', ' || p.title AS text,
       a.name AS accountName, a.tier, p.role_level AS roleLevel, p.name AS intervieweeName
     FROM interviewees p JOIN accounts a ON a.id = p.account_id JOIN engagements e ON e.id = a.engagement_id WHERE ${scope}`,
  );
  fields(
    'account',
    `SELECT a.id, e.id AS engagementId, e.title AS engagementName, e.language, a.name AS text,
       a.name AS accountName, a.tier, NULL AS roleLevel, NULL AS intervieweeName
     FROM accounts a JOIN engagements e ON e.id = a.engagement_id WHERE ${scope}`,
  );
  hits.sort((a, b) => b.score - a.score || (a.date ?? '').localeCompare(b.date ?? '') || a.start - b.start);
  const total = Math.min(hits.length, CAP);
  const page = hits.slice(q.offset, Math.min(q.offset + q.limit, CAP));
  return { hits: page, total, more: q.offset + page.length < total };
}

/**
 * Codes the spans in their interviews' notes through the notes service, as one Trash entry so one
 * undo takes them all back. A span already coded with the code (a coding covering it) is skipped.
 */
export function codeSearchHits(
  ctx: ServiceContext,
  input: z.output<typeof CodeSearchHits>,
): CodeSearchHitsResult {
  const code = ctx.db
    .prepare('SELECT name_fi AS fi, name_en AS en, engagement_id AS engagementId FROM codes WHERE id = ?')
    .get(input.codeId) as { fi: string; en: string; engagementId: string | null } | undefined;
  if (!code) throw notFound('code');
  const byInterview = Map.groupBy(input.hits, (hit) => hit.interviewId);
  const firstEngagement = ctx.db
    .prepare('SELECT engagement_id FROM interviews WHERE id = ?')
    .pluck()
    .get(input.hits[0]!.interviewId) as string | undefined;
  let coded = 0;
  intoTrash(
    ctx,
    {
      kind: 'searchCoding',
      subjectId: input.codeId,
      label: { name: { fi: code.fi, en: code.en }, detail: null },
      engagementId: code.engagementId ?? firstEngagement ?? null,
    },
    () => {
      const existing = ctx.db.prepare(
        `SELECT start, "end" FROM codings WHERE interview_id = ? AND code_id = ? AND deleted_at IS NULL`,
      );
      for (const [interviewId, spans] of byInterview) {
        const covered = existing.all(interviewId, input.codeId) as { start: number; end: number }[];
        const schema = notesSchema();
        const tr = new Transform(PMNode.fromJSON(schema, storedDoc(ctx, interviewId)));
        const created = [];
        const seen = new Set<string>();
        for (const { start, end } of spans) {
          if (seen.has(`${start}:${end}`) || covered.some((c) => c.start <= start && c.end >= end)) continue;
          seen.add(`${start}:${end}`);
          const range = textToDocRange(tr.doc, start, end);
          if (!range || range.from === range.to) continue;
          const id = ctx.newId();
          tr.addMark(range.from, range.to, schema.marks[CODING_MARK]!.create({ id }));
          created.push({ id, codeId: input.codeId, sentiment: null, severity: null, memo: '', star: false });
        }
        if (!created.length) continue;
        saveNotes(ctx, interviewId, tr.doc.toJSON() as DocNode, created);
        coded += created.length;
      }
    },
  );
  // The entry is the newest one, written by intoTrash after the work.
  const trashId = coded
    ? (ctx.db.prepare('SELECT id FROM trash ORDER BY rowid DESC LIMIT 1').pluck().get() as string)
    : '';
  return { coded, trashId };
}
