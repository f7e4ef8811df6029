import { describe, expect, test } from 'vitest';
import { readTranscript, toTurns } from '../../electron/services/import/index.ts';
import type { Transcript } from '../../shared/import.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function read(text: string | Uint8Array, name = 'transcript.vtt'): Promise<Transcript> {
  const result = await readTranscript(typeof text === 'string' ? utf8(text) : text, name);
  if (!result.ok) throw new Error(`refused: ${result.refusal.reason}`);
  return result.transcript;
}

const brief = (t: Transcript) => t.cues.map((c) => [c.startMs, c.endMs, c.speaker, c.text]);

describe('WebVTT from Teams', () => {
  test('voice spans give speakers; GUID/N-M cue ids are not text', async () => {
    const t = await read(
      'WEBVTT\n\n' +
        '8a1f0c2e-5b7d-4e21-9a3c-0f6d2b1e4c77/12-0\n00:00:01.250 --> 00:00:04.900\n<v Matti Virtanen>Kerro ensin, miten yhteistyö alkoi.</v>\n\n' +
        '8a1f0c2e-5b7d-4e21-9a3c-0f6d2b1e4c77/12-1\n00:00:05.000 --> 00:00:09.120\n<v Anna Korhonen>Meillä oli tarjouskilpailu vuonna 2021.</v>\n',
    );
    expect(t.format).toBe('vtt-teams');
    expect(brief(t)).toEqual([
      [1250, 4900, 'Matti Virtanen', 'Kerro ensin, miten yhteistyö alkoi.'],
      [5000, 9120, 'Anna Korhonen', 'Meillä oli tarjouskilpailu vuonna 2021.'],
    ]);
    expect(t.speakers).toEqual([
      { name: 'Matti Virtanen', original: 'Matti Virtanen', cues: 1, words: 5 },
      { name: 'Anna Korhonen', original: 'Anna Korhonen', cues: 1, words: 5 },
    ]);
    expect(t.warnings).toEqual([]);
  });

  test('an unclosed span, a span over lines, two voices in one cue, a cue id that is a number', async () => {
    const t = await read(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:03.000\n<v Anna Korhonen>The renewal came late\nbecause of our budget cycle.\n\n' +
        '2\n00:00:03.000 --> 00:00:05.000\n<v Matti Virtanen>Right.</v>\n<v Anna Korhonen>And legal took weeks.</v>\n',
    );
    expect(brief(t)).toEqual([
      [0, 3000, 'Anna Korhonen', 'The renewal came late because of our budget cycle.'],
      [3000, 5000, 'Matti Virtanen', 'Right.'],
      [3000, 5000, 'Anna Korhonen', 'And legal took weeks.'],
    ]);
  });

  test('"Last, First" names turn to "First Last" and keep the original; a company suffix is kept apart from the name', async () => {
    const t = await read(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Virtanen, Matti>Hei.</v>\n\n' +
        '00:00:02.000 --> 00:00:03.000\n<v.loud Korhonen, Anna (Acme Oy)>Hei vaan.</v>\n',
    );
    expect(t.speakers.map((s) => [s.name, s.original, s.organisation])).toEqual([
      ['Matti Virtanen', 'Virtanen, Matti', undefined],
      ['Anna Korhonen', 'Korhonen, Anna (Acme Oy)', 'Acme Oy'],
    ]);
    expect(t.cues.map((c) => c.speaker)).toEqual(['Matti Virtanen', 'Anna Korhonen']);
  });

  test("NOTE blocks and Stream's confidence notes are skipped, wherever they stand", async () => {
    const t = await read(
      'WEBVTT\nKind: captions\nLanguage: fi-FI\n\nNOTE duration:"00:42:10.3850000"\n\nNOTE language:fi-fi\n\n' +
        'NOTE Confidence: 0.9127554\n\n3f2a9c1b-1d2e-4f50-8a6b-7c8d9e0f1a2b/4-0\n00:00:00.000 --> 00:00:02.650\nVirtanen, Matti: Aloitetaanko?\n\n' +
        'NOTE Confidence: 0.8421\n\n3f2a9c1b-1d2e-4f50-8a6b-7c8d9e0f1a2b/5-0\n00:00:02.650 --> 00:00:04.000\nKorhonen, Anna: Joo, aloitetaan.\n\n' +
        'NOTE\nThis note has\nseveral lines.\n\nSTYLE\n::cue { color: yellow }\n',
    );
    expect(t.format).toBe('vtt-zoom');
    expect(brief(t)).toEqual([
      [0, 2650, 'Matti Virtanen', 'Aloitetaanko?'],
      [2650, 4000, 'Anna Korhonen', 'Joo, aloitetaan.'],
    ]);
    expect(t.warnings).toEqual([]);
  });

  test('overlapping cues keep their order and times', async () => {
    const t = await read(
      'WEBVTT\n\n0:0:0.0 --> 0:0:2.500\n<v Anna Korhonen>Hinta ei ollut ongelma.</v>\n\n' +
        '0:0:1.200 --> 0:0:3.000\n<v Matti Virtanen>Ei?</v>\n',
    );
    expect(brief(t)).toEqual([
      [0, 2500, 'Anna Korhonen', 'Hinta ei ollut ongelma.'],
      [1200, 3000, 'Matti Virtanen', 'Ei?'],
    ]);
  });
});

describe('WebVTT from Zoom', () => {
  test('numbered cues with "Name: text", a cue with no speaker, NBSP in the text', async () => {
    const t = await read(
      'WEBVTT\n\n1\n00:00:00.050 --> 00:00:01.790\nLiisa Mäkelä: Hyvää huomenta!\n\n' +
        '2\n00:00:02.070 --> 00:00:04.050\nJukka Salo: Huomenta, noin\u00a090\u00a0minuuttia varattu.\n\n' +
        '3\n00:00:04.500 --> 00:00:05.000\nHmm.\n\n' +
        '4\n00:00:05.100 --> 00:00:07.000\nLiisa Mäkelä: Hyvä.\n',
    );
    expect(t.format).toBe('vtt-zoom');
    expect(brief(t)).toEqual([
      [50, 1790, 'Liisa Mäkelä', 'Hyvää huomenta!'],
      [2070, 4050, 'Jukka Salo', 'Huomenta, noin 90 minuuttia varattu.'],
      [4500, 5000, null, 'Hmm.'],
      [5100, 7000, 'Liisa Mäkelä', 'Hyvä.'],
    ]);
    expect(t.warnings).toEqual([{ key: 'cuesWithoutSpeaker', params: { count: 1 } }]);
  });

  test('closed captions without speakers, CRLF endings', async () => {
    const t = await read(
      'WEBVTT\r\n\r\n00:01:08.000 --> 00:01:09.000\r\nThis is the account plan.\r\n\r\n' +
        '00:01:09.000 --> 00:01:13.000\r\nWe review it every quarter.\r\n',
    );
    expect(t.format).toBe('vtt');
    expect(brief(t)).toEqual([
      [68000, 69000, null, 'This is the account plan.'],
      [69000, 73000, null, 'We review it every quarter.'],
    ]);
    expect(t.warnings).toEqual([{ key: 'noSpeakers', params: {} }]);
  });

  test('two-line captions whose first lines do not come back are not speakers', async () => {
    const t = await read(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nThis is the window\nwe use every day.\n\n' +
        '00:00:02.000 --> 00:00:03.000\nAnd this one\nis for reports.\n',
    );
    expect(t.speakers).toEqual([]);
    expect(t.cues.map((c) => c.text)).toEqual([
      'This is the window we use every day.',
      'And this one is for reports.',
    ]);
  });

  test('a header and no cues is refused as having no text', async () => {
    expect(await readTranscript(utf8('WEBVTT\n\n'), 'empty.vtt')).toEqual({
      ok: false,
      refusal: { reason: 'noText', params: {} },
    });
  });
});

describe('what real files do to the bytes and times', () => {
  const cue = 'Toimitusvarmuus on meille tärkein asia.';
  test.each([
    [
      'a UTF-8 BOM',
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${cue}\n`)]),
    ],
    ['CR line endings', utf8(`WEBVTT\r\r00:00:01.000 --> 00:00:02.000\r${cue}\r`)],
    ['mixed line endings', utf8(`WEBVTT\r\n\n00:00:01.000 --> 00:00:02.000\r${cue}\n\r\n`)],
    ['no final newline', utf8(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${cue}`)],
    ['hours missing', utf8(`WEBVTT\n\n00:01.000 --> 00:02.000\n${cue}\n`)],
    ['unpadded times', utf8(`WEBVTT\n\n0:0:1.0 --> 0:0:2\n${cue}\n`)],
    ['a comma before the milliseconds', utf8(`WEBVTT\n\n00:00:01,000 --> 00:00:02,000\n${cue}\n`)],
    [
      'cue settings after the times',
      utf8(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000 align:start position:10%\n${cue}\n`),
    ],
  ])('%s', async (_what, bytes) => {
    expect(brief(await read(bytes))).toEqual([[1000, 2000, null, cue]]);
  });

  test.each([
    ['UTF-16 LE', 'utf-16le', [0xff, 0xfe]],
    ['UTF-16 BE', 'utf-16be', [0xfe, 0xff]],
  ] as const)('%s with a BOM', async (_what, encoding, bom) => {
    const text = `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Päivi Ström>${cue}</v>\n`;
    const units = [...text].map((c) => c.charCodeAt(0));
    const body = units.flatMap((u) => (encoding === 'utf-16le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
    expect(brief(await read(new Uint8Array([...bom, ...body])))).toEqual([[1000, 2000, 'Päivi Ström', cue]]);
  });

  test('0:0:4.5 is 4,500 ms; odd seconds (75) are added up and warned of', async () => {
    const t = await read('WEBVTT\n\n0:0:4.5 --> 0:0:75.25\nKyllä.\n');
    expect(brief(t)).toEqual([[4500, 75250, null, 'Kyllä.']]);
    expect(t.warnings).toContainEqual({ key: 'oddTimestamps', params: { count: 1 } });
  });

  test('times past an hour, to the millisecond', async () => {
    const t = await read('WEBVTT\n\n01:02:03.004 --> 10:00:00.999\nLoppuun asti.\n');
    expect(brief(t)).toEqual([[3_723_004, 36_000_999, null, 'Loppuun asti.']]);
  });

  test('entities and tags: <i>, <b>, <c.colour>, inline timestamps go; &amp; &nbsp; &#39; &lt; decode once', async () => {
    const t = await read(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Anna Korhonen><i>Johnson &amp; Johnson</i> on&nbsp;<b>iso</b> asiakas, ' +
        '<c.yellow>eikö</c> <00:00:01.500>niin? It&#39;s &lt;v&gt; &amp;amp; &#x2013; &unknown;</v>\n',
    );
    expect(t.cues[0]!.text).toBe("Johnson & Johnson on iso asiakas, eikö niin? It's <v> &amp; – &unknown;");
  });

  test("YouTube's rolling automatic captions: a line repeating the previous cue's last line is dropped, times kept", async () => {
    const t = await read(
      'WEBVTT\nKind: captions\nLanguage: en\n\n' +
        '00:00:00.000 --> 00:00:02.350 align:start position:0%\n \n' +
        'so<00:00:00.480><c> today</c><00:00:00.960><c> we</c><00:00:01.200><c> talk</c>\n\n' +
        '00:00:02.350 --> 00:00:02.360 align:start position:0%\nso today we talk\n \n\n' +
        '00:00:02.360 --> 00:00:05.000 align:start position:0%\nso today we talk\n' +
        'about<00:00:02.800><c> delivery</c><00:00:03.100><c> problems</c>\n\n' +
        '00:00:05.000 --> 00:00:05.010 align:start position:0%\nabout delivery problems\n \n\n' +
        '00:00:05.010 --> 00:00:07.000 align:start position:0%\nabout delivery problems\n' +
        'so<00:00:05.500><c> so</c>\n',
    );
    expect(brief(t)).toEqual([
      [0, 2350, null, 'so today we talk'],
      [2360, 5000, null, 'about delivery problems'],
      [5010, 7000, null, 'so so'],
    ]);
    expect(toTurns(t.cues).map((turn) => [turn.startMs, turn.text])).toEqual([
      [0, 'so today we talk about delivery problems so so'],
    ]);
  });

  test('captions without word timings keep a line said again in the next cue', async () => {
    const t = await read(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nKyllä.\n\n00:00:02.000 --> 00:00:03.000\nKyllä.\nNiin on.\n',
    );
    expect(brief(t)).toEqual([
      [1000, 2000, null, 'Kyllä.'],
      [2000, 3000, null, 'Kyllä. Niin on.'],
    ]);
  });

  test('angle brackets that are no caption tag stay as written in VTT and SRT', async () => {
    const cues =
      '00:00:01.000 --> 00:00:02.000\nAnna: price is <5 eur and > 3 eur <inaudible>\n\n' +
      '00:00:02.000 --> 00:00:03.000\nBob: the <Acme> deal, a<b but c>d <laughs>\n';
    for (const [file, name] of [
      [`WEBVTT\n\n${cues}`, 'x.vtt'],
      [cues.replaceAll('.', ','), 'x.srt'],
    ] as const) {
      const t = await read(file, name);
      expect(brief(t).map((c) => c[3])).toEqual([
        'price is <5 eur and > 3 eur <inaudible>',
        'the <Acme> deal, a<b but c>d <laughs>',
      ]);
    }
  });

  test('a cue whose end is before its start, and cues out of order, are kept and warned of', async () => {
    const t = await read(
      'WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nYksi.\n\n00:00:01.000 --> 00:00:02.000\nKaksi.\n',
    );
    expect(brief(t)).toEqual([
      [5000, 4000, null, 'Yksi.'],
      [1000, 2000, null, 'Kaksi.'],
    ]);
    expect(t.warnings).toContainEqual({ key: 'timesOutOfOrder', params: { count: 2 } });
  });
});

describe('SRT', () => {
  test('numbered cues, comma milliseconds, multi-line text, speakers named where the turn changes', async () => {
    const t = await read(
      '1\n00:00:00,179 --> 00:00:02,399\nHaastattelija: Miten päädyitte\nvalitsemaan meidät?\n\n' +
        '2\n00:00:02,400 --> 00:00:04,799\nHinta ja referenssit.\n\n' +
        '3\n00:00:04,801 --> 00:00:07,980\nAsiakas: Lähinnä referenssit.\n\n' +
        '4\n00:00:08,000 --> 00:00:09,000\nJa nopeus.\n\n5\n00:00:09,000 --> 00:00:10,000\nNiin.\n\n' +
        '6\n00:00:10,000 --> 00:00:11,000\nToimitusaika oli lyhyt.\n',
      'interview.srt',
    );
    expect(t.format).toBe('srt');
    expect(brief(t).map((c) => c[2])).toEqual([
      'Haastattelija',
      'Haastattelija',
      'Asiakas',
      'Asiakas',
      'Asiakas',
      'Asiakas',
    ]);
    expect(t.cues[0]!.text).toBe('Miten päädyitte valitsemaan meidät?');
  });

  test('no blank line between cues, and a blank line inside a cue', async () => {
    const t = await read(
      '1\n00:00:01,000 --> 00:00:02,000\nEnsimmäinen.\n2\n00:00:02,000 --> 00:00:03,000\nToinen rivi\n\njatkuu.\n\n3\n00:00:03,000 --> 00:00:04,000\nKolmas.',
      'x.srt',
    );
    expect(brief(t)).toEqual([
      [1000, 2000, null, 'Ensimmäinen.'],
      [2000, 3000, null, 'Toinen rivi jatkuu.'],
      [3000, 4000, null, 'Kolmas.'],
    ]);
  });

  test('text before the first cue is kept without a time, and warned of', async () => {
    const t = await read(
      'Haastattelu, Acme Oy\nMuistiinpanot alla.\n\n1\n00:00:01,000 --> 00:00:02,000\nAloitetaan.\n',
      'x.srt',
    );
    expect(brief(t)).toEqual([
      [null, null, null, 'Haastattelu, Acme Oy Muistiinpanot alla.'],
      [1000, 2000, null, 'Aloitetaan.'],
    ]);
    expect(t.warnings).toContainEqual({ key: 'textOutsideCues', params: { count: 2 } });
  });

  test('a "Huom:" once in captions is not a speaker', async () => {
    const t = await read(
      '1\n00:00:01,000 --> 00:00:02,000\nHuom: äänenlaatu heikkeni.\n\n2\n00:00:02,000 --> 00:00:03,000\nJatketaan.\n\n3\n00:00:03,000 --> 00:00:04,000\nSelvä.\n',
      'x.srt',
    );
    expect(t.speakers).toEqual([]);
    expect(t.cues[0]!.text).toBe('Huom: äänenlaatu heikkeni.');
  });

  test('a phrase said once with lower-case words before a colon is not a speaker, amid Zoom labels', async () => {
    const t = await read(
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnna Virtanen: First question: how are you?\n\n' +
        '2\n00:00:02.000 --> 00:00:03.000\nBob: Fine\n\n3\n00:00:03.000 --> 00:00:04.000\nAnna Virtanen: Good\n\n' +
        '4\n00:00:04.000 --> 00:00:05.000\nOne thing: price.\n\n5\n00:00:05.000 --> 00:00:06.000\nJan van Dijk: Agreed.\n',
    );
    expect(t.speakers.map((s) => s.name)).toEqual(['Anna Virtanen', 'Bob', 'Jan van Dijk']);
    expect(brief(t)[3]).toEqual([4000, 5000, null, 'One thing: price.']);
    expect(brief(t)[0]).toEqual([1000, 2000, 'Anna Virtanen', 'First question: how are you?']);
  });
});

describe('YouTube SBV', () => {
  test('comma-separated times, multi-line text, an end before the start', async () => {
    const t = await read(
      '0:00:00.378,0:00:11.378\nTervetuloa.\n\n0:00:13.489,0:00:15.489\nRivi yksi\nrivi kaksi\n\n0:00:17.484,0:00:16.543\nLoppu.',
      'captions.sbv',
    );
    expect(t.format).toBe('sbv');
    expect(brief(t)).toEqual([
      [378, 11378, null, 'Tervetuloa.'],
      [13489, 15489, null, 'Rivi yksi rivi kaksi'],
      [17484, 16543, null, 'Loppu.'],
    ]);
  });
});

describe('toTurns', () => {
  test("consecutive cues of one speaker become one paragraph at the first cue's start", async () => {
    const t = await read(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Anna Korhonen>Yksi.</v>\n\n00:00:02.000 --> 00:00:03.000\n<v Anna Korhonen>Kaksi.</v>\n\n' +
        '00:00:03.000 --> 00:00:04.000\n<v Matti Virtanen>Kolme.</v>\n\n00:00:04.000 --> 00:00:05.000\n<v Anna Korhonen>Neljä.</v>\n',
    );
    expect(toTurns(t.cues)).toEqual([
      { startMs: 1000, speaker: 'Anna Korhonen', text: 'Yksi. Kaksi.' },
      { startMs: 3000, speaker: 'Matti Virtanen', text: 'Kolme.' },
      { startMs: 4000, speaker: 'Anna Korhonen', text: 'Neljä.' },
    ]);
  });

  test('captions without speakers join into paragraphs that end at a sentence after about 60 words', () => {
    const words = (n: number, end: string) => `${Array.from({ length: n }, () => 'sana').join(' ')}${end}`;
    const cues = [words(30, ','), words(30, '.'), words(10, '.'), words(5, '')].map((text, i) => ({
      startMs: i * 1000,
      endMs: i * 1000 + 900,
      speaker: null,
      text,
    }));
    const turns = toTurns(cues);
    expect(turns.map((t) => [t.startMs, t.text.split(' ').length])).toEqual([
      [0, 60],
      [2000, 15],
    ]);
  });
});
