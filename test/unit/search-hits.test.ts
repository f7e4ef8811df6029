import { describe, expect, test } from 'vitest';
import { codableSpans, groupHits, hitKey, snippetParts } from '../../renderer/src/store/searchHits.ts';
import type { SearchHit } from '../../shared/search.ts';

const hit = (over: Partial<SearchHit>): SearchHit => ({
  kind: 'note',
  engagementId: 'e',
  engagementName: 'E',
  interviewId: 'i1',
  sourceId: 'i1',
  paragraph: 0,
  start: 0,
  text: '',
  end: 5,
  snippet: 'lasku',
  highlights: [[0, 5]],
  score: 1,
  accountName: 'A',
  tier: 'key',
  roleLevel: 'strategic',
  intervieweeName: 'P',
  date: '2026-01-01',
  codeIds: [],
  ...over,
});

describe('search hits in the list', () => {
  test('notes group by interview in the order of their best hit, passages in document order; other kinds after', () => {
    const hits = [
      hit({ interviewId: 'i2', sourceId: 'i2', start: 50, paragraph: 3 }),
      hit({ kind: 'finding', interviewId: null, sourceId: 'f1' }),
      hit({ interviewId: 'i1', sourceId: 'i1', start: 40, paragraph: 2 }),
      hit({ interviewId: 'i2', sourceId: 'i2', start: 10, paragraph: 1 }),
      hit({ kind: 'memo', sourceId: 'c1' }),
    ];
    const groups = groupHits(hits);
    expect(groups.map((g) => g.key)).toEqual(['interview:i2', 'interview:i1', 'memo', 'finding']);
    expect(groups[0]!.hits.map((h) => h.start)).toEqual([10, 50]);
  });

  test('highlights split the snippet by code points, overlapping ones merged', () => {
    expect(
      snippetParts('😀 laskut ja laskun', [
        [2, 8],
        [12, 18],
        [14, 16],
      ]),
    ).toEqual([
      { text: '😀 ', marked: false },
      { text: 'laskut', marked: true },
      { text: ' ja ', marked: false },
      { text: 'laskun', marked: true },
    ]);
    expect(snippetParts('abc', [])).toEqual([{ text: 'abc', marked: false }]);
  });

  test('only selected note hits are coded, as their spans', () => {
    const note = hit({ start: 3, end: 8, text: 'lasku' });
    const memo = hit({ kind: 'memo', sourceId: 'c1' });
    expect(codableSpans([note, memo], new Set([hitKey(note), hitKey(memo)]))).toEqual([
      { interviewId: 'i1', start: 3, end: 8, text: 'lasku' },
    ]);
  });
});
