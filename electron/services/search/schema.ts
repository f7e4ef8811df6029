import type { Database } from 'better-sqlite3';

/**
 * The search index's tables, triggers and the rows the triggers keep (memos, findings, people,
 * accounts), made anew: for a rebuild of a damaged index (upkeep.ts). A copy of migration 12's schema,
 * since migrations are frozen and services do not import them; keep the two alike while the index's
 * schema is the one of version 12. The notes' rows are written by indexing.ts (`reindexNotes`).
 */
export function createSearchIndex(db: Database): void {
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
