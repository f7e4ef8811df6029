import type { z } from 'zod';
import { codeNameKey } from '../../shared/codes.ts';
import type { CodeDeletionImpact, TrashLabel } from '../../shared/contract.ts';
import type { Code, CodebookEntry } from '../../shared/domain.ts';
import { rewriteCodingMarks } from '../../shared/notes.ts';
import type { CodeFields, CodePatch } from '../../shared/schemas.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import { emptyJournal } from '../db/journal.ts';
import { storedDoc } from './codings.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { saveNotes } from './notes.ts';
import { intoTrash } from './trash.ts';

interface CodeRow extends Omit<CodebookEntry, 'name' | 'description' | 'isGroup' | 'retired'> {
  nameFi: string;
  nameEn: string;
  descriptionFi: string;
  descriptionEn: string;
  isGroup: number;
  retired: number;
}

const SELECT = `SELECT c.id, c.parent_id AS parentId, c.engagement_id AS engagementId, c.key, c.name_fi AS nameFi,
  c.name_en AS nameEn, c.description_fi AS descriptionFi, c.description_en AS descriptionEn, c.color,
  c.hotkey, c.is_group AS isGroup, c.retired, c.sort_order AS sortOrder, c.polarity`;

const toEntry = ({
  nameFi,
  nameEn,
  descriptionFi,
  descriptionEn,
  isGroup,
  retired,
  ...row
}: CodeRow): CodebookEntry => ({
  ...row,
  name: { fi: nameFi, en: nameEn },
  description: { fi: descriptionFi, en: descriptionEn },
  isGroup: isGroup === 1,
  retired: retired === 1,
});

/** The shared codebook plus, when asked, one engagement's own codes, with how often each is used. */
export function getCodebook({ db }: ServiceContext, engagementId?: string): CodebookEntry[] {
  const rows = db
    .prepare(
      `${SELECT},
         (SELECT count(*) FROM codings k WHERE k.code_id = c.id AND k.deleted_at IS NULL
            AND (@engagementId IS NULL OR k.interview_id IN (SELECT id FROM interviews WHERE engagement_id = @engagementId))
         ) AS usage
       FROM codes c
       WHERE c.engagement_id IS NULL OR c.engagement_id = @engagementId
       ORDER BY c.sort_order, c.name_en`,
    )
    .all({ engagementId: engagementId ?? null }) as (CodeRow & { usage: number })[];
  return rows.map(toEntry);
}

export function getCode({ db }: ServiceContext, id: string): Code {
  const row = db.prepare(`${SELECT}, 0 AS usage FROM codes c WHERE c.id = ?`).get(id) as CodeRow | undefined;
  if (!row) throw notFound('code');
  const { usage: _usage, ...code } = toEntry(row as CodeRow & { usage: number });
  return code;
}

/** Codes sit in groups, groups at the top: one level keeps the codebook scannable in a picker. */
function assertParent(
  ctx: ServiceContext,
  parentId: string | null,
  code: { isGroup: boolean; engagementId: string | null; id?: string },
): void {
  if (parentId === null) return;
  if (code.isGroup) throw new KuuloError('groupNotNested');
  if (parentId === code.id) throw new KuuloError('codeOwnGroup');
  const parent = getCode(ctx, parentId);
  if (!parent.isGroup) throw new KuuloError('parentNotGroup');
  // One engagement's group holds only that engagement's codes: deleting the engagement takes it along.
  if (parent.engagementId && parent.engagementId !== code.engagementId) {
    throw new KuuloError('groupOfOtherEngagement');
  }
}

/** A hotkey belongs to one code at a time: giving it to this code takes it from the other. */
function claimHotkey(
  ctx: ServiceContext,
  hotkey: number | null | undefined,
  engagementId: string | null,
): void {
  if (!hotkey) return;
  ctx.db
    .prepare(
      `UPDATE codes SET hotkey = NULL WHERE hotkey = ? AND (engagement_id IS NULL OR engagement_id = ? OR ? IS NULL)`,
    )
    .run(hotkey, engagementId, engagementId);
}

/**
 * One name per code in each language among the codes an engagement sees (its own and the shared
 * ones; a shared code is seen by every engagement), so counts never split between two look-alikes.
 */
function assertNameFree(
  ctx: ServiceContext,
  name: { fi: string; en: string },
  engagementId: string | null,
  exceptId = '',
): void {
  const rows = ctx.db
    .prepare(
      `SELECT name_fi AS fi, name_en AS en FROM codes
       WHERE retired = 0 AND id <> ? AND (? IS NULL OR engagement_id IS NULL OR engagement_id = ?)`,
    )
    .all(exceptId, engagementId, engagementId) as { fi: string; en: string }[];
  for (const language of ['fi', 'en'] as const) {
    const key = codeNameKey(name[language]);
    const clash = key && rows.find((row) => codeNameKey(row[language]) === key);
    if (clash) throw new KuuloError('codeNameTaken', { name: clash[language] });
  }
}

/**
 * A code brought back from the Trash keeps the rules a new one meets: its name must still be free
 * (refused otherwise, so nothing is restored), and a hotkey taken since stays with its new code.
 */
export function checkRestoredCode(ctx: ServiceContext, id: string): void {
  const code = ctx.db
    .prepare(
      'SELECT name_fi AS fi, name_en AS en, engagement_id AS engagementId, hotkey, retired FROM codes WHERE id = ?',
    )
    .get(id) as
    | { fi: string; en: string; engagementId: string | null; hotkey: number | null; retired: number }
    | undefined;
  if (!code || code.retired) return;
  assertNameFree(ctx, code, code.engagementId, id);
  if (code.hotkey === null) return;
  const taken = ctx.db
    .prepare(
      `SELECT 1 FROM codes WHERE id <> ? AND hotkey = ? AND (engagement_id IS NULL OR engagement_id = ? OR ? IS NULL)`,
    )
    .get(id, code.hotkey, code.engagementId, code.engagementId);
  if (taken) ctx.db.prepare('UPDATE codes SET hotkey = NULL WHERE id = ?').run(id);
}

export function createCode(ctx: ServiceContext, fields: z.output<typeof CodeFields>): Code {
  if (fields.engagementId) getEngagement(ctx, fields.engagementId);
  assertParent(ctx, fields.parentId, fields);
  assertNameFree(ctx, fields.name, fields.engagementId);
  const id = ctx.newId();
  const now = ctx.now();
  ctx.db.transaction(() => {
    claimHotkey(ctx, fields.hotkey, fields.engagementId);
    const order = ctx.db
      .prepare('SELECT coalesce(max(sort_order), 0) + 1 FROM codes')
      .pluck()
      .get() as number;
    ctx.db
      .prepare(
        `INSERT INTO codes (id, parent_id, engagement_id, name_fi, name_en, description_fi, description_en, color, hotkey,
           is_group, sort_order, polarity, created_at, updated_at)
         VALUES (@id, @parentId, @engagementId, @nameFi, @nameEn, @descriptionFi, @descriptionEn, @color, @hotkey,
           @isGroup, @order, @polarity, @now, @now)`,
      )
      .run({
        id,
        parentId: fields.parentId,
        engagementId: fields.engagementId,
        nameFi: fields.name.fi,
        nameEn: fields.name.en,
        descriptionFi: fields.description.fi,
        descriptionEn: fields.description.en,
        color: fields.color,
        hotkey: fields.isGroup ? null : fields.hotkey,
        isGroup: fields.isGroup ? 1 : 0,
        order,
        polarity: fields.polarity,
        now,
      });
  })();
  return getCode(ctx, id);
}

export function updateCode(ctx: ServiceContext, id: string, patch: z.output<typeof CodePatch>): Code {
  const code = getCode(ctx, id);
  // Retiring can be undone from the Trash; bringing a code back is itself an ordinary edit.
  const retiring = patch.retired === true && !code.retired;
  const update = retiring
    ? (work: () => void) => intoTrash(ctx, codeEntry(ctx, 'codeRetire', id), work)
    : (work: () => void) => ctx.db.transaction(work)();
  update(() => {
    if (patch.name) assertNameFree(ctx, patch.name, code.engagementId, id);
    if (patch.parentId !== undefined) assertParent(ctx, patch.parentId, code);
    if (patch.hotkey !== undefined) claimHotkey(ctx, patch.hotkey, code.engagementId);
    const values: Record<string, unknown> = {
      parent_id: patch.parentId,
      name_fi: patch.name?.fi,
      name_en: patch.name?.en,
      description_fi: patch.description?.fi,
      description_en: patch.description?.en,
      color: patch.color,
      hotkey: code.isGroup ? undefined : patch.hotkey,
      retired: patch.retired === undefined ? undefined : patch.retired ? 1 : 0,
      polarity: patch.polarity,
    };
    const entries = Object.entries(values).filter(([, v]) => v !== undefined);
    if (!entries.length) return;
    ctx.db
      .prepare(`UPDATE codes SET ${entries.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
      .run(...entries.map(([, v]) => v), ctx.now(), id);
    // A retired group takes its codes out of the pickers with it.
    if (code.isGroup && patch.retired !== undefined) {
      ctx.db.prepare('UPDATE codes SET retired = ? WHERE parent_id = ?').run(patch.retired ? 1 : 0, id);
    }
  });
  return getCode(ctx, id);
}

/** How the Trash names a code's deletion, merge or retirement. */
function codeEntry(ctx: ServiceContext, kind: 'code' | 'codeMerge' | 'codeRetire', id: string) {
  const code = getCode(ctx, id);
  const label: TrashLabel = { name: code.name, detail: null };
  return { kind, subjectId: id, label, engagementId: code.engagementId };
}

export function codeDeletionImpact(ctx: ServiceContext, id: string): CodeDeletionImpact {
  const code = getCode(ctx, id);
  const counts = ctx.db
    .prepare(
      `SELECT (SELECT count(*) FROM codes WHERE parent_id = @id) AS movedCodes,
              (SELECT count(*) FROM codings WHERE code_id = @id AND deleted_at IS NULL) AS codings,
              (SELECT count(DISTINCT interview_id) FROM codings WHERE code_id = @id AND deleted_at IS NULL) AS interviews,
              (SELECT count(*) FROM findings f WHERE EXISTS (SELECT 1 FROM finding_codes fc WHERE fc.finding_id = f.id AND fc.code_id = @id)
                 OR EXISTS (SELECT 1 FROM finding_quotes fq JOIN codings k ON k.id = fq.coding_id
                            WHERE fq.finding_id = f.id AND k.code_id = @id)) AS findings`,
    )
    .get({ id }) as Omit<CodeDeletionImpact, 'isGroup'>;
  return { isGroup: code.isGroup, ...counts };
}

/** Rewrites the coding marks of the given interviews and saves them, re-deriving their codings. */
function rewriteInterviews(
  ctx: ServiceContext,
  interviewIds: Iterable<string>,
  changes: Map<string, string | null>,
): void {
  for (const interviewId of interviewIds) {
    saveNotes(ctx, interviewId, rewriteCodingMarks(storedDoc(ctx, interviewId), changes), [], undefined, {
      rewrite: true,
    });
  }
}

/**
 * Deletes a code with its codings (and their marks in the notes), or a group after moving its codes
 * to the top level. Returns what went, as counted beforehand.
 */
export function deleteCode(ctx: ServiceContext, id: string): CodeDeletionImpact {
  const impact = intoTrash(ctx, codeEntry(ctx, 'code', id), () => {
    const impact = codeDeletionImpact(ctx, id);
    const codings = ctx.db
      .prepare('SELECT id, interview_id AS interviewId FROM codings WHERE code_id = ?')
      .all(id) as {
      id: string;
      interviewId: string;
    }[];
    ctx.db
      .prepare('UPDATE codes SET parent_id = NULL, updated_at = ? WHERE parent_id = ?')
      .run(ctx.now(), id);
    ctx.db.prepare('DELETE FROM codings WHERE code_id = ?').run(id);
    rewriteInterviews(
      ctx,
      new Set(codings.map((c) => c.interviewId)),
      new Map(codings.map((c) => [c.id, null])),
    );
    ctx.db.prepare('DELETE FROM codes WHERE id = ?').run(id);
    return impact;
  });
  // The deleted code's texts and its codings' memos must not stay readable in the journal.
  emptyJournal(ctx.db);
  return impact;
}

interface LiveCoding {
  id: string;
  interviewId: string;
  start: number;
  end: number;
  sentiment: string | null;
  severity: number | null;
  memo: string;
  star: number;
}

/**
 * Merges `sourceId` into `targetId`: every coding moves to the target; where two codings of the target
 * then overlap in one interview they collapse into one that covers both (memos joined, star kept,
 * highest severity). The source code is removed.
 */
export function mergeCodes(
  ctx: ServiceContext,
  sourceId: string,
  targetId: string,
): { moved: number; collapsed: number } {
  if (sourceId === targetId) throw new KuuloError('mergeSameCode');
  const source = getCode(ctx, sourceId);
  const target = getCode(ctx, targetId);
  if (source.isGroup || target.isGroup) throw new KuuloError('mergeGroup');
  // Codings move to the target in every engagement that used the source: the target must be
  // usable there too, so one engagement's own code can only take codings of that engagement.
  if (target.engagementId && target.engagementId !== source.engagementId) {
    throw new KuuloError('mergeScope');
  }
  const entry = codeEntry(ctx, 'codeMerge', sourceId);
  entry.label.detail = target.name;
  return intoTrash(ctx, entry, () => {
    const moved = ctx.db
      .prepare('UPDATE codings SET code_id = ? WHERE code_id = ?')
      .run(targetId, sourceId).changes;
    const live = ctx.db
      .prepare(
        `SELECT id, interview_id AS interviewId, start, "end", sentiment, severity, memo, star FROM codings
         WHERE code_id = ? AND deleted_at IS NULL ORDER BY interview_id, start, "end"`,
      )
      .all(targetId) as LiveCoding[];
    const changes = new Map<string, string | null>();
    const touched = new Set<string>();
    let keep: LiveCoding | undefined;
    for (const coding of live) {
      if (keep && keep.interviewId === coding.interviewId && coding.start < keep.end) {
        changes.set(coding.id, keep.id);
        touched.add(coding.interviewId);
        keep.end = Math.max(keep.end, coding.end);
        keep.memo = [keep.memo, coding.memo].filter(Boolean).join('\n');
        keep.star = keep.star || coding.star;
        keep.severity = Math.max(keep.severity ?? 0, coding.severity ?? 0) || null;
        keep.sentiment ??= coding.sentiment;
        ctx.db
          .prepare('UPDATE codings SET memo = ?, star = ?, severity = ?, sentiment = ? WHERE id = ?')
          .run(keep.memo, keep.star, keep.severity, keep.sentiment, keep.id);
      } else {
        keep = { ...coding };
      }
    }
    // Findings keep their evidence: quotes of collapsed codings and links to the source code move over.
    const repoint = ctx.db.prepare('UPDATE OR IGNORE finding_quotes SET coding_id = ? WHERE coding_id = ?');
    const remove = ctx.db.prepare('DELETE FROM codings WHERE id = ?');
    for (const [id, keptId] of changes) {
      if (keptId) repoint.run(keptId, id);
      remove.run(id);
    }
    rewriteInterviews(ctx, touched, changes);
    ctx.db
      .prepare('UPDATE OR IGNORE finding_codes SET code_id = ? WHERE code_id = ?')
      .run(targetId, sourceId);
    ctx.db.prepare('DELETE FROM codes WHERE id = ?').run(sourceId);
    return { moved, collapsed: changes.size };
  });
}
