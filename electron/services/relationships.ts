import type { z } from 'zod';
import type { Relationship } from '../../shared/domain.ts';
import type { RelationshipFields } from '../../shared/schemas.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import type { ServiceContext } from './context.ts';
import { getInterview } from './interviews.ts';

type Fields = z.output<typeof RelationshipFields>;

const SELECT = `SELECT id, interview_id AS interviewId, interviewee_id AS intervieweeId, client_person AS clientPerson,
  client_role AS clientRole, level FROM relationships`;

function getRelationship({ db }: ServiceContext, id: string): Relationship {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Relationship | undefined;
  if (!row) throw notFound('relationship');
  return row;
}

function assertInterviewee(
  ctx: ServiceContext,
  interviewId: string,
  intervieweeId: string | null | undefined,
): void {
  const interview = getInterview(ctx, interviewId);
  if (!intervieweeId) return;
  if (!interview.intervieweeIds.includes(intervieweeId)) {
    throw new KuuloError('knowerNotInterviewee');
  }
}

/** One line of the relationship map: a person at the client whom the interviewee knows. */
export function addRelationship(ctx: ServiceContext, interviewId: string, fields: Fields): Relationship {
  assertInterviewee(ctx, interviewId, fields.intervieweeId);
  const id = ctx.newId();
  ctx.db
    .prepare(
      `INSERT INTO relationships (id, interview_id, interviewee_id, client_person, client_role, level, created_at)
       VALUES (@id, @interviewId, @intervieweeId, @clientPerson, @clientRole, @level, @now)`,
    )
    .run({ ...fields, id, interviewId, now: ctx.now() });
  return getRelationship(ctx, id);
}

export function updateRelationship(ctx: ServiceContext, id: string, patch: Partial<Fields>): Relationship {
  const current = getRelationship(ctx, id);
  const next = {
    ...current,
    ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
  };
  assertInterviewee(ctx, current.interviewId, next.intervieweeId);
  ctx.db
    .prepare(
      `UPDATE relationships SET interviewee_id = @intervieweeId, client_person = @clientPerson,
         client_role = @clientRole, level = @level WHERE id = @id`,
    )
    .run(next);
  return getRelationship(ctx, id);
}

export function removeRelationship({ db }: ServiceContext, id: string): { removed: number } {
  return { removed: db.prepare('DELETE FROM relationships WHERE id = ?').run(id).changes };
}
