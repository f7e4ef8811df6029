import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { readTranscript } from '../../electron/services/import/index.ts';

/**
 * Real exports published by others (../shared/import-samples/, never copied into the project): each
 * must import with all of its words, its speakers and its times, or be refused where it has no text.
 * What the file holds is found here by a naive reading of its own, not by the importer's rules.
 */

const SAMPLES = resolve(import.meta.dirname, '../../../shared/import-samples');
const files = existsSync(SAMPLES) ? walk(SAMPLES).filter((file) => !file.endsWith('README.md')) : [];

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const words = (text: string) => text.match(WORD) ?? [];

function bag(list: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Words in `a` that `b` lacks, with how many are missing. */
function missing(a: Map<string, number>, b: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [w, n] of a) if (n > (b.get(w) ?? 0)) out[w] = n - (b.get(w) ?? 0);
  return out;
}

const TIMING = /(\d+(?::\d+){1,2}(?:[.,]\d+)?)\s*(?:-->|,)\s*(\d+(?::\d+){1,2}(?:[.,]\d+)?)/;
const naiveMs = (t: string) =>
  Math.round(
    t
      .replace(',', '.')
      .split(':')
      .reduce((sum, part) => sum * 60 + Number(part), 0) * 1000,
  );

/** Header, note and cue id lines. */
const SKIPPED = /^(?:WEBVTT|NOTE)\b|^\d+$|^[0-9a-f-]{36}\/\d+-\d+$/;

/** The text a person sees in a subtitle file: not the header, notes, ids or times; no tags. */
function naiveSubtitle(text: string): { words: string[]; times: Set<string>; voices: Set<string> } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const times = new Set<string>();
  const voices = new Set<string>();
  const kept: string[] = [];
  for (const line of lines) {
    const timing = TIMING.exec(line);
    if (timing) times.add(`${naiveMs(timing[1]!)}-${naiveMs(timing[2]!)}`);
    else if (!SKIPPED.test(line.trim())) kept.push(line);
    for (const m of line.matchAll(/<v ([^>]+)>/g)) voices.add(m[1]!.trim());
  }
  return { words: words(kept.join('\n').replace(/<[^>]*>/g, ' ')), times, voices };
}

describe.skipIf(!files.length)('the practice set of real exports', () => {
  test.each(files.map((file) => [relative(SAMPLES, file), file]))('%s', async (_name, file) => {
    const bytes = readFileSync(file);
    const sha = () => createHash('sha256').update(bytes).digest('hex');
    const before = sha();
    const result = await readTranscript(bytes, file);
    // Reading changes neither the bytes it was given nor the file.
    expect(sha()).toBe(before);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
    const docx = file.endsWith('.docx');
    const naive = docx
      ? {
          words: words((await mammoth.extractRawText({ buffer: bytes })).value),
          times: new Set<string>(),
          voices: new Set<string>(),
        }
      : naiveSubtitle(bytes.toString('utf8'));

    if (!result.ok) {
      // Only a file without a word in it may be refused, and then for having none.
      expect(naive.words).toEqual([]);
      expect(['noText', 'empty']).toContain(result.refusal.reason);
      return;
    }
    const t = result.transcript;
    const read = bag(t.cues.flatMap((cue) => words(cue.text)));
    const names = bag(t.speakers.flatMap((s) => words(s.original)));
    // Every word the file shows is in the cues, apart from speaker names taken off the text ...
    const left = missing(bag(naive.words), read);
    for (const w of Object.keys(left)) expect(names.has(w), `"${w}" is lost`).toBe(true);
    // ... and nothing is in the cues that the file does not show.
    expect(missing(read, bag(naive.words))).toEqual({});
    expect(t.words).toBe(t.cues.reduce((sum, cue) => sum + words(cue.text).length, 0));

    if (!docx) {
      for (const cue of t.cues) expect(naive.times).toContain(`${cue.startMs}-${cue.endMs}`);
      expect(new Set(t.cues.map((cue) => `${cue.startMs}-${cue.endMs}`)).size).toBe(naive.times.size);
      if (naive.voices.size) expect(new Set(t.speakers.map((s) => s.original))).toEqual(naive.voices);
    }
    if (!docx) for (const speaker of t.speakers) expect(bytes.toString('utf8')).toContain(speaker.original);
  });
});
