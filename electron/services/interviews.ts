import type { z } from 'zod';
import { applyClockAction, type ClockAction, type InterviewClock } from '../../shared/clock.ts';
import type {
  DocNode,
  Interview,
  InterviewDetail,
  IntervieweeRef,
  InterviewListItem,
  Notes,
  Relationship,
} from '../../shared/domain.ts';
import { EMPTY_DOC } from '../../shared/notes.ts';
import type { InterviewFields } from '../../shared/schemas.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import { getAccount } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { createEmptyNotes } from './notes.ts';
import { checkNotes } from './notes-validity.ts';
import { updateRow } from './sql.ts';

type Fields = z.output<typeof InterviewFields>;

const COLUMNS = {
  interviewer: 'interviewer',
  date: 'date',
  startTime: 'start_time',
  mode: 'mode',
  durationMin: 'duration_min',
  status: 'status',
  nps: 'nps',
  satisfaction: 'satisfaction',
};

const SELECT = `SELECT i.id, i.engagement_id AS engagementId, i.account_id AS accountId, i.interviewer, i.date,
  i.start_time AS startTime, i.mode, i.duration_min AS durationMin, i.status, i.nps, i.satisfaction,
  i.updated_at AS updatedAt, a.name AS accountName, a.tier, coalesce(n.word_count, 0) AS wordCount
  FROM interviews i JOIN accounts a ON a.id = i.account_id LEFT JOIN notes n ON n.interview_id = i.id`;

type Row = Omit<InterviewListItem, 'interviewees' | 'intervieweeIds'>;

function peopleOf(ctx: ServiceContext, where: string, param: string): Map<string, IntervieweeRef[]> {
  const rows = ctx.db
    .prepare(
      `SELECT ii.interview_id AS interviewId, p.id, p.name, p.title, p.role_level AS roleLevel, p.consent
       FROM interview_interviewees ii JOIN interviewees p ON p.id = ii.interviewee_id
       WHERE ${where} ORDER BY ii.position, p.name`,
    )
    .all(param) as (IntervieweeRef & { interviewId: string })[];
  const byInterview = new Map<string, IntervieweeRef[]>();
  for (const { interviewId, ...person } of rows) {
    const list = byInterview.get(interviewId) ?? [];
    list.push(person);
    byInterview.set(interviewId, list);
  }
  return byInterview;
}

function withPeople(row: Row, people: Map<string, IntervieweeRef[]>): InterviewListItem {
  const interviewees = people.get(row.id) ?? [];
  return { ...row, interviewees, intervieweeIds: interviewees.map((p) => p.id) };
}

export function listInterviews(ctx: ServiceContext, engagementId: string): InterviewListItem[] {
  getEngagement(ctx, engagementId);
  const rows = ctx.db
    .prepare(`${SELECT} WHERE i.engagement_id = ? ORDER BY i.date IS NULL, i.date, i.start_time, a.name`)
    .all(engagementId) as Row[];
  const people = peopleOf(
    ctx,
    'ii.interview_id IN (SELECT id FROM interviews WHERE engagement_id = ?)',
    engagementId,
  );
  return rows.map((row) => withPeople(row, people));
}

function getListItem(ctx: ServiceContext, id: string): InterviewListItem {
  const row = ctx.db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('interview');
  return withPeople(row, peopleOf(ctx, 'ii.interview_id = ?', id));
}

export function getInterview(ctx: ServiceContext, id: string): Interview {
  const { accountName: _a, tier: _t, interviewees: _p, wordCount: _w, ...interview } = getListItem(ctx, id);
  return interview;
}

export function getNotes({ db }: ServiceContext, interviewId: string): Notes {
  const row = db
    .prepare(
      `SELECT interview_id AS interviewId, doc, text, revision, updated_at AS updatedAt FROM notes WHERE interview_id = ?`,
    )
    .get(interviewId) as (Omit<Notes, 'doc' | 'problem'> & { doc: string }) | undefined;
  if (!row) throw notFound('interviewNotes');
  let doc: DocNode;
  try {
    doc = JSON.parse(row.doc) as DocNode;
  } catch {
    return { ...row, doc: EMPTY_DOC, problem: 'The stored document is not readable JSON' };
  }
  return { ...row, doc, problem: checkNotes(interviewId, doc).problem };
}

export function getInterviewDetail(ctx: ServiceContext, id: string): InterviewDetail {
  const item = getListItem(ctx, id);
  const engagement = getEngagement(ctx, item.engagementId);
  const relationships = ctx.db
    .prepare(
      `SELECT id, interview_id AS interviewId, interviewee_id AS intervieweeId, client_person AS clientPerson,
         client_role AS clientRole, level FROM relationships WHERE interview_id = ? ORDER BY created_at, client_person`,
    )
    .all(id) as Relationship[];
  return {
    ...item,
    engagement: {
      id: engagement.id,
      clientName: engagement.clientName,
      title: engagement.title,
      language: engagement.language,
    },
    relationships,
    notes: getNotes(ctx, id),
    clock: getInterviewClock(ctx, id),
  };
}

function assertPeopleOfAccount(ctx: ServiceContext, accountId: string, ids: string[]): void {
  const check = ctx.db.prepare('SELECT 1 FROM interviewees WHERE id = ? AND account_id = ?');
  for (const id of ids) {
    if (!check.get(id, accountId)) {
      throw new KuuloError('intervieweeNotOfAccount');
    }
  }
}

function setPeople(ctx: ServiceContext, interviewId: string, ids: string[]): void {
  ctx.db.prepare('DELETE FROM interview_interviewees WHERE interview_id = ?').run(interviewId);
  const insert = ctx.db.prepare(
    'INSERT INTO interview_interviewees (interview_id, interviewee_id, position) VALUES (?, ?, ?)',
  );
  let position = 0;
  for (const personId of new Set(ids)) insert.run(interviewId, personId, position++);
}

export function createInterview(ctx: ServiceContext, engagementId: string, fields: Fields): Interview {
  const account = getAccount(ctx, fields.accountId);
  if (account.engagementId !== engagementId) {
    throw new KuuloError('accountOfOtherEngagement');
  }
  const id = ctx.newId();
  const now = ctx.now();
  ctx.db.transaction(() => {
    assertPeopleOfAccount(ctx, account.id, fields.intervieweeIds);
    ctx.db
      .prepare(
        `INSERT INTO interviews (id, engagement_id, account_id, interviewer, date, start_time, mode, duration_min,
           status, nps, satisfaction, created_at, updated_at)
         VALUES (@id, @engagementId, @accountId, @interviewer, @date, @startTime, @mode, @durationMin,
           @status, @nps, @satisfaction, @now, @now)`,
      )
      .run({ ...fields, id, engagementId, now });
    createEmptyNotes(ctx, id, now);
    setPeople(ctx, id, fields.intervieweeIds);
  })();
  return getInterview(ctx, id);
}

export function updateInterview(
  ctx: ServiceContext,
  id: string,
  patch: Partial<Omit<Fields, 'accountId'>>,
): Interview {
  ctx.db.transaction(() => {
    if (!updateRow(ctx.db, 'interviews', COLUMNS, id, patch, ctx.now())) throw notFound('interview');
    if (patch.intervieweeIds) {
      const { accountId } = getInterview(ctx, id);
      assertPeopleOfAccount(ctx, accountId, patch.intervieweeIds);
      setPeople(ctx, id, patch.intervieweeIds);
    }
  })();
  return getInterview(ctx, id);
}

export function getInterviewClock({ db }: ServiceContext, id: string): InterviewClock {
  const row = db
    .prepare(
      `SELECT clock_elapsed_ms AS elapsedMs, clock_running_since AS runningSince, clock_stopped AS stopped
       FROM interviews WHERE id = ?`,
    )
    .get(id) as { elapsedMs: number; runningSince: string | null; stopped: number } | undefined;
  if (!row) throw notFound('interview');
  return { ...row, stopped: row.stopped === 1 };
}

/**
 * Starts, pauses or stops the interview clock at the service's own time: the arithmetic is the shared
 * one the editor displays with, and the stored state is what a reload continues from.
 */
export function interviewClock(ctx: ServiceContext, id: string, action: ClockAction): InterviewClock {
  return ctx.db.transaction(() => {
    const clock = applyClockAction(getInterviewClock(ctx, id), action, ctx.now());
    ctx.db
      .prepare(
        `UPDATE interviews SET clock_elapsed_ms = ?, clock_running_since = ?, clock_stopped = ? WHERE id = ?`,
      )
      .run(Math.round(clock.elapsedMs), clock.runningSince, clock.stopped ? 1 : 0, id);
    return clock;
  })();
}
