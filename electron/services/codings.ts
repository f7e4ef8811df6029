import type { z } from 'zod';
import type { CopyCodingsResult } from '../../shared/contract.ts';
import type { Coding, DocNode } from '../../shared/domain.ts';
import { codePointSlicer, type DerivedNotes, deriveNotes } from '../../shared/notes.ts';
import type { CodingFields, NewCoding } from '../../shared/schemas.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import type { ServiceContext } from './context.ts';
import { statement } from './statements.ts';

type NewCodingInput = z.output<typeof NewCoding>;

export const CODING_COLUMNS = `c.id, c.interview_id AS interviewId, c.code_id AS codeId, c.sentiment, c.severity, c.memo,
  c.star, c.quote, c.start, c."end"`;

type CodingRow = Omit<Coding, 'star'> & { star: number };
export const toCoding = ({ star, ...row }: CodingRow): Coding => ({ ...row, star: star === 1 });

export function listCodings({ db }: ServiceContext, interviewId: string): Coding[] {
  return (
    db
      .prepare(
        `SELECT ${CODING_COLUMNS} FROM codings c WHERE c.interview_id = ? AND c.deleted_at IS NULL ORDER BY c.start, c."end"`,
      )
      .all(interviewId) as CodingRow[]
  ).map(toCoding);
}

export function getCoding({ db }: ServiceContext, id: string): Coding {
  const row = db
    .prepare(`SELECT ${CODING_COLUMNS} FROM codings c WHERE c.id = ? AND c.deleted_at IS NULL`)
    .get(id) as CodingRow | undefined;
  if (!row) throw notFound('coding');
  return toCoding(row);
}

/** A coding's code is a code (not a group) of the shared codebook or of the interview's own engagement. */
function assertCodeUsable({ db }: ServiceContext, codeId: string, interviewId: string): void {
  const code = db
    .prepare(
      `SELECT c.is_group AS isGroup, c.engagement_id IS NULL
         OR c.engagement_id = (SELECT engagement_id FROM interviews WHERE id = ?) AS inScope
       FROM codes c WHERE c.id = ?`,
    )
    .get(interviewId, codeId) as { isGroup: number; inScope: number } | undefined;
  if (!code) throw notFound('code');
  if (code.isGroup) throw new KuuloError('codeGroupNotApplicable');
  if (!code.inScope) throw new KuuloError('codeOfOtherEngagement');
}

/**
 * Brings the codings table in line with the document just saved: new codings are inserted, every
 * coding's quote and offsets are re-derived, codings whose mark is gone become tombstones (and come
 * back if an undo restores the mark). Runs inside the save's transaction.
 *
 * A coding mark names a coding of this interview, or a new one not stored anywhere yet (one the save
 * brings, or a pasted copy on its way). One pointing into another interview would count the wrong
 * passage, so the save is refused. (Mention marks of another engagement are left out of the mentions
 * instead: see syncMentions.)
 */
export function syncCodings(
  ctx: ServiceContext,
  interviewId: string,
  derived: DerivedNotes,
  created: readonly NewCodingInput[],
): void {
  const { db } = ctx;
  const now = ctx.now();
  const insert = statement(
    db,
    `INSERT INTO codings (id, interview_id, code_id, sentiment, severity, memo, star, created_at, updated_at)
     VALUES (@id, @interviewId, @codeId, @sentiment, @severity, @memo, @star, @now, @now)
     ON CONFLICT(id) DO NOTHING`,
  );
  const owner = statement(db, 'SELECT interview_id AS interviewId FROM codings WHERE id = ?');
  for (const coding of created) {
    assertCodeUsable(ctx, coding.codeId, interviewId);
    const found = owner.get(coding.id) as { interviewId: string } | undefined;
    if (found && found.interviewId !== interviewId) {
      throw new KuuloError('codingOfOtherInterview');
    }
    insert.run({ ...coding, star: coding.star ? 1 : 0, interviewId, now });
  }

  const rows = statement(
    db,
    `SELECT id, start, "end", quote, deleted_at AS deletedAt FROM codings WHERE interview_id = ?`,
  ).all(interviewId) as {
    id: string;
    start: number;
    end: number;
    quote: string;
    deletedAt: string | null;
  }[];
  // Marks this interview has no row for: new ones are nowhere yet; one found stored is another interview's.
  const own = new Set(rows.map((row) => row.id));
  for (const id of derived.codings.keys())
    if (!own.has(id) && owner.get(id)) throw new KuuloError('codingOfOtherInterview');
  if (rows.length === 0) return;
  const quoteOf = codePointSlicer(derived.text);
  const place = statement(
    db,
    `UPDATE codings SET start = ?, "end" = ?, quote = ?, deleted_at = NULL, updated_at = ? WHERE id = ?`,
  );
  // A tombstone keeps its metadata for undo, not the words: those come back from the document.
  const bury = statement(db, "UPDATE codings SET deleted_at = ?, quote = '', updated_at = ? WHERE id = ?");
  for (const row of rows) {
    const span = derived.codings.get(row.id);
    if (!span) {
      if (!row.deletedAt) bury.run(now, now, row.id);
      continue;
    }
    const quote = quoteOf(span.start, span.end);
    if (row.deletedAt || row.start !== span.start || row.end !== span.end || row.quote !== quote) {
      place.run(span.start, span.end, quote, now, row.id);
    }
  }
}

export function updateCoding(
  ctx: ServiceContext,
  id: string,
  patch: Partial<z.output<typeof CodingFields>>,
): Coding {
  getCoding(ctx, id);
  if (patch.codeId) assertCodeUsable(ctx, patch.codeId, getCoding(ctx, id).interviewId);
  const sets: string[] = [];
  const params: Record<string, unknown> = { id, now: ctx.now() };
  const columns = {
    codeId: 'code_id',
    sentiment: 'sentiment',
    severity: 'severity',
    memo: 'memo',
    star: 'star',
  } as const;
  for (const [field, column] of Object.entries(columns)) {
    const value = patch[field as keyof typeof columns];
    if (value === undefined) continue;
    sets.push(`${column} = @${field}`);
    params[field] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  if (sets.length)
    ctx.db.prepare(`UPDATE codings SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run(params);
  return getCoding(ctx, id);
}

/**
 * Coded text cut (or copied) from another interview and pasted here: each source coding gets a copy in
 * this interview under the id its pasted mark now carries, with the same code, sentiment, severity,
 * memo and star, so nothing the consultant wrote about it is lost. A source of this same interview
 * (a move within it) keeps its own id. A code of another engagement's codebook is not brought over,
 * nor a coding this workspace does not know (pasted from another file): those are reported, and the
 * pasted text stays uncoded. A copy is placed against the stored notes at once, so it counts as soon
 * as the notes holding its mark are saved, whichever of the two arrives first. One transaction.
 */
export function copyCodings(
  ctx: ServiceContext,
  interviewId: string,
  copies: readonly { sourceId: string; id: string }[],
): CopyCodingsResult {
  const { db } = ctx;
  return db.transaction(() => {
    const engagementId = db
      .prepare('SELECT engagement_id FROM interviews WHERE id = ?')
      .pluck()
      .get(interviewId) as string | undefined;
    if (engagementId === undefined) throw notFound('interview');
    const source = db.prepare(
      `SELECT c.id, c.interview_id AS interviewId, c.code_id AS codeId, c.sentiment, c.severity, c.memo, c.star,
         (k.engagement_id IS NULL OR k.engagement_id = ?) AND k.is_group = 0 AS usable
       FROM codings c JOIN codes k ON k.id = c.code_id WHERE c.id = ?`,
    );
    const owner = db.prepare('SELECT interview_id FROM codings WHERE id = ?').pluck();
    const now = ctx.now();
    // A tombstone until the notes carrying its mark are stored: syncCodings below brings it to life.
    const insert = db.prepare(
      `INSERT INTO codings (id, interview_id, code_id, sentiment, severity, memo, star, created_at, updated_at, deleted_at)
       VALUES (@id, @interviewId, @codeId, @sentiment, @severity, @memo, @star, @now, @now, @now)`,
    );
    const placed: { sourceId: string; id: string }[] = [];
    const dropped: CopyCodingsResult['dropped'] = [];
    for (const { sourceId, id } of copies) {
      const row = source.get(engagementId, sourceId) as
        | (Omit<NewCodingInput, 'star'> & { interviewId: string; star: number; usable: number })
        | undefined;
      if (!row) {
        dropped.push({ sourceId, reason: 'unknown' });
      } else if (row.interviewId === interviewId) {
        placed.push({ sourceId, id: sourceId });
      } else if (!row.usable) {
        dropped.push({ sourceId, reason: 'other_engagement' });
      } else {
        const existing = owner.get(id) as string | undefined;
        // The same paste sent again (a retry) finds its copy already here.
        if (existing !== undefined && existing !== interviewId)
          throw new KuuloError('codingOfOtherInterview');
        if (existing === undefined) insert.run({ ...row, id, interviewId, now });
        placed.push({ sourceId, id });
      }
    }
    syncCodings(ctx, interviewId, deriveNotes(storedDoc(ctx, interviewId)), []);
    const read = db.prepare(`SELECT ${CODING_COLUMNS} FROM codings c WHERE c.id = ?`);
    return {
      copied: placed.map(({ sourceId, id }) => ({ sourceId, coding: toCoding(read.get(id) as CodingRow) })),
      dropped,
    };
  })();
}

/** For callers that rewrite a document outside the editor (merge, delete): the stored doc of an interview. */
export function storedDoc({ db }: ServiceContext, interviewId: string): DocNode {
  const row = db.prepare('SELECT doc FROM notes WHERE interview_id = ?').get(interviewId) as
    | { doc: string }
    | undefined;
  if (!row) throw notFound('interviewNotes');
  return JSON.parse(row.doc) as DocNode;
}
