import { rmSync } from 'node:fs';
import type { ErasureSummary } from '../../shared/contract.ts';
import type { DocNode } from '../../shared/domain.ts';
import { type FoundSpan, IdentityMatcher, type KnownIdentity } from '../../shared/identity/detect.ts';
import type { ErasureMatch, ErasurePlace, ErasurePreview } from '../../shared/identity/types.ts';
import { notFound } from '../base/errors.ts';
import type { RowChange } from '../db/changes.ts';
import { emptyJournal } from '../db/journal.ts';
import { createBackup, listBackups } from './backup.ts';
import { storedDoc } from './codings.ts';
import type { ServiceContext } from './context.ts';
import { buildRegister, ERASED } from './identities.ts';
import { saveNotes } from './notes.ts';
import { deletedPerson, patchDeletedRow } from './trash.ts';

export { ERASED } from './identities.ts';

/** Who is erased: a register entry of one engagement, with every name it goes by there. */
interface Target {
  entryId: string;
  name: string;
  names: string[];
  engagementId: string;
  intervieweeId: string | null;
  identityId: string | null;
}

function resolveTarget(ctx: ServiceContext, id: string): Target {
  const { db } = ctx;
  const person = db
    .prepare(
      `SELECT p.name, a.engagement_id AS engagementId FROM interviewees p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?`,
    )
    .get(id) as { name: string; engagementId: string } | undefined;
  const marked = person
    ? undefined
    : (db
        .prepare(
          'SELECT name, engagement_id AS engagementId, interviewee_id AS intervieweeId FROM identities WHERE id = ?',
        )
        .get(id) as { name: string; engagementId: string; intervieweeId: string | null } | undefined);
  // Someone deleted into the Trash is erased there (and everywhere their name is written).
  const deleted = person || marked ? null : deletedPerson(ctx, id);
  const found = person ?? marked ?? deleted;
  if (!found) throw notFound('person');
  const intervieweeId = person || deleted ? id : (marked?.intervieweeId ?? null);
  const entryId = intervieweeId ?? id;
  const entry = buildRegister(ctx, found.engagementId).find((e) => e.id === entryId);
  return {
    entryId,
    name: found.name,
    names: entry?.names.length ? entry.names : [found.name].filter((n) => n !== ERASED),
    engagementId: found.engagementId,
    intervieweeId,
    identityId: person || deleted ? null : id,
  };
}

/**
 * A matcher over every engagement's register plus the target, so that a span counts as the target
 * only when its words point to them: "Seppo" alone is erased with Seppo Kallio, "Seppo Virtasen" is not.
 */
function erasureMatcher(ctx: ServiceContext, target: Target): IdentityMatcher {
  const engagements = ctx.db.prepare('SELECT id FROM engagements').pluck().all() as string[];
  const known: KnownIdentity[] = engagements.flatMap((e) =>
    buildRegister(ctx, e)
      .filter((entry) => entry.id !== target.entryId)
      .map((entry) => ({ id: entry.id, kind: entry.kind, names: entry.names })),
  );
  known.push({ id: target.entryId, kind: 'person', names: target.names });
  return new IdentityMatcher(known);
}

/** The target's names in a text, and e-mail addresses built from them (seppo.kallio@…). */
const spansOf = (matcher: IdentityMatcher, text: string, target: Target): FoundSpan[] =>
  matcher.find(text, { candidates: false }).filter((s) => {
    if (s.kind === 'identity') return s.identityIds.includes(target.entryId);
    if (s.kind !== 'email') return false;
    const local = s.normalized.split(/@|[ \t]?[([]a(?:t)?[)\]]/u)[0] ?? '';
    return (
      addressOf(local, target.names) ||
      local
        .split(/[._+-]+/u)
        .filter((part) => part.length >= 2)
        .some((part) => {
          const word = part[0]!.toLocaleUpperCase('fi') + part.slice(1).toLocaleLowerCase('fi');
          return matcher.identitiesOf(word).strong.includes(target.entryId);
        })
    );
  });

/** Letters as e-mail addresses write them: "Häkkinen" → "hakkinen", "Åsa" → "asa". */
const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');

/**
 * Whether an address's local part is built from one of the names, as addresses are made: letters
 * without accents (kyosti.hakkinen, kyostihakkinen), or the surname with the first name's initial
 * (k.hakkinen, khakkinen, hakkinenk).
 */
function addressOf(local: string, names: readonly string[]): boolean {
  const parts = fold(local)
    .split(/[^a-z]+/u)
    .filter(Boolean);
  return names.some((name) => {
    const words = fold(name)
      .split(/[^a-z]+/u)
      .filter(Boolean);
    const first = words[0];
    const last = words.at(-1);
    // Both names must show: a surname or a first name alone could be anyone's (maija.virtanen, mikko).
    if (words.length < 2 || !first || !last || first.length < 2 || last.length < 2) return false;
    if (parts.includes(first + last) || parts.includes(first[0] + last) || parts.includes(last + first[0]))
      return true;
    return parts.includes(last) && parts.some((p) => p === first || p === first[0]);
  });
}

/**
 * Replaces the name in the text of one block even where formatting or a coding splits a word into
 * several text pieces ("Aho" + bold "nen"): matches are found in the block's joined text, and each
 * match is cut out of every piece it touches, with the replacement put in the first.
 */
function eraseInline(
  pieces: DocNode[],
  find: (text: string) => FoundSpan[],
): { pieces: DocNode[]; count: number } {
  const texts = pieces.map((p) => (p.type === 'text' ? (p.text ?? '') : '\u0000'));
  const matches = find(texts.join('')).map((m) => [m.start, m.end] as const);
  if (!matches.length) return { pieces, count: 0 };
  const next = texts.map((text) => ({ text, cuts: [] as { from: number; to: number; insert: string }[] }));
  for (const [start, end] of matches) {
    let offset = 0;
    let inserted = false;
    for (const piece of next) {
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + piece.text.length);
      if (from < to) {
        piece.cuts.push({ from: from - offset, to: to - offset, insert: inserted ? '' : ERASED });
        inserted = true;
      }
      offset += piece.text.length;
    }
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

function eraseInDoc(doc: DocNode, find: (text: string) => FoundSpan[]): { doc: DocNode; count: number } {
  let count = 0;
  const walk = (node: DocNode): DocNode => {
    if (!node.content) return node;
    if (node.content.some((child) => child.type === 'text')) {
      const erased = eraseInline(node.content, find);
      count += erased.count;
      return { ...node, content: erased.pieces };
    }
    return { ...node, content: node.content.map(walk) };
  };
  return { doc: walk(doc), count };
}

interface TextColumn {
  table: string;
  column: string;
}

/** Columns derived from the notes (re-derived on save) or keyed by a name (handled on their own). */
const DERIVED = new Set(['notes.doc', 'notes.text', 'mentions.text', 'identity_decisions.key']);
/** Tables read on their own: the Trash keeps whole rows as JSON (see trashNaming). */
const OWN_WAY = new Set(['trash']);

/**
 * Every text column of every table, found from the schema, so that a column added later is erased
 * too. Ids and foreign keys are skipped: they hold UUIDs, never names.
 */
function textColumns({ db }: ServiceContext): TextColumn[] {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%WITHOUT ROWID%'`,
    )
    .pluck()
    .all() as string[];
  return tables.flatMap((table) =>
    (db.pragma(`table_info("${table}")`) as { name: string; type: string }[])
      .filter((c) => /TEXT/i.test(c.type) && c.name !== 'id' && !c.name.endsWith('_id'))
      .filter((c) => !DERIVED.has(`${table}.${c.name}`) && !OWN_WAY.has(table))
      .map((c) => ({ table, column: c.name })),
  );
}

const CONTEXT = 40;
function placeOf(place: ErasurePlace, text: string, span: FoundSpan): ErasureMatch {
  return {
    place,
    before: text.slice(Math.max(0, span.start - CONTEXT), span.start),
    match: span.text,
    after: text.slice(span.end, span.end + CONTEXT),
  };
}

/** The target's spans in a text; `engagementId` says whose notes it is, when known. */
type Find = (text: string, engagementId?: string) => FoundSpan[];
interface NoteHit {
  interviewId: string;
  engagementId: string;
  place: ErasurePlace;
  text: string;
  spans: FoundSpan[];
}
interface FieldHit {
  table: string;
  column: string;
  rowid: number;
  place: ErasurePlace;
  text: string;
  spans: FoundSpan[];
}

/** The interviews whose notes name the target. */
function notesNaming({ db }: ServiceContext, find: Find): NoteHit[] {
  return (
    db
      .prepare(
        `SELECT n.interview_id AS interviewId, i.engagement_id AS engagementId, n.text, a.name AS account, i.date
         FROM notes n JOIN interviews i ON i.id = n.interview_id JOIN accounts a ON a.id = i.account_id`,
      )
      .all() as {
      interviewId: string;
      engagementId: string;
      text: string;
      account: string;
      date: string | null;
    }[]
  )
    .map((n) => ({
      interviewId: n.interviewId,
      engagementId: n.engagementId,
      place: { kind: 'notes' as const, account: n.account, date: n.date },
      text: n.text,
      spans: find(n.text, n.engagementId),
    }))
    .filter((n) => n.spans.length);
}

/** Every other text field that names the target, and the review decisions keyed by its name. */
function fieldsNaming(
  ctx: ServiceContext,
  find: Find,
): { fields: FieldHit[]; decisions: { engagementId: string; key: string }[] } {
  const { db } = ctx;
  const fields: FieldHit[] = [];
  for (const { table, column } of textColumns(ctx)) {
    const rows = db
      .prepare(
        `SELECT rowid AS rowid, "${column}" AS value FROM "${table}" WHERE typeof("${column}") = 'text' AND "${column}" <> ''`,
      )
      .all() as { rowid: number; value: string }[];
    for (const row of rows) {
      const spans = find(row.value);
      if (spans.length)
        fields.push({
          table,
          column,
          rowid: row.rowid,
          place: { kind: 'field', table, column },
          text: row.value,
          spans,
        });
    }
  }
  const decisions = (
    db.prepare('SELECT engagement_id AS engagementId, key FROM identity_decisions').all() as {
      engagementId: string;
      key: string;
    }[]
  ).filter((d) => find(d.key).length);
  return { fields, decisions };
}

/** Finds only the spans that point to the target. */
function finderFor(ctx: ServiceContext, target: Target): Find {
  const matcher = erasureMatcher(ctx, target);
  // In another engagement's notes, a word that could be someone else there too ("Daniel" when that
  // study has its own Daniel) is theirs; in the person's own engagement it is erased to be safe.
  return (text, engagementId) =>
    spansOf(matcher, text, target).filter(
      (s) =>
        engagementId === undefined ||
        engagementId === target.engagementId ||
        s.kind !== 'identity' ||
        s.identityIds.length === 1,
    );
}

interface TrashText {
  place: ErasurePlace;
  text: string;
  spans: FoundSpan[];
}

/**
 * Deleted rows kept in the Trash, with every text in them that names the target: each value of each
 * kept row (notes documents as documents) and the entry's label. `rewrite` replaces the spans.
 */
function trashNaming(
  { db }: ServiceContext,
  find: Find,
  rewrite?: (hit: TrashText) => string,
): { rowid: number; label: string; changes: string; hits: TrashText[] }[] {
  const rows = db.prepare('SELECT rowid, engagement_id AS engagementId, label, changes FROM trash').all() as {
    rowid: number;
    engagementId: string | null;
    label: string;
    changes: string;
  }[];
  return rows
    .map((row) => {
      const hits: TrashText[] = [];
      const visit = (column: string, text: string): string => {
        const spans = find(text, row.engagementId ?? undefined);
        if (!spans.length) return text;
        const hit = {
          place: { kind: 'field' as const, table: 'trash', column },
          text,
          spans,
        };
        hits.push(hit);
        return rewrite ? rewrite(hit) : text;
      };
      const label = JSON.parse(row.label) as Record<string, unknown>;
      const changes = JSON.parse(row.changes) as RowChange[];
      const inLabel = (value: unknown): unknown =>
        typeof value === 'string'
          ? visit('label', value)
          : value && typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inLabel(v)]))
            : value;
      const newLabel = inLabel(label);
      for (const change of changes)
        for (const kept of [change.old, change.new]) {
          if (!kept) continue;
          for (const [column, value] of Object.entries(kept)) {
            if (typeof value !== 'string') continue;
            if (change.table === 'notes' && column === 'doc') {
              const doc = JSON.parse(value) as DocNode;
              const erased = eraseInDoc(doc, (text) => {
                const spans = find(text, row.engagementId ?? undefined);
                if (spans.length)
                  hits.push({ place: { kind: 'field', table: 'trash', column: 'notes' }, text, spans });
                return rewrite ? spans : [];
              });
              kept[column] = JSON.stringify(erased.doc);
            } else kept[column] = visit(column, value);
          }
        }
      return { rowid: row.rowid, label: JSON.stringify(newLabel), changes: JSON.stringify(changes), hits };
    })
    .filter((row) => row.hits.length);
}

const withoutSpans = ({ text, spans }: { text: string; spans: FoundSpan[] }): string => {
  let result = text;
  for (const span of [...spans].reverse())
    result = result.slice(0, span.start) + ERASED + result.slice(span.end);
  return result;
};

export function erasurePreview(ctx: ServiceContext, id: string): ErasurePreview {
  const target = resolveTarget(ctx, id);
  const find = finderFor(ctx, target);
  const matches = [
    ...notesNaming(ctx, find).flatMap((n) => n.spans.map((s) => placeOf(n.place, n.text, s))),
    ...fieldsNaming(ctx, find).fields.flatMap((f) => f.spans.map((s) => placeOf(f.place, f.text, s))),
    ...trashNaming(ctx, find).flatMap((row) =>
      row.hits.flatMap((h) => h.spans.map((s) => placeOf(h.place, h.text, s))),
    ),
  ];
  const forms = [...new Set(matches.map((m) => m.match.normalize('NFC')))].sort((a, b) =>
    a.localeCompare(b, 'fi'),
  );
  return { name: target.name, forms, matches: matches.slice(0, 500), total: matches.length };
}

/**
 * A GDPR erasure request: every form of the person's name — inflected, short, nicknamed, as marked
 * in notes — goes from every text of every engagement (notes and what is derived from them, quotes,
 * memos, findings, titles, labels, relationship entries, codes, interviewers, deleted codings), and
 * an interviewee stays only as an anonymous role, so the counts of the study do not change. Deleted
 * pages are overwritten (secure_delete) and the journal is emptied; if another program holds the
 * file open so that the journal cannot be emptied, the summary says the erasure is not complete.
 */
export function eraseInterviewee(ctx: ServiceContext, id: string): ErasureSummary {
  const { db } = ctx;
  const target = resolveTarget(ctx, id);
  const summary: ErasureSummary = {
    notes: 0,
    mentions: 0,
    memos: 0,
    findings: 0,
    fields: 0,
    person: true,
    backupsWithData: 0,
    complete: false,
  };

  db.transaction(() => {
    const find = finderFor(ctx, target);
    for (const note of notesNaming(ctx, find)) {
      const erased = eraseInDoc(storedDoc(ctx, note.interviewId), (text) => find(text, note.engagementId));
      if (!erased.count) continue;
      saveNotes(ctx, note.interviewId, erased.doc);
      summary.notes++;
      summary.mentions += erased.count;
    }
    // Read after the notes are saved: their quotes and mentions are re-derived by then.
    const found = fieldsNaming(ctx, find);
    for (const field of found.fields) {
      const text = withoutSpans(field);
      db.prepare(`UPDATE "${field.table}" SET "${field.column}" = ? WHERE rowid = ?`).run(text, field.rowid);
      summary.mentions += field.spans.length;
      if (field.table === 'codings' && field.column === 'memo') summary.memos++;
      else if (field.table === 'findings') summary.findings++;
      else if (!(field.table === 'codings' && field.column === 'quote')) summary.fields++;
    }
    // Deleted rows kept for undo: erased in place, so a restore brings the erased text back.
    for (const row of trashNaming(ctx, find, withoutSpans)) {
      db.prepare('UPDATE trash SET label = ?, changes = ? WHERE rowid = ?').run(
        row.label,
        row.changes,
        row.rowid,
      );
      summary.fields++;
      summary.mentions += row.hits.reduce((sum, hit) => sum + hit.spans.length, 0);
    }
    for (const d of found.decisions)
      db.prepare('DELETE FROM identity_decisions WHERE engagement_id = ? AND key = ?').run(
        d.engagementId,
        d.key,
      );
    if (target.intervieweeId) {
      db.prepare(
        `UPDATE interviewees SET name = ?, title = '', anon_label = '', consent = 'declined', updated_at = ? WHERE id = ?`,
      ).run(ERASED, ctx.now(), target.intervieweeId);
      patchDeletedRow(ctx, 'interviewees', target.intervieweeId, {
        name: ERASED,
        title: '',
        anon_label: '',
        consent: 'declined',
      });
    }
    db.prepare(
      `UPDATE identities SET name = ?, aliases = '[]', role = '', updated_at = ? WHERE id = ? OR interviewee_id = ?`,
    ).run(ERASED, ctx.now(), target.identityId ?? '', target.intervieweeId ?? '');
  })();
  summary.complete = emptyJournal(ctx.db);
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
