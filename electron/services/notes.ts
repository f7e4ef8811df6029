import type { z } from 'zod';
import type { SaveNotesResult } from '../../shared/contract.ts';
import type { DocNode } from '../../shared/domain.ts';
import { deriveNotes, EMPTY_DOC, NOTE_LIMITS } from '../../shared/notes.ts';
import type { NewCoding } from '../../shared/schemas.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import { syncCodings } from './codings.ts';
import type { ServiceContext } from './context.ts';
import { syncMentions } from './identities.ts';
import { checkNotes } from './notes-validity.ts';
import { countNoteWords } from './notes-words.ts';
import { indexNoteBlocks } from './search/indexing.ts';
import { statement } from './statements.ts';

/**
 * Stores the notes document, its derived plain text, its codings and its search index rows in one
 * transaction, so the document, the codings table and the index can never disagree. A document the editor could not open again is
 * refused. Saves from a client
 * name the revision they were made from, and one made from an older revision is refused: two writers
 * never silently overwrite each other. Services that rewrite notes inside their own transaction
 * (erasure, merging codes) give none. The first words typed into a planned interview
 * mark it as in progress.
 */
/** Every interview has one notes row from the start; the notes table is written only in this module. */
export function createEmptyNotes(ctx: ServiceContext, interviewId: string, now: string): void {
  ctx.db
    .prepare(
      `INSERT INTO notes (interview_id, doc, text, word_count, revision, updated_at) VALUES (?, ?, '', 0, 0, ?)`,
    )
    .run(interviewId, JSON.stringify(EMPTY_DOC), now);
}

/**
 * Checked first, on the serialised document: the text limit alone can be got round with a document
 * of one text node per character, each with marks (tens of megabytes for under a million characters),
 * which would hold the core host for seconds.
 */
function checkDocumentSize(bytes: number): void {
  if (bytes > NOTE_LIMITS.documentBytes) {
    // In megabytes, rounded up: a document just over the limit never reads as at it.
    throw new KuuloError('notesDocumentTooLarge', {
      limit: NOTE_LIMITS.documentBytes / 1e6,
      size: Math.ceil(bytes / 1e5) / 10,
    });
  }
}

/** Refused before anything is written: the editor keeps the text and says why. */
function checkLimits(derived: ReturnType<typeof deriveNotes>): void {
  const size = derived.length;
  if (size > NOTE_LIMITS.characters) {
    throw new KuuloError('notesTooLong', { limit: NOTE_LIMITS.characters, size });
  }
  if (derived.codings.size > NOTE_LIMITS.codings) {
    throw new KuuloError('tooManyCodings', { limit: NOTE_LIMITS.codings, count: derived.codings.size });
  }
  let coded = 0;
  for (const span of derived.codings.values()) coded += span.end - span.start;
  if (coded > NOTE_LIMITS.codedCharacters) {
    throw new KuuloError('codedTextTooLong', { limit: NOTE_LIMITS.codedCharacters, size: coded });
  }
}

/**
 * How a save is made. `rewrite`: a service rewriting stored notes (erasure, merging codes), not the
 * consultant typing. The size limits are not applied then: they keep typed notes within bounds, and
 * must never stop a GDPR erasure of a note written before they existed, or one the longer erasure
 * marker pushes over them.
 */
export interface SaveNotesOptions {
  rewrite?: boolean;
}

export function saveNotes(
  ctx: ServiceContext,
  interviewId: string,
  doc: DocNode,
  created: readonly z.output<typeof NewCoding>[] = [],
  baseRevision?: number,
  options: SaveNotesOptions = {},
): SaveNotesResult {
  const limited = !options.rewrite;
  const { problem, json, bytes } = checkNotes(
    interviewId,
    doc,
    limited ? NOTE_LIMITS.documentBytes : Number.POSITIVE_INFINITY,
  );
  if (limited) checkDocumentSize(bytes);
  if (problem) throw new KuuloError('notesUnopenable', { problem });
  const derived = deriveNotes(doc);
  if (limited) checkLimits(derived);
  const wordCount = countNoteWords(interviewId, derived.blocks);
  const updatedAt = ctx.now();
  return ctx.db.transaction(() => {
    // The text before this save: the search index finds the blocks that changed against it.
    const stored = statement(ctx.db, 'SELECT revision, text FROM notes WHERE interview_id = ?').get(
      interviewId,
    ) as { revision: number; text: string } | undefined;
    if (!stored) throw notFound('interview');
    if (baseRevision !== undefined && stored.revision !== baseRevision)
      throw new KuuloError('notesStale', { current: stored.revision, base: baseRevision });
    const row = statement(
      ctx.db,
      `UPDATE notes SET doc = ?, text = ?, word_count = ?, revision = revision + 1, updated_at = ?
       WHERE interview_id = ? RETURNING revision`,
    ).get(json, derived.text, wordCount, updatedAt, interviewId) as { revision: number };
    statement(
      ctx.db,
      `UPDATE interviews SET updated_at = ?,
         status = CASE WHEN status = 'planned' AND ? > 0 THEN 'in_progress' ELSE status END
       WHERE id = ?`,
    ).run(updatedAt, wordCount, interviewId);
    syncCodings(ctx, interviewId, derived, created);
    syncMentions(ctx, interviewId, derived.mentions);
    indexNoteBlocks(ctx.db, interviewId, derived.blocks, stored.text);
    return { revision: row.revision, updatedAt, wordCount };
  })();
}
