import type { z } from 'zod';
import type { Engagement, EngagementSummary } from '../../shared/domain.ts';
import type { EngagementFields } from '../../shared/schemas.ts';
import { notFound } from '../base/errors.ts';
import { inSample, notDeclined } from './analysis/common.ts';
import type { ServiceContext } from './context.ts';
import { updateRow } from './sql.ts';

const SELECT = `SELECT e.id, e.client_name AS clientName, e.title, e.industry, e.language,
  e.period_start AS periodStart, e.period_end AS periodEnd, e.status, e.purpose,
  prev.id AS previousEngagementId,
  e.created_at AS createdAt, e.updated_at AS updatedAt FROM engagements e
  -- A previous wave deleted into the Trash is no longer a row: the join reads it as none.
  LEFT JOIN engagements prev ON prev.id = e.previous_engagement_id`;

const COLUMNS = {
  clientName: 'client_name',
  title: 'title',
  industry: 'industry',
  language: 'language',
  periodStart: 'period_start',
  periodEnd: 'period_end',
  status: 'status',
  purpose: 'purpose',
};

/**
 * The list counts interviews as the figures do (the one sample, shared/sample.ts): held of those
 * nobody declined, so the card, `kuulo stats` and the report's interim mark say the same "6 of 9".
 */
/** How many engagements the workspace holds (the first screen's welcome depends on it). */
export function countEngagements({ db }: ServiceContext): number {
  return db.prepare('SELECT count(*) FROM engagements').pluck().get() as number;
}

export function listEngagements({ db }: ServiceContext): EngagementSummary[] {
  return db
    .prepare(
      `SELECT x.*,
         (SELECT count(*) FROM accounts a WHERE a.engagement_id = x.id) AS accountCount,
         (SELECT count(*) FROM interviews i WHERE i.engagement_id = x.id AND ${notDeclined('i')}) AS interviewCount,
         (SELECT count(*) FROM interviews i WHERE i.engagement_id = x.id AND ${inSample('i')}) AS interviewsDone
       FROM (${SELECT}) x ORDER BY x.updatedAt DESC, x.clientName`,
    )
    .all() as EngagementSummary[];
}

export function getEngagement({ db }: ServiceContext, id: string): Engagement {
  const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as Engagement | undefined;
  if (!row) throw notFound('engagement');
  return row;
}

export function createEngagement(ctx: ServiceContext, fields: z.output<typeof EngagementFields>): Engagement {
  const id = ctx.newId();
  const now = ctx.now();
  ctx.db
    .prepare(
      `INSERT INTO engagements (id, client_name, title, industry, language, period_start, period_end, status, purpose, created_at, updated_at)
       VALUES (@id, @clientName, @title, @industry, @language, @periodStart, @periodEnd, @status, @purpose, @now, @now)`,
    )
    .run({ ...fields, id, now });
  return getEngagement(ctx, id);
}

export function updateEngagement(
  ctx: ServiceContext,
  id: string,
  patch: Partial<z.output<typeof EngagementFields>>,
): Engagement {
  if (!updateRow(ctx.db, 'engagements', COLUMNS, id, patch, ctx.now())) throw notFound('engagement');
  return getEngagement(ctx, id);
}
