import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readTranscript } from '../../electron/services/import/index.ts';
import { en } from '../../shared/i18n/en.ts';
import { fi } from '../../shared/i18n/fi.ts';
import {
  formatClock,
  IMPORT_WARNING_KEYS,
  type ImportWarning,
  REFUSAL_REASONS,
  type RefusalReason,
  type Transcript,
} from '../../shared/import.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function read(text: string | Uint8Array, name = 'haastattelu.txt'): Promise<Transcript> {
  const result = await readTranscript(typeof text === 'string' ? utf8(text) : text, name);
  if (!result.ok) throw new Error(`refused: ${result.refusal.reason}`);
  return result.transcript;
}

const brief = (t: Transcript) => t.cues.map((c) => [c.startMs, c.speaker, c.text]);

describe('plain text transcripts', () => {
  test('"Name: text" turns; a wrapped line joins its turn; a "Last, First" name is turned', async () => {
    const t = await read(
      'Haastattelija: Miten päädyitte valitsemaan\nmeidät toimittajaksi?\n\n' +
        'Korhonen, Anna: Referenssien takia.\n\nHaastattelija: Entä hinta?\n',
    );
    expect(t.format).toBe('text');
    expect(brief(t)).toEqual([
      [null, 'Haastattelija', 'Miten päädyitte valitsemaan meidät toimittajaksi?'],
      [null, 'Anna Korhonen', 'Referenssien takia.'],
      [null, 'Haastattelija', 'Entä hinta?'],
    ]);
    expect(t.speakers.map((s) => [s.name, s.cues, s.words])).toEqual([
      ['Haastattelija', 2, 7],
      ['Anna Korhonen', 1, 2],
    ]);
  });

  test('ordinary words before a colon stay text: a label is a speaker when it comes back or reads as a full name', async () => {
    const t = await read(
      'Haastattelija: Miten hinnoittelu toimii?\n\nAnna Korhonen: Se on vaikeaa.\n\n' +
        'Esimerkiksi: hinta nousi viime vuonna.\n\nHuom: tämä on tärkeää.\n\nHinta: liian korkea.\n\n' +
        'Haastattelija: Entä toimitus?\n\nPekka Aho: Hyvä.\n\nToimitukset tulevat ajallaan.\n',
    );
    expect(t.speakers.map((s) => s.name)).toEqual(['Haastattelija', 'Anna Korhonen', 'Pekka Aho']);
    expect(brief(t).slice(2, 5)).toEqual([
      [null, null, 'Esimerkiksi: hinta nousi viime vuonna.'],
      [null, null, 'Huom: tämä on tärkeää.'],
      [null, null, 'Hinta: liian korkea.'],
    ]);
  });

  test('a one-word label said once is a speaker when it names one of the interview’s people', async () => {
    const text =
      'Haastattelija: Kerro lisää.\n\nAnna: Mielellään.\n\nSe alkoi näin.\n\nHaastattelija: Kiitos.\n';
    expect((await read(text)).speakers.map((s) => s.name)).toEqual(['Haastattelija']);
    const known = await readTranscript(utf8(text), 'a.txt', ['Anna Korhonen']);
    expect(known.ok && known.transcript.speakers.map((s) => s.name)).toEqual(['Haastattelija', 'Anna']);
  });

  test('Otter-style headers: "Name  00:00" and "Name 0:00:12", the turn on the lines below', async () => {
    const t = await read(
      'Liisa Mäkelä  00:00\nKiitos, että ehdit mukaan.\n\nJukka Salo 0:00:12\nTotta kai.\nAsiaa on paljon.\n\nLiisa Mäkelä  01:05\nAloitetaan.\n',
    );
    expect(brief(t)).toEqual([
      [0, 'Liisa Mäkelä', 'Kiitos, että ehdit mukaan.'],
      [12_000, 'Jukka Salo', 'Totta kai. Asiaa on paljon.'],
      [65_000, 'Liisa Mäkelä', 'Aloitetaan.'],
    ]);
    expect(t.warnings).toEqual([]);
  });

  test('Rev and Descript headers: "Speaker 1 (00:00):" and "Anna Virtanen (01:02:03):" on a line, the turn below', async () => {
    const rev = await read(
      'Speaker 1 (00:00):\nWelcome to the call.\n\nSpeaker 2 (00:05):\nThanks for having me.\n\nSpeaker 1 (01:02:03):\nBye.\n',
    );
    expect(brief(rev)).toEqual([
      [0, 'Speaker 1', 'Welcome to the call.'],
      [5000, 'Speaker 2', 'Thanks for having me.'],
      [3_723_000, 'Speaker 1', 'Bye.'],
    ]);
    const named = await read(
      'Anna Virtanen (00:00:04):\nHei.\nMitä kuuluu?\n\nLiisa Korhonen (01:02:03):\nHyvää.\n',
    );
    expect(brief(named)).toEqual([
      [4000, 'Anna Virtanen', 'Hei. Mitä kuuluu?'],
      [3_723_000, 'Liisa Korhonen', 'Hyvää.'],
    ]);
  });

  test('stamped lines: "[00:01:02] Name: text"', async () => {
    const t = await read('[00:00:05] Interviewer: How did it start?\n[00:01:02] Customer: With a pilot.\n');
    expect(brief(t)).toEqual([
      [5000, 'Interviewer', 'How did it start?'],
      [62_000, 'Customer', 'With a pilot.'],
    ]);
  });

  test('angle-bracketed words stay as typed, caption-tag look-alikes too', async () => {
    const t = await read(
      'Anna: price is <5 eur and > 3 eur <inaudible>\n\nBob: the <Acme> deal, a<b but c>d <laughs>\n\n' +
        'Anna: <b>bold</b> as typed.\n',
    );
    expect(brief(t)).toEqual([
      [null, 'Anna', 'price is <5 eur and > 3 eur <inaudible>'],
      [null, 'Bob', 'the <Acme> deal, a<b but c>d <laughs>'],
      [null, 'Anna', '<b>bold</b> as typed.'],
    ]);
  });

  test('text without speakers or times imports as paragraphs, with a warning', async () => {
    const t = await read('Muistiinpanot tapaamisesta.\nToinen rivi samaa kappaletta.\n\nUusi kappale.');
    expect(brief(t)).toEqual([
      [null, null, 'Muistiinpanot tapaamisesta. Toinen rivi samaa kappaletta.'],
      [null, null, 'Uusi kappale.'],
    ]);
    expect(t.warnings).toEqual([{ key: 'noStructure', params: {} }]);
  });

  test('without blank lines, each line is a paragraph', async () => {
    const t = await read('Ensimmäinen ajatus.\r\nToinen ajatus.\r\nKolmas ajatus.');
    expect(t.cues.map((c) => c.text)).toEqual(['Ensimmäinen ajatus.', 'Toinen ajatus.', 'Kolmas ajatus.']);
  });

  test('Windows-1252 text is read as such, with a warning', async () => {
    // "Pääkäyttäjä: Hyvä €" in Windows-1252: ä is E4, € is 80; not valid UTF-8.
    const bytes = new Uint8Array([
      ...utf8('P'),
      0xe4,
      0xe4,
      ...utf8('k'),
      0xe4,
      ...utf8('ytt'),
      0xe4,
      ...utf8('j'),
      0xe4,
      ...utf8(': Hyv'),
      0xe4,
      ...utf8(' '),
      0x80,
      ...utf8('\nAsiakas: Selv'),
      0xe4,
      ...utf8('.\n'),
    ]);
    const t = await read(bytes);
    expect(brief(t)).toEqual([
      [null, 'Pääkäyttäjä', 'Hyvä €'],
      [null, 'Asiakas', 'Selvä.'],
    ]);
    expect(t.warnings).toContainEqual({ key: 'decodedAsWindows1252', params: {} });
  });

  test('UTF-8 with a few broken bytes stays UTF-8; the broken ones are counted', async () => {
    const bytes = new Uint8Array([...utf8('Päivi: Hyvää päivää '), 0xe4, ...utf8('.\nJussi: Kiitos.\n')]);
    const t = await read(bytes);
    expect(brief(t)).toEqual([
      [null, 'Päivi', 'Hyvää päivää \ufffd.'],
      [null, 'Jussi', 'Kiitos.'],
    ]);
    expect(t.warnings).toContainEqual({ key: 'replacedCharacters', params: { count: 1 } });
  });

  test('UTF-16 LE without a BOM', async () => {
    const text = 'Haastattelija: Hei.\nAsiakas: Hei vaan.\n';
    const bytes = new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    expect(brief(await read(bytes))).toEqual([
      [null, 'Haastattelija', 'Hei.'],
      [null, 'Asiakas', 'Hei vaan.'],
    ]);
  });
});

describe('files that are not transcripts are refused with a reason, never thrown', () => {
  const zipOf = (name: string) =>
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(26), ...utf8(name)]);
  test.each([
    ['0 bytes', new Uint8Array(), 'a.vtt', { reason: 'empty', params: {} }],
    [
      'only white space and a BOM',
      new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20]),
      'a.txt',
      { reason: 'empty', params: {} },
    ],
    [
      'binary bytes',
      new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      'a.vtt',
      { reason: 'binary', params: {} },
    ],
    [
      'a PNG image',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'kuva.txt',
      { reason: 'binary', params: {} },
    ],
    ['a PDF', utf8('%PDF-1.7\n%âãÏÓ\n'), 'a.pdf', { reason: 'unsupportedFormat', params: { kind: 'pdf' } }],
    [
      'an old .doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'a.doc',
      { reason: 'unsupportedFormat', params: { kind: 'doc' } },
    ],
    [
      'an RTF file',
      utf8('{\\rtf1\\ansi Hei}'),
      'a.rtf',
      { reason: 'unsupportedFormat', params: { kind: 'rtf' } },
    ],
    [
      'an Excel workbook',
      zipOf('xl/workbook.xml'),
      'a.xlsx',
      { reason: 'unsupportedFormat', params: { kind: 'xlsx' } },
    ],
    ['a zip of something else', zipOf('photos/1.jpg'), 'a.zip', { reason: 'notDocx', params: {} }],
    [
      'a .docx that is not a zip',
      utf8('Haastattelija: Hei.'),
      'a.docx',
      { reason: 'corruptDocx', params: {} },
    ],
  ])('%s', async (_what, bytes, name, refusal) => {
    expect(await readTranscript(bytes, name)).toEqual({ ok: false, refusal });
  });
});

describe('chat logs are refused, not imported as interviews', () => {
  test.each([
    [
      'bracketed clock times',
      '[10:02] Matti Virtanen: moi\n[10:03] Anna Korhonen: hei, aloitetaanko?\n[10:05] Matti Virtanen: joo\n',
    ],
    [
      'a Zoom chat to everyone',
      '10:02 AM From Matti Virtanen to Everyone: hei\n10:03 AM From Anna Korhonen to Everyone: kuuluuko?\n',
    ],
    [
      'a Zoom chat with seconds, in Finnish',
      '10:02:33 Lähettäjä Matti Virtanen kaikille: hei\n10:04:10 Lähettäjä Anna Korhonen kaikille: linkki tulossa\n',
    ],
    [
      'a Teams chat copied with dates',
      '[30.11.2026 10.02] Matti Virtanen: moi\n[30.11.2026 10.04] Anna Korhonen: moikka\n[30.11.2026 10.05] Matti Virtanen: sopiiko klo 11?\n',
    ],
    [
      'a Teams chat with names over the messages',
      'Matti Virtanen 10:02 AM\nmoi\n\nAnna Korhonen 10:04 AM\nmoikka\n\nMatti Virtanen 10:05 AM\nsopiiko?\n',
    ],
  ])('%s', async (_what, text) => {
    expect(await readTranscript(utf8(text), 'chat.txt')).toEqual({
      ok: false,
      refusal: { reason: 'chatLog', params: {} },
    });
  });

  test('a recording’s timer is no clock: "[00:12] Name: text" from the start stays a transcript', async () => {
    const t = await read(
      '[00:12] Haastattelija: Aloitetaan.\n[01:40] Anna Korhonen: Hyvä.\n[02:05] Haastattelija: Kerro.\n',
    );
    expect(t.speakers.map((s) => s.name)).toEqual(['Haastattelija', 'Anna Korhonen']);
  });
});

test('formatClock writes times as the interview clock shows them', () => {
  expect([0, 4_999, 65_000, 3_723_004].map(formatClock)).toEqual(['0:00', '0:04', '1:05', '1:02:03']);
});

test('every warning and refusal has its words in English and Finnish', () => {
  // The type checker holds the lists to the types; this holds the texts to the lists.
  const refusals: Record<RefusalReason, string> = en.transcriptImport.refusal;
  // A warning with a count has i18next's plural forms, in both languages.
  const counted = new Set<ImportWarning['key']>([
    'cuesWithoutSpeaker',
    'replacedCharacters',
    'timesOutOfOrder',
    'oddTimestamps',
    'textOutsideCues',
    'commentsUnanchored',
  ]);
  const expected = IMPORT_WARNING_KEYS.flatMap((key) =>
    counted.has(key) ? [`${key}_one`, `${key}_other`] : [key],
  );
  expect(Object.keys(en.transcriptImport.warning).sort()).toEqual(expected.sort());
  expect(Object.keys(fi.transcriptImport.warning).sort()).toEqual(expected.sort());
  expect(Object.keys(refusals).sort()).toEqual([...REFUSAL_REASONS].sort());
  expect(Object.keys(fi.transcriptImport.refusal).sort()).toEqual([...REFUSAL_REASONS].sort());
});

test('text made of transcript pieces in any order is read or refused for a reason, never by a reader bug', async () => {
  const piece = fc.constantFrom(
    'WEBVTT',
    'NOTE Confidence: 0.9',
    '00:00:01.000 --> 00:00:02.000',
    '0:0:4.5 --> 0:0:75',
    '99:99.9 --> 1:2',
    '0:00:01.000,0:00:02.000',
    '1',
    '3f2a9c1b-1d2e-4f50-8a6b-7c8d9e0f1a2b/4-0',
    '<v Virtanen, Matti>Hei',
    '<v>',
    '</v>',
    '<v Anna',
    'Anna Korhonen: Joo.',
    ': tyhjä nimi',
    'Matti Virtanen  0:03',
    '[00:01:02] Asiakas: Niin.',
    '&amp;&#0;&#x110000;&',
    '<i>kursiivi',
    '',
    ' ',
    '\u00a0',
    '\r',
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(piece, { maxLength: 30 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      async (pieces, eol) => {
        const result = await readTranscript(utf8(pieces.join(eol)), 'fuzz.vtt');
        if (result.ok) {
          expect(result.transcript.cues.length).toBeGreaterThan(0);
          for (const cue of result.transcript.cues) expect(cue.text.trim()).toBe(cue.text);
        } else expect(['empty', 'noText']).toContain(result.refusal.reason);
      },
    ),
    { numRuns: 500 },
  );
});

describe('a remark labelled like a turn stays text in the speaker’s turn', () => {
  test('a Word-typed Finnish interview, every paragraph "Name: text": "Huom:" and "Kysymys:" join the turn they follow', async () => {
    // As a consultant types it in Word and saves as .txt: one paragraph a line, no blank lines.
    const t = await read(
      [
        'Haastattelija: Kiitos, että ehdit. Miten yhteistyö on sujunut viime vuonna?',
        'Matti: Pääosin hyvin. Toimitukset ovat tulleet ajallaan, laskutuksessa on ollut sotkua.',
        'Haastattelija: Millaista sotkua?',
        'Matti: Samasta toimituksesta on tullut kaksi laskua, ja hyvityksiä on saanut odottaa.',
        'Huom: asiakas näytti esimerkkilaskun, pyydetään kopio.',
        'Haastattelija: Entä yhteyshenkilöt?',
        'Matti: Vaihtuvat liian usein. Kolmas myyjä kahdessa vuodessa.',
        'Kysymys: pitäisikö tästä kertoa asiakkuusjohtajalle?',
        'Haastattelija: Kiitos, tämä riittää tältä erää.',
        'Matti: Kiitos itsellesi.',
      ].join('\n'),
    );
    expect(t.speakers.map((s) => [s.name, s.cues])).toEqual([
      ['Haastattelija', 4],
      ['Matti', 4],
    ]);
    expect(brief(t)[3]).toEqual([
      null,
      'Matti',
      'Samasta toimituksesta on tullut kaksi laskua, ja hyvityksiä on saanut odottaa. Huom: asiakas näytti esimerkkilaskun, pyydetään kopio.',
    ]);
    expect(brief(t)[5]).toEqual([
      null,
      'Matti',
      'Vaihtuvat liian usein. Kolmas myyjä kahdessa vuodessa. Kysymys: pitäisikö tästä kertoa asiakkuusjohtajalle?',
    ]);
    // Every paragraph is someone's: no "cues without a speaker" warning.
    expect(t.warnings).toEqual([]);
  });

  test('an English Otter-style export with blank lines: "Note:" once and "Summary:" at the end are no speakers', async () => {
    const t = await read(
      'Interviewer: How did you end up choosing the platform?\n\n' +
        'Sarah: Mostly the integrations. We looked at three vendors.\n\n' +
        'Interviewer: And the price?\n\n' +
        'Sarah: It was the second cheapest, which helped.\n\n' +
        'Note: she mentioned a competitor offer, follow up.\n\n' +
        'Interviewer: What would make you leave?\n\n' +
        'Sarah: Another outage like March. That hurt us.\n\n' +
        'Summary: price fine, reliability is the risk.\n',
    );
    expect(t.speakers.map((s) => s.name)).toEqual(['Interviewer', 'Sarah']);
    expect(t.cues.map((c) => c.speaker)).toEqual([
      'Interviewer',
      'Sarah',
      'Interviewer',
      'Sarah',
      'Interviewer',
      'Sarah',
    ]);
    expect(t.cues[3]!.text).toBe(
      'It was the second cheapest, which helped. Note: she mentioned a competitor offer, follow up.',
    );
    expect(t.cues[5]!.text).toBe(
      'Another outage like March. That hurt us. Summary: price fine, reliability is the risk.',
    );
  });

  test('remark words stay text even when they recur, in any case, Finnish or English', async () => {
    const t = await read(
      'Haastattelija: Mitä pidätte palvelusta?\n\nLiisa: Hyvä, mutta hidas.\n\nHUOM: hitaus toistuu.\n\n' +
        'Haastattelija: Entä hinta?\n\nLiisa: Kallis.\n\nhuom: sama kuin viime vuonna.\n\n' +
        'Haastattelija: Kiitos.\n\nLiisa: Ole hyvä.\n\nTaustaa: asiakas vuodesta 2019.\n\n' +
        'Question: does this match the survey?\n\nAnswer: mostly.\n',
    );
    expect(t.speakers.map((s) => s.name)).toEqual(['Haastattelija', 'Liisa']);
    expect(brief(t).slice(1, 4)).toEqual([
      [null, 'Liisa', 'Hyvä, mutta hidas. HUOM: hitaus toistuu.'],
      [null, 'Haastattelija', 'Entä hinta?'],
      [null, 'Liisa', 'Kallis. huom: sama kuin viime vuonna.'],
    ]);
    expect(t.cues.at(-1)!.text).toBe(
      'Ole hyvä. Taustaa: asiakas vuodesta 2019. Question: does this match the survey? Answer: mostly.',
    );
  });

  test('a one-word label said once among speakers who talk many times stays text; a full name or a known person does not', async () => {
    const lines = [
      'Haastattelija: Miten käyttöönotto meni?',
      'Anna Korhonen: Hitaasti, koulutusta oli liian vähän.',
      'Haastattelija: Mikä olisi auttanut?',
      'Anna Korhonen: Pari lisäpäivää paikan päällä.',
      'Haastattelija: Entä tuki?',
      'Anna Korhonen: Tuki vastaa nopeasti.',
      'Hinta: ei puhuttu.',
      'Haastattelija: Kiitos paljon.',
    ];
    const plain = await read(lines.join('\n'));
    expect(plain.speakers.map((s) => s.name)).toEqual(['Haastattelija', 'Anna Korhonen']);
    expect(plain.cues[5]!.text).toBe('Tuki vastaa nopeasti. Hinta: ei puhuttu.');

    const guest = [...lines.slice(0, 6), 'Pekka Aho: Minä lisään, että tuki on hyvä.', lines[7]!];
    expect((await read(guest.join('\n'))).speakers.map((s) => s.name)).toEqual([
      'Haastattelija',
      'Anna Korhonen',
      'Pekka Aho',
    ]);

    const named = [...lines.slice(0, 6), 'Pekka: Minä lisään, että tuki on hyvä.', lines[7]!].join('\n');
    expect((await read(named)).speakers.map((s) => s.name)).toEqual(['Haastattelija', 'Anna Korhonen']);
    const known = await readTranscript(utf8(named), 'a.txt', ['Pekka Aho']);
    expect(known.ok && known.transcript.speakers.map((s) => s.name)).toEqual([
      'Haastattelija',
      'Anna Korhonen',
      'Pekka',
    ]);
  });

  test('a short dialogue where no one talks three times still takes a one-off label as a speaker', async () => {
    const t = await read(
      'Haastattelija: Aloitetaanko?\nMatti: Joo.\nHaastattelija: Hyvä.\nLiisa: Minäkin olen tässä.\n',
    );
    expect(t.speakers.map((s) => s.name)).toEqual(['Haastattelija', 'Matti', 'Liisa']);
  });
});
