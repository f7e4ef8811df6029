import { rmSync } from 'node:fs';
import type { ErasureSummary } from '../../shared/contract.ts';
import type { DocNode } from '../../shared/domain.ts';
import { createBackup, listBackups } from './backup.ts';
import { storedDoc } from './codings.ts';
import type { ServiceContext } from './context.ts';
import { notFound } from './errors.ts';
import { namePattern } from './names.ts';
import { saveNotes } from './notes.ts';

export const ERASED = '[erased]';

function replaceIn(text: string, pattern: RegExp): { text: string; count: number } {
  let count = 0;
  const next = text.replace(pattern, () => {
    count++;
    return ERASED;
  });
  return { text: next, count };
}

/**
 * Replaces the name in the text of one block even where formatting or a coding splits a word into
 * several text pieces ("Aho" + bold "nen"): matches are found in the block's joined text, and each
 * match is cut out of every piece it touches, with the replacement put in the first.
 */
function eraseInline(pieces: DocNode[], pattern: RegExp): { pieces: DocNode[]; count: number } {
  const texts = pieces.map((p) => (p.type === 'text' ? (p.text ?? '') : '\u0000'));
  const joined = texts.join('');
  const matches = [...joined.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length] as const);
  if (!matches.length) return { pieces, count: 0 };
  const next = texts.map((text) => ({ text, cuts: [] as { from: number; to: number; insert: string }[] }));
  for (const [start, end] of matches) {
    let offset = 0;
    let inserted = false;
    next.forEach((piece) => {
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + piece.text.length);
      if (from < to) {
        piece.cuts.push({ from: from - offset, to: to - offset, insert: inserted ? '' : ERASED });
        inserted = true;
      }
      offset += piece.text.length;
    });
  }
  const result = pieces.flatMap((piece, index) => {
    if (piece.type !== 'text') return [piece];
    let text = next[index]!.text;
    for (const cut of [...next[index]!.cuts].sort((x, y) => y.from - x.from)) {
      text = text.slice(0, cut.from) + cut.insert + text.slice(cut.to);
    }
    return text ? [{ ...piece, text }] : [];
  });
  return { pieces: result, count: matches.length };
}

function eraseInDoc(doc: DocNode, pattern: RegExp): { doc: DocNode; count: number } {
  let count = 0;
  const walk = (node: DocNode): DocNode => {
    if (!node.content) return node;
    if (node.content.some((child) => child.type === 'text')) {
      const erased = eraseInline(node.content, pattern);
      count += erased.count;
      return { ...node, content: erased.pieces };
    }
    return { ...node, content: node.content.map(walk) };
  };
  return { doc: walk(doc), count };
}

/**
 * A GDPR erasure request: the interviewee's name and title go from their record, and every mention
 * of their name goes from the notes of their engagement (with the quotes and search text derived
 * from them), from coding memos, findings and the engagement's purpose. The person stays only as an
 * anonymous role, so the counts of the study do not change. Deleted pages are overwritten
 * (secure_delete) and the WAL is checkpointed so the old text does not linger in the file.
 */
export function eraseInterviewee(ctx: ServiceContext, id: string): ErasureSummary {
  const { db } = ctx;
  const person = db
    .prepare(
      `SELECT p.name, a.engagement_id AS engagementId FROM interviewees p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?`,
    )
    .get(id) as { name: string; engagementId: string } | undefined;
  if (!person) throw notFound('The interviewee');
  const pattern = namePattern([person.name]);
  const summary: ErasureSummary = {
    notes: 0,
    mentions: 0,
    memos: 0,
    findings: 0,
    person: true,
    backupsWithData: 0,
  };

  db.transaction(() => {
    if (pattern) {
      const interviews = db
        .prepare('SELECT id FROM interviews WHERE engagement_id = ?')
        .pluck()
        .all(person.engagementId) as string[];
      for (const interviewId of interviews) {
        const erased = eraseInDoc(storedDoc(ctx, interviewId), pattern);
        if (!erased.count) continue;
        saveNotes(ctx, interviewId, erased.doc);
        summary.notes++;
        summary.mentions += erased.count;
      }
      // Quotes of deleted codings are not re-derived by the save above: erase them too.
      const quotes = db
        .prepare(
          `SELECT c.id, c.quote FROM codings c JOIN interviews i ON i.id = c.interview_id WHERE i.engagement_id = ? AND c.quote <> ''`,
        )
        .all(person.engagementId) as { id: string; quote: string }[];
      for (const row of quotes) {
        const replaced = replaceIn(row.quote, pattern);
        if (replaced.count)
          db.prepare('UPDATE codings SET quote = ? WHERE id = ?').run(replaced.text, row.id);
      }
      const memos = db
        .prepare(
          `SELECT c.id, c.memo FROM codings c JOIN interviews i ON i.id = c.interview_id WHERE i.engagement_id = ? AND c.memo <> ''`,
        )
        .all(person.engagementId) as { id: string; memo: string }[];
      for (const memo of memos) {
        const replaced = replaceIn(memo.memo, pattern);
        if (!replaced.count) continue;
        db.prepare('UPDATE codings SET memo = ? WHERE id = ?').run(replaced.text, memo.id);
        summary.memos++;
        summary.mentions += replaced.count;
      }
      const findings = db
        .prepare(
          'SELECT id, title, key_message AS keyMessage, body, recommendation FROM findings WHERE engagement_id = ?',
        )
        .all(person.engagementId) as {
        id: string;
        title: string;
        keyMessage: string;
        body: string;
        recommendation: string;
      }[];
      for (const finding of findings) {
        const fields = [finding.title, finding.keyMessage, finding.body, finding.recommendation].map((t) =>
          replaceIn(t, pattern),
        );
        const count = fields.reduce((n, f) => n + f.count, 0);
        if (!count) continue;
        db.prepare(
          'UPDATE findings SET title = ?, key_message = ?, body = ?, recommendation = ? WHERE id = ?',
        ).run(...fields.map((f) => f.text), finding.id);
        summary.findings++;
        summary.mentions += count;
      }
      const purpose = db
        .prepare('SELECT purpose FROM engagements WHERE id = ?')
        .pluck()
        .get(person.engagementId) as string;
      const replaced = replaceIn(purpose, pattern);
      if (replaced.count) {
        db.prepare('UPDATE engagements SET purpose = ? WHERE id = ?').run(replaced.text, person.engagementId);
        summary.mentions += replaced.count;
      }
    }
    db.prepare(
      `UPDATE interviewees SET name = ?, title = '', anon_label = '', consent = 'declined', updated_at = ? WHERE id = ?`,
    ).run(ERASED, ctx.now(), id);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  summary.backupsWithData = listBackups(ctx).length;
  return summary;
}

/**
 * After an erasure the older backups still hold the person's data: this replaces all of them with one
 * fresh backup of the erased workspace, so a safety copy remains.
 */
export function replaceBackupsAfterErasure(ctx: ServiceContext): { removed: number } {
  const fresh = createBackup(ctx);
  const old = listBackups(ctx).filter((entry) => entry.path !== fresh.path);
  for (const entry of old)
    for (const suffix of ['', '-wal']) rmSync(`${entry.path}${suffix}`, { force: true });
  return { removed: old.length };
}
