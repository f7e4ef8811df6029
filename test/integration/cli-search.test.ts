import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import { deriveNotes } from '../../shared/notes.ts';
import { connect } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'kuulo-cli-search-'));
const db = join(dir, 'k.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as `npm run kuulo --` does, on this test's Node, in an English locale. */
function kuulo(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8' };
  for (const name of ['KUULO_LANG', 'LANGUAGE', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', ...args], { encoding: 'utf8', env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface JsonHit {
  kind: string;
  sourceId: string;
  engagementId: string;
  interviewId: string | null;
  paragraph: number | null;
  start: number;
  end: number;
  snippet: string;
  score: number;
}

beforeAll(() => {
  expect(kuulo('demo', '--db', db).code).toBe(0);
});

test('search --json on the demo workspace: hits with interview, paragraph, code-point offsets, snippet and score', () => {
  const run = kuulo('search', '--db', db, '--query', 'toimitus*', '--limit', '20', '--json');
  expect(run.code).toBe(0);
  const hits = JSON.parse(run.stdout) as JsonHit[];
  expect(hits.length).toBeGreaterThan(3);
  expect(hits.length).toBeLessThanOrEqual(20);
  const scores = hits.map((h) => h.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  const workspace = connect(db);
  try {
    for (const hit of hits.filter((h) => h.kind === 'note')) {
      const doc = workspace.call('getInterview', { id: hit.interviewId! }).notes.doc as DocNode;
      const derived = deriveNotes(doc);
      const word = [...derived.text].slice(hit.start, hit.end).join('');
      expect(word.toLowerCase().startsWith('toimitus')).toBe(true);
      expect(derived.blocks[hit.paragraph!]!.text).toContain(word);
      expect(hit.snippet).toContain(word);
      expect(hit.sourceId).toBe(hit.interviewId);
    }
  } finally {
    workspace.db.close();
  }
});

test('search in text mode: one line per hit and a count; --engagement narrows it', () => {
  const engagements = JSON.parse(kuulo('engagements', '--db', db, '--json').stdout) as {
    id: string;
    language: string;
  }[];
  const all = kuulo('search', '--db', db, '--query', 'invoice OR lasku');
  expect(all.code).toBe(0);
  const lines = all.stdout.trim().split('\n');
  expect(lines.at(-1)).toMatch(/^\d+ of \d+\+? hits$/);
  expect(lines.length).toBeGreaterThan(2);
  expect(lines[0]).toMatch(/^\d+\.\d\d {2}.+ {2}(¶\d+|\w+) \d+–\d+ {2}.+/);
  const english = engagements.filter((e) => e.language === 'en');
  const narrowed = english.map(
    (e) =>
      JSON.parse(
        kuulo('search', '--db', db, '--query', 'invoice OR lasku', '--engagement', e.id, '--json').stdout,
      ) as JsonHit[],
  );
  for (const [i, hits] of narrowed.entries())
    for (const hit of hits) expect(hit.engagementId).toBe(english[i]!.id);
});

test('a query with nothing to find, or no --query, is a one-line error and a non-zero exit', () => {
  const nothing = kuulo('search', '--db', db, '--query', 'NOT OR');
  expect(nothing.code).not.toBe(0);
  expect(nothing.stderr.trim().split('\n')).toHaveLength(1);
  expect(nothing.stderr).toMatch(/Type a word to search for/);
  const missing = kuulo('search', '--db', db);
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toMatch(/--query/);
});
