import type { Cue, SpeakerSummary } from '../../../shared/import.ts';
import { countWords } from '../../../shared/notes.ts';
import { normaliseSpeaker, speakerSuffix } from './clean.ts';

/** A cue being read, with the speaker's name as the file wrote it. */
export interface RawCue extends Cue {
  rawSpeaker: string | null;
}

/**
 * "Name: text" as Zoom, podcast tools and typed transcripts write it. The name is short and reads
 * like a name (no sentence punctuation, at most four words, some letter in it).
 */
export function namePrefix(text: string): { name: string; rest: string } | null {
  const match = /^([^:]{1,60}):(?:\s+|$)/.exec(text);
  if (!match) return null;
  const name = match[1]!.trim();
  return looksLikeName(name) ? { name, rest: text.slice(match[0].length).trim() } : null;
}

export function looksLikeName(name: string): boolean {
  // "Dr. Melissa Ko" is a name; a question or an exclamation is not.
  if (!name || !/\p{L}/u.test(name) || /[?!;:"“”»«<>]/.test(name) || name.endsWith('.')) return false;
  return name.split(/\s+/).length <= 4;
}

/**
 * Takes "Name: " off cues where it names a speaker. "Huom: …", "Esimerkiksi: …" or "Hinta: liian
 * korkea" in a dialogue are not speakers, and taking them for one would make a person of an ordinary
 * word (and mask it everywhere). So a label counts when it comes back in the file, or, said once, when
 * it reads like a full name (two or more capitalised words) in a dialogue or names a person the
 * interview knows, or, capitalised, when every turn opens with a label or no label comes back. A
 * one-off single word amid recurring speakers and unlabelled paragraphs, or amid speakers who each
 * talk three times or more, stays text, and so does a word that labels remarks ("Huom", "Kysymys",
 * "Summary") however often it comes: both in typed notes only (no times), as subtitle tools write
 * their labels themselves. Returns how many cues got a speaker.
 */
export function takeColonSpeakers(cues: RawCue[], known: readonly string[] = []): number {
  // A heading or a table row with a colon in it is no turn of talk.
  const found = cues.map((cue) => (cue.block ? null : namePrefix(cue.text)));
  const counts = new Map<string, number>();
  let capitalised = 0;
  for (const hit of found) {
    if (!hit) continue;
    if (!/^\p{Ll}/u.test(hit.name)) capitalised++;
    counts.set(hit.name, (counts.get(hit.name) ?? 0) + 1);
  }
  const dialogue = capitalised >= 2 || (capitalised > 0 && capitalised === cues.length);
  const knownWords = new Set(known.flatMap(foldWords));
  const isKnown = (name: string) => {
    const words = foldWords(normaliseSpeaker(name));
    return words.length > 0 && words.every((w) => knownWords.has(w));
  };
  const fullName = (name: string) => {
    const words = name
      .replace(/\s*\([^()]*\)$/, '')
      .split(/[\s,]+/)
      .filter(Boolean);
    return words.length >= 2 && /^\p{Lu}/u.test(words[0]!) && /^\p{Lu}/u.test(words.at(-1)!);
  };
  // Where every turn opens with a label (Zoom, "Name: text" documents) or no label comes back (a few
  // lines of dialogue), capitalised labels of a dialogue count; where speakers recur and some
  // paragraphs carry on without a label, a word said once before a colon is no speaker.
  const recurring = [...counts.values()].some((count) => count >= 2);
  const turns = cues.filter((cue) => !cue.block).length;
  const allLabelled = found.filter(Boolean).length === turns;
  // In typed notes (no times), "Huom:" once among speakers who each talk many times is a remark.
  // Subtitle tools (Zoom) write the label themselves: there a name said once is still a speaker.
  const typed = cues.every((cue) => cue.startMs === null);
  const talkative = typed && [...counts.values()].some((count) => count >= 3);
  const accepts = (name: string) => {
    if (isKnown(name)) return true;
    if (typed && isRemarkWord(name)) return false;
    if ((counts.get(name) ?? 0) >= 2) return true;
    if (!dialogue || /^\p{Ll}/u.test(name) || phrase(name)) return false;
    return fullName(name) || !recurring || (allLabelled && !talkative);
  };
  let taken = 0;
  cues.forEach((cue, i) => {
    const hit = found[i];
    if (!hit || !accepts(hit.name)) return;
    cue.rawSpeaker = hit.name;
    cue.speaker = normaliseSpeaker(hit.name);
    cue.text = hit.rest;
    taken++;
  });
  return taken;
}

/** Lower-case words inside a name: "van Dijk", "de la Cruz", "af Klercker". */
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'dos',
  'la',
  'le',
  'af',
  'av',
  'ten',
  'ter',
  'bin',
  'al',
  'el',
]);

/** "One thing", "Toinen asia": a phrase with a lower-case word after the first reads as words, not a name. */
function phrase(name: string): boolean {
  return name
    .split(/\s+/)
    .slice(1)
    .some((word) => /^\p{Ll}/u.test(word) && !NAME_PARTICLES.has(word));
}

/**
 * Words that label a remark, a question or a section in typed notes, never a person: "Huom: …" or
 * "Kysymys: …" in a file where every paragraph is "Name: text" would otherwise become a speaker.
 */
const REMARK_WORDS = new Set(
  [
    'huom',
    'huomio',
    'huomautus',
    'nb',
    'note',
    'notes',
    'ps',
    'pps',
    'todo',
    'kysymys',
    'vastaus',
    'question',
    'answer',
    'tausta',
    'taustaa',
    'background',
    'yhteenveto',
    'summary',
    'lisätieto',
    'lisätietoja',
    'lisätietoa',
    'päivitys',
    'update',
    'kommentti',
    'comment',
    'esimerkki',
    'esimerkiksi',
    'example',
    'muistiinpano',
    'muistiinpanot',
    'tehtävä',
    'action',
    'aihe',
    'topic',
    'teema',
    'johtopäätös',
    'conclusion',
    'edit',
    'korjaus',
  ].map((word) => foldWords(word).join(' ')),
);

/** "Huom", "NOTE", "Kysymys" (any case, a trailing full stop or not) label remarks, not speakers. */
export function isRemarkWord(name: string): boolean {
  return REMARK_WORDS.has(foldWords(name).join(' '));
}

/** The words of a name, lower case without accents: "Virtanen, Matti" → virtanen, matti. */
function foldWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fi')
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter(Boolean);
}

/** Speakers in order of first appearance, with their cue and word counts. */
export function summariseSpeakers(cues: readonly RawCue[]): SpeakerSummary[] {
  const byName = new Map<string, SpeakerSummary>();
  for (const cue of cues) {
    if (cue.speaker === null) continue;
    let entry = byName.get(cue.speaker);
    if (!entry) {
      const original = cue.rawSpeaker ?? cue.speaker;
      entry = { name: cue.speaker, original, cues: 0, words: 0 };
      const organisation = speakerSuffix(original);
      if (organisation) entry.organisation = organisation;
      byName.set(cue.speaker, entry);
    }
    entry.cues++;
    entry.words += countWords(cue.text);
  }
  return [...byName.values()];
}

/**
 * Subtitles of podcasts and editing tools name the speaker only where the turn changes; then the
 * cues after a name are that speaker's until the next name. Where most cues carry a name (Zoom), a
 * cue without one stays without: guessing would put words in someone's mouth.
 */
export function carrySpeakers(cues: RawCue[]): void {
  const named = cues.filter((cue) => cue.speaker !== null).length;
  if (!named || named * 2 >= cues.length) return;
  let speaker: { speaker: string; rawSpeaker: string | null } | null = null;
  for (const cue of cues) {
    if (cue.speaker !== null) speaker = { speaker: cue.speaker, rawSpeaker: cue.rawSpeaker };
    else if (speaker) Object.assign(cue, speaker);
  }
}

/**
 * Teams' older Word download puts the speaker on the first line of each cue ("Virtanen, Matti", then
 * the words). A first line counts as a name only when it comes back on many cues: in captions, the
 * first line of a two-line cue is just the start of a sentence.
 */
export function takeLineSpeakers(cues: RawCue[], firstLines: readonly (string | null)[]): number {
  const counts = new Map<string, number>();
  for (const line of firstLines) if (line !== null) counts.set(line, (counts.get(line) ?? 0) + 1);
  const repeated = (line: string | null): line is string =>
    line !== null && (counts.get(line) ?? 0) >= 2 && !/^\p{Ll}/u.test(line);
  const hits = firstLines.filter(repeated).length;
  if (!hits || hits * 2 < cues.length) return 0;
  cues.forEach((cue, i) => {
    const line = firstLines[i] ?? null;
    if (!repeated(line) || !cue.text.startsWith(line)) return;
    cue.rawSpeaker = line;
    cue.speaker = normaliseSpeaker(line);
    cue.text = cue.text.slice(line.length).trim();
  });
  return hits;
}
