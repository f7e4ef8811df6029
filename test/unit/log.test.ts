import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createDispatcher, SLOW_CALL_MS, settle } from '../../electron/services/dispatcher.ts';
import { createErrorLog } from '../../electron/services/log.ts';
import type { Handlers } from '../../shared/contract.ts';

let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const NOTE = 'Yhteyshenkilö Åsa Öberg kertoi, että sopimus irtisanotaan';

/** The error JSON.parse throws on a document: its message quotes the start of the input. */
function parseError(): Error {
  try {
    JSON.parse(`${NOTE} …`);
  } catch (error) {
    return error as Error;
  }
  throw new Error('JSON.parse accepted its input');
}

describe('error log', () => {
  test('records operation, code, message and stack frames, but not the text that failed', () => {
    folder = mkdtempSync(join(tmpdir(), 'kuulo-log-'));
    const log = createErrorLog(join(folder, 'logs'));
    const sqlite = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    log.error('saveNotes', sqlite);
    log.error('saveNotes', parseError());
    const text = readFileSync(log.path, 'utf8');
    expect(log.path).toBe(join(folder, 'logs', 'kuulo.log'));
    expect(text).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z ERROR saveNotes Error SQLITE_FULL database or disk is full\n\s+at /,
    );
    expect(text).toMatch(/ERROR saveNotes SyntaxError - .*is not valid JSON/);
    expect(text).toMatch(/\n\s+at .*log\.test\.ts/);
    expect(parseError().message).toContain('Yhteyshenk');
    expect(text).not.toContain('Yhteyshenk');
    expect(text).not.toContain('Åsa');
  });

  test('rotates at the size limit and keeps only the newest files', () => {
    folder = mkdtempSync(join(tmpdir(), 'kuulo-log-'));
    const log = createErrorLog(folder, { maxBytes: 2_000, keep: 3 });
    for (let i = 0; i < 200; i++) log.error(`operation${i}`, new Error(`failure number ${i}`));
    expect(readdirSync(folder).sort()).toEqual(['kuulo.log', 'kuulo.log.1', 'kuulo.log.2', 'kuulo.log.3']);
    for (const name of readdirSync(folder))
      expect(statSync(join(folder, name)).size).toBeLessThanOrEqual(2_000);
    expect(readFileSync(log.path, 'utf8')).toContain('operation199 Error - failure number 199');
    // Newest in kuulo.log, older in .1, .2, .3; anything older is gone.
    const first = (name: string) =>
      Number(/operation(\d+)/.exec(readFileSync(join(folder, name), 'utf8'))![1]);
    expect(first('kuulo.log')).toBeGreaterThan(first('kuulo.log.1'));
    expect(first('kuulo.log.1')).toBeGreaterThan(first('kuulo.log.2'));
    expect(first('kuulo.log.2')).toBeGreaterThan(first('kuulo.log.3'));
    const everything = readdirSync(folder)
      .map((name) => readFileSync(join(folder, name), 'utf8'))
      .join('');
    expect(everything).not.toContain('operation0 ');
  });

  test('a log that cannot be written never throws', () => {
    folder = mkdtempSync(join(tmpdir(), 'kuulo-log-'));
    // A file where the logs folder should be: every write fails.
    writeFileSync(join(folder, 'logs'), '');
    const log = createErrorLog(join(folder, 'logs'));
    expect(() => log.error('listEngagements', new Error('boom'))).not.toThrow();
    expect(readFileSync(join(folder, 'logs'), 'utf8')).toBe('');
  });
});

describe('slow calls', () => {
  test('a call over 50 ms is logged with its method and duration only; a quick one is not', () => {
    folder = mkdtempSync(join(tmpdir(), 'kuulo-log-'));
    const log = createErrorLog(folder);
    const wait = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const handlers = {
      saveNotes: () => wait(SLOW_CALL_MS + 15),
      listEngagements: () => [],
    } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, { onSlowCall: log.slow });
    dispatch('listEngagements', {});
    const slow = dispatch('saveNotes', {
      interviewId: '00000000-0000-4000-8000-000000000001',
      baseRevision: 0,
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: NOTE }] }] },
    });
    expect(slow.ok).toBe(true);
    const lines = readFileSync(log.path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z SLOW saveNotes \d+ ms$/);
    expect(Number(lines[0]!.split(' ')[3])).toBeGreaterThanOrEqual(SLOW_CALL_MS);
  });

  test('a call answered later (a module loading, a Word file read) is timed until it settles, not only its start', async () => {
    folder = mkdtempSync(join(tmpdir(), 'kuulo-log-'));
    const log = createErrorLog(folder);
    const later = <T>(ms: number, value: T) =>
      new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
    const handlers = {
      // Quick to start, slow to finish: the synchronous part alone is under a millisecond.
      previewTranscript: () => later(SLOW_CALL_MS + 30, { text: NOTE }),
      importTranscript: () => later(SLOW_CALL_MS + 30, null).then(() => Promise.reject(new Error(NOTE))),
      listEngagements: () => later(1, []),
    } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, { onSlowCall: log.slow, onUnexpectedError: () => {} });
    const source = {
      engagementId: '00000000-0000-4000-8000-000000000001',
      interviewId: '00000000-0000-4000-8000-000000000002',
      fileName: 'haastattelu.vtt',
      data: Buffer.from(NOTE).toString('base64'),
    };
    const preview = dispatch('previewTranscript', source);
    // Nothing logged while the answer is still on its way.
    expect(() => readFileSync(log.path, 'utf8')).toThrow();
    expect((await settle(preview)).ok).toBe(true);
    expect((await settle(dispatch('listEngagements', {}))).ok).toBe(true);
    const failed = await settle(dispatch('importTranscript', { ...source, speakers: [] }));
    expect(failed.ok).toBe(false);
    const lines = readFileSync(log.path, 'utf8').trim().split('\n');
    expect(lines.map((line) => line.split(' ')[2])).toEqual(['previewTranscript', 'importTranscript']);
    for (const line of lines) {
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z SLOW \w+ \d+ ms$/);
      expect(Number(line.split(' ')[3])).toBeGreaterThanOrEqual(SLOW_CALL_MS + 25);
    }
  });
});
