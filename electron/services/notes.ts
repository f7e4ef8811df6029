import type { SaveNotesResult } from '../../shared/contract.ts';
import type { DocNode } from '../../shared/domain.ts';
import { countWords, docToPlainText } from '../../shared/notes.ts';
import type { ServiceContext } from './context.ts';
import { notFound } from './errors.ts';

/**
 * Stores the notes document and its derived plain text in one transaction.
 * The first words typed into a planned interview mark it as in progress.
 */
export function saveNotes(ctx: ServiceContext, interviewId: string, doc: DocNode): SaveNotesResult {
  const text = docToPlainText(doc);
  const wordCount = countWords(text);
  const updatedAt = ctx.now();
  return ctx.db.transaction(() => {
    const row = ctx.db
      .prepare(
        `UPDATE notes SET doc = ?, text = ?, word_count = ?, revision = revision + 1, updated_at = ?
         WHERE interview_id = ? RETURNING revision`,
      )
      .get(JSON.stringify(doc), text, wordCount, updatedAt, interviewId) as { revision: number } | undefined;
    if (!row) throw notFound('The interview');
    ctx.db
      .prepare(
        `UPDATE interviews SET updated_at = ?,
           status = CASE WHEN status = 'planned' AND ? > 0 THEN 'in_progress' ELSE status END
         WHERE id = ?`,
      )
      .run(updatedAt, wordCount, interviewId);
    return { revision: row.revision, updatedAt, wordCount };
  })();
}
