import { candidatePatterns, isFormOf, splitWords } from '../../electron/services/search/morphology.ts';
import { countWords } from '../../shared/notes.ts';
import type { DatabaseBench } from './database.ts';
import { type Measure, sample, summary } from './stats.ts';

const NOTE_WORDS = 20_000;
/** Query words of both languages and of the kinds the rules treat apart: a gradating noun, an -us
 * noun, a compound, a verb, a three-letter word and an English word. */
const QUERIES = ['asiakas', 'toimitus', 'henkilöriski', 'toimittaa', 'työ', 'invoice'];

/** The same word in another mix of capitals: a matcher of its own, so no verdict is remembered. */
const spelling = (word: string, run: number): string =>
  [...word].map((c, k) => ((run >> k) & 1 ? c.toUpperCase() : c)).join('');

/**
 * The search morphology over one 20,000-word text (the report engagement's notes joined, as the
 * identity group does): splitting it into words with code-point offsets, and the verdict of
 * `isFormOf` for every word against each query word — the work the search service does on every word
 * of the passages the trigram index hands it, here on every word of the text, a worst case.
 */
export function measureMorphology(bench: DatabaseBench): Measure[] {
  const { conn, info, config } = bench;
  const texts = conn.db
    .prepare(
      'SELECT n.text FROM notes n JOIN interviews i ON i.id = n.interview_id WHERE i.engagement_id = ? AND n.text <> ?',
    )
    .pluck()
    .all(info.reportEngagementId, '') as string[];
  let note = '';
  for (let i = 0; texts.length && countWords(note) < NOTE_WORDS; i++) note += `${texts[i % texts.length]}\n`;
  const words = splitWords(note);
  const runs = config.runs.cheap;
  const split = sample(runs, () => splitWords(note));
  let hits = 0;
  const fresh = sample(runs, (run) => {
    hits = 0;
    for (const q of QUERIES) {
      const query = spelling(q, run + 2);
      for (const w of words) if (isFormOf(w.text, query, ['fi', 'en'])) hits++;
    }
  });
  const remembered = sample(runs, () => {
    for (const q of QUERIES) for (const w of words) isFormOf(w.text, q, ['fi', 'en']);
  });
  const build = sample(runs, (run) => {
    for (const q of QUERIES) candidatePatterns(spelling(q, run + 100), ['fi', 'en']);
  });
  const perWord = (ms: number) => `${((ms * 1000) / (words.length * QUERIES.length)).toFixed(2)} µs a word`;
  return [
    {
      name: `morphology: split a ${words.length.toLocaleString('en')}-word note into words`,
      ...summary(split),
      note: `${((summary(split).p50 * 1000) / words.length).toFixed(2)} µs a word`,
    },
    {
      name: `morphology: isFormOf on every word, ${QUERIES.length} new query words`,
      ...summary(fresh),
      note: `p50 ${perWord(summary(fresh).p50)}; ${hits} forms found`,
    },
    {
      name: `morphology: the same, verdicts remembered`,
      ...summary(remembered),
      note: `p50 ${perWord(summary(remembered).p50)}`,
    },
    {
      name: `morphology: build the matchers of ${QUERIES.length} query words`,
      ...summary(build),
    },
  ];
}
