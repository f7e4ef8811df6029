import type { CueBlock } from '../../../shared/import.ts';
import { cleanText, normaliseSpeaker } from './clean.ts';
import { namePrefix, type RawCue, takeColonSpeakers } from './speakers.ts';
import { parseTimestamp } from './timestamps.ts';

/**
 * Typed and exported transcripts without a subtitle format: Otter's, Rev's and Teams' Word download
 * ("Name  0:03" or "Name (00:03):" on a line, the turn below it), stamped lines ("[00:01:02] Name: text"), "Name: text"
 * turns, and, failing all of these, plain paragraphs.
 */

/** A line of the source; null is a blank line. Word paragraphs carry what kind of block they were. */
export type SourceLine = { text: string; block?: CueBlock } | null;

export interface TextRead {
  cues: RawCue[];
  /** Speakers or times were found; otherwise the cues are plain paragraphs. */
  structured: boolean;
}

const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
// Otter's "Name  0:03"; Rev's and Descript's "Speaker 1 (00:00):" with a colon after the time.
const HEADER = new RegExp(String.raw`^([^\d\s:][^:]{0,58}?)\s*[([]?(${CLOCK})[)\]]?:?$`);
const STAMPED = new RegExp(String.raw`^[[(]?(${CLOCK})[)\]]?\s*[-–:]?\s+(.*)$`);

function header(text: string): { name: string; ms: number } | null {
  const match = HEADER.exec(text);
  if (!match) return null;
  const name = match[1]!.trim();
  if (!/\p{L}/u.test(name) || /[.?!;"“”]/.test(name) || name.split(/\s+/).length > 6) return null;
  const time = parseTimestamp(match[2]!);
  return time ? { name, ms: time.ms } : null;
}

function cue(text: string, startMs: number | null, block?: CueBlock): RawCue {
  const made: RawCue = { startMs, endMs: null, speaker: null, rawSpeaker: null, text };
  if (block) made.block = block;
  return made;
}

/** `unitLines`: every line is its own paragraph (Word paragraphs; text files without blank lines). */
export function readText(
  source: readonly SourceLine[],
  unitLines: boolean,
  known: readonly string[] = [],
): TextRead {
  const lines = source.map((line) => (line === null ? null : { ...line, text: cleanText(line.text) }));
  const nonBlank = lines.filter((line): line is NonNullable<SourceLine> => Boolean(line?.text));

  // Otter and Teams' Word download: a header line with the speaker and the time, then the turn.
  if (nonBlank.filter((line) => header(line.text)).length >= 2) {
    const cues: RawCue[] = [];
    let turn: RawCue | null = null;
    for (const line of nonBlank) {
      const found = header(line.text);
      if (found) {
        turn = cue('', found.ms);
        turn.rawSpeaker = found.name;
        turn.speaker = normaliseSpeaker(found.name);
        cues.push(turn);
      } else if (turn) turn.text = turn.text ? `${turn.text} ${line.text}` : line.text;
      else cues.push(cue(line.text, null, line.block));
    }
    return { cues: cues.filter((c) => c.text), structured: true };
  }

  // Each unit starts a cue; lines that follow it without a blank line (hard-wrapped text) join it.
  const stamped = nonBlank.filter((line) => STAMPED.test(line.text)).length >= 2;
  const units: { cue: RawCue; joins: boolean }[] = [];
  let afterBlank = true;
  for (const line of lines) {
    if (line === null || !line.text) {
      afterBlank = true;
      continue;
    }
    let text = line.text;
    let startMs: number | null = null;
    const stamp = stamped ? STAMPED.exec(text) : null;
    if (stamp) {
      startMs = parseTimestamp(stamp[1]!)?.ms ?? null;
      text = stamp[2]!;
    }
    units.push({ cue: cue(text, startMs, line.block), joins: !unitLines && !afterBlank && !stamp });
    afterBlank = false;
  }
  const named = takeColonSpeakers(
    units.map((unit) => unit.cue),
    known,
  );
  // Where every paragraph opens with a label, one that was no speaker ("Huom: …") is a remark within
  // the turn it follows, not a paragraph nobody said.
  const remark = (unit: RawCue) => unit.speaker === null && !unit.block && namePrefix(unit.text) !== null;
  const allLabelled =
    named > 0 && units.every(({ cue: unit }) => unit.block || unit.speaker !== null || remark(unit));
  const cues: RawCue[] = [];
  for (const { cue: unit, joins } of units) {
    const previous = cues[cues.length - 1];
    const inTurn = allLabelled && remark(unit) && previous?.speaker != null && !previous.block;
    if (previous && (joins || inTurn) && unit.speaker === null)
      previous.text = `${previous.text} ${unit.text}`;
    else cues.push(unit);
  }
  return { cues: cues.filter((c) => c.text), structured: stamped || named > 0 };
}
