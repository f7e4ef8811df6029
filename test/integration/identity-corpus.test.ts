import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeReport } from '../../electron/report/export.ts';
import { visibleText } from '../../electron/report/leaks.ts';
import { erasedMarker } from '../../electron/services/erasure.ts';
import { IdentityMatcher } from '../../shared/identity/detect.ts';
import { FIRST_NAMES, SURNAMES } from '../../shared/identity/gazetteer.ts';
import { ORDINARY_WORDS, PASSAGES, PEOPLE } from '../fixtures/identity/corpus.ts';
import {
  buildCorpusEngagement,
  clean,
  containsWord,
  corpusLeaks,
  PARSED,
} from '../fixtures/identity/corpus-engagement.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';
import { unzipText } from '../helpers/zip.ts';

/**
 * The identity corpus (written without looking at the engine) as an engagement: its registered
 * people and companies in the register, each passage the coded notes of an interview and a quote of
 * a finding, so every passage reaches the report. Then: nothing it marks survives anonymisation,
 * every ordinary look-alike word does, and erasure removes a person's every form from the bytes.
 */
const parsed = PARSED;

let ws: TestWorkspace;
let engagementId = '';
let interviewOf = new Map<string, string>();
let personId = new Map<string, string>();

beforeAll(() => {
  ws = openTestWorkspace();
  ({ engagementId, interviewOf, personId } = buildCorpusEngagement(ws));
});
afterAll(() => ws.close());

async function reportText(level: 'people' | 'accounts'): Promise<Map<string, string>> {
  const out = join(ws.dir, `corpus-${level}.docx`);
  await writeReport(ws.ctx, { engagementId, anonymize: level }, out);
  return new Map(
    [...unzipText(readFileSync(out))]
      .filter(([part]) => /\.(xml|svg)$/.test(part))
      .map(([part, xml]) => [part, clean(visibleText(xml))]),
  );
}

describe('the identity corpus in an anonymised report', () => {
  test('corpus size as the acceptance asks', () => {
    expect(PASSAGES.length).toBeGreaterThanOrEqual(20);
    expect(parsed.flatMap((p) => p.spans).length).toBeGreaterThanOrEqual(200);
    expect(ORDINARY_WORDS.length).toBeGreaterThanOrEqual(100);
  });

  for (const level of ['people', 'accounts'] as const) {
    test(`${level}: no identifier remains in any part of the .docx, and ordinary words all survive`, async () => {
      const parts = await reportText(level);
      const all = [...parts.values()].join('\n');
      const leaks = corpusLeaks(level, parts);
      expect(leaks).toEqual([]);
      const lost = ORDINARY_WORDS.filter((word) => !containsWord(all, word));
      expect(lost).toEqual([]);
      // The passages themselves are in the report (the quotes), not dropped.
      expect(all).toContain('[henkilö');
    });
  }
});

describe('erasing a person of the corpus', () => {
  test('no form is left in the bytes of the file or its journal, and the text changes only there', () => {
    // The interviewee with the most forms in the notes.
    // Their forms, and the e-mail addresses built from their surname (seppo.kallio@…), which erasure
    // takes too.
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const ofPerson = (p: (typeof PEOPLE)[number], s: { ref: string; surface: string }) =>
      s.ref === p.key ||
      (s.ref === 'email' && fold(s.surface.split(/@|\(a\)/)[0]!).includes(fold(p.name.split(' ').at(-1)!)));
    const counts = PEOPLE.filter((p) => p.role === 'interviewee').map((p) => ({
      person: p,
      spans: parsed.flatMap((x, i) =>
        x.spans.filter((s) => ofPerson(p, s)).map((s) => ({ ...s, passage: i })),
      ),
    }));
    const { person, spans } = counts.sort((a, b) => b.spans.length - a.spans.length)[0]!;
    expect(spans.length).toBeGreaterThanOrEqual(5);
    const textOf = (passageIndex: number) =>
      ws.call('getInterview', { id: interviewOf.get(PASSAGES[passageIndex]!.id)! }).notes.text;
    const before = parsed.map((_, i) => textOf(i));

    const preview = ws.call('erasurePreview', { id: personId.get(person.key)! });
    expect(preview.total).toBeGreaterThanOrEqual(spans.length);
    const summary = ws.call('eraseInterviewee', { id: personId.get(person.key)! });
    expect(summary.complete).toBe(true);

    // The derived text differs from before exactly at the person's marked forms.
    parsed.forEach((p, i) => {
      let expected = before[i]!;
      for (const s of p.spans.filter((x) => ofPerson(person, x)).sort((a, b) => b.start - a.start))
        expected = expected.slice(0, s.start) + erasedMarker('fi') + expected.slice(s.end);
      expect(textOf(i), `passage ${PASSAGES[i]!.id}`).toBe(expected);
    });

    ws.db.close();
    const forms = new Set(spans.flatMap((s) => [s.surface, clean(s.surface)]));
    for (const suffix of ['', '-wal']) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(`${ws.path}${suffix}`);
      } catch {
        continue;
      }
      for (const form of forms)
        expect(bytes.includes(Buffer.from(form, 'utf8')), `${form} in ${suffix || 'db'}`).toBe(false);
    }
    ws.db = new BetterSqlite3(ws.path);
  });
});

describe('names in lower case (added after the fact, for the issue 11 leftovers)', () => {
  test('with every name of the gazetteer registered, the demo notes hold no lower-case match at all', () => {
    const demo = openTestWorkspace();
    try {
      demo.call('createDemo', {});
      const notes = demo
        .call('listEngagements', {})
        .flatMap((e) => demo.call('listInterviews', { engagementId: e.id }))
        .map((i) => demo.call('getInterview', { id: i.id }).notes.text);
      const surnames = [...SURNAMES];
      const everyone = new IdentityMatcher(
        [...FIRST_NAMES].map((first, i) => {
          const name = `${first} ${surnames[i % surnames.length]}`;
          return { id: name, kind: 'person' as const, names: [name] };
        }),
      );
      const lower = notes.flatMap((text) =>
        everyone
          .find(text, { candidates: false })
          .filter((s) => /^\p{Ll}/u.test(s.text))
          .map((s) => s.text),
      );
      expect(notes.join(' ').split(/\s+/).length).toBeGreaterThan(8000);
      expect(lower).toEqual([]);
    } finally {
      demo.close();
    }
  });
});
