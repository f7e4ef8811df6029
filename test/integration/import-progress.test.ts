import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { settle } from '../../electron/services/dispatcher.ts';
import { PROGRESS_INTERVAL_MS } from '../../electron/services/importProgress.ts';
import { EVENT_NAMES, IMPORT_STAGES, type ImportProgress } from '../../shared/events.ts';
import { teamsVtt } from '../bench/import.ts';
import { base64 } from '../helpers/transcripts.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/** The `importProgress` events of transcript and account-list previews and imports, as the app hears them. */
let ws: TestWorkspace;
let engagementId = '';
let accountId = '';
let heard: ImportProgress[] = [];

beforeEach(() => {
  ws = openTestWorkspace();
  engagementId = ws.call('createEngagement', {
    clientName: 'Sarastus Oy',
    title: 'Kuuntelu',
    language: 'fi',
  }).id;
  accountId = ws.call('createAccount', { engagementId, name: 'Rautaosa Oy', tier: 'key' }).id;
  heard = [];
  ws.events.subscribe('importProgress', (event) => heard.push(event));
});
afterEach(() => ws.close());

const raw = (method: string, input: unknown) => settle(ws.dispatch(method, input));

/** One run's events: one id, stages in order, each stage's count only going up, one end, last. */
function expectOrderly(events: readonly ImportProgress[], stages: readonly ImportProgress['stage'][]) {
  expect(new Set(events.map((e) => e.id)).size).toBe(1);
  expect([...new Set(events.map((e) => e.stage))]).toEqual(stages);
  const order = events.map((e) => IMPORT_STAGES.indexOf(e.stage));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  for (const [i, event] of events.entries()) {
    expect(event.done).toBeLessThanOrEqual(event.total);
    const previous = events[i - 1];
    if (previous?.stage === event.stage) {
      expect(event.total).toBe(previous.total);
      expect(event.done).toBeGreaterThanOrEqual(previous.done);
    }
  }
  expect(events.filter((e) => e.finished)).toEqual([events.at(-1)]);
}

test('the event is one the core passes on', () => {
  expect(EVENT_NAMES).toContain('importProgress');
});

describe('a big transcript', () => {
  // About 1.3 MB of Teams WebVTT: its parse takes several intervals on any machine.
  const file = teamsVtt(8000);
  const source = () => ({
    engagementId,
    accountId,
    fileName: 'Rautaosa-haastattelu.vtt',
    data: base64(file),
  });

  test('a preview reads, parses with counts moving on at a bounded rate, and ends finished; never content', async () => {
    const started = performance.now();
    const preview = await ws.call('previewTranscript', source());
    const ms = performance.now() - started;
    expectOrderly(heard, ['reading', 'parsing']);
    expect(heard[0]).toMatchObject({
      kind: 'transcript',
      step: 'preview',
      stage: 'reading',
      finished: false,
    });
    const parsing = heard.filter((e) => e.stage === 'parsing' && !e.finished);
    expect(parsing[0]!.total).toBeGreaterThan(0);
    // Steps between the start and the end of the parse were told, not only its ends.
    expect(parsing.some((e) => e.done > 0 && e.done < e.total)).toBe(true);
    // At most one counted event an interval, besides each stage's first and the end.
    expect(heard.length).toBeLessThanOrEqual(Math.ceil(ms / PROGRESS_INTERVAL_MS) + 3);
    expect(heard.at(-1)).toMatchObject({ finished: true, failure: null });
    expect(heard.at(-1)!.done).toBe(heard.at(-1)!.total);
    // Counts only: no speaker, no words of the talk, not even the file's name.
    const sent = JSON.stringify(heard);
    for (const secret of ['Virtanen', 'Korhonen', 'asiakas', 'Rautaosa', preview.speakers[0]!.name])
      expect(sent).not.toContain(secret);
  });

  test('an import reads, parses and writes, then ends finished', async () => {
    const preview = await ws.call('previewTranscript', source());
    heard = [];
    const speakers = preview.speakers.map((s) => ({ name: s.name, as: 'other' as const }));
    await ws.call('importTranscript', { ...source(), speakers });
    expectOrderly(heard, ['reading', 'parsing', 'writing']);
    expect(heard.every((e) => e.kind === 'transcript' && e.step === 'import')).toBe(true);
    expect(heard.at(-1)).toMatchObject({ stage: 'writing', finished: true, failure: null });
  });

  test('an import refused after the parse ends with a failure event saying why', async () => {
    const result = await raw('importTranscript', {
      ...source(),
      speakers: [{ name: 'Nobody', as: 'other' }],
    });
    expect(result).toMatchObject({ ok: false, error: { key: 'transcriptSpeakerUnknown' } });
    expectOrderly(heard, ['reading', 'parsing']);
    expect(heard.at(-1)).toMatchObject({
      finished: true,
      failure: { key: 'transcriptSpeakerUnknown', params: { name: 'Nobody' } },
    });
  });
});

test('a file that is no transcript ends its preview with a failure event, nothing written', async () => {
  const result = await raw('previewTranscript', {
    engagementId,
    accountId,
    fileName: 'kuva.vtt',
    data: base64(new Uint8Array([0, 0, 0, 1, 2, 3, 0, 255, 0, 0])),
  });
  expect(result).toMatchObject({ ok: false, error: { key: 'transcriptRefused' } });
  expectOrderly(heard, ['reading']);
  expect(heard.at(-1)).toMatchObject({ finished: true, failure: { key: 'transcriptRefused' } });
});

describe('an account list', () => {
  const csv = ['Asiakas;Yhteyshenkilö', 'Valio Oy;Matti Virtanen', 'Fazer;Anna Aho'].join('\r\n');
  const request = () => ({ engagementId, fileName: 'asiakkaat.csv', data: base64(csv) });

  test('its preview and import tell their stages and end finished, without the list’s content', () => {
    ws.call('previewAccountImport', request());
    expectOrderly(heard, ['reading', 'parsing']);
    expect(heard.every((e) => e.kind === 'accounts' && e.step === 'preview')).toBe(true);
    expect(heard.at(-1)).toMatchObject({ finished: true, failure: null });
    heard = [];
    ws.call('importAccounts', { ...request(), mapping: ['name', 'person'] });
    expectOrderly(heard, ['reading', 'parsing', 'writing']);
    expect(heard.at(-1)).toMatchObject({ kind: 'accounts', step: 'import', finished: true, failure: null });
    expect(JSON.stringify(heard)).not.toMatch(/Valio|Virtanen|asiakkaat/);
  });

  test('a file that is no list ends with a failure event', async () => {
    const result = await raw('previewAccountImport', {
      engagementId,
      fileName: 'asiakkaat.xlsx',
      data: base64(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0])),
    });
    expect(result.ok).toBe(false);
    expectOrderly(heard, ['reading']);
    expect(heard.at(-1)).toMatchObject({ finished: true, failure: { key: 'accountListRefused' } });
  });
});
