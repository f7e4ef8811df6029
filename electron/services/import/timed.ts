import { cleanCaption, normaliseSpeaker } from './clean.ts';
import { looksLikeName, type RawCue } from './speakers.ts';
import { parseTimestamp, TIMESTAMP } from './timestamps.ts';

/**
 * WebVTT, SRT and SBV read by one tolerant line scanner: a timing line starts a cue, its text runs to
 * the next blank line. What strict parsers trip on is taken as it comes: cue ids of any form (numbers,
 * Teams' "GUID/12-0"), NOTE, STYLE and REGION blocks, a missing blank line before the next cue, text
 * after a blank line inside a cue, cue settings after the times.
 */

export type TimedSyntax = 'arrow' | 'sbv';

const ARROW_LINE = new RegExp(`^\\s*(${TIMESTAMP})\\s*-->\\s*(${TIMESTAMP})(?:\\s.*)?$`);
const SBV_LINE =
  /^\s*(\d{1,3}:\d{1,3}:\d{1,3}(?:\.\d{1,9})?)\s*,\s*(\d{1,3}:\d{1,3}:\d{1,3}(?:\.\d{1,9})?)\s*$/;

export function timingLine(line: string, syntax: TimedSyntax): [string, string] | null {
  const match = (syntax === 'arrow' ? ARROW_LINE : SBV_LINE).exec(line);
  return match ? [match[1]!, match[2]!] : null;
}

export interface TimedRead {
  cues: RawCue[];
  /** Some cue named its speaker in a WebVTT voice span (<v Name>). */
  voiceSpans: boolean;
  oddTimes: number;
  /** Lines before the first cue that were not a header, note or style: kept without a time. */
  strayLines: number;
  /** For each cue, its first line where it has more lines and that one could be a name. */
  firstLines: (string | null)[];
}

const WORD_TIMING = /<\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3}>/;
const ID_LINE = /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\/\d+-\d+)?)$/i;
const SKIPPED_BLOCK = /^(?:WEBVTT|NOTE|STYLE|REGION|X-TIMESTAMP-MAP)(?:[\s:=]|$)/;

/**
 * `tick` hears how far the read is, in units of which there are twice as many as lines: the scan for
 * cues, then the cues' text (the two passes take about as long).
 */
export function readTimed(
  lines: readonly string[],
  syntax: TimedSyntax,
  tick: (done: number) => void = () => {},
): TimedRead {
  const raw: { start: string; end: string; lines: string[] }[] = [];
  let current: { start: string; end: string; lines: string[] } | null = null;
  // Lines since the last blank line while outside a cue: an id, a header, a note, or stray text.
  let block: string[] = [];
  let strayLines = 0;
  const closeBlock = () => {
    if (block.length && !SKIPPED_BLOCK.test(block[0]!)) {
      // Text after a blank line inside a cue (hand-edited SRT) still belongs to that cue.
      const last = raw[raw.length - 1];
      if (last) last.lines.push(...block);
      else {
        // Text before the first cue (a title, typed notes) is kept, without a time.
        raw.push({ start: '', end: '', lines: block });
        strayLines += block.length;
      }
    }
    block = [];
  };
  for (const [i, line] of lines.entries()) {
    if ((i & 4095) === 0) tick(i);
    if (!line.trim()) {
      if (current) current = null;
      else closeBlock();
      continue;
    }
    const times = timingLine(line, syntax);
    if (times) {
      if (current) {
        // No blank line before this cue: the previous cue's last line may be this cue's id.
        const previous = current.lines[current.lines.length - 1];
        if (previous !== undefined && ID_LINE.test(previous.trim())) current.lines.pop();
      } else if (block.length) {
        // The block's last line is this cue's id; anything before it is a note or stray text.
        block.pop();
        closeBlock();
      }
      block = [];
      current = { start: times[0], end: times[1], lines: [] };
      raw.push(current);
      continue;
    }
    if (current) current.lines.push(line);
    else block.push(line);
  }
  closeBlock();

  // YouTube's automatic captions roll: each cue repeats the line shown before it, then adds the new
  // words (timed word by word, which is how such a file is told). Read as written, every sentence
  // would come two or three times.
  const rolling = raw.some((cue) => cue.lines.some((line) => WORD_TIMING.test(line)));
  let previousLast: string | null = null;
  const cues: RawCue[] = [];
  let voiceSpans = false;
  let oddTimes = 0;
  const firstLines: (string | null)[] = [];
  for (const [k, cue] of raw.entries()) {
    if ((k & 1023) === 0) tick(lines.length + Math.floor((k / raw.length) * lines.length));
    const start = parseTimestamp(cue.start);
    const end = parseTimestamp(cue.end);
    if (start?.odd || end?.odd) oddTimes++;
    let shown = cue.lines;
    if (rolling) {
      const last = shown.findLast((line) => line.trim());
      if (shown.length && previousLast !== null && cleanCaption(shown[0]!) === previousLast)
        shown = shown.slice(1);
      if (last !== undefined) previousLast = cleanCaption(last);
    }
    for (const part of voiceParts(shown.join('\n'))) {
      const text = cleanCaption(part.text);
      if (!text) continue;
      if (part.voice !== null) voiceSpans = true;
      cues.push({
        startMs: start?.ms ?? null,
        endMs: end?.ms ?? null,
        rawSpeaker: part.voice,
        speaker: part.voice === null ? null : normaliseSpeaker(part.voice) || null,
        text,
      });
      const first = part.voice === null && shown.length > 1 ? cleanCaption(shown[0]!) : '';
      firstLines.push(first && first !== text && looksLikeName(first) ? first : null);
    }
  }
  return { cues, voiceSpans, oddTimes, strayLines, firstLines };
}

const VOICE_OPEN = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/g;

/**
 * A cue's text split at WebVTT voice spans: `<v Name>text</v>`, also left open, also over several
 * lines, also two voices in one cue. Text before the first span has no voice.
 */
function voiceParts(text: string): { voice: string | null; text: string }[] {
  if (!text.includes('<v')) return [{ voice: null, text }];
  const parts: { voice: string | null; text: string }[] = [];
  let voice: string | null = null;
  let from = 0;
  for (const match of text.matchAll(VOICE_OPEN)) {
    parts.push({ voice, text: text.slice(from, match.index) });
    voice = (match[1] ?? '').trim() || null;
    from = match.index + match[0].length;
  }
  parts.push({ voice, text: text.slice(from) });
  return parts.filter((part) => part.voice !== null || part.text.trim());
}
