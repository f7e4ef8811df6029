import type { Cue, Turn } from '../../../shared/import.ts';
import { countWords } from '../../../shared/notes.ts';

/** Captions without speakers are cut into paragraphs of about this many words, at a sentence's end. */
const CAPTION_PARAGRAPH_WORDS = 60;

/**
 * The paragraphs of imported notes: consecutive timed cues of one speaker become one paragraph stamped
 * with its first cue's start. Captions without speakers would otherwise be one paragraph per line (or
 * one for the whole file), so they are joined up to a readable length and broken at a sentence's end.
 * Paragraphs of a document without times (Word, text) and headings, list items and table rows stay
 * as they were.
 */
export function toTurns(cues: readonly Cue[]): Turn[] {
  const turns: Turn[] = [];
  let words = 0;
  for (const cue of cues) {
    const last = turns[turns.length - 1];
    if (last && joins(last, cue, words)) {
      last.text = `${last.text} ${cue.text}`;
      words += countWords(cue.text);
      continue;
    }
    const turn: Turn = { startMs: cue.startMs, speaker: cue.speaker, text: cue.text };
    if (cue.block) turn.block = cue.block;
    turns.push(turn);
    words = countWords(cue.text);
  }
  return turns;
}

function joins(turn: Turn, cue: Cue, words: number): boolean {
  if (turn.block || cue.block) return false;
  // A timed cue is a piece of a turn; a Word or text paragraph without times is the writer's own.
  if (cue.speaker !== null)
    return cue.speaker === turn.speaker && turn.startMs !== null && cue.startMs !== null;
  if (turn.speaker !== null || turn.startMs === null || cue.startMs === null) return false;
  return words < CAPTION_PARAGRAPH_WORDS || !/[.?!…]["”’)]*$/.test(turn.text);
}
