import fc from 'fast-check';
import { expect, test } from 'vitest';
import { readTranscript } from '../../electron/services/import/index.ts';

/**
 * Any cue list written out as a subtitle file and read back gives the same text, speakers and times to
 * the millisecond. Speakers are written as Teams does (<v Name>, also "Last, First") or as Zoom and
 * SRT do ("Name: text" on every cue); text has entities, markup-like characters, colons, raw
 * angle-bracketed words and several lines.
 */

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzäöåéüABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÅ'];
const name = fc
  .tuple(
    fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTUVYÄÖÅŠŽ'),
    fc.string({ unit: fc.constantFrom(...LETTERS, 'ø', 'ł', 'ß'), minLength: 1, maxLength: 8 }),
    fc.option(fc.constantFrom('-', "'"), { nil: '' }),
    fc.option(fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 4 }), { nil: '' }),
  )
  .map(([first, rest, joiner, tail]) => `${first}${rest}${tail ? joiner + tail : ''}`);

/** A speaker as written and as it should read back ("Last, First" becomes "First Last"). */
const speaker = fc.oneof(
  fc.tuple(name, name).map(([first, last]) => ({ written: `${first} ${last}`, read: `${first} ${last}` })),
  fc.tuple(name, name).map(([first, last]) => ({ written: `${last}, ${first}`, read: `${first} ${last}` })),
  name.map((single) => ({ written: single, read: single })),
);

// Words as people type them: Finnish letters, digits, punctuation, &, <, >, quotes, emoji and
// literal entities (which must come back as written, not decoded), colons inside words ("12:30"), and
// angle brackets left raw in the file where they make no caption tag ("<inaudible>", "a<b but c>d").
// No "-->" (it is a timing line). A colon before a space ("asia: hinta") only follows a speaker's
// label: at the start of a cue without one it would read as "Name: text".
const RAW = ['<inaudible>', '<Acme>', '<laughs>', 'a<b but c>d', '<i am>', '<b c>'];
const WORD_UNITS = [
  ...LETTERS,
  ...'0123456789.,?!-\'"()&<>/€%',
  '😀',
  '&amp;',
  '&nbsp;',
  '&#39;',
  '<i>',
  '</b>',
  '12:30',
  'x:y',
  ...RAW,
];
const wordOf = (units: string[]) =>
  fc.string({ unit: fc.constantFrom(...units), minLength: 1, maxLength: 10 });
const lineOf = (units: string[]) =>
  fc.array(wordOf(units), { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));

const cueShape = (labelled: boolean) =>
  fc.record({
    start: fc.integer({ min: 0, max: 99 * 3_600_000 }),
    length: fc.integer({ min: 0, max: 600_000 }),
    lines: fc.array(lineOf(labelled ? [...WORD_UNITS, 'asia: hinta', ':'] : WORD_UNITS), {
      minLength: 1,
      maxLength: 3,
    }),
  });

/** Markup escaped as a subtitle tool writes it, but the raw words left raw, as people type them. */
const escapeMarkup = (text: string) =>
  RAW.reduce((escaped, raw) => escaped.replaceAll(escapeAll(raw), raw), escapeAll(text));
const escapeAll = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
function clock(ms: number, decimal: '.' | ','): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${decimal}${pad(ms % 1000, 3)}`;
}

type Style = 'vtt-voice' | 'vtt-colon' | 'vtt-plain' | 'srt-colon' | 'srt-plain';
const styles: Style[] = ['vtt-voice', 'vtt-colon', 'vtt-plain', 'srt-colon', 'srt-plain'];

const transcript = fc.constantFrom(...styles).chain((style) =>
  fc.record({
    style: fc.constant(style),
    speakers: fc.array(speaker, { minLength: 1, maxLength: 4 }),
    cues: fc.array(fc.tuple(cueShape(style.endsWith('colon')), fc.nat(), fc.boolean()), {
      minLength: 1,
      maxLength: 12,
    }),
    ids: fc.boolean(),
    crlf: fc.boolean(),
  }),
);

test('a cue list written as VTT or SRT reads back with the same text, speakers and times', async () => {
  await fc.assert(
    fc.asyncProperty(transcript, async ({ style, speakers, cues, ids, crlf }) => {
      const vtt = style.startsWith('vtt');
      const expected = cues.map(([shape, pick, voiced]) => {
        const who = speakers[pick % speakers.length]!;
        // Voice spans may be left off single cues; "Name: text" files name a speaker on every cue.
        const named = style === 'vtt-voice' ? voiced : style.endsWith('colon');
        return { shape, who: named ? who : null };
      });
      const blocks = expected.map(({ shape, who }, i) => {
        const times = `${clock(shape.start, vtt ? '.' : ',')} --> ${clock(shape.start + shape.length, vtt ? '.' : ',')}`;
        const text = shape.lines.map(escapeMarkup);
        if (who && style === 'vtt-voice') text[0] = `<v ${escapeMarkup(who.written)}>${text[0]}`;
        if (who && style === 'vtt-voice' && i % 2) text[text.length - 1] += '</v>';
        if (who && style !== 'vtt-voice') text[0] = `${escapeMarkup(who.written)}: ${text[0]}`;
        const id = vtt ? (ids ? [`c${i}-${i}`] : []) : [String(i + 1)];
        return [...id, times, ...text].join('\n');
      });
      const file = (vtt ? ['WEBVTT', ...blocks] : blocks).join('\n\n').replaceAll('\n', crlf ? '\r\n' : '\n');
      const result = await readTranscript(new TextEncoder().encode(file), vtt ? 'x.vtt' : 'x.srt');
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.transcript.cues).toEqual(
        expected.map(({ shape, who }) => ({
          startMs: shape.start,
          endMs: shape.start + shape.length,
          speaker: who?.read ?? null,
          text: shape.lines.join(' '),
        })),
      );
    }),
    { numRuns: 300 },
  );
});
