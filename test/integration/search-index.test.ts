import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/db/migrate.ts';
import type { DocNode } from '../../shared/domain.ts';
import { countWords, deriveNotes } from '../../shared/notes.ts';
import { undoListeningProgramme } from '../helpers/migrations.ts';
import { connect, newInterview, openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/**
 * The search index (migration 12, electron/services/search/) against what it indexes: after any
 * sequence of saves, memo edits, deletions and undos its rows are exactly those derived from scratch
 * from the notes (deriveNotes' blocks), memos, findings, people and accounts; erasure leaves no trace of
 * the name in any of its tables.
 */

type IndexRow = [
  kind: string,
  sourceId: string,
  field: string,
  interviewId: string | null,
  paragraph: number | null,
  start: number,
  text: string,
];

/** The rows as stored, notes blocks placed by their interview's layout, in a stable order. */
function storedIndex(db: Database): string[] {
  return (
    db
      .prepare(
        `SELECT d.kind, d.source_id, d.field, d.interview_id,
                CAST(j.key AS INTEGER), coalesce(json_extract(j.value, '$[1]'), 0), d.text
         FROM search_docs d
         LEFT JOIN search_notes n ON d.kind = 'note' AND n.interview_id = d.source_id
         LEFT JOIN json_each(n.blocks) j ON json_extract(j.value, '$[0]') = d.id`,
      )
      .raw()
      .all() as IndexRow[]
  )
    .map((row) => JSON.stringify(row))
    .sort();
}

/** Every interview's layout: each block's place in the plain text, empty blocks too (see indexing.ts). */
function storedLayouts(db: Database): string[] {
  return (
    db.prepare('SELECT interview_id, blocks FROM search_notes').all() as {
      interview_id: string;
      blocks: string;
    }[]
  )
    .map(
      (row) =>
        `${row.interview_id} ${JSON.stringify((JSON.parse(row.blocks) as number[][]).map((e) => e.slice(1)))}`,
    )
    .sort();
}

function expectedLayouts(db: Database): string[] {
  return (
    db.prepare(`SELECT interview_id AS id, doc FROM notes WHERE text <> ''`).all() as {
      id: string;
      doc: string;
    }[]
  )
    .flatMap((note) => {
      const { text, blocks } = deriveNotes(JSON.parse(note.doc) as DocNode);
      // Notes of empty blocks only ("\n" between two empty paragraphs) have nothing to find: no layout.
      if (!blocks.some((block) => block.text)) return [];
      const layout = blocks.map((block) => {
        const before = [...text].slice(0, block.start).join('').length;
        return [block.start, before, block.text.length];
      });
      return [`${note.id} ${JSON.stringify(layout)}`];
    })
    .sort();
}

/** The rows the index should hold, derived from scratch from the tables it indexes. */
function expectedIndex(db: Database): string[] {
  const rows: IndexRow[] = [];
  for (const note of db.prepare('SELECT interview_id AS id, doc FROM notes').all() as {
    id: string;
    doc: string;
  }[])
    deriveNotes(JSON.parse(note.doc) as DocNode).blocks.forEach((block, paragraph) => {
      if (block.text) rows.push(['note', note.id, '', note.id, paragraph, block.start, block.text]);
    });
  for (const c of db
    .prepare(
      `SELECT id, interview_id AS interviewId, memo FROM codings WHERE memo <> '' AND deleted_at IS NULL`,
    )
    .all() as { id: string; interviewId: string; memo: string }[])
    rows.push(['memo', c.id, '', c.interviewId, null, 0, c.memo]);
  const fields = (kind: string, table: string, columns: string[]) => {
    for (const row of db.prepare(`SELECT * FROM ${table}`).all() as Record<string, string>[])
      for (const column of columns)
        if (row[column]) rows.push([kind, row.id!, column, null, null, 0, row[column]!]);
  };
  fields('finding', 'findings', ['title', 'key_message', 'body', 'recommendation']);
  fields('interviewee', 'interviewees', ['name', 'title']);
  fields('account', 'accounts', ['name']);
  return rows.map((row) => JSON.stringify(row)).sort();
}

/** FTS5's own check that its index holds exactly the rows of its content table. */
const ftsIntact = (db: Database) =>
  expect(() =>
    db.prepare(`INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)`).run(),
  ).not.toThrow();

let ws: TestWorkspace;
afterEach(() => ws?.close());

describe('the search index equals what it indexes', () => {
  const word = fc.constantFrom('asiakas', 'Lasku', 'ä', 'öljy', '😀', '𝒜', 'invoice', 'ei', '', ' ', '  ');
  const text = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
  const op = fc.oneof(
    fc.record({ op: fc.constant('edit' as const), at: fc.nat(), text }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text }),
    fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('heading' as const), at: fc.nat(), text }),
    fc.record({ op: fc.constant('hardBreak' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('code' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('memo' as const), text }),
    fc.record({ op: fc.constant('deleteAndUndo' as const) }),
    fc.record({ op: fc.constant('finding' as const), text }),
    fc.record({ op: fc.constant('person' as const), text }),
    fc.record({ op: fc.constant('save' as const) }),
  );

  test('after random sequences of note edits, memo edits, deletions and undos (property)', () => {
    ws = openTestWorkspace();
    const { engagementId, accountId, id } = newInterview(ws);
    const codeId = ws.call('getCodebook', { engagementId }).find((c) => !c.isGroup)!.id;
    const person = ws.call('createInterviewee', {
      accountId,
      name: 'Maija Meikäläinen',
      roleLevel: 'strategic',
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
        // Each run starts from the interview's notes as the last run left them: the index must follow.
        type Block = { heading: boolean; pieces: { text: string; coded: string | null; br?: boolean }[] };
        const stored = ws.call('getInterview', { id }).notes.doc;
        const blocks: Block[] = (stored.content ?? []).map((node) => ({
          heading: node.type === 'heading',
          pieces: (node.content ?? []).map((c) => ({
            text: c.text ?? '',
            br: c.type === 'hardBreak',
            coded: ((c.marks ?? []).find((m) => m.type === 'coding')?.attrs?.id as string | null) ?? null,
          })),
        }));
        const toDoc = (): DocNode => ({
          type: 'doc',
          content: blocks.map((b) => ({
            type: b.heading ? 'heading' : 'paragraph',
            ...(b.heading ? { attrs: { level: 2 } } : {}),
            content: b.pieces
              .filter((p) => p.br || p.text)
              .map((p) =>
                p.br
                  ? { type: 'hardBreak' }
                  : {
                      type: 'text',
                      text: p.text,
                      ...(p.coded ? { marks: [{ type: 'coding', attrs: { id: p.coded } }] } : {}),
                    },
              ),
          })),
        });
        const created: { id: string; codeId: string }[] = [];
        const at = (n: number) => (blocks.length ? n % blocks.length : 0);
        const save = () => {
          ws.saveNotes({ interviewId: id, doc: toDoc(), codings: created.splice(0) });
        };
        for (const step of ops) {
          switch (step.op) {
            case 'edit':
              if (blocks.length) blocks[at(step.at)]!.pieces = [{ text: step.text, coded: null }];
              break;
            case 'insert':
              blocks.splice(at(step.at), 0, { heading: false, pieces: [{ text: step.text, coded: null }] });
              break;
            case 'remove':
              if (blocks.length > 1) blocks.splice(at(step.at), 1);
              break;
            case 'heading':
              blocks.splice(at(step.at), 0, { heading: true, pieces: [{ text: step.text, coded: null }] });
              break;
            case 'hardBreak':
              blocks[at(step.at)]?.pieces.push(
                { text: '', coded: null, br: true },
                { text: 'rivi', coded: null },
              );
              break;
            case 'code': {
              const codingId = crypto.randomUUID();
              created.push({ id: codingId, codeId });
              if (!blocks.length) blocks.push({ heading: false, pieces: [] });
              blocks[at(step.at)]!.pieces.push({
                text: 'koodattu asiakas',
                coded: codingId,
              });
              save();
              break;
            }
            case 'memo': {
              const coding = ws.call('listCodings', { interviewId: id })[0];
              if (coding) ws.call('updateCoding', { id: coding.id, patch: { memo: step.text } });
              break;
            }
            case 'deleteAndUndo': {
              save();
              ws.call('deleteInterview', { id });
              expect(
                ws.db.prepare('SELECT count(*) FROM search_docs WHERE interview_id = ?').pluck().get(id),
              ).toBe(0);
              expect(storedIndex(ws.db)).toEqual(expectedIndex(ws.db));
              ws.call('restoreFromTrash', { id: ws.call('listTrash', {})[0]!.id });
              break;
            }
            case 'finding': {
              const finding = ws.call('listFindings', { engagementId })[0];
              if (finding) ws.call('updateFinding', { id: finding.id, patch: { body: step.text } });
              else ws.call('createFinding', { engagementId, title: 'Löydös', body: step.text });
              break;
            }
            case 'person':
              ws.call('updateInterviewee', { id: person.id, patch: { title: step.text } });
              break;
            case 'save':
              save();
              break;
          }
        }
        save();
        expect(storedIndex(ws.db)).toEqual(expectedIndex(ws.db));
        expect(storedLayouts(ws.db)).toEqual(expectedLayouts(ws.db));
        ftsIntact(ws.db);
        // The word count, kept block by block between saves, is the whole text's.
        const notes = ws.db
          .prepare('SELECT text, word_count AS words FROM notes WHERE interview_id = ?')
          .get(id);
        expect((notes as { words: number }).words).toBe(countWords((notes as { text: string }).text));
      }),
      { numRuns: 60 },
    );
  });

  test('the demo workspace, a merge of codes, and a code deletion with its undo', () => {
    ws = openTestWorkspace();
    ws.call('createDemo', {});
    expect(storedIndex(ws.db).length).toBeGreaterThan(500);
    expect(storedIndex(ws.db)).toEqual(expectedIndex(ws.db));
    const codes = ws.call('getCodebook', {}).filter((c) => !c.isGroup && c.usage > 0);
    const undo = () => ws.call('restoreFromTrash', { id: ws.call('listTrash', {})[0]!.id });
    // (Undoing this merge of two shared codes is refused as changed since, on the base branch too.)
    ws.call('mergeCodes', { sourceId: codes[0]!.id, targetId: codes[1]!.id });
    expect(storedIndex(ws.db)).toEqual(expectedIndex(ws.db));
    ws.call('deleteCode', { id: codes[2]!.id });
    expect(storedIndex(ws.db)).toEqual(expectedIndex(ws.db));
    undo();
    expect(storedIndex(ws.db)).toEqual(expectedIndex(ws.db));
    expect(storedLayouts(ws.db)).toEqual(expectedLayouts(ws.db));
    ftsIntact(ws.db);
  });

  test('an imported account list (written in bulk), a re-import that fills fields, and their undos', () => {
    ws = openTestWorkspace();
    ws.call('createDemo', {});
    const engagementId = ws.call('listEngagements', {})[0]!.id;
    const existing = ws.call('listAccounts', { engagementId })[0]!;
    const rows = ['Asiakas;Yhteyshenkilö;Titteli;Sähköposti'];
    // A known account with a new person and a known person, and new accounts with 1–3 people each.
    rows.push(`${existing.name};Uusi Henkilö;Ostaja;uusi@example.fi`);
    if (existing.interviewees[0]) rows.push(`${existing.name};${existing.interviewees[0].name};Johtaja;`);
    for (let i = 0; i < 60; i++)
      rows.push(`Öljyasiakas ${i} Oy;Henkilö ${i} Äijälä 😀;${i % 2 ? 'Päällikkö' : ''};`);
    for (let i = 0; i < 30; i++) rows.push(`Öljyasiakas ${i} Oy;Toinen ${i};;toinen${i}@example.fi`);
    const data = Buffer.from(rows.join('\n')).toString('base64');
    const first = ws.call('importAccounts', { engagementId, fileName: 'a.csv', data });
    expect(first.accountsCreated).toBe(60);
    expect(storedIndex(ws.db)).toEqual(expectedIndex(ws.db));
    ftsIntact(ws.db);
    // The same names again with titles now given: people already there get their empty titles filled.
    const titled = rows.map((row, i) => (i > 0 ? row.replace(/;;/, ';Uusi titteli;') : row));
    const second = ws.call('importAccounts', {
      engagementId,
      fileName: 'b.csv',
      data: Buffer.from(titled.join('\n')).toString('base64'),
    });
    expect(second.peopleUpdated).toBeGreaterThan(0);
    expect(storedIndex(ws.db)).toEqual(expectedIndex(ws.db));
    for (const trashId of [second.trashId, first.trashId]) {
      ws.call('restoreFromTrash', { id: trashId! });
      expect(storedIndex(ws.db)).toEqual(expectedIndex(ws.db));
      ftsIntact(ws.db);
    }
    expect(ws.call('search', { query: 'Öljyasiakas' }).total).toBe(0);
  });

  test('migration 12 builds the index from a workspace written before it', () => {
    ws = openTestWorkspace();
    ws.call('createDemo', {});
    const built = storedIndex(ws.db);
    const layouts = storedLayouts(ws.db);
    // Back to version 11: no index at all.
    ws.db.exec('DROP TABLE search_fts; DROP TABLE search_docs; DROP TABLE search_notes;');
    for (const name of ws.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'`)
      .pluck()
      .all() as string[])
      ws.db.exec(`DROP TRIGGER "${name}"`);
    // And before migration 13's column, which it adds again.
    undoListeningProgramme(ws.db);
    ws.db.exec('ALTER TABLE interviewees DROP COLUMN email');
    ws.db.pragma('user_version = 11');
    ws.db.close();
    const again = connect(ws.path);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(storedIndex(again.db)).toEqual(built);
    expect(storedLayouts(again.db)).toEqual(layouts);
    ftsIntact(again.db);
    expect(again.call('search', { query: 'asiakas' }).total).toBeGreaterThan(0);
    again.db.close();
  });
});

describe('erasure and the index', () => {
  beforeEach(() => {
    ws = openTestWorkspace();
    ws.call('createDemo', {});
  });

  /** Every table of the index, the FTS5 shadow tables included (found by name, as SQLite lists them). */
  const indexTables = () =>
    ws.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'search%'`)
      .pluck()
      .all() as string[];

  /** Every value of every index table: strings as they are, blobs as raw bytes. */
  function indexContents(): { strings: string; blobs: Buffer } {
    const strings: string[] = [];
    const blobs: Buffer[] = [];
    for (const table of indexTables())
      for (const row of ws.db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][])
        for (const value of row) {
          if (typeof value === 'string') strings.push(value);
          else if (Buffer.isBuffer(value)) blobs.push(value);
        }
    return { strings: strings.join('\n'), blobs: Buffer.concat(blobs) };
  }

  /** Documents of the trigram index whose terms spell the word in a row (from fts5vocab's instances). */
  function docsSpelling(word: string): number {
    ws.db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, 'search_fts', 'instance')`,
    );
    const trigrams = [...word.toLowerCase()].flatMap((_, i, all) =>
      i + 3 <= all.length ? [all.slice(i, i + 3).join('')] : [],
    );
    const rows = ws.db
      .prepare(
        `SELECT doc, offset, term FROM temp.search_terms WHERE term IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(trigrams)) as { doc: number; offset: number; term: string }[];
    const at = new Set(rows.map((r) => `${r.doc}:${r.offset}:${r.term}`));
    const docs = new Set<number>();
    for (const r of rows)
      if (r.term === trigrams[0] && trigrams.every((t, k) => at.has(`${r.doc}:${r.offset + k}:${t}`)))
        docs.add(r.doc);
    return docs.size;
  }

  test('deleting an interview for good from the Trash leaves its words nowhere in the index', () => {
    const interview = ws.call('listInterviews', { engagementId: ws.call('listEngagements', {})[0]!.id })[0]!;
    ws.saveNotes({
      interviewId: interview.id,
      doc: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zyxwvu qoph' }] }],
      },
    });
    expect(ws.call('search', { query: 'zyxwvu' }).total).toBe(1);
    expect(indexContents().blobs.includes(Buffer.from('zyx'))).toBe(true);
    ws.call('deleteInterview', { id: interview.id });
    expect(ws.call('search', { query: 'zyxwvu' }).total).toBe(0);
    ws.call('deleteFromTrash', { id: ws.call('listTrash', {})[0]!.id });
    const after = indexContents();
    expect(after.strings).not.toMatch(/zyxwvu|qoph/i);
    for (const trigram of ['zyx', 'yxw', 'xwv', 'wvu', 'qop', 'oph'])
      expect(after.blobs.includes(Buffer.from(trigram))).toBe(false);
    expect(docsSpelling('zyxwvu')).toBe(0);
    expect(storedIndex(ws.db)).toEqual(expectedIndex(ws.db));
    ftsIntact(ws.db);
  });

  test('leaves no form of the erased name in any index table, its shadow tables or their blobs', () => {
    const engagement = ws.call('listEngagements', {}).find((e) => e.clientName.startsWith('Kvarnholm'))!;
    const person = ws
      .call('listAccounts', { engagementId: engagement.id })
      .flatMap((a) => a.interviewees)
      .find((p) => p.name === 'Karin Åberg')!;
    const interview = ws
      .call('listInterviews', { engagementId: engagement.id })
      .find((i) => i.intervieweeIds.includes(person.id))!;
    const coding = ws.call('listCodings', { interviewId: interview.id })[0]!;
    ws.call('updateCoding', { id: coding.id, patch: { memo: 'Ask Karin Åberg; Åbergin mukaan tärkeää.' } });
    ws.call('createFinding', { engagementId: engagement.id, title: 'Karin Åberg on the port strike' });

    const before = indexContents();
    expect(before.strings).toMatch(/Karin/);
    expect(before.strings).toMatch(/Åberg/);
    expect(docsSpelling('Åberg')).toBeGreaterThan(2);
    expect(ws.call('search', { query: 'Åberg' }).total).toBeGreaterThan(2);
    // The trigram that only this name has is in the index's blobs before the erasure.
    const trigram = Buffer.from('åbe');
    expect(before.blobs.includes(trigram)).toBe(true);

    ws.call('eraseInterviewee', { id: person.id });

    expect(indexTables()).toEqual(
      expect.arrayContaining(['search_docs', 'search_fts', 'search_fts_data', 'search_fts_idx']),
    );
    const after = indexContents();
    expect(after.strings).not.toMatch(/karin|åberg/i);
    expect(after.blobs.includes(trigram)).toBe(false);
    for (const form of ['karin', 'Karin', 'KARIN', 'åberg', 'Åberg', 'Åbergin'])
      expect(after.blobs.includes(Buffer.from(form))).toBe(false);
    expect(docsSpelling('Åberg')).toBe(0);
    expect(docsSpelling('Karin')).toBe(0);
    expect(ws.call('search', { query: 'Åberg' }).total).toBe(0);
    expect(ws.call('search', { query: 'Karin' }).total).toBe(0);
    expect(storedIndex(ws.db)).toEqual(expectedIndex(ws.db));
    ftsIntact(ws.db);
  });
});
