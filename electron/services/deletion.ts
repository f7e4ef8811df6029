import type { DeletionImpact } from '../../shared/contract.ts';
import { notFound } from '../base/errors.ts';
import { emptyJournal } from '../db/journal.ts';
import type { ServiceContext } from './context.ts';
import { intoTrash } from './trash.ts';

export type DeletionKind = 'engagement' | 'account' | 'interviewee' | 'interview';

const TABLE: Record<DeletionKind, string> = {
  engagement: 'engagements',
  account: 'accounts',
  interviewee: 'interviewees',
  interview: 'interviews',
};

/** Interview ids that go with the deleted row. */
function interviewScope(kind: DeletionKind): string {
  switch (kind) {
    case 'engagement':
      return 'SELECT id FROM interviews WHERE engagement_id = @id';
    case 'account':
      return 'SELECT id FROM interviews WHERE account_id = @id';
    case 'interview':
      return 'SELECT @id';
    case 'interviewee':
      return 'SELECT NULL WHERE 0';
  }
}

function intervieweeScope(kind: DeletionKind): string {
  switch (kind) {
    case 'engagement':
      return 'SELECT p.id FROM interviewees p JOIN accounts a ON a.id = p.account_id WHERE a.engagement_id = @id';
    case 'account':
      return 'SELECT id FROM interviewees WHERE account_id = @id';
    case 'interviewee':
      return 'SELECT @id';
    case 'interview':
      return 'SELECT NULL WHERE 0';
  }
}

/** Everything a delete would take with it, so the UI can say so before asking. */
export function deletionImpact({ db }: ServiceContext, kind: DeletionKind, id: string): DeletionImpact {
  const exists = db.prepare(`SELECT 1 FROM ${TABLE[kind]} WHERE id = ?`).get(id);
  if (!exists) throw notFound(kind);
  const interviews = interviewScope(kind);
  return db
    .prepare(
      `SELECT
        (SELECT count(*) FROM accounts WHERE (@kind = 'engagement' AND engagement_id = @id) OR (@kind = 'account' AND id = @id)) AS accounts,
        (SELECT count(*) FROM (${intervieweeScope(kind)})) AS interviewees,
        (SELECT count(*) FROM (${interviews})) AS interviews,
        (SELECT count(*) FROM codings WHERE interview_id IN (${interviews})) AS codings,
        (SELECT coalesce(sum(word_count), 0) FROM notes WHERE interview_id IN (${interviews})) AS words,
        (SELECT count(*) FROM interview_interviewees WHERE @kind = 'interviewee' AND interviewee_id = @id) AS detachedInterviews`,
    )
    .get({ kind, id }) as DeletionImpact;
}

const both = (text: string) => ({ fi: text, en: text });

/** How the Trash names what is deleted, and the engagement it was part of. */
function trashEntry({ db }: ServiceContext, kind: DeletionKind, id: string) {
  const row = db
    .prepare(
      {
        engagement:
          'SELECT client_name AS name, title AS detail, id AS engagementId FROM engagements WHERE id = ?',
        account: 'SELECT name, NULL AS detail, engagement_id AS engagementId FROM accounts WHERE id = ?',
        interviewee: `SELECT p.name, a.name AS detail, a.engagement_id AS engagementId
                      FROM interviewees p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?`,
        interview: `SELECT a.name, i.date AS detail, i.engagement_id AS engagementId
                    FROM interviews i JOIN accounts a ON a.id = i.account_id WHERE i.id = ?`,
      }[kind],
    )
    .get(id) as { name: string; detail: string | null; engagementId: string } | undefined;
  if (!row) throw notFound(kind);
  return {
    kind,
    subjectId: id,
    label: { name: both(row.name), detail: row.detail ? both(row.detail) : null },
    engagementId: row.engagementId,
  };
}

/**
 * Deletes the row and everything that belongs to it (foreign keys cascade) into the Trash, where it
 * can be restored for 30 days; returns what went.
 */
export function deleteWithImpact(ctx: ServiceContext, kind: DeletionKind, id: string): DeletionImpact {
  const impact = intoTrash(ctx, trashEntry(ctx, kind, id), () => {
    const impact = deletionImpact(ctx, kind, id);
    ctx.db.prepare(`DELETE FROM ${TABLE[kind]} WHERE id = ?`).run(id);
    return impact;
  });
  // The deleted text must not stay readable in the journal (secure_delete has zeroed the pages).
  emptyJournal(ctx.db);
  return impact;
}
