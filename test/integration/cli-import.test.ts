import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSpeaker } from '../../electron/cli/importTranscript.ts';
import { TEAMS_VTT } from '../helpers/transcripts.ts';
import { connect } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'kuulo-cli-import-'));
const db = join(dir, 'k.db');
const vtt = join(dir, 'teams.vtt');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kuulo(...args: string[]) {
  const env = { ...process.env };
  for (const name of ['KUULO_LANG', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...env, LANG: 'C.UTF-8' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let engagementId = '';
let accountId = '';
let interviewId = '';
let paiviId = '';
beforeAll(() => {
  writeFileSync(vtt, TEAMS_VTT);
  writeFileSync(
    join(dir, 'blob.bin'),
    Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
  );
  const ws = connect(db);
  engagementId = ws.call('createEngagement', { clientName: 'Sarastus Oy', title: 'K', language: 'fi' }).id;
  accountId = ws.call('createAccount', { engagementId, name: 'Rautaosa Oy', tier: 'key' }).id;
  paiviId = ws.call('createInterviewee', { accountId, name: 'Päivi Mäkelä', roleLevel: 'strategic' }).id;
  interviewId = ws.call('createInterview', {
    engagementId,
    accountId,
    intervieweeIds: [paiviId],
    interviewer: 'Kaisa Lehto',
  }).id;
  ws.db.close();
});

const sha = () => {
  // The journal is folded into the file when the CLI closes it; the file alone is the workspace then.
  return createHash('sha256').update(readFileSync(db)).digest('hex');
};

describe('kuulo import', () => {
  test('--dry-run prints the preview with the suggested mapping and writes nothing', () => {
    const before = sha();
    const run = kuulo(
      'import',
      '--db',
      db,
      '--engagement',
      engagementId,
      '--interview',
      interviewId,
      '--file',
      vtt,
      '--dry-run',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('teams.vtt: Teams (WebVTT)');
    expect(run.stdout).toContain('4 passages · 3 paragraphs');
    expect(run.stdout).toMatch(/Päivi Mäkelä \(2 passages, \d+ words\) → interviewee Päivi Mäkelä/);
    expect(run.stdout).toMatch(/Kaisa Lehto \(1 passage, \d+ words\) → interviewer/);
    expect(run.stdout).toMatch(/Jorma Salo .* → other/);
    expect(run.stdout).toContain('0:10  Päivi Mäkelä: Toimitukset myöhästyvät aina 😤');
    const json = JSON.parse(
      kuulo(
        'import',
        '--db',
        db,
        '--engagement',
        engagementId,
        '--interview',
        interviewId,
        '--file',
        vtt,
        '--dry-run',
        '--json',
      ).stdout,
    ) as { format: string; cues: number };
    expect(json).toMatchObject({ format: 'vtt-teams', cues: 4 });
    expect(sha()).toBe(before);
  });

  test('the preview is printed in the workspace’s language', () => {
    const ws = connect(db);
    try {
      ws.call('updateSettings', { language: 'fi' });
    } finally {
      ws.db.close();
    }
    try {
      const run = kuulo(
        'import',
        '--db',
        db,
        '--engagement',
        engagementId,
        '--interview',
        interviewId,
        '--file',
        vtt,
        '--dry-run',
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('teams.vtt: Teams (WebVTT)');
      expect(run.stdout).toContain('4 kohtaa · 3 kappaletta');
      expect(run.stdout).toMatch(/Kaisa Lehto \(1 kohta, \d+ sanaa\)/);
      expect(run.stdout).toContain('Puhujat:');
    } finally {
      const back = connect(db);
      try {
        back.call('updateSettings', { language: null });
      } finally {
        back.db.close();
      }
    }
  });

  test('imports into the interview with the --speaker mapping, and prints interviewId with --json', () => {
    const run = kuulo(
      'import',
      '--db',
      db,
      '--engagement',
      engagementId,
      '--interview',
      interviewId,
      '--file',
      vtt,
      '--speaker',
      'Jorma Salo=other',
      '--speaker',
      'Mäkelä, Päivi=interviewee:' + paiviId,
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      interviewId: string;
      created: boolean;
      speakers: { as: string }[];
    };
    expect(out).toMatchObject({ interviewId, created: false });
    expect(out.speakers.map((s) => s.as)).toEqual(['interviewer', 'interviewee', 'other']);
    const ws = connect(db);
    try {
      const notes = ws.call('getInterview', { id: interviewId }).notes;
      expect(notes.text).toContain('Jorma Salo: Päivi Mäkelälle luvattiin korjaus');
      expect(notes.doc.content?.some((n) => n.type === 'transcript')).toBe(true);
    } finally {
      ws.db.close();
    }
  });

  test('--account makes a new interview', () => {
    const run = kuulo(
      'import',
      '--db',
      db,
      '--engagement',
      engagementId,
      '--account',
      accountId,
      '--file',
      vtt,
      '--json',
    );
    expect(run.code).toBe(0);
    const { interviewId: created } = JSON.parse(run.stdout) as { interviewId: string };
    expect(created).not.toBe(interviewId);
  });

  test.each([
    ['a file that is not there', ['--file', join(dir, 'missing.vtt')], /Cannot read the file/],
    ['a binary file', ['--file', join(dir, 'blob.bin')], /not a text or Word file/],
    // Node's own binary: over the 50 MB cap, refused before it is read.
    ['a file over 50 MB', ['--file', process.execPath], /larger than 50 MB/],
    [
      'a bad --speaker',
      ['--file', vtt, '--speaker', 'Jorma Salo=boss'],
      /--speaker "Jorma Salo=boss" is not/,
    ],
    ['an unknown speaker', ['--file', vtt, '--speaker', 'Nobody=other'], /no speaker called “Nobody”/],
  ])('%s: one clear line, exit code 2, the file unchanged', (_name, args, message) => {
    const before = sha();
    const run = kuulo(
      'import',
      '--db',
      db,
      '--engagement',
      engagementId,
      '--interview',
      interviewId,
      ...args,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(sha()).toBe(before);
  });
});

test('--speaker values parse; anything else is refused', () => {
  expect(parseSpeaker('Virtanen, Matti=interviewee:abc')).toEqual({
    name: 'Virtanen, Matti',
    as: 'interviewee',
    intervieweeId: 'abc',
  });
  expect(parseSpeaker('A = B=interviewer')).toEqual({ name: 'A = B', as: 'interviewer' });
  for (const bad of ['Matti', '=other', 'Matti=interviewee', 'Matti=other:1', 'Matti=boss'])
    expect(() => parseSpeaker(bad), bad).toThrow();
});
