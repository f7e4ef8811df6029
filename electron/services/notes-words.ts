import { countWords, type DerivedNotes } from '../../shared/notes.ts';

/**
 * The word count of a note, block by block: a word never runs over a line, so the note's count is the
 * sum of its blocks'. An autosave of a long note changes a paragraph or two, and counting every word of
 * it again took as long as the rest of the checks; the counts of blocks seen in the last save of the
 * same interview are reused.
 */
const counted = new Map<string, Map<string, number>>();
/** Interviews whose blocks are remembered (the open one and a few recent), as in notes-validity.ts. */
const REMEMBERED = 16;

export function countNoteWords(interviewId: string, blocks: DerivedNotes['blocks']): number {
  const known = counted.get(interviewId);
  const now = new Map<string, number>();
  let total = 0;
  for (const { text } of blocks) {
    let words = now.get(text) ?? known?.get(text);
    if (words === undefined) words = countWords(text);
    now.set(text, words);
    total += words;
  }
  counted.delete(interviewId);
  counted.set(interviewId, now);
  if (counted.size > REMEMBERED) counted.delete(counted.keys().next().value!);
  return total;
}
