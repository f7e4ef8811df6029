import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/db/connection.ts';
import { seededRandom } from '../fixtures/random.ts';

/**
 * Kills a writer that uses the real services with SIGKILL at random moments, many times over, on one
 * file. After every kill the file must open as the app would open it, pass `integrity_check`, and hold
 * every write the writer saw return. Override the schedule with KUULO_CRASH_SEED / KUULO_CRASH_KILLS.
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
  writes: number;
}

function record(expected: Expected, line: string): void {
  const [, kind, id, a, b] = line.split(' ');
  if (!id) return;
  expected.writes++;
  switch (kind) {
    case 'interview':
    case 'person':
    case 'relationship':
      expected.rows.set(id, kind);
      break;
    case 'notes': {
      const previous = expected.notes.get(id);
      const revision = Number(a);
      if (!previous || revision > previous.revision) expected.notes.set(id, { revision, blocks: Number(b) });
      break;
    }
    case 'duration':
      expected.durations.set(id, Math.max(Number(a), expected.durations.get(id) ?? 0));
      break;
    default:
      throw new Error(`Unexpected writer line: ${line}`);
  }
}

/** Runs the writer once and kills it: either blindly 5–150 ms after start, or 1–60 ms into its writes. */
async function runAndKill(random: () => number, cycle: number): Promise<{ lines: string[]; stderr: string }> {
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
  const delay = blind ? 5 + random() * 145 : 1 + random() * 59;
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
  return { lines: complete.split('\n').filter((line) => line && line !== 'ready'), stderr };
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
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  test(`${KILLS} SIGKILLs at random moments lose no returned write and never damage the file`, async () => {
    const random = seededRandom(SEED);
    const expected: Expected = { rows: new Map(), notes: new Map(), durations: new Map(), writes: 0 };
    const started = Date.now();
    let killedWhileWriting = 0;
    for (let cycle = 0; cycle < KILLS; cycle++) {
      const { lines } = await runAndKill(random, cycle);
      if (lines.length) killedWhileWriting++;
      for (const line of lines) record(expected, line);
      verify(expected, cycle);
    }
    console.info(
      `crash test: ${KILLS} kills (${killedWhileWriting} mid-writing), ${expected.writes} returned writes checked, ${Date.now() - started} ms, seed ${SEED}`,
    );
    // The schedule must really have hit the writer while it wrote, not only while it started up.
    expect(killedWhileWriting).toBeGreaterThanOrEqual(KILLS / 2);
    expect(expected.notes.size).toBeGreaterThan(0);
  }, 120_000);
});
