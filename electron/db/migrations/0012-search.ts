import type { Database } from 'better-sqlite3';

/**
 * Schema version 12: the full-text search index (electron/services/search/). One row per indexed text —
 * a notes paragraph, a coding's memo, a field of a finding, an interviewee or an account — and an FTS5
 * trigram index over them (`search_fts`, external content: the text is stored once, in `search_docs`).
 *
 * The rows of memos, findings, people and accounts are kept in step by triggers on those tables, so
 * every writer (a form, an erasure, a merge of codes, a cascade of a deletion, an undo from the Trash)
 * updates the index in its own transaction without knowing of it. Notes paragraphs need the document
 * split into blocks, which SQL cannot do: the notes service writes them on save (only the changed
 * ones); deleting the notes row takes them with it here.
 *
 * FTS5's `secure-delete` option is left off: it made every autosave several milliseconds slower. An
 * erasure and deleting for good merge the index instead (electron/services/search/indexing.ts,
 * purgeDeletedText), which leaves no trace of deleted text in its shadow tables.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE search_docs (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('note','memo','finding','interviewee','account')),
      source_id TEXT NOT NULL,
      field TEXT NOT NULL DEFAULT '',
      interview_id TEXT,
      text TEXT NOT NULL
    );
    CREATE INDEX search_docs_source ON search_docs(source_id, kind);

    -- Where each text block of an interview's notes is: a JSON array, one entry per block in document
    -- order, [search_docs id (0 for an empty block), code-point start, UTF-16 start, UTF-16 length].
    -- One row per interview, so typing moves the blocks after it with one small write.
    CREATE TABLE search_notes (
      interview_id TEXT PRIMARY KEY,
      blocks TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_docs', content_rowid='id', tokenize='trigram');

    CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
      INSERT INTO search_fts(rowid, text) VALUES (NEW.id, NEW.text);
    END;
    CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
      INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
    END;
    CREATE TRIGGER search_docs_text AFTER UPDATE OF text ON search_docs WHEN OLD.text IS NOT NEW.text BEGIN
      INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
      INSERT INTO search_fts(rowid, text) VALUES (NEW.id, NEW.text);
    END;

    CREATE TRIGGER search_notes_delete AFTER DELETE ON notes BEGIN
      DELETE FROM search_docs WHERE source_id = OLD.interview_id AND kind = 'note';
      DELETE FROM search_notes WHERE interview_id = OLD.interview_id;
    END;

    CREATE TRIGGER search_memo_insert AFTER INSERT ON codings
    WHEN NEW.memo <> '' AND NEW.deleted_at IS NULL BEGIN
      INSERT INTO search_docs (kind, source_id, interview_id, text) VALUES ('memo', NEW.id, NEW.interview_id, NEW.memo);
    END;
    CREATE TRIGGER search_memo_update AFTER UPDATE OF memo, deleted_at ON codings
    WHEN OLD.memo IS NOT NEW.memo OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
      DELETE FROM search_docs WHERE source_id = OLD.id AND kind = 'memo';
      INSERT INTO search_docs (kind, source_id, interview_id, text)
        SELECT 'memo', NEW.id, NEW.interview_id, NEW.memo WHERE NEW.memo <> '' AND NEW.deleted_at IS NULL;
    END;
    CREATE TRIGGER search_memo_delete AFTER DELETE ON codings BEGIN
      DELETE FROM search_docs WHERE source_id = OLD.id AND kind = 'memo';
    END;

    ${fieldTriggers('finding', 'findings', ['title', 'key_message', 'body', 'recommendation'])}
    ${fieldTriggers('interviewee', 'interviewees', ['name', 'title'])}
    ${fieldTriggers('account', 'accounts', ['name'])}

    INSERT INTO search_docs (kind, source_id, interview_id, text)
      SELECT 'memo', id, interview_id, memo FROM codings WHERE memo <> '' AND deleted_at IS NULL;
  `);
  const insert = db.prepare(
    `INSERT INTO search_docs (kind, source_id, interview_id, text) VALUES ('note', ?, ?, ?) RETURNING id`,
  );
  const layout = db.prepare('INSERT INTO search_notes (interview_id, blocks) VALUES (?, ?)');
  // One interview at a time: the documents together can be large.
  const ids = db.prepare('SELECT interview_id FROM notes').pluck().all() as string[];
  const docOf = db.prepare('SELECT doc FROM notes WHERE interview_id = ?').pluck();
  for (const id of ids) {
    let u16 = 0;
    const entries = textBlocks(JSON.parse(docOf.get(id) as string) as Node).map((block, i) => {
      if (i > 0) u16 += 1;
      const row = block.text ? (insert.get(id, id, block.text) as { id: number }).id : 0;
      const entry = [row, block.start, u16, block.text.length];
      u16 += block.text.length;
      return entry;
    });
    // Notes without any text (an interview not started) have no layout.
    if (entries.some(([row]) => row !== 0)) layout.run(id, JSON.stringify(entries));
  }
}

/** Insert, update and delete triggers that index the given text columns of a table, one row per field. */
function fieldTriggers(kind: string, table: string, columns: readonly string[]): string {
  const rows = (alias: string) =>
    columns
      .map(
        (column) => `INSERT INTO search_docs (kind, source_id, field, text)
          SELECT '${kind}', ${alias}.id, '${column}', ${alias}.${column} WHERE ${alias}.${column} <> '';`,
      )
      .join('\n');
  const changed = columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  return `
    CREATE TRIGGER search_${table}_insert AFTER INSERT ON ${table} BEGIN ${rows('NEW')} END;
    CREATE TRIGGER search_${table}_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} WHEN ${changed} BEGIN
      DELETE FROM search_docs WHERE source_id = OLD.id AND kind = '${kind}';
      ${rows('NEW')}
    END;
    CREATE TRIGGER search_${table}_delete AFTER DELETE ON ${table} BEGIN
      DELETE FROM search_docs WHERE source_id = OLD.id AND kind = '${kind}';
    END;
    ${columns
      .map(
        (column) => `INSERT INTO search_docs (kind, source_id, field, text)
          SELECT '${kind}', id, '${column}', ${column} FROM ${table} WHERE ${column} <> '';`,
      )
      .join('\n')}`;
}

interface Node {
  type: string;
  text?: string;
  content?: Node[];
}

/**
 * The text blocks of a notes document with their code-point starts in its plain text: a frozen copy
 * of shared/notes.ts `deriveNotes` as it was at version 12 (later saves write the rows the live way).
 */
function textBlocks(doc: Node): { start: number; text: string }[] {
  const blocks: { start: number; text: string }[] = [];
  let offset = 0;
  const walk = (node: Node): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
      if (blocks.length > 0) offset += 1;
      const text = (node.content ?? [])
        .map((c) => (c.type === 'text' ? (c.text ?? '') : c.type === 'hardBreak' ? '\n' : ''))
        .join('');
      blocks.push({ start: offset, text });
      offset += [...text].length;
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return blocks;
}
