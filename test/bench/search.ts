import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../../electron/db/migrate.ts';
import { indexNoteBlocks, reindexNotes } from '../../electron/services/search/indexing.ts';
import type { DocNode } from '../../shared/domain.ts';
import { countWords, deriveNotes } from '../../shared/notes.ts';
import { undoListeningProgramme } from '../helpers/migrations.ts';
import type { DatabaseBench } from './database.ts';
import { type Measure, sample, summary } from './stats.ts';

/**
 * Full-text search (issue 15) on the portfolio: the first 50 hits of a few kinds of query, what the index
 * adds to an autosave of the long note, and the index's build time (migration 12) and size.
 */
export function measureSearch(bench: DatabaseBench): Measure[] {
  return [
    ...measureQueries(bench),
    ...measureAutosave(bench, 'end'),
    ...measureAutosave(bench, 'middle'),
    ...measureBuild(bench),
  ];
}

/** Words of the generated notes (test/bench/notes.ts) and people (generate.ts). */
const QUERIES: { query: string; what: string; engagement?: boolean; interview?: boolean }[] = [
  { query: 'asiakas', what: 'a common Finnish word' },
  { query: 'Öberg', what: 'a rare word (a surname, in a few people)' },
  { query: '"toimitus viivästyi"', what: 'a phrase' },
  { query: 'yhteys*', what: 'a prefix' },
  { query: 'delivery -asiakas', what: 'a word without another' },
  { query: 'laskutus', what: 'a word found nowhere' },
  { query: 'asiakas', what: 'a common Finnish word, one engagement', engagement: true },
  { query: 'asiakas', what: 'a common Finnish word in the long note (Ctrl+F)', interview: true },
];

function measureQueries({ conn, config, info }: DatabaseBench): Measure[] {
  const runs = config.runs.cheap;
  return QUERIES.map(({ query, what, engagement, interview }) => {
    const input = {
      query,
      limit: 50,
      ...(engagement ? { engagementId: info.engagementIds[0]! } : {}),
      ...(interview ? { interviewId: info.longInterviewIds[1] } : {}),
    };
    const result = conn.call('search', input);
    return {
      name: `search: ${what} (${query}), first 50 hits`,
      ...summary(sample(runs, () => conn.call('search', input))),
      budget: 30,
      note: `${result.total}${result.more ? '+' : ''} hits`,
    };
  });
}

/**
 * Autosave of the long note (one more word each time, at its end or in its middle) through `saveNotes`,
 * and the index's share of it: the same edits through `indexNoteBlocks` alone (the blocks come from the
 * `deriveNotes` the save does anyway, so they are made untimed).
 */
function measureAutosave({ conn, config, info }: DatabaseBench, where: 'end' | 'middle'): Measure[] {
  const runs = config.runs.cheap;
  const interviewId = info.longInterviewIds[2];
  const notes = conn.call('getInterview', { id: interviewId }).notes;
  const doc = notes.doc as DocNode;
  let revision = notes.revision;
  const paragraph = where === 'end' ? doc.content!.length - 1 : Math.floor(doc.content!.length / 2);
  const addWord = () => {
    const parts = doc.content![paragraph]!.content!;
    const tail = parts.at(-1)!;
    if (tail.marks?.length) parts.push({ type: 'text', text: ' lisäksi' });
    else tail.text = `${tail.text} lisäksi`;
  };
  const save = sample(
    runs,
    () => {
      revision = conn.call('saveNotes', { interviewId, doc, baseRevision: revision }).revision;
    },
    { before: addWord },
  );
  // The old text is read by the save anyway (one column of the row it updates), so it is read untimed.
  let blocks = deriveNotes(doc).blocks;
  let oldText = '';
  const index = conn.db.transaction(() => indexNoteBlocks(conn.db, interviewId, blocks, oldText));
  const indexOnly = sample(runs, () => index(), {
    before: () => {
      oldText = blocks.map((b) => b.text).join('\n');
      addWord();
      blocks = deriveNotes(doc).blocks;
    },
  });
  // The index now holds words the stored notes do not: back in step with them.
  conn.db.transaction(() => reindexNotes(conn.db, interviewId))();
  const words = countWords(deriveNotes(doc).text);
  return [
    {
      name: `autosave a ${words}-word note, typing at its ${where} (saveNotes, index included)`,
      ...summary(save),
      budget: 10,
    },
    {
      name: `  of which the search index (indexNoteBlocks, typing at its ${where})`,
      ...summary(indexOnly),
      budget: 2,
      note: `${doc.content!.length} blocks`,
    },
  ];
}

/** Migration 12 over a copy of the workspace without its index, and the index's size in the file. */
function measureBuild({ conn, dir }: DatabaseBench): Measure[] {
  conn.db.pragma('wal_checkpoint(TRUNCATE)');
  const size = conn.db
    .prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search%' GROUP BY name`)
    .all() as { name: string; bytes: number }[];
  const total = size.reduce((sum, t) => sum + t.bytes, 0);
  const fts = size.filter((t) => t.name.startsWith('search_fts')).reduce((sum, t) => sum + t.bytes, 0);
  const file =
    (conn.db.pragma('page_count', { simple: true }) as number) *
    (conn.db.pragma('page_size', { simple: true }) as number);
  const rows = conn.db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number;
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

  const copy = join(dir, 'search-build.db');
  copyFileSync(conn.db.name, copy);
  const db = new BetterSqlite3(copy);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    for (const trigger of db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'`)
      .pluck()
      .all() as string[])
      db.exec(`DROP TRIGGER "${trigger}"`);
    // Back to version 11 as it was: the later migrations (13: people's e-mail) run again after 12.
    db.exec('DROP TABLE search_fts; DROP TABLE search_docs; DROP TABLE search_notes');
    undoListeningProgramme(db);
    db.exec('ALTER TABLE interviewees DROP COLUMN email; VACUUM');
    db.pragma('user_version = 11');
    const start = performance.now();
    migrate(db);
    const ms = performance.now() - start;
    return [
      {
        name: 'search index build (migration 12 over the whole workspace)',
        runs: 1,
        p50: ms,
        p95: ms,
        note: `${rows} rows`,
      },
      {
        name: 'search index size (search_docs with its text, and the FTS5 trigram tables)',
        unit: 'MB',
        runs: 1,
        p50: mb(total),
        p95: mb(total),
        note: `FTS5 tables ${mb(fts)} MB; the workspace file ${mb(file)} MB`,
      },
    ];
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
}
