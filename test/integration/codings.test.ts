import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DocNode } from '../../shared/domain.ts';
import { CODING_MARK } from '../../shared/notes.ts';
import { connect, openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = openTestWorkspace();
});
afterEach(() => ws.close());

const text = (value: string, ...ids: string[]): DocNode =>
  ids.length
    ? { type: 'text', text: value, marks: ids.map((id) => ({ type: CODING_MARK, attrs: { id } })) }
    : { type: 'text', text: value };
const doc = (...paragraphs: DocNode[][]): DocNode => ({
  type: 'doc',
  content: paragraphs.map((content) => ({ type: 'paragraph', content })),
});
const liveCodings = (interviewId: string) => ws.call('listCodings', { interviewId });
const codeByKey = (key: string) => ws.call('getCodebook', {}).find((c) => c.key === key)!;

function interview() {
  const engagement = ws.call('createEngagement', { clientName: 'C', title: 'T', language: 'fi' });
  const account = ws.call('createAccount', {
    engagementId: engagement.id,
    name: 'Asiakas Oy',
    tier: 'unmanaged',
  });
  return ws.call('createInterview', { engagementId: engagement.id, accountId: account.id }).id;
}

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('codings follow their words', () => {
  test('every demo coding quotes exactly its code-point span of the plain text', () => {
    ws.call('createDemo', {});
    const rows = ws.db
      .prepare(`SELECT c.quote, c.start, c."end", n.text FROM codings c JOIN notes n ON n.interview_id = c.interview_id
                WHERE c.deleted_at IS NULL`)
      .all() as { quote: string; start: number; end: number; text: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(300);
    let shifted = 0;
    for (const row of rows) {
      expect(Array.from(row.text).slice(row.start, row.end).join('')).toBe(row.quote);
      if (row.text.indexOf(row.quote) !== row.start) shifted++;
    }
    // Offsets differ from UTF-16 indexes after emoji: the test covers what it claims to.
    expect(shifted).toBeGreaterThan(0);
    expect(rows.some((r) => r.quote.includes('\u0301'))).toBe(true);
    expect(rows.some((r) => /[äöå]/i.test(r.quote))).toBe(true);
    const codes = ws.call('getCodebook', {}).filter((c) => !c.isGroup);
    expect(codes.every((c) => c.usage > 0)).toBe(true);
  });

  test('edits before, inside and after a coded passage keep it on its words', () => {
    const id = interview();
    const codeId = codeByKey('key-person-risk').id;
    ws.saveNotes({
      interviewId: id,
      doc: doc([text('Intro 😬 '), text('only Maija knows', A), text(' the end.')]),
      codings: [{ id: A, codeId, sentiment: 'negative', memo: 'important' }],
    });
    expect(liveCodings(id)).toMatchObject([{ id: A, quote: 'only Maija knows', start: 8, end: 24 }]);
    // The editor sends the whole document again after each edit; the marks moved with the text.
    ws.saveNotes({
      interviewId: id,
      doc: doc([text('Ennen: Intro 😬 '), text('only Maija really knows', A), text(' the end, after.')]),
    });
    expect(liveCodings(id)).toMatchObject([
      { id: A, quote: 'only Maija really knows', start: 15, memo: 'important' },
    ]);
  });

  test('deleting all of a passage removes its coding; undo brings it back with its memo', () => {
    const id = interview();
    const codeId = codeByKey('silos').id;
    const coded = doc([text('Before. '), text('coded words', A)]);
    ws.saveNotes({
      interviewId: id,
      doc: coded,
      codings: [{ id: A, codeId, memo: 'keep me', star: true }],
    });
    ws.saveNotes({ interviewId: id, doc: doc([text('Before. ')]) });
    expect(liveCodings(id)).toEqual([]);
    expect(ws.call('findQuotes', { codeIds: [codeId] })).toEqual([]);
    expect(ws.call('getCodebook', {}).find((c) => c.id === codeId)!.usage).toBe(0);
    ws.saveNotes({ interviewId: id, doc: coded });
    expect(liveCodings(id)).toMatchObject([{ id: A, memo: 'keep me', star: true, quote: 'coded words' }]);
  });

  test('a coding across paragraphs and overlapping another covers exactly its words', () => {
    const id = interview();
    const [k, s] = [codeByKey('key-person-risk').id, codeByKey('silos').id];
    ws.saveNotes({
      interviewId: id,
      doc: doc([text('one '), text('two ', A), text('three', A, B)], [text('four', B), text(' five')]),
      codings: [
        { id: A, codeId: k },
        { id: B, codeId: s },
      ],
    });
    const byId = new Map(liveCodings(id).map((c) => [c.id, c]));
    expect(byId.get(A)?.quote).toBe('two three');
    expect(byId.get(B)?.quote).toBe('three\nfour');
  });

  test('a coding cannot use a code group or move to another interview', () => {
    const first = interview();
    const group = ws.call('getCodebook', {}).find((c) => c.isGroup)!;
    expect(
      ws.raw('saveNotes', {
        interviewId: first,
        baseRevision: 0,
        doc: doc([text('x', A)]),
        codings: [{ id: A, codeId: group.id }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('codebook changes never lose codings silently', () => {
  beforeEach(() => ws.call('createDemo', {}));
  const liveCount = () =>
    ws.db.prepare('SELECT count(*) FROM codings WHERE deleted_at IS NULL').pluck().get() as number;

  test('merging two codes moves every coding; overlapping duplicates collapse into one covering both', () => {
    const [source, target] = [codeByKey('narrow-relationship'), codeByKey('single-level-relationship')];
    const before = liveCount();
    const sourceQuotes = ws.call('findQuotes', { codeIds: [source.id] });
    const result = ws.call('mergeCodes', { sourceId: source.id, targetId: target.id });
    expect(result.moved).toBe(source.usage);
    expect(liveCount()).toBe(before - result.collapsed);
    expect(ws.call('getCodebook', {}).find((c) => c.id === source.id)).toBeUndefined();
    const after = ws.call('findQuotes', { codeIds: [target.id] });
    expect(after).toHaveLength(source.usage + target.usage - result.collapsed);
    // Every passage of the merged code is still covered by a coding of the target.
    for (const q of sourceQuotes) {
      expect(after.some((a) => a.interviewId === q.interviewId && a.start <= q.start && a.end >= q.end)).toBe(
        true,
      );
    }
  });

  test('overlapping codings of merged codes collapse, and the notes keep one mark', () => {
    const id = ws.call('listInterviews', { engagementId: ws.call('listEngagements', {})[0]!.id })[0]!.id;
    const [k, s] = [codeByKey('key-person-risk').id, codeByKey('silos').id];
    ws.saveNotes({
      interviewId: id,
      doc: doc([text('aa '), text('bb ', A), text('cc', A, B), text(' dd', B)]),
      codings: [
        { id: A, codeId: k, memo: 'first', severity: 1 },
        { id: B, codeId: s, memo: 'second', severity: 3, star: true },
      ],
    });
    const result = ws.call('mergeCodes', { sourceId: s, targetId: k });
    expect(result.collapsed).toBe(1);
    expect(liveCodings(id)).toMatchObject([
      { id: A, quote: 'bb cc dd', memo: 'first\nsecond', severity: 3, star: true },
    ]);
    expect(JSON.stringify(ws.call('getInterview', { id }).notes.doc)).not.toContain(B);
  });

  test('retiring keeps the code and its codings, and can be undone', () => {
    const code = codeByKey('silos');
    const before = liveCount();
    // Quotes come from the interviews in the sample only (shared/sample.ts), so fewer than the usage.
    const quotes = ws.call('findQuotes', { codeIds: [code.id] }).length;
    expect(quotes).toBeGreaterThan(0);
    ws.call('updateCode', { id: code.id, patch: { retired: true } });
    const retired = ws.call('getCodebook', {}).find((c) => c.id === code.id)!;
    expect(retired).toMatchObject({ retired: true, usage: code.usage });
    expect(liveCount()).toBe(before);
    expect(ws.call('findQuotes', { codeIds: [code.id] })).toHaveLength(quotes);
    ws.call('updateCode', { id: code.id, patch: { retired: false } });
    expect(ws.call('getCodebook', {}).find((c) => c.id === code.id)!.retired).toBe(false);
  });

  test('deleting a group moves its codes to the top level and keeps every coding', () => {
    const group = ws.call('getCodebook', {}).find((c) => c.isGroup && c.key === 'handoffs-and-silos')!;
    const children = ws.call('getCodebook', {}).filter((c) => c.parentId === group.id);
    const before = liveCount();
    const impact = ws.call('codeDeletionImpact', { id: group.id });
    expect(impact).toEqual({
      isGroup: true,
      movedCodes: children.length,
      codings: 0,
      interviews: 0,
      findings: 0,
    });
    ws.call('deleteCode', { id: group.id });
    expect(liveCount()).toBe(before);
    const after = ws.call('getCodebook', {});
    for (const child of children)
      expect(after.find((c) => c.id === child.id)).toMatchObject({ parentId: null, usage: child.usage });
    expect(
      ws.db.prepare('SELECT count(*) FROM codings WHERE code_id NOT IN (SELECT id FROM codes)').pluck().get(),
    ).toBe(0);
  });

  test('deleting a code says how many codings go, removes exactly those, and strips their marks', () => {
    const code = codeByKey('repeat-the-story');
    const ids = ws.call('findQuotes', { codeIds: [code.id] }).map((q) => q.id);
    const impact = ws.call('codeDeletionImpact', { id: code.id });
    expect(impact.codings).toBe(code.usage);
    // The demo's findings link this theme: the dialog can say so.
    expect(impact.findings).toBeGreaterThan(0);
    const before = liveCount();
    expect(ws.call('deleteCode', { id: code.id })).toEqual(impact);
    expect(liveCount()).toBe(before - code.usage);
    const docs = ws.db.prepare('SELECT doc FROM notes').pluck().all().join('');
    for (const id of ids) expect(docs).not.toContain(id);
  });

  test('hotkeys stay unique: giving one to a code takes it from the other', () => {
    const [first, second] = [codeByKey('key-person-risk'), codeByKey('silos')];
    expect(first.hotkey).toBe(1);
    ws.call('updateCode', { id: second.id, patch: { hotkey: 1 } });
    const codebook = ws.call('getCodebook', {});
    expect(codebook.filter((c) => c.hotkey === 1).map((c) => c.id)).toEqual([second.id]);
  });

  test('an engagement can add its own codes on top of the shared codebook', () => {
    const [a, b] = ws.call('listEngagements', {});
    const group = ws.call('getCodebook', {}).find((c) => c.isGroup)!;
    const own = ws.call('createCode', {
      engagementId: a!.id,
      parentId: group.id,
      name: { fi: 'Hinnoittelu', en: 'Pricing' },
      color: '#cc79a7',
    });
    expect(ws.call('getCodebook', { engagementId: a!.id }).map((c) => c.id)).toContain(own.id);
    expect(ws.call('getCodebook', { engagementId: b!.id }).map((c) => c.id)).not.toContain(own.id);
    expect(ws.call('getCodebook', {}).map((c) => c.id)).not.toContain(own.id);
  });

  test('code names are unique where they are seen, in each language, whatever the case or accents', () => {
    const [a, b] = ws.call('listEngagements', {});
    const shared = ws.call('getCodebook', {}).find((c) => !c.isGroup)!;
    const own = ws.call('createCode', { engagementId: a!.id, name: { fi: 'Säätö', en: 'Tinkering' } });
    const before = ws.call('getCodebook', { engagementId: a!.id }).length;
    for (const name of [
      { fi: ` ${shared.name.fi.toUpperCase()} `, en: 'Something else' },
      { fi: 'Muu nimi', en: shared.name.en.toLowerCase() },
      { fi: 'saato', en: 'Other' },
    ]) {
      const result = ws.raw('createCode', { engagementId: a!.id, name });
      expect(result, JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    // Renaming into another code's name is refused too; renaming to its own name is not.
    expect(ws.raw('updateCode', { id: own.id, patch: { name: shared.name } })).toMatchObject({ ok: false });
    expect(
      ws.call('updateCode', { id: own.id, patch: { name: { fi: 'SÄÄTÖ', en: 'Tinkering' } } }).name.fi,
    ).toBe('SÄÄTÖ');
    expect(ws.call('getCodebook', { engagementId: a!.id })).toHaveLength(before);
    // Another engagement may have its own "Säätö".
    expect(
      ws.call('createCode', { engagementId: b!.id, name: { fi: 'Säätö', en: 'Tinkering' } }).id,
    ).toBeTruthy();
  });
});

describe('retrieval', () => {
  beforeEach(() => ws.call('createDemo', {}));

  test('quotes come from several interviews and accounts, and every filter narrows correctly', () => {
    const code = codeByKey('unvoiced-irritation');
    const all = ws.call('findQuotes', { codeIds: [code.id] });
    expect(new Set(all.map((q) => q.interviewId)).size).toBeGreaterThan(3);
    expect(new Set(all.map((q) => q.accountId)).size).toBeGreaterThan(3);
    const check = (filter: object, keep: (q: (typeof all)[number]) => boolean) => {
      const got = ws.call('findQuotes', { codeIds: [code.id], ...filter });
      expect(got.map((q) => q.id).sort()).toEqual(
        all
          .filter(keep)
          .map((q) => q.id)
          .sort(),
      );
      return got.length;
    };
    expect(check({ tiers: ['unmanaged'] }, (q) => q.tier === 'unmanaged')).toBeGreaterThan(0);
    expect(
      check({ roleLevels: ['operational'] }, (q) => q.roleLevels.includes('operational')),
    ).toBeGreaterThan(0);
    expect(check({ sentiments: ['negative'] }, (q) => q.sentiment === 'negative')).toBeGreaterThan(0);
    check({ starredOnly: true }, (q) => q.star);
    const [engagement] = ws.call('listEngagements', {});
    check({ engagementId: engagement!.id }, (q) => q.engagementId === engagement!.id);
    for (const q of all) expect(q.before + q.quote + q.after).toContain(q.quote);
  });

  test('match "all" keeps only passages where every chosen code overlaps', () => {
    const codes = ws.call('getCodebook', {}).filter((c) => !c.isGroup);
    const rows = ws.db
      .prepare(`SELECT a.code_id AS x, b.code_id AS y FROM codings a JOIN codings b ON a.interview_id = b.interview_id
                AND a.id <> b.id AND a.code_id <> b.code_id AND a.start < b."end" AND a."end" > b.start LIMIT 1`)
      .get() as { x: string; y: string };
    const both = ws.call('findQuotes', { codeIds: [rows.x, rows.y], match: 'all' });
    const any = ws.call('findQuotes', { codeIds: [rows.x, rows.y], match: 'any' });
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(any.length);
    expect(codes.length).toBe(17);
  });

  test('the CLI quotes command agrees with the retrieval service', () => {
    ws.db.close();
    const [engagement] = JSON.parse(
      spawnSync(process.execPath, ['electron/cli/index.ts', 'engagements', '--db', ws.path, '--json'], {
        encoding: 'utf8',
      }).stdout,
    );
    const run = spawnSync(
      process.execPath,
      [
        'electron/cli/index.ts',
        'quotes',
        '--db',
        ws.path,
        '--engagement',
        engagement.id,
        '--code',
        'Key-person risk',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as {
      codingId: string;
      start: number;
      end: number;
      quote: string;
      account: string;
    }[];
    const reopened = connect(ws.path);
    const codeId = reopened.call('getCodebook', {}).find((c) => c.key === 'key-person-risk')!.id;
    const expected = reopened.call('findQuotes', { engagementId: engagement.id, codeIds: [codeId] });
    expect(printed.map((p) => [p.codingId, p.start, p.end, p.quote, p.account])).toEqual(
      expected.map((q) => [q.id, q.start, q.end, q.quote, q.accountName]),
    );
    expect(printed.length).toBeGreaterThan(2);
    reopened.db.close();
  });
});

describe('codes stay within their engagement', () => {
  beforeEach(() => ws.call('createDemo', {}));

  test('a shared code cannot be merged into one engagement’s own code, and own codes are not applied elsewhere', () => {
    const [a, b] = ws.call('listEngagements', {});
    const own = ws.call('createCode', { engagementId: a!.id, name: { fi: 'Oma', en: 'Own' } });
    const shared = codeByKey('silos');
    expect(ws.raw('mergeCodes', { sourceId: shared.id, targetId: own.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const interviewOfB = ws.call('listInterviews', { engagementId: b!.id }).find((i) => i.wordCount > 0)!;
    const notes = ws.call('getInterview', { id: interviewOfB.id }).notes;
    const doc = JSON.parse(JSON.stringify(notes.doc));
    doc.content.push({ type: 'paragraph', content: [text('stray', A)] });
    expect(
      ws.raw('saveNotes', {
        interviewId: interviewOfB.id,
        doc,
        codings: [{ id: A, codeId: own.id }],
        baseRevision: notes.revision,
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'That code belongs to another engagement.' },
    });
    // Deleting the engagement that owns the code still works.
    expect(ws.raw('deleteEngagement', { id: a!.id })).toMatchObject({ ok: true });
  });
});
