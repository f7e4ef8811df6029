import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { ErasureSummary } from '../../shared/contract.ts';
import type { DocNode, Language } from '../../shared/domain.ts';
import { type FoundSpan, IdentityMatcher, type KnownIdentity } from '../../shared/identity/detect.ts';
import type { ErasureMatch, ErasurePlace, ErasurePreview } from '../../shared/identity/types.ts';
import { KuuloError, notFound } from '../base/errors.ts';
import { isSearchIndex, type RowChange } from '../db/changes.ts';
import { emptyJournal } from '../db/journal.ts';
import { createBackup, listBackups } from './backup.ts';
import { storedDoc } from './codings.ts';
import type { ServiceContext } from './context.ts';
import { buildRegister, ERASED_MARKERS, erasedMarker } from './identities.ts';
import { saveNotes } from './notes.ts';
import { purgeDeletedText } from './search/indexing.ts';
import { deletedPerson, patchDeletedRow, patchKeptRows } from './trash.ts';

export { ERASED_MARKERS, erasedMarker } from './identities.ts';

/** Who is erased: a register entry of one engagement, with every name it goes by there. */
interface Target {
  entryId: string;
  name: string;
  names: string[];
  engagementId: string;
  intervieweeId: string | null;
  identityId: string | null;
  /** The address stored for the person (lower case), if any: found in texts as theirs whatever its form. */
  emails: string[];
}

function resolveTarget(ctx: ServiceContext, id: string): Target {
  const { db } = ctx;
  const person = db
    .prepare(
      `SELECT p.name, p.email, a.engagement_id AS engagementId FROM interviewees p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?`,
    )
    .get(id) as { name: string; email: string; engagementId: string } | undefined;
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
    names: entry?.names.length ? entry.names : [found.name].filter((n) => !ERASED_MARKERS.includes(n)),
    engagementId: found.engagementId,
    intervieweeId,
    identityId: person || deleted ? null : id,
    emails: [person?.email, deleted?.email].flatMap((email) => (email ? [email.toLowerCase()] : [])),
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
    if ([s.text, s.normalized].some((t) => target.emails.includes(t.toLowerCase()))) return true;
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

/** A span the erasure may change, named so the consultant can leave it out. */
interface Place {
  id: string;
  span: FoundSpan;
  /** In the person's own record: never left out. */
  required: boolean;
}

/** Which places of a preview are erased; the preview itself erases none. */
type Keep = (id: string) => boolean;
const NOTHING: Keep = () => false;

/** Numbers the spans of one text in order, so the same text always gives the same ids. */
function numbered(prefix: string, spans: readonly FoundSpan[], start = 0, required = false): Place[] {
  return spans.map((span, index) => ({ id: `${prefix}:${start + index}`, span, required }));
}

/** A block's inline content as one text; a line break is a line break (a name may be split at one). */
const inlineText = (piece: DocNode): string =>
  piece.type === 'text' ? (piece.text ?? '') : piece.type === 'hardBreak' ? '\n' : '\u0000';

/** Characters of a block's inline text to replace. */
interface Cut {
  from: number;
  to: number;
  insert: string;
}

/**
 * Cuts ranges out of the text of one block even where formatting or a coding splits a word into
 * several text pieces ("Aho" + bold "nen"): each range is cut out of every text piece it touches,
 * with its replacement put in the first. Other inline nodes (a line break) stay.
 */
function cutInline(pieces: DocNode[], cuts: readonly Cut[]): DocNode[] {
  const texts = pieces.map(inlineText);
  const next = texts.map((text) => ({ text, cuts: [] as Cut[] }));
  for (const { from: start, to: end, insert } of cuts) {
    let offset = 0;
    let inserted = false;
    for (const [index, piece] of next.entries()) {
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + piece.text.length);
      if (from < to && pieces[index]!.type === 'text') {
        piece.cuts.push({ from: from - offset, to: to - offset, insert: inserted ? '' : insert });
        inserted = true;
      }
      offset += piece.text.length;
    }
  }
  return pieces.flatMap((piece, index) => {
    if (piece.type !== 'text') return [piece];
    let text = next[index]!.text;
    for (const cut of [...next[index]!.cuts].sort((x, y) => y.from - x.from)) {
      text = text.slice(0, cut.from) + cut.insert + text.slice(cut.to);
    }
    return text ? [{ ...piece, text }] : [];
  });
}

/** One text where the target is named, with its places (for the preview). */
interface BlockHit {
  text: string;
  places: Place[];
}

const isTextblock = (node: DocNode): boolean => !!node.content?.some((child) => child.type === 'text');
const overlaps = (span: FoundSpan, from: number, to: number): boolean => span.start < to && span.end > from;

/**
 * The document with the kept places erased, and every place found in it. Places are found in each
 * block's text, and across the seam of two blocks where a line ends in a hyphen (a PDF pasted line
 * by line: "Kal-" | "lio"). All are found first, on the text as it is, and numbered in block order,
 * so preview and erasure give the same ids; then the kept ones are cut.
 */
function eraseInDoc(
  doc: DocNode,
  find: (text: string) => FoundSpan[],
  prefix: string,
  keep: Keep,
  marker: string,
): { doc: DocNode; count: number; blocks: BlockHit[] } {
  let count = 0;
  let numberedSoFar = 0;
  const blocks: BlockHit[] = [];
  const place = (text: string, spans: readonly FoundSpan[]): Place[] => {
    const places = numbered(prefix, spans, numberedSoFar);
    numberedSoFar += places.length;
    if (places.length) blocks.push({ text: text.replaceAll('\u0000', ' '), places });
    return places;
  };
  const walk = (node: DocNode): DocNode => {
    if (!node.content) return node;
    if (isTextblock(node)) {
      const text = node.content.map(inlineText).join('');
      const kept = place(text, find(text)).filter((p) => keep(p.id));
      count += kept.length;
      const cuts = kept.map((p) => ({ from: p.span.start, to: p.span.end, insert: marker }));
      return cuts.length ? { ...node, content: cutInline(node.content, cuts) } : node;
    }
    const children = node.content;
    const texts = children.map((c) => (isTextblock(c) ? c.content!.map(inlineText).join('') : null));
    const seams = texts.map((a, k) => {
      const b = texts[k + 1];
      if (a === null || b === null || b === undefined || !/-[ \t]*$/u.test(a)) return null;
      return find(`${a}\n${b}`).find((s) => s.start < a.length && s.end > a.length + 1) ?? null;
    });
    const cuts: Cut[][] = children.map(() => []);
    texts.forEach((text, k) => {
      if (text === null) return;
      const before = seams[k - 1];
      const after = seams[k];
      // A span the seam covers is part of the name across it.
      const own = find(text).filter(
        (s) =>
          !(after && overlaps(s, after.start, text.length)) &&
          !(before && overlaps(s, 0, before.end - texts[k - 1]!.length - 1)),
      );
      for (const p of place(text, own).filter((x) => keep(x.id))) {
        cuts[k]!.push({ from: p.span.start, to: p.span.end, insert: marker });
        count++;
      }
      if (after) {
        const [seam] = place(`${text}\n${texts[k + 1]}`, [after]);
        if (seam && keep(seam.id)) {
          cuts[k]!.push({ from: after.start, to: text.length, insert: marker });
          cuts[k + 1]!.push({ from: 0, to: after.end - text.length - 1, insert: '' });
          count++;
        }
      }
    });
    return {
      ...node,
      content: children.map((child, k) =>
        texts[k] === null
          ? walk(child)
          : cuts[k]!.length
            ? { ...child, content: cutInline(child.content!, cuts[k]!) }
            : child,
      ),
    };
  };
  return { doc: walk(doc), count, blocks };
}

interface TextColumn {
  table: string;
  column: string;
}

/** Columns derived from the notes (re-derived on save) or keyed by a name (handled on their own). */
const DERIVED = new Set(['notes.doc', 'notes.text', 'mentions.text', 'identity_decisions.key']);
/**
 * Tables read on their own: the Trash keeps whole rows as JSON (see trashNaming). The search index
 * follows the texts it indexes and is never erased as a place of its own.
 */
const OWN_WAY = new Set(['trash']);
/**
 * Live codings' quotes are re-derived from the notes when they are saved, so they follow the notes
 * (a place left out there stays in its quote too); deleted codings keep theirs and are erased here.
 */
const ROWS: Record<string, string> = { 'codings.quote': 'AND deleted_at IS NOT NULL' };

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
      .filter((c) => !DERIVED.has(`${table}.${c.name}`) && !OWN_WAY.has(table) && !isSearchIndex(table))
      .map((c) => ({ table, column: c.name })),
  );
}

/** The engagement a row belongs to, through its own column or its interview or account; null if shared. */
function engagementOfRow({ db }: ServiceContext, table: string, rowid: number): string | null {
  const columns = new Set((db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name));
  const sql = columns.has('engagement_id')
    ? `SELECT engagement_id FROM "${table}" WHERE rowid = ?`
    : columns.has('interview_id')
      ? `SELECT i.engagement_id FROM "${table}" t JOIN interviews i ON i.id = t.interview_id WHERE t.rowid = ?`
      : columns.has('account_id')
        ? `SELECT a.engagement_id FROM "${table}" t JOIN accounts a ON a.id = t.account_id WHERE t.rowid = ?`
        : null;
  return sql ? ((db.prepare(sql).pluck().get(rowid) as string | null | undefined) ?? null) : null;
}

const CONTEXT = 40;
function placeOf(place: ErasurePlace, text: string, found: Place): ErasureMatch {
  const { span } = found;
  return {
    id: found.id,
    place,
    required: found.required,
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
  /** The document with the kept places erased. */
  doc: DocNode;
  erased: number;
  blocks: BlockHit[];
}
interface FieldHit {
  table: string;
  column: string;
  rowid: number;
  place: ErasurePlace;
  text: string;
  places: Place[];
}

/** The interviews whose notes name the target, erased where `keep` says. */
function notesNaming(
  ctx: ServiceContext,
  find: Find,
  keep: Keep,
  marker: (engagementId: string) => string,
): NoteHit[] {
  const { db } = ctx;
  return (
    (
      db
        .prepare(
          `SELECT n.interview_id AS interviewId, i.engagement_id AS engagementId, n.text, a.name AS account, i.date
         FROM notes n JOIN interviews i ON i.id = n.interview_id JOIN accounts a ON a.id = i.account_id
         ORDER BY n.interview_id`,
        )
        .all() as {
        interviewId: string;
        engagementId: string;
        text: string;
        account: string;
        date: string | null;
      }[]
    )
      // The derived text tells cheaply which documents to walk.
      .filter((n) => find(n.text, n.engagementId).length)
      .map((n) => {
        const erased = eraseInDoc(
          storedDoc(ctx, n.interviewId),
          (text) => find(text, n.engagementId),
          `notes:${n.interviewId}`,
          keep,
          marker(n.engagementId),
        );
        return {
          interviewId: n.interviewId,
          engagementId: n.engagementId,
          place: { kind: 'notes' as const, account: n.account, date: n.date },
          doc: erased.doc,
          erased: erased.count,
          blocks: erased.blocks,
        };
      })
      .filter((n) => n.blocks.length)
  );
}

/** Every other text field that names the target, and the review decisions keyed by its name. */
function fieldsNaming(
  ctx: ServiceContext,
  find: Find,
  own: (table: string, rowid: number) => boolean,
): { fields: FieldHit[]; decisions: { engagementId: string; key: string }[] } {
  const { db } = ctx;
  const fields: FieldHit[] = [];
  for (const { table, column } of textColumns(ctx)) {
    const rows = db
      .prepare(
        `SELECT rowid AS rowid, "${column}" AS value FROM "${table}" WHERE typeof("${column}") = 'text' AND "${column}" <> ''
         ${ROWS[`${table}.${column}`] ?? ''} ORDER BY rowid`,
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
          places: numbered(`field:${table}:${column}:${row.rowid}`, spans, 0, own(table, row.rowid)),
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
  places: Place[];
}

/**
 * Deleted rows kept in the Trash, with every text in them that names the target: each value of each
 * kept row (notes documents as documents) and the entry's label, rewritten with the kept places erased.
 */
function trashNaming(
  { db }: ServiceContext,
  find: Find,
  target: Target,
  keep: Keep,
  marker: (engagementId: string | null) => string,
): { rowid: number; label: string; changes: string; hits: TrashText[] }[] {
  const rows = db
    .prepare('SELECT rowid, engagement_id AS engagementId, label, changes FROM trash ORDER BY rowid')
    .all() as {
    rowid: number;
    engagementId: string | null;
    label: string;
    changes: string;
  }[];
  return rows
    .map((row) => {
      const hits: TrashText[] = [];
      const mark = marker(row.engagementId);
      let counted = 0;
      const placesIn = (text: string, required: boolean): Place[] => {
        const places = numbered(
          `trash:${row.rowid}`,
          find(text, row.engagementId ?? undefined),
          counted,
          required,
        );
        counted += places.length;
        return places;
      };
      const visit = (column: string, text: string, required = false): string => {
        const places = placesIn(text, required);
        if (!places.length) return text;
        const hit = { place: { kind: 'field' as const, table: 'trash', column }, text, places };
        hits.push(hit);
        return withoutSpans(
          text,
          places.filter((p) => keep(p.id)),
          mark,
        );
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
          // The person's own deleted record is always erased.
          const own =
            (change.table === 'interviewees' && kept.id === target.intervieweeId) ||
            (change.table === 'identities' &&
              ((target.identityId !== null && kept.id === target.identityId) ||
                (target.intervieweeId !== null && kept.interviewee_id === target.intervieweeId)));
          for (const [column, value] of Object.entries(kept)) {
            if (typeof value !== 'string') continue;
            if (change.table === 'notes' && column === 'doc') {
              const doc = JSON.parse(value) as DocNode;
              const erased = eraseInDoc(
                doc,
                (text) => find(text, row.engagementId ?? undefined),
                `trash:${row.rowid}:doc${counted}`,
                keep,
                mark,
              );
              for (const block of erased.blocks)
                hits.push({ place: { kind: 'field', table: 'trash', column: 'notes' }, ...block });
              counted++;
              kept[column] = JSON.stringify(erased.doc);
            } else kept[column] = visit(column, value, own);
          }
        }
      return { rowid: row.rowid, label: JSON.stringify(newLabel), changes: JSON.stringify(changes), hits };
    })
    .filter((row) => row.hits.length);
}

function withoutSpans(text: string, places: readonly Place[], marker: string): string {
  let result = text;
  for (const { span } of [...places].reverse())
    result = result.slice(0, span.start) + marker + result.slice(span.end);
  return result;
}

/** Everything an erasure of the target would change, erased where `keep` says. */
function gather(ctx: ServiceContext, target: Target, keep: Keep) {
  const { db } = ctx;
  const languages = new Map(
    (db.prepare('SELECT id, language FROM engagements').all() as { id: string; language: Language }[]).map(
      (e) => [e.id, e.language],
    ),
  );
  const home = languages.get(target.engagementId) ?? 'en';
  // The marker reads in the language of the engagement whose text it replaces.
  const marker = (engagementId: string | null) => erasedMarker(languages.get(engagementId ?? '') ?? home);
  const ownRows = {
    interviewees: new Set(
      db
        .prepare('SELECT rowid FROM interviewees WHERE id = ?')
        .pluck()
        .all(target.intervieweeId ?? '') as number[],
    ),
    identities: new Set(
      db
        .prepare('SELECT rowid FROM identities WHERE id = ? OR interviewee_id = ?')
        .pluck()
        .all(target.identityId ?? '', target.intervieweeId ?? '') as number[],
    ),
  };
  const own = (table: string, rowid: number) =>
    (table === 'interviewees' || table === 'identities') && ownRows[table].has(rowid);
  const find = finderFor(ctx, target);
  const notes = notesNaming(ctx, find, keep, marker);
  const { fields, decisions } = fieldsNaming(ctx, find, own);
  const trash = trashNaming(ctx, find, target, keep, marker);
  const matches = [
    ...notes.flatMap((n) => n.blocks.flatMap((b) => b.places.map((p) => placeOf(n.place, b.text, p)))),
    ...fields.flatMap((f) => f.places.map((p) => placeOf(f.place, f.text, p))),
    ...trash.flatMap((row) => row.hits.flatMap((h) => h.places.map((p) => placeOf(h.place, h.text, p)))),
  ];
  // The texts the places were found in, each with its ids: any change to one of them shows here.
  const hash = createHash('sha256');
  for (const n of notes) for (const b of n.blocks) hash.update(`${n.interviewId}\u0000${b.text}\u0000`);
  for (const f of fields) hash.update(`${f.table}.${f.column}:${f.rowid}\u0000${f.text}\u0000`);
  for (const row of trash) for (const h of row.hits) hash.update(`trash:${row.rowid}\u0000${h.text}\u0000`);
  for (const m of matches) hash.update(`${m.id}\u0000`);
  return { notes, fields, decisions, trash, matches, token: hash.digest('hex'), marker, home };
}

export function erasurePreview(ctx: ServiceContext, id: string): ErasurePreview {
  const target = resolveTarget(ctx, id);
  const { matches, token } = gather(ctx, target, NOTHING);
  const forms = [...new Set(matches.map((m) => m.match.normalize('NFC')))].sort((a, b) =>
    a.localeCompare(b, 'fi'),
  );
  return { name: target.name, forms, matches: matches.slice(0, 500), total: matches.length, token };
}

/**
 * A GDPR erasure request: every form of the person's name — inflected, short, nicknamed, as marked
 * in notes — goes from every text of every engagement (notes and what is derived from them, quotes,
 * memos, findings, titles, labels, relationship entries, codes, interviewers, deleted codings), and
 * an interviewee stays only as an anonymous role, so the counts of the study do not change. Places
 * of the preview the consultant left out (an ordinary word that looks like the name) stay as they
 * are; the person's own record is always erased. Deleted pages are overwritten (secure_delete) and
 * the journal is emptied; if another program holds the file open so that the journal cannot be
 * emptied, the summary says the erasure is not complete.
 */
export function eraseInterviewee(
  ctx: ServiceContext,
  id: string,
  options: { excluded?: readonly string[]; previewToken?: string | undefined } = {},
): ErasureSummary {
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
  const excluded = new Set(options.excluded ?? []);

  db.transaction(() => {
    // Checked before anything changes: the places left out must be those the consultant saw.
    if (options.previewToken !== undefined || excluded.size) {
      const seen = gather(ctx, target, NOTHING);
      if (options.previewToken !== undefined && options.previewToken !== seen.token)
        throw new KuuloError('erasurePreviewStale');
      const byId = new Map(seen.matches.map((m) => [m.id, m]));
      for (const placeId of excluded) {
        const match = byId.get(placeId);
        if (!match) throw new KuuloError('erasurePlaceUnknown');
        if (match.required) throw new KuuloError('erasurePlaceRequired');
      }
    }
    const found = gather(ctx, target, (placeId) => !excluded.has(placeId));
    for (const note of found.notes) {
      if (!note.erased) continue;
      saveNotes(ctx, note.interviewId, note.doc, [], undefined, { rewrite: true });
      summary.notes++;
      summary.mentions += note.erased;
    }
    for (const field of found.fields) {
      const places = field.places.filter((p) => !excluded.has(p.id));
      if (!places.length) continue;
      const text = withoutSpans(
        field.text,
        places,
        found.marker(engagementOfRow(ctx, field.table, field.rowid)),
      );
      db.prepare(`UPDATE "${field.table}" SET "${field.column}" = ? WHERE rowid = ?`).run(text, field.rowid);
      summary.mentions += places.length;
      if (field.table === 'codings' && field.column === 'memo') summary.memos++;
      else if (field.table === 'findings') summary.findings++;
      else if (!(field.table === 'codings' && field.column === 'quote')) summary.fields++;
    }
    // Deleted rows kept for undo: erased in place, so a restore brings the erased text back.
    for (const row of found.trash) {
      const erased = row.hits.reduce(
        (sum, hit) => sum + hit.places.filter((p) => !excluded.has(p.id)).length,
        0,
      );
      if (!erased) continue;
      db.prepare('UPDATE trash SET label = ?, changes = ? WHERE rowid = ?').run(
        row.label,
        row.changes,
        row.rowid,
      );
      summary.fields++;
      summary.mentions += erased;
    }
    for (const d of found.decisions)
      db.prepare('DELETE FROM identity_decisions WHERE engagement_id = ? AND key = ?').run(
        d.engagementId,
        d.key,
      );
    const name = erasedMarker(found.home);
    if (target.intervieweeId) {
      db.prepare(
        `UPDATE interviewees SET name = ?, title = '', anon_label = '', consent = 'declined', email = '', updated_at = ? WHERE id = ?`,
      ).run(name, ctx.now(), target.intervieweeId);
      patchDeletedRow(ctx, 'interviewees', target.intervieweeId, {
        name,
        title: '',
        anon_label: '',
        consent: 'declined',
      });
      // The address goes from every kept copy of the row: an import's undo record holds it as written.
      patchKeptRows(ctx, 'interviewees', target.intervieweeId, { email: '' });
    }
    db.prepare(
      `UPDATE identities SET name = ?, aliases = '[]', role = '', updated_at = ? WHERE id = ? OR interviewee_id = ?`,
    ).run(name, ctx.now(), target.identityId ?? '', target.intervieweeId ?? '');
    purgeDeletedText(db);
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
