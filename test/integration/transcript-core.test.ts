import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { type CoreClient, startCore } from '../../electron/core/client.ts';
import { acquireWriterLock, type WriterLock } from '../../electron/db/lock.ts';
import type { Output, Result } from '../../shared/contract.ts';
import type { ImportProgress } from '../../shared/events.ts';
import { REPORT_WORKER_URL, spawnHost } from '../helpers/core.ts';
import { base64 } from '../helpers/transcripts.ts';

/** Transcripts through the real core host thread: the path the app takes, Word's waiting read included. */
let dir = '';
let lock: WriterLock;
let core: CoreClient | undefined;
const workers: Worker[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kuulo-transcript-core-'));
  lock = acquireWriterLock(join(dir, 'workspace.db'), 'Kuulo');
});
afterEach(async () => {
  await core?.close();
  core = undefined;
  for (const worker of workers.splice(0)) await worker.terminate();
  lock.release();
  rmSync(dir, { recursive: true, force: true });
});

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.key}: ${result.error.message}`);
  return result.value as T;
};

async function open() {
  core = await startCore(
    {
      dbPath: join(dir, 'workspace.db'),
      exportDir: join(dir, 'reports'),
      reportWorker: REPORT_WORKER_URL,
      housekeeping: false,
    },
    {
      spawn: (workerData) => {
        const worker = spawnHost(workerData);
        workers.push(worker);
        return worker;
      },
      askRestore: () => false,
      log: () => {},
    },
  );
  const c = core;
  const engagement = value<Output<'createEngagement'>>(
    await c.call('createEngagement', { clientName: 'Asiakas Oy', title: 'Kuuntelu', language: 'fi' }),
  );
  const account = value<Output<'createAccount'>>(
    await c.call('createAccount', { engagementId: engagement.id, name: 'Tili Oy', tier: 'key' }),
  );
  const interview = value<Output<'createInterview'>>(
    await c.call('createInterview', { engagementId: engagement.id, accountId: account.id }),
  );
  return { c, engagementId: engagement.id, interviewId: interview.id };
}

test('a Word transcript is read and imported through the core host, other calls answered meanwhile', async () => {
  const { c, engagementId, interviewId } = await open();
  const doc = new Document({
    sections: [{ children: [new Paragraph('Anna Aho: Hyvä palvelu.'), new Paragraph('Olli Oja: Kiitos.')] }],
  });
  const data = base64(new Uint8Array(await Packer.toBuffer(doc)));
  const source = { engagementId, interviewId, fileName: 'haastattelu.docx', data };
  const [preview, status] = await Promise.all([
    c.call('previewTranscript', source),
    c.call('workspaceStatus', {}),
  ]);
  expect(status.ok).toBe(true);
  expect(value<Awaited<Output<'previewTranscript'>>>(preview)).toMatchObject({
    format: 'docx',
    speakers: [{ name: 'Anna Aho' }, { name: 'Olli Oja' }],
  });
  await c.call('importTranscript', { ...source, speakers: [] });
  const detail = value<Output<'getInterview'>>(await c.call('getInterview', { id: interviewId }));
  expect(detail.notes.text).toBe('Anna Aho: Hyvä palvelu.\nOlli Oja: Kiitos.\n');
  // A refusal crosses the thread as a value with its reason.
  const refused = await c.call('previewTranscript', { ...source, data: base64('\u0000\u0001\u0002binary') });
  expect(refused).toMatchObject({ ok: false, error: { key: 'transcriptRefused' } });
});

test('a 10 MB transcript: refused in the preview and the import as too long for one interview, and imported when it fits, in the core host', async () => {
  const { c, engagementId, interviewId } = await open();
  const cue = (i: number, words: number) => {
    const t = (ms: number) => new Date(ms).toISOString().slice(11, 23);
    return `${i}\n${t(i * 3000)} --> ${t(i * 3000 + 2900)}\n<v ${i % 2 ? 'Jorma Salo' : 'Päivi Mäkelä'}>${'puhetta '.repeat(words)}loppu.`;
  };
  // ~10 MB: 100,000 short cues (timing lines are most of a real file's bytes).
  const big = `WEBVTT\n\n${Array.from({ length: 100_000 }, (_, i) => cue(i, 8)).join('\n\n')}\n`;
  expect(big.length).toBeGreaterThan(9_000_000);
  let started = performance.now();
  // Far over the notes' million characters: the preview says so, with the size, before anything else.
  const preview = await c.call('previewTranscript', {
    engagementId,
    interviewId,
    fileName: 'big.vtt',
    data: base64(big),
  });
  const previewMs = performance.now() - started;
  const tooLong = {
    key: 'transcriptRefused',
    params: { reason: 'tooLongForNotes', params: { limit: 1_000_000 } },
  };
  expect(preview).toMatchObject({ ok: false, error: tooLong });
  if (!preview.ok)
    expect((preview.error.params as unknown as { params: { size: number } }).params.size).toBeGreaterThan(
      8e6,
    );
  // And the import refuses it whole for the same reason.
  started = performance.now();
  const refused = await c.call('importTranscript', {
    engagementId,
    interviewId,
    fileName: 'big.vtt',
    data: base64(big),
    speakers: [],
  });
  const refusedMs = performance.now() - started;
  expect(refused).toMatchObject({ ok: false, error: tooLong });
  // Within the limit: ~880,000 characters in 20,000 cues still imports.
  const fits = `WEBVTT\n\n${Array.from({ length: 20_000 }, (_, i) => cue(i, 3)).join('\n\n')}\n`;
  started = performance.now();
  value(
    await c.call('importTranscript', {
      engagementId,
      interviewId,
      fileName: 'fits.vtt',
      data: base64(fits),
      speakers: [],
    }),
  );
  const importMs = performance.now() - started;
  const detail = value<Output<'getInterview'>>(await c.call('getInterview', { id: interviewId }));
  expect(detail.notes.text.length).toBeGreaterThan(700_000);
  console.info(
    `10 MB preview ${Math.round(previewMs)} ms, refused import ${Math.round(refusedMs)} ms; ` +
      `${(fits.length / 1e6).toFixed(1)} MB import ${Math.round(importMs)} ms`,
  );
}, 120_000);

test('a 10 MB transcript’s progress reaches the main side while the core host still reads it, and its end says why it was refused', async () => {
  const { c, engagementId, interviewId } = await open();
  const t = (ms: number) => new Date(ms).toISOString().slice(11, 23);
  const big = `WEBVTT\n\n${Array.from(
    { length: 100_000 },
    (_, i) => `${i}\n${t(i * 3000)} --> ${t(i * 3000 + 2900)}\n<v Päivi Mäkelä>${'puhetta '.repeat(8)}loppu.`,
  ).join('\n\n')}\n`;
  expect(big.length).toBeGreaterThan(9_000_000);
  const heard: { at: number; event: ImportProgress }[] = [];
  const stop = c.onEvent((name, payload) => {
    if (name === 'importProgress') heard.push({ at: performance.now(), event: payload as ImportProgress });
  });
  const result = await c.call('previewTranscript', {
    engagementId,
    interviewId,
    fileName: 'big.vtt',
    data: base64(big),
  });
  const answered = performance.now();
  stop();
  expect(result).toMatchObject({ ok: false, error: { key: 'transcriptRefused' } });
  // Part-way counts came while the answer was still being worked out, not all at its end.
  const partWay = heard.filter(
    ({ event }) => event.stage === 'parsing' && event.done > 0 && event.done < event.total,
  );
  expect(partWay.length).toBeGreaterThan(1);
  expect(partWay[0]!.at).toBeLessThan(answered - 200);
  expect(heard.at(-1)!.event).toMatchObject({
    finished: true,
    failure: { key: 'transcriptRefused', params: { reason: 'tooLongForNotes' } },
  });
}, 120_000);
