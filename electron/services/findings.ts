import type { z } from 'zod';
import type { Evidence, Finding, Quote, Tier } from '../../shared/domain.ts';
import type { FindingFields } from '../../shared/schemas.ts';
import { emptyJournal } from '../db/journal.ts';
import { inSample } from './analysis/common.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { KuuloError, notFound } from './errors.ts';
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
}

const SELECT = `SELECT id, engagement_id AS engagementId, title, key_message AS keyMessage, body, recommendation,
  priority, sort_order AS sortOrder FROM findings`;

/**
 * Evidence strength, computed rather than typed in: the held interviews (and their accounts) where
 * any of the finding's codes occurs, per tier, against the engagement's base.
 */
function evidenceOf({ db }: ServiceContext, engagementId: string, codeIds: string[]): Evidence {
  const base = db
    .prepare(
      `SELECT count(*) AS baseInterviews, count(DISTINCT account_id) AS baseAccounts
       FROM interviews i WHERE engagement_id = ? AND ${inSample('i')}`,
    )
    .get(engagementId) as { baseInterviews: number; baseAccounts: number };
  const tiers: Record<Tier, number> = { key: 0, named: 0, unmanaged: 0 };
  if (!codeIds.length) return { interviews: 0, accounts: 0, ...base, tiers };
  const rows = db
    .prepare(
      `SELECT a.tier, count(DISTINCT i.id) AS interviews, count(DISTINCT i.account_id) AS accounts
       FROM interviews i JOIN accounts a ON a.id = i.account_id
       WHERE i.engagement_id = @engagementId AND ${inSample('i')} AND EXISTS (
         SELECT 1 FROM codings c WHERE c.interview_id = i.id AND c.deleted_at IS NULL
           AND c.code_id IN (SELECT value FROM json_each(@codeIds)))
       GROUP BY a.tier`,
    )
    .all({ engagementId, codeIds: JSON.stringify(codeIds) }) as {
    tier: Tier;
    interviews: number;
    accounts: number;
  }[];
  for (const row of rows) tiers[row.tier] = row.interviews;
  return {
    interviews: rows.reduce((n, r) => n + r.interviews, 0),
    accounts: rows.reduce((n, r) => n + r.accounts, 0),
    ...base,
    tiers,
  };
}

function complete(ctx: ServiceContext, row: FindingRow): Finding {
  const codeIds = ctx.db
    .prepare('SELECT code_id FROM finding_codes WHERE finding_id = ?')
    .pluck()
    .all(row.id) as string[];
  const quoteIds = ctx.db
    .prepare('SELECT coding_id FROM finding_quotes WHERE finding_id = ? ORDER BY sort_order')
    .pluck()
    .all(row.id) as string[];
  return {
    ...row,
    codeIds,
    quotes: quotesByCodingIds(ctx, quoteIds),
    evidence: evidenceOf(ctx, row.engagementId, codeIds),
  };
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
  finding: FindingRow,
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
    const row: FindingRow = { id, engagementId, ...fields, sortOrder: order };
    ctx.db
      .prepare(
        `INSERT INTO findings (id, engagement_id, title, key_message, body, recommendation, priority, sort_order, created_at, updated_at)
         VALUES (@id, @engagementId, @title, @keyMessage, @body, @recommendation, @priority, @sortOrder, @now, @now)`,
      )
      .run({ ...row, now });
    setLinks(ctx, row, fields.codeIds, fields.quoteIds);
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
