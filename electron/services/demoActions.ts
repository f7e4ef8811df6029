import data from '../../resources/demo/actions.json' with { type: 'json' };
import { ACTION_STATUSES } from '../../shared/actions.ts';
import type { DocNode } from '../../shared/domain.ts';
import { deriveNotes } from '../../shared/notes.ts';
import { z } from '../../shared/schemas.ts';
import { actionFromFollowUp, actionFromRecommendation, reviewAction, updateAction } from './actions.ts';
import type { ServiceContext } from './context.ts';
import { listFindings } from './findings.ts';
import { saveNotes } from './notes.ts';

/**
 * The demo's action register (issue 18): actions made from the findings' recommendations, the open
 * ones of 2024 carried into Huoltovoima's 2025 wave (one reviewed, one still to review), and a few
 * paragraphs flagged to follow up in the notes, some made actions.
 */

const Status = z.enum(ACTION_STATUSES);
const DemoActions = z.object({
  recommendations: z.record(
    z.string(),
    z.array(
      z.object({
        finding: z.number().int().min(0),
        title: z.string(),
        detail: z.string(),
        owner: z.string(),
        dueDate: z.string(),
        status: Status,
      }),
    ),
  ),
  carried: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      action: z.number().int().min(0),
      review: z.object({ status: Status, note: z.string() }).nullable(),
    }),
  ),
  followUps: z.array(
    z.object({
      engagement: z.string(),
      startsWith: z.string(),
      action: z.object({ title: z.string(), owner: z.string(), dueDate: z.string() }).nullable(),
    }),
  ),
});

/** Runs inside the demo's transaction, after every engagement (and the waves step) is in place. */
export function addDemoActions(ctx: ServiceContext, engagementIds: ReadonlyMap<string, string>): void {
  const demo = DemoActions.parse(data);
  const made = new Map<string, string[]>();
  for (const [key, actions] of Object.entries(demo.recommendations)) {
    const engagementId = engagementIds.get(key);
    if (!engagementId) continue;
    const findings = listFindings(ctx, engagementId);
    const ids: string[] = [];
    for (const { finding, ...fields } of actions) {
      const action = actionFromRecommendation(ctx, findings[finding]!.id);
      updateAction(ctx, action.id, fields);
      ids.push(action.id);
    }
    made.set(key, ids);
  }
  for (const { from, to, action, review } of demo.carried) {
    const sourceId = made.get(from)?.[action];
    const engagementId = engagementIds.get(to);
    if (!sourceId || !engagementId) continue;
    const id = carryOver(ctx, sourceId, engagementId);
    if (review) reviewAction(ctx, id, review.status, review.note);
  }
  for (const { engagement, startsWith, action } of demo.followUps) {
    const engagementId = engagementIds.get(engagement);
    if (!engagementId) continue;
    const flagged = flagParagraph(ctx, engagementId, startsWith);
    if (flagged && action)
      actionFromFollowUp(ctx, { interviewId: flagged.interviewId, text: flagged.text, ...action });
  }
}

/** What a wave's creation does with an open action: a copy in the next wave, naming the one it came from, not yet reviewed. */
function carryOver(ctx: ServiceContext, sourceId: string, engagementId: string): string {
  const id = ctx.newId();
  const now = ctx.now();
  ctx.db
    .prepare(
      `INSERT INTO actions (id, engagement_id, source, finding_id, account_id, interview_id, title, detail, owner, due_date,
         status, carried_from_id, reviewed_at, review_note, sort_order, created_at, updated_at)
       SELECT @id, @engagementId, source, NULL, NULL, NULL, title, detail, owner, due_date, status, id, NULL, '',
         (SELECT coalesce(max(sort_order), -1) + 1 FROM actions WHERE engagement_id = @engagementId), @now, @now
       FROM actions WHERE id = @sourceId`,
    )
    .run({ id, engagementId, sourceId, now });
  return id;
}

/** Flags the first paragraph of the engagement's notes that starts with `startsWith`, saving through the notes service. */
function flagParagraph(
  ctx: ServiceContext,
  engagementId: string,
  startsWith: string,
): { interviewId: string; text: string } | null {
  const rows = ctx.db
    .prepare(
      `SELECT n.interview_id AS interviewId, n.doc FROM notes n JOIN interviews i ON i.id = n.interview_id
       WHERE i.engagement_id = ? AND instr(n.text, ?) > 0 ORDER BY i.date, i.id`,
    )
    .all(engagementId, startsWith) as { interviewId: string; doc: string }[];
  for (const row of rows) {
    const doc = JSON.parse(row.doc) as DocNode;
    let text: string | null = null;
    const walk = (node: DocNode): void => {
      if (text !== null) return;
      if (node.type === 'paragraph') {
        const line = deriveNotes({ type: 'doc', content: [node] }).text;
        if (line.startsWith(startsWith)) {
          node.attrs = { ...node.attrs, followUp: true };
          text = line.trim();
        }
        return;
      }
      for (const child of node.content ?? []) walk(child);
    };
    walk(doc);
    if (text !== null) {
      saveNotes(ctx, row.interviewId, doc, [], undefined, { rewrite: true });
      return { interviewId: row.interviewId, text };
    }
  }
  return null;
}
