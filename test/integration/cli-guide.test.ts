import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Guide, guideQuestions } from '../../shared/guide.ts';
import { connect } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'kuulo-cli-guide-'));
const db = join(dir, 'k.db');
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

let engagementId: string;
let guide: Guide;

/**
 * Three held interviews answer the NPS question (9 key, 10 key, 3 named → NPS 33, n 3) and the first
 * open question; the named account's consent is pending, one declined interview answers too (left out).
 */
beforeAll(() => {
  const c = connect(db);
  engagementId = c.call('createEngagement', {
    clientName: 'Asiakas Oy',
    title: 'Kuuntelu',
    language: 'fi',
  }).id;
  guide = c.call('applyGuideTemplate', { engagementId, templateId: 'builtin:fi' });
  const first = guideQuestions(guide)[0]!.id;
  const nps = guideQuestions(guide).find((q) => q.feeds === 'nps')!.id;
  for (const [name, tier, consent, value, text] of [
    ['Konepaja Oy', 'key', 'given', 9, 'Messuilla Tampereella'],
    ['Valimo Oy', 'key', 'given', 10, 'Kollegan kautta'],
    ['Kauppa Oy', 'named', 'pending', 3, 'Tarjouskilpailusta'],
    ['Kielto Oy', 'named', 'declined', 0, 'Ei lupaa'],
  ] as const) {
    const accountId = c.call('createAccount', { engagementId, name, tier }).id;
    const person = c.call('createInterviewee', {
      accountId,
      name: `${name} yhteyshenkilö`,
      roleLevel: 'strategic',
      consent,
    }).id;
    const interviewId = c.call('createInterview', {
      engagementId,
      accountId,
      intervieweeIds: [person],
      status: 'done',
    }).id;
    c.saveNotes({
      interviewId,
      doc: {
        type: 'doc',
        content: [{ type: 'paragraph', attrs: { question: first }, content: [{ type: 'text', text }] }],
      },
    });
    c.call('updateInterview', { id: interviewId, patch: { status: 'done' } });
    c.call('setAnswer', { interviewId, questionId: nps, value });
  }
  c.db.close();
});

describe('kuulo guide and kuulo answers', () => {
  test('guide lists the sections and questions with their ids and scales, as text and as JSON', () => {
    const json = kuulo('guide', '--db', db, '--engagement', engagementId, '--json');
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.stdout);
    expect(listed.sections).toEqual(guide.sections);
    // Question-level figures: 3 interviews in the sample (the declined one is not), each answered the NPS.
    expect(listed.sampleSize).toBe(3);
    const npsId = guideQuestions(guide).find((q) => q.feeds === 'nps')!.id;
    expect(listed.questions.find((q: { questionId: string }) => q.questionId === npsId)).toMatchObject({
      answered: 3,
      summary: { n: 3, nps: 33 },
    });
    const text = kuulo('guide', '--db', db, '--engagement', engagementId);
    expect(text.code).toBe(0);
    const nps = guideQuestions(guide).find((q) => q.feeds === 'nps')!;
    expect(text.stdout).toContain(`Q${nps.number}  ${nps.text}`);
    expect(text.stdout).toContain(`${nps.id} · nps · gives the interview's nps`);
    expect(text.stdout).toContain(
      'answered in 3 of 3 · n = 3 · NPS 33 · 2 promoters, 0 passives, 1 detractor · ',
    );
  });

  test('answers sums up the sample, lists its answers, and marks text not for quoting', () => {
    const nps = guideQuestions(guide).find((q) => q.feeds === 'nps')!.id;
    const all = JSON.parse(kuulo('answers', '--db', db, '--question', nps, '--json').stdout);
    expect(all.summary).toMatchObject({ n: 3, nps: 33, promoters: 2, detractors: 1 });
    expect(all.answers.map((a: { account: string }) => a.account).sort()).toEqual([
      'Kauppa Oy',
      'Konepaja Oy',
      'Valimo Oy',
    ]);
    const key = JSON.parse(kuulo('answers', '--db', db, '--question', nps, '--tier', 'key', '--json').stdout);
    expect(key.summary).toMatchObject({ n: 2, nps: 100 });
    const first = guideQuestions(guide)[0]!.id;
    const text = kuulo('answers', '--db', db, '--question', first);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('3 of 3 interviews answered');
    expect(text.stdout).toContain('“Messuilla Tampereella”');
    expect(text.stdout).toMatch(/Kauppa Oy .*consent pending: not for quoting\n {3}“Tarjouskilpailusta”/);
    expect(text.stdout).not.toContain('Ei lupaa');
  });

  test('a missing or wrong option is refused with one line, and nothing is printed to stdout', () => {
    const missing = kuulo('answers', '--db', db);
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const tier = kuulo('answers', '--db', db, '--question', guideQuestions(guide)[0]!.id, '--tier', 'vip');
    expect(tier.code).not.toBe(0);
    expect(tier.stderr).toContain('tier');
    const unknown = kuulo('guide', '--db', db, '--engagement', crypto.randomUUID());
    expect(unknown.code).not.toBe(0);
  });
});
