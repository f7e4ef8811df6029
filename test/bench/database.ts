import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { openDatabase } from '../../electron/db/connection.ts';
import type { Input } from '../../shared/contract.ts';
import type { DocNode } from '../../shared/domain.ts';
import { CODING_MARK, countWords, deriveNotes } from '../../shared/notes.ts';
import type { Connection } from '../helpers/workspace.ts';
import { floorOf, type Measure, percentile, sample, summary } from './stats.ts';
import type { ScaleConfig, WorkspaceInfo } from './workspace.ts';

/** What every database measure works on: the working copy behind the real dispatcher, and beside it a bare connection. */
export interface DatabaseBench {
  conn: Connection;
  /** The floor: better-sqlite3 on the same file with the same durability pragmas, and nothing of ours. */
  raw: Database;
  path: string;
  dir: string;
  info: WorkspaceInfo;
  config: ScaleConfig;
}

export function rawConnection(path: string): Database {
  const raw = new BetterSqlite3(path, { fileMustExist: true });
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  return raw;
}

/** Opening the workspace: what the app does at start (inspection, `quick_check`, pragmas, migrations check). */
export function measureOpen({ path, config }: DatabaseBench): Measure {
  const ours = [];
  const raw = [];
  for (let i = -1; i < config.runs.open; i++) {
    let start = performance.now();
    const db = openDatabase(path);
    if (i >= 0) ours.push(performance.now() - start);
    db.close();
    start = performance.now();
    const bare = new BetterSqlite3(path, { fileMustExist: true });
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.pragma('foreign_keys = ON');
    bare.pragma('user_version', { simple: true });
    if (i >= 0) raw.push(performance.now() - start);
    bare.close();
  }
  return {
    name: 'open the workspace (openDatabase)',
    ...summary(ours),
    budget: 300,
    floor: floorOf(raw, 'new Database + the same pragmas + user_version'),
  };
}

const ENGAGEMENTS_SQL = `SELECT e.*,
    (SELECT count(*) FROM accounts a WHERE a.engagement_id = e.id) AS accountCount,
    (SELECT count(*) FROM interviews i WHERE i.engagement_id = e.id) AS interviewCount,
    (SELECT count(*) FROM interviews i WHERE i.engagement_id = e.id AND i.status IN ('done','coded')) AS interviewsDone
  FROM engagements e ORDER BY e.updated_at DESC, e.client_name`;

const INTERVIEW_SQL = {
  item: `SELECT i.*, a.name AS accountName, a.tier, coalesce(n.word_count, 0) AS wordCount
    FROM interviews i JOIN accounts a ON a.id = i.account_id LEFT JOIN notes n ON n.interview_id = i.id WHERE i.id = ?`,
  people: `SELECT p.id, p.name, p.title, p.role_level FROM interview_interviewees ii
    JOIN interviewees p ON p.id = ii.interviewee_id WHERE ii.interview_id = ? ORDER BY ii.position, p.name`,
  engagement: 'SELECT id, client_name, title, language FROM engagements WHERE id = ?',
  relationships: `SELECT id, interviewee_id, client_person, client_role, level FROM relationships
    WHERE interview_id = ? ORDER BY created_at, client_person`,
  notes: 'SELECT doc, text, revision, updated_at FROM notes WHERE interview_id = ?',
};

/** Listing engagements, opening interviews, autosave, adding a coding, backup: each against its floor. */
export function measureServices(bench: DatabaseBench): Measure[] {
  const { conn, raw, info, config } = bench;
  const runs = config.runs.cheap;
  const measures: Measure[] = [];

  const engagements = raw.prepare(ENGAGEMENTS_SQL);
  measures.push({
    name: `list engagements (${info.counts.engagements})`,
    ...summary(sample(runs, () => conn.call('listEngagements', {}))),
    floor: floorOf(
      sample(runs, () => engagements.all()),
      'the same SELECT with the three counts',
    ),
  });

  const rawInterview = {
    item: raw.prepare(INTERVIEW_SQL.item),
    people: raw.prepare(INTERVIEW_SQL.people),
    engagement: raw.prepare(INTERVIEW_SQL.engagement),
    relationships: raw.prepare(INTERVIEW_SQL.relationships),
    notes: raw.prepare(INTERVIEW_SQL.notes),
  };
  const loadRaw = (id: string) => {
    const item = rawInterview.item.get(id) as { engagement_id: string };
    rawInterview.people.all(id);
    rawInterview.engagement.get(item.engagement_id);
    rawInterview.relationships.all(id);
    const notes = rawInterview.notes.get(id) as { doc: string };
    return JSON.parse(notes.doc) as DocNode;
  };
  const typical = raw
    .prepare(
      `SELECT id FROM interviews WHERE status <> 'planned' AND engagement_id IN (SELECT value FROM json_each(?))
       ORDER BY id LIMIT ?`,
    )
    .pluck()
    .all(JSON.stringify(info.engagementIds), runs) as string[];
  const cycle = (i: number) => typical[(i + typical.length) % typical.length]!;
  measures.push({
    name: `open an interview (getInterview: ${config.workspace.wordsPerInterview} words, ${typical.length} different)`,
    ...summary(sample(runs, (i) => conn.call('getInterview', { id: cycle(i) }))),
    floor: floorOf(
      sample(runs, (i) => loadRaw(cycle(i))),
      'the same five SELECTs + JSON.parse',
    ),
  });
  const [writeId, longId] = info.longInterviewIds;
  measures.push({
    name: `open a long interview (getInterview: ${config.long.words} words, ${config.long.codings} codings)`,
    ...summary(sample(runs, () => conn.call('getInterview', { id: longId }))),
    floor: floorOf(
      sample(runs, () => loadRaw(longId)),
      'the same five SELECTs + JSON.parse',
    ),
  });

  measures.push(measureAutosave(bench, writeId), measureCoding(bench, writeId), measureBackup(bench));
  return measures;
}

/** The editor's autosave: the whole document goes to `saveNotes`, one more word each time. */
function measureAutosave({ conn, raw, config }: DatabaseBench, interviewId: string): Measure {
  const runs = config.runs.cheap;
  const notes = conn.call('getInterview', { id: interviewId }).notes;
  const doc = notes.doc;
  let revision = notes.revision;
  const appendWord = () => {
    const parts = doc.content!.at(-1)!.content!;
    const tail = parts.at(-1)!;
    if (tail.marks?.length) parts.push({ type: 'text', text: ' lisäksi' });
    else tail.text = `${tail.text} lisäksi`;
  };
  const ours = sample(
    runs,
    () => {
      revision = conn.call('saveNotes', { interviewId, doc, baseRevision: revision }).revision;
    },
    { before: appendWord },
  );

  // The text and its word count come from the document: our work, so prepared outside the floor's timing.
  let text = deriveNotes(doc).text;
  let words = countWords(text);
  const update = raw.prepare(
    `UPDATE notes SET doc = ?, text = ?, word_count = ?, revision = revision + 1, updated_at = ? WHERE interview_id = ?`,
  );
  const save = raw.transaction(() =>
    update.run(JSON.stringify(doc), text, words, new Date().toISOString(), interviewId),
  );
  const floor = sample(runs, () => save(), {
    before: () => {
      appendWord();
      text += ' lisäksi';
      words++;
    },
  });
  const codings = conn.call('listCodings', { interviewId }).length;
  return {
    name: `autosave a ${countWords(text)}-word note with ${codings} codings (saveNotes)`,
    ...summary(ours),
    budget: 10,
    floor: floorOf(floor, 'JSON.stringify + UPDATE of the notes row in a transaction'),
  };
}

/** Coding a passage: `saveNotes` with the new mark in the document and its row. */
function measureCoding({ conn, raw, config }: DatabaseBench, interviewId: string): Measure {
  const runs = config.runs.cheap;
  const doc = conn.call('getInterview', { id: interviewId }).notes.doc;
  const codeId = conn.call('getCodebook', {}).find((c) => !c.isGroup)!.id;
  let pending: NonNullable<Input<'saveNotes'>['codings']>[number] | undefined;
  const codeAParagraph = () => {
    const paragraph = doc.content!.find(
      (p) => p.content?.length === 1 && !p.content[0]!.marks && p.content[0]!.text!.split(' ').length > 4,
    );
    if (!paragraph)
      throw new Error('No uncoded paragraph left to code: give the long interview fewer codings.');
    const words = paragraph.content![0]!.text!.split(' ');
    const id = randomUUID();
    paragraph.content = [
      { type: 'text', text: words.slice(0, 3).join(' '), marks: [{ type: CODING_MARK, attrs: { id } }] },
      { type: 'text', text: ` ${words.slice(3).join(' ')}` },
    ];
    pending = { id, codeId, sentiment: 'negative' };
  };
  let revision = conn.call('getInterview', { id: interviewId }).notes.revision;
  const ours = sample(
    runs,
    () => {
      revision = conn.call('saveNotes', {
        interviewId,
        doc,
        codings: [pending!],
        baseRevision: revision,
      }).revision;
    },
    { before: codeAParagraph },
  );

  const text = deriveNotes(doc).text;
  const insert = raw.prepare(
    `INSERT INTO codings (id, interview_id, code_id, sentiment, severity, memo, star, quote, start, "end",
       created_at, updated_at) VALUES (?, ?, ?, 'negative', NULL, '', 0, ?, 0, 12, ?, ?)`,
  );
  const update = raw.prepare(
    `UPDATE notes SET doc = ?, text = ?, revision = revision + 1, updated_at = ? WHERE interview_id = ?`,
  );
  const save = raw.transaction(() => {
    const now = new Date().toISOString();
    insert.run(randomUUID(), interviewId, codeId, text.slice(0, 12), now, now);
    update.run(JSON.stringify(doc), text, now, interviewId);
  });
  return {
    name: 'add a coding to it (saveNotes with one new mark and row)',
    ...summary(ours),
    budget: 20,
    floor: floorOf(
      sample(runs, () => save()),
      'INSERT of the coding + UPDATE of the notes row in a transaction',
    ),
  };
}

/** A backup of the whole workspace (`VACUUM INTO` a file in backups/, then pruning). */
function measureBackup({ conn, raw, config, dir }: DatabaseBench): Measure {
  const ours = sample(config.runs.backup, () => conn.call('createBackup', {}), { warmup: 0 });
  const target = join(dir, 'raw-backup.db');
  const vacuum = raw.prepare('VACUUM INTO ?');
  const floor = sample(config.runs.backup, () => vacuum.run(target), {
    warmup: 0,
    before: () => rmSync(target, { force: true }),
  });
  rmSync(target, { force: true });
  return {
    name: 'backup the workspace (createBackup)',
    ...summary(ours),
    floor: floorOf(floor, 'VACUUM INTO'),
  };
}

const QUOTE_SQL = `SELECT c.id, c.interview_id, c.code_id, c.sentiment, c.severity, c.memo, c.star, c.quote, c.start,
    c."end", i.engagement_id, e.title, i.date, a.id AS account_id, a.name AS account_name, a.tier, k.name_fi,
    k.name_en, k.color,
    (SELECT json_group_array(DISTINCT p.role_level) FROM interview_interviewees ii
       JOIN interviewees p ON p.id = ii.interviewee_id WHERE ii.interview_id = i.id) AS role_levels
  FROM codings c
  JOIN codes k ON k.id = c.code_id
  JOIN interviews i ON i.id = c.interview_id
  JOIN engagements e ON e.id = i.engagement_id
  JOIN accounts a ON a.id = i.account_id
  WHERE c.deleted_at IS NULL AND i.status <> 'planned' AND`;
/** `findQuotes`' default limit, which the retrieval view uses. */
const QUOTE_LIMIT = 5000;
const QUOTE_ORDER = `ORDER BY i.date DESC, a.name, c.interview_id, c.start LIMIT ${QUOTE_LIMIT}`;

/**
 * The retrieval view's queries (`findQuotes`, default limit 5,000) on the two most used shared codes; the
 * per-engagement ones cycle through the engagements. The floor is a hand-written query for exactly that
 * filter returning the same columns, without the surrounding sentences our layer adds.
 */
export function measureRetrieval({ conn, raw, info, config }: DatabaseBench): Measure[] {
  const runs = config.runs.cheap;
  const [a, b] = raw
    .prepare(
      `SELECT c.code_id FROM codings c JOIN codes k ON k.id = c.code_id
       WHERE k.engagement_id IS NULL AND c.deleted_at IS NULL GROUP BY c.code_id ORDER BY count(*) DESC LIMIT 2`,
    )
    .pluck()
    .all() as [string, string];
  const engagement = (i: number) =>
    info.engagementIds[(i + info.engagementIds.length) % info.engagementIds.length]!;
  const queries: {
    name: string;
    query: (i: number) => Input<'findQuotes'>;
    sql: string;
    params: (i: number) => Record<string, string>;
  }[] = [
    {
      name: 'retrieve: one code in one engagement',
      query: (i) => ({ codeIds: [a], engagementId: engagement(i) }),
      sql: `${QUOTE_SQL} c.code_id = @a AND i.engagement_id = @e ${QUOTE_ORDER}`,
      params: (i) => ({ a, e: engagement(i) }),
    },
    {
      name: 'retrieve: one code across all engagements',
      query: () => ({ codeIds: [a] }),
      sql: `${QUOTE_SQL} c.code_id = @a ${QUOTE_ORDER}`,
      params: () => ({ a }),
    },
    {
      name: 'retrieve: two codes, match all (overlapping), one engagement',
      query: (i) => ({ codeIds: [a, b], match: 'all', engagementId: engagement(i) }),
      sql: `${QUOTE_SQL} c.code_id IN (@a, @b) AND i.engagement_id = @e AND EXISTS (
          SELECT 1 FROM codings o WHERE o.interview_id = c.interview_id AND o.deleted_at IS NULL
            AND o.code_id = CASE WHEN c.code_id = @a THEN @b ELSE @a END
            AND o.start < c."end" AND o."end" > c.start) ${QUOTE_ORDER}`,
      params: (i) => ({ a, b, e: engagement(i) }),
    },
    {
      name: 'retrieve: one code, key accounts, negative, all engagements',
      query: () => ({ codeIds: [a], tiers: ['key'], sentiments: ['negative'] }),
      sql: `${QUOTE_SQL} c.code_id = @a AND a.tier = 'key' AND c.sentiment = 'negative' ${QUOTE_ORDER}`,
      params: () => ({ a }),
    },
  ];
  return queries.map(({ name, query, sql, params }) => {
    const counts: number[] = [];
    const ours = sample(runs, (i) => counts.push(conn.call('findQuotes', query(i)).length));
    const statement = raw.prepare(sql);
    return {
      name,
      note: `median ${percentile(counts, 50)} quotes${Math.max(...counts) >= QUOTE_LIMIT ? ' (the limit)' : ''}`,
      ...summary(ours),
      budget: 50,
      floor: floorOf(
        sample(runs, (i) => statement.all(params(i))),
        'a query written for this filter, same columns, no sentences',
      ),
    };
  });
}
