import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/db/connection.ts';
import { erasedMarker } from '../../electron/services/erasure.ts';

/** The crash writer's engagement is Finnish: erasure writes its marker in Finnish. */
const ERASED = erasedMarker('fi');

import type { DocNode } from '../../shared/domain.ts';
import { deriveNotes } from '../../shared/notes.ts';
import { seededRandom } from '../fixtures/random.ts';

/**
 * Kills a writer that uses the real services with SIGKILL at random moments, many times over, on one
 * file. After every kill the file must open as the app would open it, pass `integrity_check`, and hold
 * every write the writer saw return: notes, codings (saved with their notes in one transaction), stars,
 * memos, code merges and erasures among them. Override the schedule with KUULO_CRASH_SEED /
 * KUULO_CRASH_KILLS.
 */
const SEED = Number(process.env.KUULO_CRASH_SEED ?? 20261124);
const KILLS = Number(process.env.KUULO_CRASH_KILLS ?? 60);
const WRITER = join(import.meta.dirname, '../fixtures/crash-writer.ts');

const dir = mkdtempSync(join(tmpdir(), 'kuulo-crash-'));
const dbPath = join(dir, 'kuulo.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the writers reported as returned, i.e. committed: the file must never hold less. */
interface Expected {
  rows: Map<string, 'interview' | 'person' | 'relationship'>;
  /** Interview id → highest reported notes revision and block count. */
  notes: Map<string, { revision: number; blocks: number }>;
  durations: Map<string, number>;
  /** Coding id → the code it was made with: live, on that code or one it was merged into since. */
  codings: Map<string, string>;
  /** Codings reported starred, and the tokens reported appended to their memos: they must be live. */
  starred: Set<string>;
  memos: Map<string, string[]>;
  /** Engagement-own codes reported created and not merged away (or announced as merged) since. */
  codes: Set<string>;
  /** Sources of reported merges and codings those merges collapsed: gone for good. */
  goneCodes: Set<string>;
  goneCodings: Set<string>;
  /** Source → target of every merge announced; one announced but not reported may not have happened. */
  mergedInto: Map<string, string>;
  /** Person id → name, and the people reported erased. */
  names: Map<string, string>;
  erased: Set<string>;
  writes: number;
  counts: Record<'coding' | 'star' | 'memo' | 'merged' | 'collapsed' | 'erased', number>;
}

const newExpected = (): Expected => ({
  rows: new Map(),
  notes: new Map(),
  durations: new Map(),
  codings: new Map(),
  starred: new Set(),
  memos: new Map(),
  codes: new Set(),
  goneCodes: new Set(),
  goneCodings: new Set(),
  mergedInto: new Map(),
  names: new Map(),
  erased: new Set(),
  writes: 0,
  counts: { coding: 0, star: 0, memo: 0, merged: 0, collapsed: 0, erased: 0 },
});

/** A coding that may have gone (or went) in a merge: nothing more is expected of it. */
function forget(expected: Expected, codingId: string): void {
  expected.codings.delete(codingId);
  expected.starred.delete(codingId);
  expected.memos.delete(codingId);
}

function noteNotes(expected: Expected, id: string, revision: number, blocks: number): void {
  const previous = expected.notes.get(id);
  if (!previous || revision > previous.revision) expected.notes.set(id, { revision, blocks });
}

function record(expected: Expected, line: string): void {
  const [, kind, id, ...rest] = line.split(' ');
  if (!kind || !id) return;
  // An announcement, not a returned write.
  if (kind !== 'merging') expected.writes++;
  switch (kind) {
    case 'interview':
    case 'relationship':
      expected.rows.set(id, kind);
      break;
    case 'person':
      expected.rows.set(id, kind);
      expected.names.set(id, rest.join(' '));
      break;
    case 'notes':
      noteNotes(expected, id, Number(rest[0]), Number(rest[1]));
      break;
    case 'coding': {
      const [codeId, interviewId, revision, blocks] = rest;
      expected.codings.set(id, codeId!);
      noteNotes(expected, interviewId!, Number(revision), Number(blocks));
      expected.counts.coding++;
      break;
    }
    case 'star':
      expected.starred.add(id);
      expected.counts.star++;
      break;
    case 'memo':
      expected.memos.set(id, [...(expected.memos.get(id) ?? []), rest[0]!]);
      expected.counts.memo++;
      break;
    case 'code':
      expected.codes.add(id);
      break;
    case 'merging': {
      const [target, ...mayCollapse] = rest;
      expected.mergedInto.set(id, target!);
      expected.codes.delete(id);
      for (const codingId of mayCollapse) forget(expected, codingId);
      break;
    }
    case 'merged': {
      const [, ...collapsed] = rest;
      expected.goneCodes.add(id);
      for (const codingId of collapsed) {
        forget(expected, codingId);
        expected.goneCodings.add(codingId);
      }
      expected.counts.merged++;
      expected.counts.collapsed += collapsed.length;
      break;
    }
    case 'erased':
      expected.erased.add(id);
      expected.counts.erased++;
      break;
    case 'duration':
      expected.durations.set(id, Math.max(Number(rest[0]), expected.durations.get(id) ?? 0));
      break;
    default:
      throw new Error(`Unexpected writer line: ${line}`);
  }
}

/** A code and every code it was (or may have been) merged into. */
function mergeChain(expected: Expected, codeId: string): string[] {
  const chain = [codeId];
  for (let next = expected.mergedInto.get(codeId); next && !chain.includes(next); ) {
    chain.push(next);
    next = expected.mergedInto.get(next);
  }
  return chain;
}

/** Runs the writer once and kills it: either blindly 5–150 ms after start, or 1–90 ms into its writes. */
async function runAndKill(
  random: () => number,
  cycle: number,
): Promise<{ lines: string[]; interrupted: string | null }> {
  const child: ChildProcess = spawn(process.execPath, [WRITER, dbPath, String(SEED + cycle)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const closed = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((done) =>
    child.on('close', (code, signal) => done({ code, signal })),
  );
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const blind = random() < 0.25;
  const kill = () => child.kill('SIGKILL');
  const delay = blind ? 5 + random() * 145 : 1 + random() * 89;
  if (blind) setTimeout(kill, delay);
  child.stdout!.on('data', (chunk) => {
    const before = stdout;
    stdout += chunk;
    if (!blind && !before.includes('ready\n') && stdout.includes('ready\n')) setTimeout(kill, delay);
  });
  const { signal, code } = await closed;
  if (signal !== 'SIGKILL') throw new Error(`The writer ended by itself (code ${code}): ${stderr}`);
  // A line cut short by the kill has no newline yet and proves nothing.
  const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
  const all = complete.split('\n').filter((line) => line && line !== 'ready');
  // "> name" opens a call; if it is the last line, the kill came before that call returned.
  const last = all.at(-1);
  return {
    lines: all.filter((line) => !line.startsWith('> ')),
    interrupted: last?.startsWith('> ') ? last.slice(2) : null,
  };
}

function verify(expected: Expected, cycle: number): void {
  const context = `after kill ${cycle + 1} (seed ${SEED})`;
  const db = openDatabase(dbPath);
  try {
    expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
    const exists = {
      interview: db.prepare('SELECT 1 FROM interviews WHERE id = ?').pluck(),
      person: db.prepare('SELECT 1 FROM interviewees WHERE id = ?').pluck(),
      relationship: db.prepare('SELECT 1 FROM relationships WHERE id = ?').pluck(),
    };
    for (const [id, kind] of expected.rows) expect(exists[kind].get(id), `${kind} ${id} ${context}`).toBe(1);

    const notesOf = db.prepare('SELECT doc, text, revision FROM notes WHERE interview_id = ?');
    for (const [id, reported] of expected.notes) {
      const row = notesOf.get(id) as { doc: string; text: string; revision: number };
      expect(row.revision, `notes revision of ${id} ${context}`).toBeGreaterThanOrEqual(reported.revision);
      const blocks = (JSON.parse(row.doc) as { content: unknown[] }).content.length;
      expect(blocks, `notes blocks of ${id} ${context}`).toBeGreaterThanOrEqual(reported.blocks);
      // The derived plain text was committed in the same transaction as the document: one line per block.
      expect(row.text.split('\n'), `notes text of ${id} ${context}`).toHaveLength(blocks);
    }
    const durationOf = db.prepare('SELECT duration_min FROM interviews WHERE id = ?').pluck();
    for (const [id, minutes] of expected.durations)
      expect(durationOf.get(id) as number, `duration of ${id} ${context}`).toBeGreaterThanOrEqual(minutes);
    verifyCodings(db, expected, context);
  } finally {
    db.close();
  }
}

interface CodingRow {
  id: string;
  interviewId: string;
  codeId: string;
  start: number;
  end: number;
  quote: string;
  memo: string;
  star: number;
  deletedAt: string | null;
}

/**
 * The notes and the codings were saved in one transaction, so after any kill they agree: the stored text
 * is the document's, every coding mark has its row, live exactly while its mark is there, at the mark's
 * code-point span, quoting exactly those characters. And every reported coding write, merge and erasure
 * is there.
 */
function verifyCodings(db: Database, expected: Expected, context: string): void {
  const rows = db
    .prepare(
      `SELECT id, interview_id AS interviewId, code_id AS codeId, start, "end", quote, memo, star,
         deleted_at AS deletedAt FROM codings`,
    )
    .all() as CodingRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const notes = db.prepare('SELECT interview_id AS interviewId, doc, text FROM notes').all() as {
    interviewId: string;
    doc: string;
    text: string;
  }[];
  for (const note of notes) {
    const derived = deriveNotes(JSON.parse(note.doc) as DocNode);
    expect(note.text, `notes text of ${note.interviewId} ${context}`).toBe(derived.text);
    const chars = Array.from(note.text);
    for (const [codingId, span] of derived.codings) {
      const row = byId.get(codingId);
      expect(row?.interviewId, `row of the coding mark ${codingId} ${context}`).toBe(note.interviewId);
      expect(row?.deletedAt, `coding ${codingId} with its mark in the notes ${context}`).toBeNull();
      expect([row?.start, row?.end], `span of coding ${codingId} ${context}`).toEqual([span.start, span.end]);
    }
    for (const row of rows) {
      if (row.interviewId !== note.interviewId || row.deletedAt !== null) continue;
      expect(derived.codings.has(row.id), `live coding ${row.id} has its mark ${context}`).toBe(true);
      const quote = chars.slice(row.start, row.end).join('');
      expect(row.quote, `quote of coding ${row.id} ${context}`).toBe(quote);
    }
  }

  const live = (codingId: string, what: string) => {
    const row = byId.get(codingId);
    expect(row?.deletedAt, `${what} coding ${codingId} is live ${context}`).toBeNull();
    return row!;
  };
  for (const [codingId, codeId] of expected.codings)
    expect(mergeChain(expected, codeId), `code of coding ${codingId} ${context}`).toContain(
      live(codingId, 'reported').codeId,
    );
  for (const codingId of expected.starred) expect(live(codingId, 'starred').star, context).toBe(1);
  for (const [codingId, tokens] of expected.memos) {
    const { memo } = live(codingId, 'annotated');
    for (const token of tokens) expect(memo, `memo of coding ${codingId} ${context}`).toContain(token);
  }
  for (const codingId of expected.goneCodings)
    expect(byId.has(codingId), `collapsed coding ${codingId} ${context}`).toBe(false);

  const codeExists = db.prepare('SELECT count(*) FROM codes WHERE id = ?').pluck();
  for (const codeId of expected.codes) expect(codeExists.get(codeId), `code ${codeId} ${context}`).toBe(1);
  for (const codeId of expected.goneCodes)
    expect(codeExists.get(codeId), `merged code ${codeId} ${context}`).toBe(0);

  // An erasure is one transaction too: once the person reads "[poistettu]", no note names them.
  const nameOf = db.prepare('SELECT name FROM interviewees WHERE id = ?').pluck();
  for (const personId of expected.erased)
    expect(nameOf.get(personId), `erased person ${personId} ${context}`).toBe(ERASED);
  for (const [personId, name] of expected.names) {
    if (nameOf.get(personId) !== ERASED) continue;
    for (const note of notes)
      expect(note.text.includes(name), `"${name}" in the notes of ${note.interviewId} ${context}`).toBe(
        false,
      );
  }
}

describe('crash safety', () => {
  test(`${KILLS} SIGKILLs at random moments lose no returned write and never damage the file`, async () => {
    const random = seededRandom(SEED);
    const expected = newExpected();
    const started = Date.now();
    let killedWhileWriting = 0;
    const interrupted = new Map<string, number>();
    for (let cycle = 0; cycle < KILLS; cycle++) {
      const { lines, interrupted: call } = await runAndKill(random, cycle);
      // Killed after a write returned, or inside one: either way the writer was writing.
      if (lines.length || call) killedWhileWriting++;
      if (call) interrupted.set(call, (interrupted.get(call) ?? 0) + 1);
      for (const line of lines) record(expected, line);
      verify(expected, cycle);
    }
    const { coding, star, memo, merged, collapsed, erased } = expected.counts;
    console.info(
      `crash test: ${KILLS} kills (${killedWhileWriting} mid-writing), ${expected.writes} returned writes checked ` +
        `(${coding} codings, ${star} stars, ${memo} memos, ${merged} merges collapsing ${collapsed}, ${erased} erasures), ` +
        `${Date.now() - started} ms, seed ${SEED}; killed inside: ${[...interrupted].map(([call, n]) => `${call} ${n}`).join(', ')}`,
    );
    // The schedule must really have hit the writer while it wrote, not only while it started up.
    expect(killedWhileWriting).toBeGreaterThanOrEqual(KILLS / 2);
    expect(expected.notes.size).toBeGreaterThan(0);
    expect(coding, 'codings saved with their notes').toBeGreaterThan(0);
    expect(merged, 'merges of own codes').toBeGreaterThan(0);
    // Some kills must land inside a save of notes with a new coding, i.e. in the syncCodings transaction.
    expect(interrupted.get('codeText') ?? 0, 'kills inside a coding save').toBeGreaterThan(0);
  }, 300_000);
});
