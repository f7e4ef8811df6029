import type { z } from 'zod';
import {
  type Action,
  type ActionFields,
  type ActionRegister,
  type ActionStatus,
  type FollowUp,
  type FollowUpAction,
  followUpKey,
  isOpenStatus,
  isOverdue,
  type NewAction,
  type OpenItem,
  titleFromRecommendation,
} from '../../shared/actions.ts';
import type { DocNode } from '../../shared/domain.ts';
import { deriveNotes } from '../../shared/notes.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import { emptyJournal } from '../db/journal.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { intoTrash } from './trash.ts';

/**
 * The action register (issue 18): actions made from findings' recommendations, from paragraphs
 * flagged to follow up in the notes, or by hand; carried over from the previous wave and reviewed.
 */

type Fields = z.output<typeof ActionFields>;

interface ActionRow extends Omit<Action, 'carriedFrom'> {
  fromEngagementId: string | null;
  fromEngagementTitle: string | null;
  fromStatus: ActionStatus | null;
}

// The earlier wave's action (carried_from_id) is joined for its engagement's title and its status then.
const SELECT = `SELECT a.id, a.engagement_id AS engagementId, a.source, a.finding_id AS findingId, f.title AS findingTitle,
  a.account_id AS accountId, acc.name AS accountName, a.interview_id AS interviewId, i.date AS interviewDate,
  a.title, a.detail, a.owner, a.due_date AS dueDate, a.status, a.carried_from_id AS carriedFromId,
  a.reviewed_at AS reviewedAt, a.review_note AS reviewNote, a.sort_order AS sortOrder,
  a.created_at AS createdAt, a.updated_at AS updatedAt,
  p.engagement_id AS fromEngagementId, pe.title AS fromEngagementTitle, p.status AS fromStatus
  FROM actions a
  LEFT JOIN findings f ON f.id = a.finding_id
  LEFT JOIN accounts acc ON acc.id = a.account_id
  LEFT JOIN interviews i ON i.id = a.interview_id
  LEFT JOIN actions p ON p.id = a.carried_from_id
  LEFT JOIN engagements pe ON pe.id = p.engagement_id`;

/**
 * Still to do, and done nowhere else: an action carried into the next wave lives on there (the earlier
 * row is the record of its status then), so the list shows it once.
 */
const OPEN_HERE = `a.status IN ('open', 'in_progress') AND NOT EXISTS (SELECT 1 FROM actions c WHERE c.carried_from_id = a.id)`;

function toAction(row: ActionRow): Action {
  const { fromEngagementId, fromEngagementTitle, fromStatus, ...action } = row;
  return {
    ...action,
    carriedFrom:
      fromEngagementId && fromEngagementTitle && fromStatus
        ? { engagementId: fromEngagementId, engagementTitle: fromEngagementTitle, status: fromStatus }
        : null,
  };
}

export function listActions(ctx: ServiceContext, engagementId: string): Action[] {
  getEngagement(ctx, engagementId);
  return (
    ctx.db
      .prepare(`${SELECT} WHERE a.engagement_id = ? ORDER BY a.sort_order`)
      .all(engagementId) as ActionRow[]
  ).map(toAction);
}

export function getAction(ctx: ServiceContext, id: string): Action {
  const row = ctx.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as ActionRow | undefined;
  if (!row) throw notFound('action');
  return toAction(row);
}

/** An engagement's actions and the flagged paragraphs none of them covers yet. */
export function actionRegister(ctx: ServiceContext, engagementId: string): ActionRegister {
  return { actions: listActions(ctx, engagementId), followUps: uncoveredFollowUps(ctx, engagementId) };
}

/** A finding, account or interview linked to an action must be of the action's engagement. */
function checkLinks(
  ctx: ServiceContext,
  engagementId: string,
  fields: Pick<Fields, 'findingId' | 'accountId' | 'interviewId'>,
) {
  const owned = (table: string, id: string | null) =>
    id === null ||
    ctx.db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND engagement_id = ?`).get(id, engagementId);
  if (
    !owned('findings', fields.findingId) ||
    !owned('accounts', fields.accountId) ||
    !owned('interviews', fields.interviewId)
  )
    throw new KuuloError('actionLinkOutside');
}

function insertAction(
  ctx: ServiceContext,
  engagementId: string,
  source: Action['source'],
  fields: Fields,
): string {
  const id = ctx.newId();
  const now = ctx.now();
  const order = ctx.db
    .prepare('SELECT coalesce(max(sort_order), -1) + 1 FROM actions WHERE engagement_id = ?')
    .pluck()
    .get(engagementId) as number;
  ctx.db
    .prepare(
      `INSERT INTO actions (id, engagement_id, source, finding_id, account_id, interview_id, title, detail, owner,
         due_date, status, sort_order, created_at, updated_at)
       VALUES (@id, @engagementId, @source, @findingId, @accountId, @interviewId, @title, @detail, @owner,
         @dueDate, @status, @order, @now, @now)`,
    )
    .run({ ...fields, id, engagementId, source, order, now });
  return id;
}

/** A manual action (or one made from any finding, which the caller names). */
export function createAction(ctx: ServiceContext, input: z.output<typeof NewAction>): Action {
  const { engagementId, ...fields } = input;
  getEngagement(ctx, engagementId);
  const id = ctx.db.transaction(() => {
    checkLinks(ctx, engagementId, fields);
    return insertAction(ctx, engagementId, fields.findingId ? 'recommendation' : 'manual', fields);
  })();
  return getAction(ctx, id);
}

export function updateAction(ctx: ServiceContext, id: string, patch: Partial<Fields>): Action {
  const current = getAction(ctx, id);
  const given = Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== undefined),
  ) as Partial<Fields>;
  const next = { ...current, ...given };
  ctx.db.transaction(() => {
    checkLinks(ctx, current.engagementId, next);
    ctx.db
      .prepare(
        `UPDATE actions SET title = @title, detail = @detail, owner = @owner, due_date = @dueDate, status = @status,
           finding_id = @findingId, account_id = @accountId, interview_id = @interviewId, updated_at = @now
         WHERE id = @id`,
      )
      .run({ ...next, id, now: ctx.now() });
    // A carried-over action whose status this wave sets has been reviewed, whichever way it was set.
    if (current.carriedFromId && !current.reviewedAt && next.status !== current.status)
      ctx.db.prepare('UPDATE actions SET reviewed_at = ? WHERE id = ?').run(ctx.now(), id);
  })();
  return getAction(ctx, id);
}

/** Into the Trash, as a finding goes: undoable for 30 days, its text purged after. */
export function deleteAction(ctx: ServiceContext, id: string): { removed: number } {
  const row = ctx.db
    .prepare('SELECT title, engagement_id AS engagementId FROM actions WHERE id = ?')
    .get(id) as { title: string; engagementId: string } | undefined;
  if (!row) throw notFound('action');
  const removed = intoTrash(
    ctx,
    {
      kind: 'action',
      subjectId: id,
      label: { name: { fi: row.title, en: row.title }, detail: null },
      engagementId: row.engagementId,
    },
    () => ctx.db.prepare('DELETE FROM actions WHERE id = ?').run(id).changes,
  );
  emptyJournal(ctx.db);
  return { removed };
}

/** Moves an action to position `to` (0-based) in its engagement's order. */
export function moveAction(ctx: ServiceContext, id: string, to: number): Action[] {
  const action = getAction(ctx, id);
  ctx.db.transaction(() => {
    const ids = ctx.db
      .prepare('SELECT id FROM actions WHERE engagement_id = ? ORDER BY sort_order')
      .pluck()
      .all(action.engagementId) as string[];
    const rest = ids.filter((x) => x !== id);
    rest.splice(Math.min(to, rest.length), 0, id);
    const place = ctx.db.prepare('UPDATE actions SET sort_order = ? WHERE id = ?');
    rest.forEach((actionId, index) => {
      place.run(index, actionId);
    });
  })();
  return listActions(ctx, action.engagementId);
}

/** "Make an action from the recommendation": one more open action of the finding, titled by its first sentence. */
export function actionFromRecommendation(ctx: ServiceContext, findingId: string): Action {
  const finding = ctx.db
    .prepare('SELECT engagement_id AS engagementId, title, recommendation FROM findings WHERE id = ?')
    .get(findingId) as { engagementId: string; title: string; recommendation: string } | undefined;
  if (!finding) throw notFound('finding');
  const title = titleFromRecommendation(finding.recommendation) || titleFromRecommendation(finding.title);
  const id = ctx.db.transaction(() =>
    insertAction(ctx, finding.engagementId, 'recommendation', {
      title,
      detail: '',
      owner: '',
      dueDate: null,
      status: 'open',
      findingId,
      accountId: null,
      interviewId: null,
    }),
  )();
  return getAction(ctx, id);
}

/**
 * A flagged paragraph made an action. The action keeps the paragraph's text as its detail: that (with
 * the interview) is how the register knows the paragraph is covered. If the paragraph is later edited
 * it shows again as a new follow-up; if it is unflagged it no longer shows. The action stays either way.
 */
export function actionFromFollowUp(ctx: ServiceContext, input: z.output<typeof FollowUpAction>): Action {
  const interview = ctx.db
    .prepare('SELECT engagement_id AS engagementId, account_id AS accountId FROM interviews WHERE id = ?')
    .get(input.interviewId) as { engagementId: string; accountId: string } | undefined;
  if (!interview) throw notFound('interview');
  const key = followUpKey(input.interviewId, input.text);
  const id = ctx.db.transaction(() => {
    const flagged = flaggedParagraphs(ctx, 'n.interview_id = ?', input.interviewId);
    const paragraph = flagged.find((p) => followUpKey(p.interviewId, p.text) === key);
    if (!paragraph) throw new KuuloError('followUpGone');
    return insertAction(ctx, interview.engagementId, 'follow_up', {
      title: input.title,
      detail: paragraph.text,
      owner: input.owner,
      dueDate: input.dueDate,
      status: 'open',
      findingId: null,
      accountId: interview.accountId,
      interviewId: input.interviewId,
    });
  })();
  return getAction(ctx, id);
}

/** The review of an action carried over from the previous wave: its status now, and why. */
export function reviewAction(ctx: ServiceContext, id: string, status: ActionStatus, note: string): Action {
  const action = getAction(ctx, id);
  if (!action.carriedFromId) throw new KuuloError('actionNotCarried');
  const now = ctx.now();
  ctx.db
    .prepare('UPDATE actions SET status = ?, review_note = ?, reviewed_at = ?, updated_at = ? WHERE id = ?')
    .run(status, note.trim(), now, now, id);
  return getAction(ctx, id);
}

interface Flagged {
  engagementId: string;
  interviewId: string;
  interviewDate: string | null;
  accountId: string;
  accountName: string;
  text: string;
}

/** The text blocks of a notes document flagged to follow up, each as its line of plain text. */
function flaggedTexts(doc: DocNode): string[] {
  const found: string[] = [];
  const walk = (node: DocNode): void => {
    if (node.attrs?.followUp === true) {
      const text = deriveNotes({ type: 'doc', content: [node] }).text.trim();
      if (text) found.push(text);
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return found;
}

/**
 * Every flagged paragraph of the interviews `where` picks. Only documents holding a flag are parsed:
 * the text test in SQL keeps a workspace of long notes from being read whole for a few flags.
 */
function flaggedParagraphs(ctx: ServiceContext, where: string, ...params: unknown[]): Flagged[] {
  const rows = ctx.db
    .prepare(
      `SELECT i.engagement_id AS engagementId, i.id AS interviewId, i.date AS interviewDate, i.account_id AS accountId,
         acc.name AS accountName, n.doc
       FROM notes n JOIN interviews i ON i.id = n.interview_id JOIN accounts acc ON acc.id = i.account_id
       WHERE ${where} AND instr(n.doc, '"followUp":true') > 0
       ORDER BY i.date, i.start_time, i.id`,
    )
    .all(...params) as (Omit<Flagged, 'text'> & { doc: string })[];
  return rows.flatMap(({ doc, ...interview }) =>
    flaggedTexts(JSON.parse(doc) as DocNode).map((text) => ({ ...interview, text })),
  );
}

/** Keys of the follow-ups the actions of these engagements cover (see actionFromFollowUp). */
function coveredKeys(ctx: ServiceContext, where: string, ...params: unknown[]): Set<string> {
  const rows = ctx.db
    .prepare(
      `SELECT interview_id AS interviewId, detail FROM actions
       WHERE source = 'follow_up' AND interview_id IS NOT NULL AND ${where}`,
    )
    .all(...params) as { interviewId: string; detail: string }[];
  return new Set(rows.map((r) => followUpKey(r.interviewId, r.detail)));
}

function uncovered(flagged: Flagged[], covered: Set<string>): FollowUp[] {
  const seen = new Set<string>();
  return flagged.filter((p) => {
    const key = followUpKey(p.interviewId, p.text);
    // The same sentence flagged twice in one interview is one promise.
    if (covered.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function uncoveredFollowUps(ctx: ServiceContext, engagementId: string): FollowUp[] {
  return uncovered(
    flaggedParagraphs(ctx, 'i.engagement_id = ?', engagementId),
    coveredKeys(ctx, 'engagement_id = ?', engagementId),
  );
}

/**
 * Across all engagements (or one): every action still to do (or every action) and every follow-up no action covers yet. Overdue
 * actions first, then by due date (none last), follow-ups after the dated actions by interview date.
 */
export function openItems(
  ctx: ServiceContext,
  engagementId: string | null = null,
  openOnly = true,
): OpenItem[] {
  const today = ctx.now().slice(0, 10);
  const engagements = new Map(
    (
      ctx.db.prepare('SELECT id, title, client_name AS clientName FROM engagements').all() as {
        id: string;
        title: string;
        clientName: string;
      }[]
    ).map((e) => [e.id, e]),
  );
  const scope = engagementId ? 'a.engagement_id = ?' : '1';
  const params = engagementId ? [engagementId] : [];
  const actions = (
    ctx.db
      .prepare(
        `${SELECT} WHERE ${openOnly ? OPEN_HERE : '1'} AND ${scope} ORDER BY a.due_date IS NULL, a.due_date, a.sort_order`,
      )
      .all(...params) as ActionRow[]
  ).map(toAction);
  const followUps = uncovered(
    flaggedParagraphs(ctx, engagementId ? 'i.engagement_id = ?' : '1', ...params),
    coveredKeys(ctx, engagementId ? 'engagement_id = ?' : '1', ...params),
  );
  const of = (id: string) => engagements.get(id) ?? { title: '', clientName: '' };
  const items: OpenItem[] = [
    ...actions.map((action) => ({
      kind: 'action' as const,
      engagementTitle: of(action.engagementId).title,
      clientName: of(action.engagementId).clientName,
      overdue: isOverdue(action, today),
      action,
    })),
    ...followUps.map((followUp) => ({
      kind: 'followUp' as const,
      engagementTitle: of(followUp.engagementId).title,
      clientName: of(followUp.engagementId).clientName,
      overdue: false as const,
      followUp,
    })),
  ];
  // Overdue, then dated, then undated and follow-ups; done and dropped ones (without openOnly) last.
  const rank = (item: OpenItem) =>
    item.overdue
      ? 0
      : item.kind === 'followUp'
        ? 2
        : !isOpenStatus(item.action.status)
          ? 3
          : item.action.dueDate
            ? 1
            : 2;
  const when = (item: OpenItem) =>
    (item.kind === 'action' ? item.action.dueDate : item.followUp.interviewDate) ?? '9999-12-31';
  // A stable sort: equal items keep the order the queries gave (sort order, interview time).
  return items.sort((a, b) => rank(a) - rank(b) || when(a).localeCompare(when(b)));
}
