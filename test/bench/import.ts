import { readTranscript, toTurns } from '../../electron/services/import/index.ts';
import { seededRandom } from '../fixtures/random.ts';
import { openTestWorkspace } from '../helpers/workspace.ts';
import { type Measure, sampleAsync, summary } from './stats.ts';

const WORDS = (
  'asiakas toimitus hinta laatu sopimus huolto yhteistyö tarjous laskutus projekti aikataulu ' +
  'kumppani palvelu tuote vastuu riski kehitys the customer delivery price quality contract support'
).split(' ');
const SPEAKERS = ['Virtanen, Matti', 'Korhonen, Anna (Acme Oy)', 'Mäkelä, Liisa'];

/**
 * A Teams transcript as Teams writes it today: cue ids "GUID/N-M", voice spans with "Last, First"
 * names, a few wrapped over two lines. About 155 bytes a cue.
 */
export function teamsVtt(cues: number, seed = 16): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const clock = (ms: number) =>
    `${String(Math.floor(ms / 3_600_000)).padStart(2, '0')}:${String(Math.floor(ms / 60_000) % 60).padStart(2, '0')}:` +
    `${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
  const parts = ['WEBVTT', ''];
  let at = 0;
  for (let i = 0; i < cues; i++) {
    const length = 1500 + Math.floor(random() * 6000);
    const words = Array.from({ length: 4 + Math.floor(random() * 8) }, () => pick(WORDS));
    const text =
      random() < 0.2 ? `${words.slice(0, 5).join(' ')}\n${words.slice(5).join(' ')}` : words.join(' ');
    parts.push(`3f2a9c1b-1d2e-4f50-8a6b-7c8d9e0f1a2b/${i}-0`, `${clock(at)} --> ${clock(at + length)}`);
    parts.push(`<v ${pick(SPEAKERS)}>${text}.</v>`, '');
    at += length + Math.floor(random() * 400);
  }
  return parts.join('\n');
}

/**
 * Reading transcripts (issue 16's budget: a 140 KB, 900-cue transcript imports in 300 ms, of which
 * reading is the first part), and a 10 MB one, which must not take long enough to stall the core.
 */
export async function measureImport(runs: number): Promise<Measure[]> {
  const typical = new TextEncoder().encode(teamsVtt(900));
  const huge = new TextEncoder().encode(teamsVtt(60_000));
  let turns = 0;
  const read = await sampleAsync(runs, async () => {
    const result = await readTranscript(typical, 'teams.vtt');
    if (!result.ok) throw new Error(`the generated transcript was refused: ${result.refusal.reason}`);
    turns = toTurns(result.transcript.cues).length;
  });
  const big = await sampleAsync(Math.max(1, Math.ceil(runs / 10)), () => readTranscript(huge, 'teams.vtt'));
  const whole = await importWhole(typical, runs);
  return [
    {
      name: `import: read a ${Math.round(typical.length / 1024)} KB, 900-cue Teams transcript into turns`,
      ...summary(read),
      budget: 300,
      note: `${turns} turns`,
    },
    {
      name: `import: read a ${(huge.length / 1024 / 1024).toFixed(1)} MB, 60,000-cue Teams transcript`,
      ...summary(big),
    },
    {
      name: 'import: the same 900-cue transcript previewed, then imported into an interview (all of it)',
      ...summary(whole),
      budget: 300,
      note: 'through the dispatcher: read, speakers mapped, identities, the notes saved and indexed',
    },
  ];
}

/**
 * The whole import as the app makes it: `previewTranscript` and `importTranscript` into a new
 * interview each run (so every import writes the same amount), on a workspace file of its own.
 */
async function importWhole(bytes: Uint8Array, runs: number): Promise<number[]> {
  const ws = openTestWorkspace();
  try {
    const engagementId = ws.call('createEngagement', {
      clientName: 'Bench',
      title: 'Import',
      language: 'fi',
    }).id;
    const accountId = ws.call('createAccount', { engagementId, name: 'Asiakas Oy', tier: 'key' }).id;
    const data = Buffer.from(bytes).toString('base64');
    return await sampleAsync(runs, async () => {
      const source = { engagementId, accountId, fileName: 'teams.vtt', data };
      const preview = await ws.call('previewTranscript', source);
      const speakers = preview.speakers.map((s) => ({ name: s.name, as: 'other' as const }));
      await ws.call('importTranscript', { ...source, speakers });
    });
  } finally {
    ws.close();
  }
}
