import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import { deriveNotes, paragraphsToDoc } from '../../shared/notes.ts';
import type { SearchHit } from '../../shared/search.ts';
import { fingerprint } from '../fixtures/fingerprint.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

/**
 * The search service over a small workspace whose texts are known: offsets, the query language, the
 * filters, and coding hits. The words are chosen so the checks hold for any correct morphology (a word
 * as written is always a form of itself; none of the other words is a form of a query word).
 */

let ws: TestWorkspace;
let ids: {
  fiEngagement: string;
  enEngagement: string;
  alfa: string;
  beta: string;
  i1: string;
  i2: string;
  i3: string;
  codeId: string;
  otherCodeId: string;
};

const I1 = [
  'Kahvi oli hyvää ja vesi kylmää.',
  '😀🎉 𝒜 Kahvi maistui, mutta palvelu oli hidasta.',
  'Toimitus myöhästyi kahdesti.',
];
const I2 = ['Vesi oli loppu.', 'Hinta ei ratkaissut, laatu ratkaisi.'];
const I3 = ['The invoice was late.', 'Price did not matter at all.'];

beforeEach(() => {
  ws = openTestWorkspace();
  const fi = ws.call('createEngagement', { clientName: 'Asiakas', title: 'Kuuntelu', language: 'fi' });
  const en = ws.call('createEngagement', { clientName: 'Client', title: 'Listening', language: 'en' });
  const alfa = ws.call('createAccount', { engagementId: fi.id, name: 'Alfa Oy', tier: 'key' });
  const beta = ws.call('createAccount', { engagementId: fi.id, name: 'Beta Oy', tier: 'unmanaged' });
  const gamma = ws.call('createAccount', { engagementId: en.id, name: 'Gamma Ltd', tier: 'named' });
  const liisa = ws.call('createInterviewee', {
    accountId: alfa.id,
    name: 'Liisa Laine',
    roleLevel: 'strategic',
  });
  const olli = ws.call('createInterviewee', {
    accountId: beta.id,
    name: 'Olli Oja',
    roleLevel: 'operational',
  });
  const interview = (engagementId: string, accountId: string, intervieweeIds: string[], date: string) =>
    ws.call('createInterview', { engagementId, accountId, intervieweeIds, date }).id;
  const i1 = interview(fi.id, alfa.id, [liisa.id], '2026-01-10');
  const i2 = interview(fi.id, beta.id, [olli.id], '2026-03-05');
  const i3 = interview(en.id, gamma.id, [], '2025-12-01');
  ws.saveNotes({ interviewId: i1, doc: paragraphsToDoc(I1) });
  ws.saveNotes({ interviewId: i2, doc: paragraphsToDoc(I2) });
  ws.saveNotes({ interviewId: i3, doc: paragraphsToDoc(I3) });
  const codeId = ws.call('createCode', { engagementId: fi.id, name: { fi: 'Palvelu', en: 'Service' } }).id;
  const otherCodeId = ws.call('createCode', { engagementId: fi.id, name: { fi: 'Muu', en: 'Other' } }).id;
  ids = {
    fiEngagement: fi.id,
    enEngagement: en.id,
    alfa: alfa.id,
    beta: beta.id,
    i1,
    i2,
    i3,
    codeId,
    otherCodeId,
  };
});
afterEach(() => ws.close());

const find = (query: string, filters: Record<string, unknown> = {}) =>
  ws.call('search', { query, limit: 1000, ...filters });
/** Where the hits are: `interview:paragraph` for notes, the kind otherwise. */
const places = (hits: SearchHit[]) =>
  hits
    .map((h) =>
      h.kind === 'note'
        ? `${h.interviewId === ids.i1 ? 'i1' : h.interviewId === ids.i2 ? 'i2' : 'i3'}:${h.paragraph}`
        : h.kind,
    )
    .sort();
const chars = (text: string) => [...text];
const plainText = (interviewId: string) =>
  deriveNotes(ws.call('getInterview', { id: interviewId }).notes.doc as DocNode);

describe('offsets are code points', () => {
  test("a note hit's start and end slice the interview's plain text to the matched word, emoji before it", () => {
    const { hits } = find('palvelu');
    expect(places(hits)).toEqual(['i1:1']);
    const [hit] = hits;
    const derived = plainText(ids.i1);
    expect(chars(derived.text).slice(hit!.start, hit!.end).join('')).toBe('palvelu');
    // UTF-16 offsets would be 4 more (three astral characters before it on the line, two emoji earlier).
    expect(hit!.start).toBe(derived.text.indexOf('palvelu') - 3);
    const block = derived.blocks[hit!.paragraph!]!;
    expect(
      chars(block.text)
        .slice(hit!.start - block.start, hit!.end - block.start)
        .join(''),
    ).toBe('palvelu');
    for (const [from, to] of hit!.highlights)
      expect(chars(hit!.snippet).slice(from, to).join('')).toBe('palvelu');
  });

  test('in a memo and a finding the offsets are in that text; every highlight is a matched word', () => {
    ws.call('createFinding', {
      engagementId: ids.fiEngagement,
      title: '🎉 Palvelu',
      body: '𝒜𝒜 hidas palvelu ja palvelu',
    });
    const doc = ws.call('getInterview', { id: ids.i1 }).notes.doc as DocNode;
    const codingId = crypto.randomUUID();
    ws.saveNotes({
      interviewId: ids.i1,
      doc: withMark(doc, 2, codingId),
      codings: [{ id: codingId, codeId: ids.codeId, memo: '😀 muista palvelu' }],
    });
    const { hits } = find('palvelu', { kinds: ['memo', 'finding'] });
    expect(places(hits)).toEqual(['finding', 'finding', 'memo']);
    const texts: Record<string, string> = {
      memo: '😀 muista palvelu',
      title: '🎉 Palvelu',
      body: '𝒜𝒜 hidas palvelu ja palvelu',
    };
    for (const hit of hits) {
      const text =
        hit.kind === 'memo' ? texts.memo! : hit.snippet.startsWith('🎉') ? texts.title! : texts.body!;
      expect(chars(text).slice(hit.start, hit.end).join('').toLowerCase()).toBe('palvelu');
      expect(hit.highlights.length).toBeGreaterThan(0);
      for (const [from, to] of hit.highlights)
        expect(chars(hit.snippet).slice(from, to).join('').toLowerCase()).toBe('palvelu');
    }
    expect(hits.find((h) => h.kind === 'memo')).toMatchObject({
      interviewId: ids.i1,
      codeIds: [ids.codeId],
      accountName: 'Alfa Oy',
    });
  });

  test('letters stored decomposed (a + combining diaeresis, as pasted from a PDF) are found and sliced exactly', () => {
    const nfd = 'Päätöksen jälkeen käden taidot ratkaisevat.'.normalize('NFD');
    ws.saveNotes({ interviewId: ids.i2, doc: paragraphsToDoc([nfd]) });
    for (const [query, word] of [
      ['päätös', 'Päätöksen'],
      ['käsi', 'käden'],
      ['jälkeen', 'jälkeen'],
      ['"jälkeen käden"', 'jälkeen käden'],
    ] as const) {
      for (const filters of [{}, { interviewId: ids.i2 }]) {
        const [hit] = find(query, filters).hits.filter((h) => h.interviewId === ids.i2);
        expect(hit, `${query} ${JSON.stringify(filters)}`).toBeDefined();
        const text = plainText(ids.i2).text;
        expect(chars(text).slice(hit!.start, hit!.end).join('')).toBe(word.normalize('NFD'));
      }
    }
  });

  test('a long paragraph gives a snippet of about 200 characters cut at words, with … where cut', () => {
    const long = `${'alku '.repeat(60)}kahvi ${'loppu '.repeat(60)}`.trim();
    ws.saveNotes({ interviewId: ids.i2, doc: paragraphsToDoc([long]) });
    const [hit] = find('kahvi', { interviewId: ids.i2 }).hits;
    expect(hit!.snippet.startsWith('…alku')).toBe(true);
    expect(hit!.snippet.endsWith('loppu…')).toBe(true);
    expect(chars(hit!.snippet).length).toBeGreaterThan(150);
    expect(chars(hit!.snippet).length).toBeLessThan(260);
    expect(
      chars(hit!.snippet)
        .slice(...hit!.highlights[0]!)
        .join(''),
    ).toBe('kahvi');
  });
});

/** The notes document with a coding mark on the whole text of block `index`. */
function withMark(doc: DocNode, index: number, codingId: string): DocNode {
  return {
    ...doc,
    content: doc.content!.map((block, i) =>
      i === index
        ? {
            ...block,
            content: block.content!.map((t) => ({
              ...t,
              marks: [{ type: 'coding', attrs: { id: codingId } }],
            })),
          }
        : block,
    ),
  };
}

describe('the query language', () => {
  test('words must all be found; OR, NOT and - in English and Finnish; case does not matter', () => {
    expect(places(find('kahvi palvelu').hits)).toEqual(['i1:1']);
    expect(places(find('kahvi AND palvelu').hits)).toEqual(['i1:1']);
    expect(places(find('kahvi JA palvelu').hits)).toEqual(['i1:1']);
    expect(places(find('KAHVI').hits)).toEqual(['i1:0', 'i1:1']);
    expect(places(find('palvelu OR laatu').hits)).toEqual(['i1:1', 'i2:1']);
    expect(places(find('palvelu TAI laatu').hits)).toEqual(['i1:1', 'i2:1']);
    expect(places(find('kahvi NOT palvelu').hits)).toEqual(['i1:0']);
    expect(places(find('kahvi EI palvelu').hits)).toEqual(['i1:0']);
    expect(places(find('kahvi -palvelu').hits)).toEqual(['i1:0']);
    // In lower case they are words: "ei" is a Finnish word, not an operator.
    expect(places(find('hinta ei').hits)).toEqual(['i2:1']);
    expect(places(find('kahvi or').hits)).toEqual([]);
  });

  test('"exact phrase" in order, an unclosed quote tolerated; prefix*', () => {
    expect(places(find('"laatu ratkaisi"').hits)).toEqual(['i2:1']);
    expect(places(find('"ratkaisi laatu"').hits)).toEqual([]);
    // Words of a phrase are one space apart, as written: a comma between them is not the phrase.
    expect(places(find('"ratkaissut laatu"').hits)).toEqual([]);
    expect(places(find('"ratkaissut, laatu"').hits)).toEqual([]);
    expect(places(find('"laatu ratkaisi').hits)).toEqual(['i2:1']);
    const [phrase] = find('"laatu ratkaisi"').hits;
    expect(chars(plainText(ids.i2).text).slice(phrase!.start, phrase!.end).join('')).toBe('laatu ratkaisi');
    expect(places(find('toimi*').hits)).toEqual(['i1:2']);
    expect(places(find('myöhäst*').hits)).toEqual(['i1:2']);
    expect(places(find('invo*').hits)).toEqual(['i3:0']);
    expect(places(find('toimi* -kahdesti').hits)).toEqual([]);
  });

  test('a query with nothing to look for is refused with its own code', () => {
    for (const query of ['NOT OR', 'AND', '-kahvi', 'EI palvelu', '""', '***'])
      expect(ws.raw('search', { query })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', key: 'searchNothingToFind' },
      });
    expect(ws.raw('search', { query: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  test('words of one or two letters alone: refused across the portfolio, searched within an engagement', () => {
    for (const query of ['HR', 'on', 'ai -x'])
      expect(ws.raw('search', { query })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', key: 'searchWordsTooShort' },
      });
    expect(ws.raw('search', { query: 'on', engagementId: ids.fiEngagement }).ok).toBe(true);
    // With a longer word beside it, the index narrows the search and the short word is judged.
    expect(ws.raw('search', { query: 'palvelu on' }).ok).toBe(true);
  });

  test('people, accounts and findings are found too, with what the list shows beside them', () => {
    ws.call('createFinding', {
      engagementId: ids.fiEngagement,
      title: 'Hinta',
      recommendation: 'Laatu ensin',
    });
    expect(places(find('olli').hits)).toEqual(['interviewee']);
    expect(find('olli').hits[0]).toMatchObject({
      accountName: 'Beta Oy',
      tier: 'unmanaged',
      roleLevel: 'operational',
      intervieweeName: 'Olli Oja',
      date: null,
      interviewId: null,
    });
    expect(places(find('beta').hits)).toEqual(['account']);
    expect(places(find('laatu').hits)).toEqual(['finding', 'i2:1']);
    expect(find('toimitus').hits[0]).toMatchObject({
      accountName: 'Alfa Oy',
      tier: 'key',
      roleLevel: 'strategic',
      intervieweeName: 'Liisa Laine',
      date: '2026-01-10',
      engagementName: 'Kuuntelu',
      engagementId: ids.fiEngagement,
    });
  });
});

describe('filters', () => {
  test('engagement, interview, kind, tier, role level and dates', () => {
    expect(places(find('invoice', { engagementId: ids.fiEngagement }).hits)).toEqual([]);
    expect(places(find('invoice', { engagementId: ids.enEngagement }).hits)).toEqual(['i3:0']);
    expect(places(find('kahvi', { interviewId: ids.i2 }).hits)).toEqual([]);
    expect(places(find('kahvi', { interviewId: ids.i1 }).hits)).toEqual(['i1:0', 'i1:1']);
    expect(places(find('laatu OR kahvi', { tiers: ['key'] }).hits)).toEqual(['i1:0', 'i1:1']);
    expect(places(find('laatu OR kahvi', { tiers: ['unmanaged'] }).hits)).toEqual(['i2:1']);
    expect(places(find('laatu OR kahvi OR olli', { roleLevels: ['operational'] }).hits)).toEqual([
      'i2:1',
      'interviewee',
    ]);
    expect(
      places(find('laatu OR kahvi OR olli', { roleLevels: ['operational'], kinds: ['note'] }).hits),
    ).toEqual(['i2:1']);
    expect(places(find('laatu OR kahvi OR invoice', { from: '2026-02-01' }).hits)).toEqual(['i2:1']);
    expect(places(find('laatu OR kahvi OR invoice', { to: '2026-01-31' }).hits)).toEqual([
      'i1:0',
      'i1:1',
      'i3:0',
    ]);
    expect(places(find('laatu OR kahvi OR invoice', { from: '2026-01-10', to: '2026-01-10' }).hits)).toEqual([
      'i1:0',
      'i1:1',
    ]);
  });

  test('code: only matches inside passages coded with one of the codes, and memos of its codings', () => {
    const derived = plainText(ids.i1);
    const at = [...derived.text].join('').indexOf('palvelu oli hidasta');
    const start = chars(derived.text.slice(0, at)).length;
    ws.call('codeSearchHits', {
      codeId: ids.codeId,
      hits: [{ interviewId: ids.i1, start, end: start + 19, text: 'palvelu oli hidasta' }],
    });
    const { hits } = find('kahvi OR palvelu', { codeIds: [ids.codeId] });
    expect(places(hits)).toEqual(['i1:1']);
    // The paragraph's first match is "Kahvi", outside the coded passage: the hit is the coded word.
    expect(chars(plainText(ids.i1).text).slice(hits[0]!.start, hits[0]!.end).join('')).toBe('palvelu');
    expect(hits[0]!.codeIds).toEqual([ids.codeId]);
    expect(find('kahvi OR palvelu', { codeIds: [ids.otherCodeId] }).hits).toEqual([]);
    const coding = ws.call('listCodings', { interviewId: ids.i1 })[0]!;
    ws.call('updateCoding', { id: coding.id, patch: { memo: 'Kahvi ratkaisee' } });
    expect(places(find('kahvi', { codeIds: [ids.codeId] }).hits)).toEqual(['memo']);
  });

  test('limit, offset, total capped at 1000 and more', () => {
    ws.saveNotes({
      interviewId: ids.i2,
      doc: paragraphsToDoc(Array.from({ length: 1100 }, (_, i) => `Kahvi numero ${i}`)),
    });
    const first = ws.call('search', { query: 'kahvi', interviewId: ids.i2 });
    expect(first).toMatchObject({ total: 1000, more: true });
    expect(first.hits).toHaveLength(50);
    const page = ws.call('search', { query: 'kahvi', interviewId: ids.i2, limit: 10, offset: 5 });
    expect(page.hits.map((h) => h.paragraph)).toEqual(first.hits.slice(5, 15).map((h) => h.paragraph));
    expect(ws.call('search', { query: 'kahvi', interviewId: ids.i1 })).toMatchObject({
      total: 2,
      more: false,
    });
  });
});

describe('codeSearchHits', () => {
  const state = () => fingerprint(ws.db, ['trash']);

  test('codes exactly the spans, skips those already coded, moves the revision on; one undo takes it all back', () => {
    const before = ws.call('getInterview', { id: ids.i1 });
    // The index's rows and the notes' layouts (block places), without the row ids.
    const index = () => ({
      rows: ws.db.prepare('SELECT kind, source_id, text FROM search_docs ORDER BY 2, 3').all(),
      layouts: (
        ws.db.prepare('SELECT interview_id, blocks FROM search_notes ORDER BY 1').all() as {
          blocks: string;
        }[]
      ).map((row) => ({ ...row, blocks: (JSON.parse(row.blocks) as number[][]).map((e) => e.slice(1)) })),
    });
    const indexBefore = index();
    const hits = find('kahvi OR toimitus').hits.map(({ interviewId, start, end, text }) => ({
      interviewId: interviewId!,
      start,
      end,
      text,
    }));
    expect(hits).toHaveLength(3);
    const result = ws.call('codeSearchHits', { codeId: ids.codeId, hits });
    expect(result.coded).toBe(3);
    const codings = ws.call('listCodings', { interviewId: ids.i1 });
    expect(codings.map((c) => [c.start, c.end, c.quote, c.codeId]).sort()).toEqual(
      hits
        .map((h) => [
          h.start,
          h.end,
          chars(plainText(ids.i1).text).slice(h.start, h.end).join(''),
          ids.codeId,
        ])
        .sort(),
    );
    expect(codings.map((c) => c.quote).sort()).toEqual(['Kahvi', 'Kahvi', 'Toimitus']);
    const after = ws.call('getInterview', { id: ids.i1 });
    expect(after.notes.revision).toBe(before.notes.revision + 1);
    expect(plainText(ids.i1).text).toBe(deriveNotes(before.notes.doc as DocNode).text);
    // The index follows the notes (same text: same rows).
    expect(index()).toEqual(indexBefore);

    // Again: every span is already coded with the code.
    expect(ws.call('codeSearchHits', { codeId: ids.codeId, hits })).toEqual({ coded: 0, trashId: '' });
    const [item] = ws.call('listTrash', {});
    expect(item).toMatchObject({ id: result.trashId, kind: 'searchCoding', subjectId: ids.codeId });

    ws.call('restoreFromTrash', { id: result.trashId });
    expect(ws.call('listCodings', { interviewId: ids.i1 })).toEqual([]);
    expect(ws.call('getInterview', { id: ids.i1 }).notes.doc).toEqual(before.notes.doc);
    expect(index()).toEqual(indexBefore);
    expect(ws.call('search', { query: 'kahvi', codeIds: [ids.codeId] }).hits).toEqual([]);
  });

  test('a span already inside a coding of the code is skipped, one of another code is not', () => {
    const [hit] = find('palvelu').hits;
    const span = { interviewId: ids.i1, start: hit!.start, end: hit!.end, text: hit!.text };
    const wider = { ...span, start: span.start - 6, end: span.end + 4 };
    ws.call('codeSearchHits', {
      codeId: ids.otherCodeId,
      hits: [{ ...wider, text: chars(plainText(ids.i1).text).slice(wider.start, wider.end).join('') }],
    });
    expect(ws.call('codeSearchHits', { codeId: ids.codeId, hits: [span, span] }).coded).toBe(1);
    expect(ws.call('codeSearchHits', { codeId: ids.otherCodeId, hits: [span] }).coded).toBe(0);
    expect(
      ws
        .call('listCodings', { interviewId: ids.i1 })
        .map((c) => c.quote)
        .sort(),
    ).toEqual(['mutta palvelu oli', 'palvelu']);
  });

  test('bad input is refused with a clear error and changes nothing', () => {
    const good = find('kahvi').hits.map(({ interviewId, start, end, text }) => ({
      interviewId: interviewId!,
      start,
      end,
      text,
    }));
    const length = chars(plainText(ids.i2).text).length;
    const before = state();
    const [first] = good;
    const cases: [unknown, object][] = [
      [
        {
          codeId: ids.codeId,
          hits: [...good, { interviewId: ids.i2, start: length - 2, end: length + 1, text: 'xyz' }],
        },
        {
          code: 'conflict',
          key: 'searchSpanOutside',
          params: { start: length - 2, end: length + 1, length },
        },
      ],
      [
        {
          codeId: ids.codeId,
          hits: [...good, { interviewId: crypto.randomUUID(), start: 0, end: 3, text: 'abc' }],
        },
        { code: 'not_found', key: 'notFound', params: { what: 'interview' } },
      ],
      [
        { codeId: crypto.randomUUID(), hits: good },
        { code: 'not_found', params: { what: 'code' } },
      ],
      // The notes changed since the search: the place no longer holds the word found there.
      [
        { codeId: ids.codeId, hits: [...good, { ...first!, start: first!.start + 1, end: first!.end + 1 }] },
        { code: 'conflict', key: 'searchHitMoved', params: { text: first!.text } },
      ],
      [
        { codeId: ids.codeId, hits: [{ interviewId: ids.i1, start: 5, end: 5, text: 'x' }] },
        { code: 'invalid_input' },
      ],
      [{ codeId: ids.codeId, hits: [] }, { code: 'invalid_input' }],
    ];
    for (const [input, error] of cases) {
      expect(ws.raw('codeSearchHits', input)).toMatchObject({ ok: false, error });
      expect(state()).toBe(before);
    }
    // A code of another engagement is refused by the notes service's own check.
    const foreign = ws.call('createCode', {
      engagementId: ids.enEngagement,
      name: { fi: 'Vieras', en: 'Foreign' },
    });
    const withForeign = state();
    expect(ws.raw('codeSearchHits', { codeId: foreign.id, hits: good })).toMatchObject({
      ok: false,
      error: { key: 'codeOfOtherEngagement' },
    });
    expect(state()).toBe(withForeign);
    expect(ws.call('listTrash', {})).toEqual([]);
  });
});
