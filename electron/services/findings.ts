import type { z } from 'zod';
import { sentimentOfPolarity } from '../../shared/claims.ts';
import type {
  ClaimDefinition,
  ClaimSegment,
  ClaimSentiment,
  ClaimUnit,
  Finding,
  Localized,
  Polarity,
  Quote,
  SegmentKind,
} from '../../shared/domain.ts';
import type { FindingFields } from '../../shared/schemas.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import { emptyJournal } from '../db/journal.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { claimFigures } from './findingClaims.ts';
import { findQuotes, quotesByCodingIds } from './quotes.ts';
import { intoTrash } from './trash.ts';

type Fields = z.output<typeof FindingFields>;

interface FindingRow {
  id: string;
  engagementId: string;
  title: string;
  keyMessage: string;
  body: string;
  recommendation: string;
  priority: Finding['priority'];
  sortOrder: number;
  claimSentiment: ClaimSentiment;
  claimSegmentKind: SegmentKind | null;
  claimSegmentValue: string | null;
  claimUnit: ClaimUnit;
}

const SELECT = `SELECT id, engagement_id AS engagementId, title, key_message AS keyMessage, body, recommendation,
  priority, sort_order AS sortOrder, claim_sentiment AS claimSentiment, claim_segment_kind AS claimSegmentKind,
  claim_segment_value AS claimSegmentValue, claim_unit AS claimUnit FROM findings`;

function complete(ctx: ServiceContext, row: FindingRow): Finding {
  const { claimSentiment, claimSegmentKind, claimSegmentValue, claimUnit, ...finding } = row;
  const codeIds = linkedCodes(ctx, row.id);
  const quoteIds = ctx.db
    .prepare('SELECT coding_id FROM finding_quotes WHERE finding_id = ? ORDER BY sort_order')
    .pluck()
    .all(row.id) as string[];
  const stored = ctx.db
    .prepare('SELECT code_id FROM finding_claim_codes WHERE finding_id = ? ORDER BY code_id')
    .pluck()
    .all(row.id) as string[];
  // A merge in the codebook can take the last claim code away; the figure then falls back to the
  // first linked code rather than to nothing.
  const claimCodeIds = stored.length ? stored : codeIds.slice(0, 1);
  const segment = (
    claimSegmentKind ? { kind: claimSegmentKind, value: claimSegmentValue } : null
  ) as ClaimSegment | null;
  return {
    ...finding,
    codeIds,
    quotes: quotesByCodingIds(ctx, quoteIds),
    claim: claimFigures(
      ctx,
      row.engagementId,
      { codeIds: claimCodeIds, sentiment: claimSentiment, segment, unit: claimUnit },
      codeNames(ctx, claimCodeIds),
    ),
  };
}

/** The finding's linked codes in the order the board shows them (the table keeps no order of its own). */
function linkedCodes(ctx: ServiceContext, findingId: string): string[] {
  return ctx.db
    .prepare('SELECT code_id FROM finding_codes WHERE finding_id = ? ORDER BY code_id')
    .pluck()
    .all(findingId) as string[];
}

function codeNames(ctx: ServiceContext, codeIds: string[]): Map<string, Localized> {
  const rows = ctx.db
    .prepare(
      `SELECT id, name_fi AS fi, name_en AS en FROM codes WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(codeIds)) as { id: string; fi: string; en: string }[];
  return new Map(rows.map(({ id, fi, en }) => [id, { fi, en }]));
}

/** The default claim over `codeIds`: the first one, in the sentiment its polarity reads as. */
function defaultClaimOf(ctx: ServiceContext, codeIds: string[]): ClaimDefinition {
  const first = codeIds[0];
  const polarity = first
    ? (ctx.db.prepare('SELECT polarity FROM codes WHERE id = ?').pluck().get(first) as Polarity | undefined)
    : undefined;
  return {
    codeIds: first ? [first] : [],
    sentiment: polarity ? sentimentOfPolarity(polarity) : 'any',
    segment: null,
    unit: 'interviews',
  };
}

/** Stores a claim; its codes must be linked to the finding (they reference the links). */
function writeClaim(ctx: ServiceContext, findingId: string, claim: ClaimDefinition): void {
  const linked = new Set(linkedCodes(ctx, findingId));
  if (claim.codeIds.some((id) => !linked.has(id))) throw new KuuloError('claimCodeNotLinked');
  ctx.db
    .prepare(
      `UPDATE findings SET claim_sentiment = ?, claim_segment_kind = ?, claim_segment_value = ?, claim_unit = ?
       WHERE id = ?`,
    )
    .run(claim.sentiment, claim.segment?.kind ?? null, claim.segment?.value ?? null, claim.unit, findingId);
  ctx.db.prepare('DELETE FROM finding_claim_codes WHERE finding_id = ?').run(findingId);
  const insert = ctx.db.prepare('INSERT INTO finding_claim_codes (finding_id, code_id) VALUES (?, ?)');
  for (const codeId of new Set(claim.codeIds)) insert.run(findingId, codeId);
}

/**
 * The claim after the links change without a claim given: its codes that stay linked keep it;
 * with none left, it starts again from the first linked code (keeping its segment and unit).
 */
function claimAfterRelink(ctx: ServiceContext, current: ClaimDefinition, codeIds: string[]): ClaimDefinition {
  const kept = current.codeIds.filter((id) => codeIds.includes(id));
  if (kept.length) return { ...current, codeIds: kept };
  return { ...defaultClaimOf(ctx, codeIds), segment: current.segment, unit: current.unit };
}

export function listFindings(ctx: ServiceContext, engagementId: string): Finding[] {
  getEngagement(ctx, engagementId);
  const rows = ctx.db
    .prepare(`${SELECT} WHERE engagement_id = ? ORDER BY sort_order`)
    .all(engagementId) as FindingRow[];
  return rows.map((row) => complete(ctx, row));
}

export function getFinding(ctx: ServiceContext, id: string): Finding {
  const row = ctx.db.prepare(`${SELECT} WHERE id = ?`).get(id) as FindingRow | undefined;
  if (!row) throw notFound('finding');
  return complete(ctx, row);
}

/** Codes must be usable in the engagement and quotes must come from its interviews. */
function setLinks(
  ctx: ServiceContext,
  finding: Pick<FindingRow, 'id' | 'engagementId'>,
  codeIds: string[] | undefined,
  quoteIds: string[] | undefined,
): void {
  const { db } = ctx;
  if (codeIds) {
    const usable = db.prepare(
      `SELECT 1 FROM codes WHERE id = ? AND is_group = 0 AND (engagement_id IS NULL OR engagement_id = ?)`,
    );
    for (const codeId of codeIds) {
      if (!usable.get(codeId, finding.engagementId)) throw new KuuloError('findingCodeOutside');
    }
    db.prepare('DELETE FROM finding_codes WHERE finding_id = ?').run(finding.id);
    const insert = db.prepare('INSERT OR IGNORE INTO finding_codes (finding_id, code_id) VALUES (?, ?)');
    for (const codeId of codeIds) insert.run(finding.id, codeId);
  }
  if (quoteIds) {
    const own = db.prepare(
      `SELECT 1 FROM codings c JOIN interviews i ON i.id = c.interview_id WHERE c.id = ? AND i.engagement_id = ?`,
    );
    for (const codingId of quoteIds) {
      if (!own.get(codingId, finding.engagementId)) throw new KuuloError('evidenceOutside');
    }
    db.prepare('DELETE FROM finding_quotes WHERE finding_id = ?').run(finding.id);
    const insert = db.prepare(
      'INSERT OR IGNORE INTO finding_quotes (finding_id, coding_id, sort_order) VALUES (?, ?, ?)',
    );
    quoteIds.forEach((codingId, index) => {
      insert.run(finding.id, codingId, index);
    });
  }
}

export function createFinding(ctx: ServiceContext, engagementId: string, fields: Fields): Finding {
  getEngagement(ctx, engagementId);
  const id = ctx.newId();
  const now = ctx.now();
  ctx.db.transaction(() => {
    const order = ctx.db
      .prepare('SELECT coalesce(max(sort_order), -1) + 1 FROM findings WHERE engagement_id = ?')
      .pluck()
      .get(engagementId) as number;
    const { codeIds, quoteIds, claim, ...text } = fields;
    ctx.db
      .prepare(
        `INSERT INTO findings (id, engagement_id, title, key_message, body, recommendation, priority, sort_order, created_at, updated_at)
         VALUES (@id, @engagementId, @title, @keyMessage, @body, @recommendation, @priority, @sortOrder, @now, @now)`,
      )
      .run({ id, engagementId, ...text, sortOrder: order, now });
    setLinks(ctx, { id, engagementId }, codeIds, quoteIds);
    writeClaim(ctx, id, claim ?? defaultClaimOf(ctx, codeIds));
  })();
  return getFinding(ctx, id);
}

export function updateFinding(ctx: ServiceContext, id: string, patch: Partial<Fields>): Finding {
  const current = getFinding(ctx, id);
  ctx.db.transaction(() => {
    const next = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    ctx.db
      .prepare(
        `UPDATE findings SET title = @title, key_message = @keyMessage, body = @body, recommendation = @recommendation,
           priority = @priority, updated_at = @now WHERE id = @id`,
      )
      .run({ ...next, id, now: ctx.now() });
    setLinks(ctx, current, patch.codeIds, patch.quoteIds);
    // Relinking deletes and re-adds the links, and the claim's codes with them: write it back.
    const claim = patch.claim ?? (patch.codeIds ? claimAfterRelink(ctx, current.claim, patch.codeIds) : null);
    if (claim) writeClaim(ctx, id, claim);
  })();
  return getFinding(ctx, id);
}

/** Moves a finding to position `to` (0-based) in its engagement's order. */
export function moveFinding(ctx: ServiceContext, id: string, to: number): Finding[] {
  const finding = getFinding(ctx, id);
  ctx.db.transaction(() => {
    const ids = ctx.db
      .prepare('SELECT id FROM findings WHERE engagement_id = ? ORDER BY sort_order')
      .pluck()
      .all(finding.engagementId) as string[];
    const rest = ids.filter((x) => x !== id);
    rest.splice(Math.min(to, rest.length), 0, id);
    const place = ctx.db.prepare('UPDATE findings SET sort_order = ? WHERE id = ?');
    rest.forEach((findingId, index) => {
      place.run(index, findingId);
    });
  })();
  return listFindings(ctx, finding.engagementId);
}

export function deleteFinding(ctx: ServiceContext, id: string): { removed: number } {
  const { db } = ctx;
  const finding = db
    .prepare('SELECT title, engagement_id AS engagementId FROM findings WHERE id = ?')
    .get(id) as { title: string; engagementId: string } | undefined;
  if (!finding) return { removed: 0 };
  const label = { name: { fi: finding.title, en: finding.title }, detail: null };
  const removed = intoTrash(
    ctx,
    { kind: 'finding', subjectId: id, label, engagementId: finding.engagementId },
    () => db.prepare('DELETE FROM findings WHERE id = ?').run(id).changes,
  );
  // Its text must not stay readable in the journal.
  emptyJournal(db);
  return { removed };
}

/** Candidate evidence for a finding: quotes of its codes, key quotes first, those already chosen left out. */
export function suggestQuotes(ctx: ServiceContext, id: string): Quote[] {
  const finding = getFinding(ctx, id);
  if (!finding.codeIds.length) return [];
  const chosen = new Set(finding.quotes.map((q) => q.id));
  return findQuotes(ctx, {
    codeIds: finding.codeIds,
    engagementId: finding.engagementId,
    match: 'any',
    starredOnly: false,
    limit: 500,
  })
    .filter((q) => !chosen.has(q.id))
    .sort((a, b) => Number(b.star) - Number(a.star) || (b.severity ?? 0) - (a.severity ?? 0));
}
