import type { TrashItem, TrashKind, TrashLabel } from '../../shared/contract.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import { type RowChange, recordChanges, revertChanges } from '../db/changes.ts';
import { emptyJournal } from '../db/journal.ts';
import { checkRestoredCode } from './codebook.ts';
import type { ServiceContext } from './context.ts';
import { purgeDeletedText, reindexAfterUndo } from './search/indexing.ts';

/** How long a deletion can be undone. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Entry {
  kind: TrashKind;
  subjectId: string;
  label: TrashLabel;
  engagementId: string | null;
}

/**
 * Runs a deletion, merge or retirement so that it can be undone from the Trash: the rows it changes
 * are kept (see electron/db/changes.ts) with a label for the list. One transaction: the change and
 * its Trash entry are saved together or not at all.
 */
export function intoTrash<T>(
  ctx: ServiceContext,
  entry: Entry | ((result: T) => Entry),
  work: () => T,
  /** Told the entry's id, for a caller that offers the undo at once (coding search hits). */
  recorded?: (trashId: string) => void,
): T {
  return ctx.db.transaction(() => {
    const { result, changes } = recordChanges(ctx.db, work);
    if (!changes.length) return result;
    const { kind, subjectId, label, engagementId } = typeof entry === 'function' ? entry(result) : entry;
    const counted = {
      ...label,
      subjectId,
      interviews: count(changes, 'interviews'),
      codings: count(changes, 'codings'),
    };
    const trashId = ctx.newId();
    ctx.db
      .prepare(
        'INSERT INTO trash (id, kind, label, engagement_id, deleted_at, changes) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(trashId, kind, JSON.stringify(counted), engagementId, ctx.now(), JSON.stringify(changes));
    recorded?.(trashId);
    return result;
  })();
}

const count = (changes: RowChange[], table: string): number =>
  changes.filter((c) => c.table === table && c.op === 'delete').length;

interface TrashRow {
  id: string;
  kind: TrashKind;
  label: string;
  engagementId: string | null;
  deletedAt: string;
}

const SELECT = `SELECT t.id, t.kind, t.label, t.engagement_id AS engagementId, t.deleted_at AS deletedAt FROM trash t`;

function toItem(row: TrashRow, engagements: Map<string, string>): TrashItem {
  const { subjectId, ...label } = JSON.parse(row.label) as TrashItem['label'] & { subjectId: string };
  return {
    id: row.id,
    kind: row.kind,
    label,
    subjectId,
    engagementId: row.engagementId,
    engagementTitle: row.engagementId ? (engagements.get(row.engagementId) ?? null) : null,
    deletedAt: row.deletedAt,
    expiresAt: new Date(Date.parse(row.deletedAt) + TRASH_DAYS * DAY_MS).toISOString(),
  };
}

/** What can be undone, newest first. */
export function listTrash(ctx: ServiceContext): TrashItem[] {
  const engagements = new Map(
    (ctx.db.prepare('SELECT id, title FROM engagements').all() as { id: string; title: string }[]).map(
      (e) => [e.id, e.title],
    ),
  );
  return (ctx.db.prepare(`${SELECT} ORDER BY t.deleted_at DESC, t.rowid DESC`).all() as TrashRow[]).map(
    (row) => toItem(row, engagements),
  );
}

/** Undoes one entry exactly; refused, changing nothing, when what it touched has changed since. */
export function restoreFromTrash(ctx: ServiceContext, id: string): TrashItem {
  const row = ctx.db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TrashRow | undefined;
  if (!row) throw notFound('trashItem');
  const changes = JSON.parse(
    ctx.db.prepare('SELECT changes FROM trash WHERE id = ?').pluck().get(id) as string,
  ) as RowChange[];
  try {
    ctx.db.transaction(() => {
      revertChanges(ctx.db, changes);
      reindexAfterUndo(ctx.db, changes);
      for (const codeId of new Set(
        changes.filter((c) => c.table === 'codes').map((c) => String((c.old ?? c.new)!.id)),
      ))
        checkRestoredCode(ctx, codeId);
      ctx.db.prepare('DELETE FROM trash WHERE id = ?').run(id);
    })();
  } catch (error) {
    // A deferred foreign key fails at commit: what it belonged to is gone (deleted for good, or in the Trash).
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw partOfSomethingGone();
    throw error;
  }
  return toItem(row, new Map());
}

const partOfSomethingGone = (): KuuloError => new KuuloError('undoNeedsParent');

/** Deletes entries for good: their text is overwritten on disk and leaves the journal at once. */
function purge(ctx: ServiceContext, where: string, ...params: unknown[]): { removed: number } {
  const removed = ctx.db.prepare(`DELETE FROM trash ${where}`).run(...params).changes;
  if (removed) {
    purgeDeletedText(ctx.db);
    emptyJournal(ctx.db);
  }
  return { removed };
}

export const deleteFromTrash = (ctx: ServiceContext, id: string) => {
  const result = purge(ctx, 'WHERE id = ?', id);
  if (!result.removed) throw notFound('trashItem');
  return result;
};

export const emptyTrash = (ctx: ServiceContext) => purge(ctx, '');

/**
 * A person deleted into the Trash, as their row was, with the engagement it was in: a GDPR erasure
 * must still reach them for the 30 days the Trash keeps them.
 */
export function deletedPerson(
  { db }: ServiceContext,
  id: string,
): { name: string; email: string; engagementId: string } | null {
  const rows = db
    .prepare('SELECT engagement_id AS engagementId, changes FROM trash WHERE instr(changes, ?) > 0')
    .all(id) as { engagementId: string | null; changes: string }[];
  for (const row of rows) {
    const person = (JSON.parse(row.changes) as RowChange[]).find(
      (c) => c.table === 'interviewees' && c.op === 'delete' && c.old?.id === id,
    );
    if (person && row.engagementId)
      return {
        name: String(person.old!.name),
        email: String(person.old!.email ?? ''),
        engagementId: row.engagementId,
      };
  }
  return null;
}

/** Changes the kept copy of a deleted row in every entry that holds it (an erasure of a person). */
export function patchDeletedRow(
  { db }: ServiceContext,
  table: string,
  id: string,
  patch: Record<string, unknown>,
): void {
  rewriteEntries(db, id, (changes) => {
    const kept = changes.filter((c) => c.table === table && c.op === 'delete' && c.old?.id === id);
    for (const change of kept) Object.assign(change.old!, patch);
    return kept.length > 0;
  });
}

/**
 * Sets the given columns in every kept copy of a row, whatever the change (inserted, updated or deleted),
 * where the copy has them: an erased person's address, which an import's undo record holds too.
 */
export function patchKeptRows(
  { db }: ServiceContext,
  table: string,
  id: string,
  patch: Record<string, unknown>,
): void {
  rewriteEntries(db, id, (changes) => {
    let patched = false;
    for (const change of changes) {
      if (change.table !== table) continue;
      for (const kept of [change.old, change.new]) {
        if (kept?.id !== id) continue;
        for (const [column, value] of Object.entries(patch))
          if (column in kept) {
            kept[column] = value;
            patched = true;
          }
      }
    }
    return patched;
  });
}

/** Edits the kept changes of every entry that mentions `id`; an entry is written back only if `edit` changed it. */
function rewriteEntries(db: ServiceContext['db'], id: string, edit: (changes: RowChange[]) => boolean): void {
  const rows = db.prepare('SELECT rowid, changes FROM trash WHERE instr(changes, ?) > 0').all(id) as {
    rowid: number;
    changes: string;
  }[];
  for (const row of rows) {
    const changes = JSON.parse(row.changes) as RowChange[];
    if (edit(changes))
      db.prepare('UPDATE trash SET changes = ? WHERE rowid = ?').run(JSON.stringify(changes), row.rowid);
  }
}

/** Entries older than the Trash keeps them; run at start. */
export const emptyExpiredTrash = (ctx: ServiceContext) =>
  purge(ctx, 'WHERE deleted_at < ?', new Date(Date.parse(ctx.now()) - TRASH_DAYS * DAY_MS).toISOString());
