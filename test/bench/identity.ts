import { buildRegister, engagementVocabulary, matcherFor } from '../../electron/services/identities.ts';
import { IdentityMatcher } from '../../shared/identity/detect.ts';
import { countWords } from '../../shared/notes.ts';
import { ORGS, PASSAGES, PEOPLE, parsePassage } from '../fixtures/identity/corpus.ts';
import type { DatabaseBench } from './database.ts';
import { type Measure, sample, summary } from './stats.ts';

const NOTE_WORDS = 20_000;

/**
 * The identity engine on the report engagement: detection over one 20,000-word note (the
 * engagement's notes joined until they are that long) with its register, and the review list the
 * export dialog shows, which builds the anonymised report model and collects every name in it.
 */
export function measureIdentity(bench: DatabaseBench): Measure[] {
  const { conn, info, config } = bench;
  const engagementId = info.reportEngagementId;
  const texts = conn.db
    .prepare(
      'SELECT n.text FROM notes n JOIN interviews i ON i.id = n.interview_id WHERE i.engagement_id = ? AND n.text <> ?',
    )
    .pluck()
    .all(engagementId, '') as string[];
  let note = '';
  for (let i = 0; texts.length && countWords(note) < NOTE_WORDS; i++) note += `${texts[i % texts.length]}\n`;
  const register = buildRegister(conn.ctx, engagementId);
  const matcher = matcherFor(register);
  const vocabulary = engagementVocabulary(conn.ctx, engagementId);
  let found = 0;
  const detect = sample(config.runs.cheap, () => {
    found = matcher.find(note, vocabulary).length;
  });
  // The same length of notes as dense with names as real ones get: the identity corpus, repeated.
  const corpus = PASSAGES.map((p) => parsePassage(p).text).join('\n');
  let dense = '';
  while (countWords(dense) < NOTE_WORDS) dense += `${corpus}\n`;
  const corpusMatcher = new IdentityMatcher([
    ...PEOPLE.map((p) => ({ id: p.key, kind: 'person' as const, names: [p.name] })),
    ...ORGS.map((o) => ({ id: o.key, kind: 'org' as const, names: [o.name] })),
  ]);
  let denseFound = 0;
  const detectDense = sample(config.runs.cheap, () => {
    denseFound = corpusMatcher.find(dense).length;
  });
  let items = 0;
  const review = sample(config.runs.report, () => {
    items = conn.call('reviewIdentifiers', { engagementId, anonymize: 'people' }).items.length;
  });
  return [
    {
      name: `identity: detection over a ${countWords(note).toLocaleString('en')}-word note`,
      ...summary(detect),
      budget: 100,
      note: `${register.length} known, ${found} found`,
    },
    {
      name: `identity: detection over ${countWords(dense).toLocaleString('en')} words dense with names (the test corpus)`,
      ...summary(detectDense),
      budget: 100,
      note: `${denseFound} found`,
    },
    {
      name: 'identity: review list and masking of the report engagement',
      ...summary(review),
      budget: 500,
      note: `${items} items`,
    },
  ];
}
