import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, test } from 'vitest';
import { readTranscript, toTurns } from '../../electron/services/import/index.ts';
import type { Transcript } from '../../shared/import.ts';

/** Word files made here with the docx package, so each shows one thing a typed transcript has. */
async function docxOf(
  children: (Paragraph | Table)[],
  comments: { id: number; author: string; text: string }[] = [],
  footnotes: Record<number, string> = {},
) {
  const doc = new Document({
    footnotes: Object.fromEntries(
      Object.entries(footnotes).map(([id, text]) => [id, { children: [new Paragraph(text)] }]),
    ),
    comments: {
      children: comments.map((c) => ({
        id: c.id,
        author: c.author,
        date: new Date('2026-03-12T10:00:00Z'),
        children: [new Paragraph(c.text)],
      })),
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function read(bytes: Uint8Array, name = 'haastattelu.docx'): Promise<Transcript> {
  const result = await readTranscript(bytes, name);
  if (!result.ok) throw new Error(`refused: ${result.refusal.reason}`);
  return result.transcript;
}

describe('Word documents', () => {
  test('headings, list items and table rows keep their kind; cells are joined with " | "', async () => {
    const bytes = await docxOf([
      new Paragraph({ text: 'Haastattelu: Acme Oy', heading: HeadingLevel.HEADING_1 }),
      new Paragraph('Haastattelu pidettiin Teamsissa 12.3.2026.'),
      new Paragraph({ text: 'Toimitusvarmuus', bullet: { level: 0 } }),
      new Paragraph({ text: 'Hinnoittelu', bullet: { level: 0 } }),
      new Table({
        rows: [
          new TableRow({
            children: ['Tuote', 'Arvio'].map((t) => new TableCell({ children: [new Paragraph(t)] })),
          }),
          new TableRow({
            children: ['Huolto', '4/5'].map((t) => new TableCell({ children: [new Paragraph(t)] })),
          }),
        ],
      }),
    ]);
    const t = await read(bytes);
    expect(t.format).toBe('docx');
    expect(t.cues.map((c) => [c.block ?? 'paragraph', c.text])).toEqual([
      ['heading', 'Haastattelu: Acme Oy'],
      ['paragraph', 'Haastattelu pidettiin Teamsissa 12.3.2026.'],
      ['listItem', 'Toimitusvarmuus'],
      ['listItem', 'Hinnoittelu'],
      ['tableRow', 'Tuote | Arvio'],
      ['tableRow', 'Huolto | 4/5'],
    ]);
    expect(t.warnings).toEqual([{ key: 'noStructure', params: {} }]);
    // Plain paragraphs without speakers or times stay paragraphs of their own.
    expect(toTurns(t.cues)).toHaveLength(6);
  });

  test('"Name: text" paragraphs give speakers; a comment keeps its author and the paragraph it is on', async () => {
    const bytes = await docxOf(
      [
        new Paragraph('Haastattelija: Miten yhteistyö on sujunut?'),
        new Paragraph({
          children: [
            new TextRun('Asiakas: '),
            new CommentRangeStart(0),
            new TextRun('Laskutus on ollut sekavaa.'),
            new CommentRangeEnd(0),
            new TextRun({ children: [new CommentReference(0)] }),
          ],
        }),
        new Paragraph('Haastattelija: Kerro lisää.'),
      ],
      [{ id: 0, author: 'Liisa Mäkelä', text: 'Tärkeä havainto: laskutus.' }],
    );
    const t = await read(bytes);
    expect(t.cues.map((c) => [c.speaker, c.text])).toEqual([
      ['Haastattelija', 'Miten yhteistyö on sujunut?'],
      ['Asiakas', 'Laskutus on ollut sekavaa.'],
      ['Haastattelija', 'Kerro lisää.'],
    ]);
    expect(t.comments).toEqual([
      {
        text: 'Tärkeä havainto: laskutus.',
        author: 'Liisa Mäkelä',
        anchorText: 'Asiakas: Laskutus on ollut sekavaa.',
      },
    ]);
  });

  test("Teams' Word download: a speaker and a time on one line, the turn below", async () => {
    const bytes = await docxOf([
      new Paragraph('Transcript'),
      new Paragraph('Virtanen, Matti   0:03'),
      new Paragraph('Hyvää huomenta, aloitetaanko?'),
      new Paragraph('Korhonen, Anna   1:02:08'),
      new Paragraph('Joo.'),
      new Paragraph('Meillä on aikaa tunti.'),
    ]);
    const t = await read(bytes);
    expect(t.cues.map((c) => [c.startMs, c.speaker, c.text])).toEqual([
      [null, null, 'Transcript'],
      [3000, 'Matti Virtanen', 'Hyvää huomenta, aloitetaanko?'],
      [3_728_000, 'Anna Korhonen', 'Joo. Meillä on aikaa tunti.'],
    ]);
  });

  test("Teams' older Word download: times, then the speaker on a line of its own, then the words", async () => {
    const bytes = await docxOf([
      new Paragraph('0:0:0.0 --> 0:0:4.230'),
      new Paragraph('Virtanen, Matti'),
      new Paragraph('Hyvää huomenta, aloitetaanko?'),
      new Paragraph('0:0:4.230 --> 0:0:9.0'),
      new Paragraph('Korhonen, Anna'),
      new Paragraph('Aloitetaan vain.'),
      new Paragraph('0:0:9.0 --> 0:0:12.500'),
      new Paragraph('Virtanen, Matti'),
      new Paragraph('Hyvä.'),
      new Paragraph('0:0:12.500 --> 0:0:15.0'),
      new Paragraph('Korhonen, Anna'),
      new Paragraph('Kysy pois.'),
    ]);
    const t = await read(bytes);
    expect(t.cues.map((c) => [c.startMs, c.endMs, c.speaker, c.text])).toEqual([
      [0, 4230, 'Matti Virtanen', 'Hyvää huomenta, aloitetaanko?'],
      [4230, 9000, 'Anna Korhonen', 'Aloitetaan vain.'],
      [9000, 12_500, 'Matti Virtanen', 'Hyvä.'],
      [12_500, 15_000, 'Anna Korhonen', 'Kysy pois.'],
    ]);
  });

  test('paragraphs of one speaker without times stay apart, as the writer made them', async () => {
    const bytes = await docxOf([
      new Paragraph('Haastattelija: Miten yhteistyö alkoi?'),
      new Paragraph('Asiakas: Messuilla.'),
      new Paragraph('Asiakas: Toinen kappale samasta vastauksesta.'),
      new Paragraph('Haastattelija: Kiitos.'),
    ]);
    expect(toTurns((await read(bytes)).cues).map((turn) => [turn.speaker, turn.text])).toEqual([
      ['Haastattelija', 'Miten yhteistyö alkoi?'],
      ['Asiakas', 'Messuilla.'],
      ['Asiakas', 'Toinen kappale samasta vastauksesta.'],
      ['Haastattelija', 'Kiitos.'],
    ]);
  });

  test('angle-bracketed words typed in Word stay as written', async () => {
    const bytes = await docxOf([
      new Paragraph('Anna: the <Acme> deal <inaudible>'),
      new Paragraph('Bob: a<b but c>d, <b>not bold</b>'),
    ]);
    expect((await read(bytes)).cues.map((cue) => [cue.speaker, cue.text])).toEqual([
      ['Anna', 'the <Acme> deal <inaudible>'],
      ['Bob', 'a<b but c>d, <b>not bold</b>'],
    ]);
  });

  test('footnotes keep their text: a mark where referenced, the note at the end', async () => {
    const bytes = await docxOf(
      [
        new Paragraph({
          children: [new TextRun('Hinta nousi'), new FootnoteReferenceRun(1), new TextRun(' viime vuonna.')],
        }),
        new Paragraph('Toimitus on nopea.'),
      ],
      [],
      { 1: 'Asiakkaan oma arvio, ei tarkistettu.' },
    );
    expect((await read(bytes)).cues.map((c) => c.text)).toEqual([
      'Hinta nousi[1] viime vuonna.',
      'Toimitus on nopea.',
      '[1] Asiakkaan oma arvio, ei tarkistettu.',
    ]);
  });

  test('a document with no text is refused', async () => {
    const result = await readTranscript(await docxOf([new Paragraph('')]), 'tyhja.docx');
    expect(result).toEqual({ ok: false, refusal: { reason: 'noText', params: {} } });
  });

  test('a truncated document is refused as damaged, never thrown', async () => {
    const whole = await docxOf([new Paragraph('Haastattelija: Hei.')]);
    for (const cut of [30, Math.floor(whole.length / 2), whole.length - 10]) {
      const result = await readTranscript(whole.subarray(0, cut), 'katkennut.docx');
      expect(result).toEqual({ ok: false, refusal: { reason: 'corruptDocx', params: {} } });
    }
  });
});
