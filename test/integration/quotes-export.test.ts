import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { findTextLeaks, visibleText } from '../../electron/report/leaks.ts';
import { reportAnonymizer } from '../../electron/report/load.ts';

import { settle } from '../../electron/services/dispatcher.ts';
import { matcherFor } from '../../electron/services/identities.ts';
import type { Input } from '../../shared/contract.ts';
import { paragraphsToDoc } from '../../shared/notes.ts';
import { QUOTE_EXPORT_FORMATS, type QuoteExportResult } from '../../shared/report.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';
import { unzipText } from '../helpers/zip.ts';

/**
 * The Quotes view's export on a real workspace: two consented interviews at two accounts and one
 * whose interviewee has not yet given consent, coded with two codes, names in the quotes and memos.
 */
let ws: TestWorkspace;
let engagementId = '';
let codeA = '';
let codeB = '';
/** Interview ids in the order listInterviews gives them (the report appendix's numbering). */
let interviewOrder: string[] = [];

interface Passage {
  text: string;
  code: 'A' | 'B';
  sentiment?: 'negative' | 'neutral' | 'positive';
  star?: boolean;
  memo?: string;
}

function interview(
  accountId: string,
  person: { name: string; consent: 'given' | 'pending' },
  date: string,
  passages: Passage[],
) {
  const personId = ws.call('createInterviewee', {
    accountId,
    name: person.name,
    roleLevel: 'strategic',
    consent: person.consent,
  }).id;
  const { id } = ws.call('createInterview', {
    engagementId,
    accountId,
    intervieweeIds: [personId],
    status: 'done',
    date,
  });
  const doc = paragraphsToDoc(passages.map((p) => p.text));
  const codings = passages.map((p, i) => {
    const codingId = ws.ctx.newId();
    doc.content![i]!.content = [
      { type: 'text', text: p.text, marks: [{ type: 'coding', attrs: { id: codingId } }] },
    ];
    return {
      id: codingId,
      codeId: p.code === 'A' ? codeA : codeB,
      sentiment: p.sentiment ?? null,
      star: p.star ?? false,
      memo: p.memo ?? '',
    };
  });
  ws.saveNotes({ interviewId: id, doc, codings });
}

beforeEach(() => {
  ws = openTestWorkspace();
  engagementId = ws.call('createEngagement', {
    clientName: 'Sarastus Oy',
    title: 'Listening',
    language: 'en',
  }).id;
  const codes = ws.call('getCodebook', { engagementId }).filter((c) => !c.isGroup);
  codeA = codes[0]!.id;
  codeB = codes[1]!.id;
  const key = ws.call('createAccount', { engagementId, name: 'Nurmi Oy', tier: 'key' }).id;
  const named = ws.call('createAccount', { engagementId, name: 'Lahti Logistics', tier: 'named' }).id;
  interview(key, { name: 'Tapio Nurmi', consent: 'given' }, '2026-03-02', [
    {
      text: 'Tapio Nurmi said the price is far too high.',
      code: 'A',
      sentiment: 'negative',
      star: true,
      memo: 'Tapio says this often.',
    },
    { text: 'Delivery was always on time.', code: 'B', sentiment: 'positive' },
  ]);
  interview(named, { name: 'Liisa Virtanen', consent: 'given' }, '2026-03-05', [
    { text: 'The invoices confuse our team, Liisa Virtanen explained.', code: 'A', sentiment: 'negative' },
    { text: 'Support answers within the hour.', code: 'B', sentiment: 'positive', star: true },
  ]);
  interview(named, { name: 'Pekka Odottaja', consent: 'pending' }, '2026-03-09', [
    { text: 'Prices rose twice this year without notice.', code: 'A', sentiment: 'negative' },
  ]);
  interviewOrder = ws.call('listInterviews', { engagementId }).map((i) => i.id);
});
afterEach(() => ws.close());

type Request = Input<'exportQuotes'>;

async function exportQuotes(request: Partial<Request>): Promise<QuoteExportResult> {
  const result = await settle(
    ws.dispatch('exportQuotes', {
      engagementId,
      codeIds: [codeA, codeB],
      format: 'docx',
      fileName: 'Quotes',
      ...request,
    }),
  );
  if (!result.ok) throw new Error(`${result.error.key}: ${result.error.message}`);
  return result.value as QuoteExportResult;
}

/** The Word file's paragraphs: style and the text a reader sees. */
function paragraphs(path: string): { style: string; text: string }[] {
  const xml = unzipText(readFileSync(path)).get('word/document.xml')!;
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
    text: visibleText(p).replace(/\n/g, ''),
  }));
}

/** Every text a reader could see in the file, across its XML parts. */
const everything = (path: string): string =>
  [...unzipText(readFileSync(path))].map(([, xml]) => visibleText(xml)).join('\n');

/** What the view shows for the same filters (as the Quotes view asks for them). */
const viewQuotes = (query: Partial<Input<'findQuotes'>>) =>
  ws.call('findQuotes', { engagementId, codeIds: [codeA, codeB], ...query });

describe('Word', () => {
  test('the quotes the view shows, grouped by code, each with its account, date and interview number', async () => {
    const result = await exportQuotes({ anonymize: 'none' });
    expect(basename(result.path)).toBe('Quotes.docx');
    expect(readdirSync(ws.ctx.exportDir)).toEqual(['Quotes.docx']);
    const shown = viewQuotes({}).filter((q) => q.quotable);
    expect(result).toMatchObject({ quotes: shown.length, withheld: 1 });

    const ps = paragraphs(result.path);
    const quoted = ps.filter((p) => p.style === 'Quote').map((p) => p.text.replace(/^“|”$/g, ''));
    // Grouped by code in the order chosen; within a code, as the view lists them.
    const expected = [...shown.filter((q) => q.codeId === codeA), ...shown.filter((q) => q.codeId === codeB)];
    expect(quoted).toEqual(expected.map((q) => q.quote));
    const headings = ps.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(headings).toEqual([`${expected[0]!.code.en} (2)`, `${expected[2]!.code.en} (2)`]);
    // Under each quote: where it comes from, then its memo.
    const at = ps.findIndex((p) => p.text.includes('far too high'));
    const number =
      interviewOrder.indexOf(expected.find((q) => q.quote.includes('far too high'))!.interviewId) + 1;
    expect(ps[at + 1]!.text).toBe(`— Nurmi Oy · 2 March 2026 · interview ${number} · negative · ★`);
    expect(ps[at + 2]!.text).toBe('Memo: Tapio says this often.');
    // The heading says what was chosen and that nothing else narrowed it.
    expect(ps[0]!.text).toBe(`Quotes: ${expected[0]!.code.en}, ${expected[2]!.code.en}`);
    expect(ps.map((p) => p.text)).toContain('Sarastus Oy – Listening');
    expect(ps.map((p) => p.text)).toContain('Anonymity: Show names (internal use only)');
  });

  test('a consent still pending leaves the quote out in every format at every level, names shown or not', async () => {
    for (const anonymize of ['none', 'people', 'accounts'] as const)
      for (const format of QUOTE_EXPORT_FORMATS) {
        const result = await exportQuotes({ anonymize, format, fileName: anonymize });
        expect(result.withheld).toBe(1);
        const text = format === 'csv' ? readFileSync(result.path, 'utf8') : everything(result.path);
        expect(text).not.toContain('Prices rose twice');
        expect(text).toContain('Support answers within the hour.');
      }
  });

  test('with the view’s filters, the same quotes as the view', async () => {
    const filters = { tiers: ['named' as const], sentiments: ['negative' as const, 'positive' as const] };
    const result = await exportQuotes({ ...filters, anonymize: 'none' });
    const shown = viewQuotes(filters).filter((q) => q.quotable);
    expect(shown.length).toBe(2);
    const quoted = paragraphs(result.path)
      .filter((p) => p.style === 'Quote')
      .map((p) => p.text.replace(/^“|”$/g, ''));
    expect(quoted.sort()).toEqual(shown.map((q) => q.quote).sort());
    const heading = paragraphs(result.path).map((p) => p.text);
    expect(heading).toContain(
      'Filters: Passages with any chosen code · Tier: Named account · Sentiment: Negative, Positive',
    );

    const starred = await exportQuotes({
      starredOnly: true,
      match: 'any',
      anonymize: 'none',
      fileName: 'starred',
    });
    const stars = viewQuotes({ starredOnly: true }).filter((q) => q.quotable);
    expect(starred.quotes).toBe(2);
    expect(
      paragraphs(starred.path)
        .filter((p) => p.style === 'Quote')
        .map((p) => p.text.replace(/^“|”$/g, ''))
        .sort(),
    ).toEqual(stars.map((q) => q.quote).sort());
  });

  test('at people level no interviewee’s name is left anywhere in the file', async () => {
    const result = await exportQuotes({ anonymize: 'people' });
    const text = everything(result.path);
    expect(text).not.toMatch(/Tapio|Liisa|Virtanen|Pekka|Odottaja/);
    // People are hidden, customers named; the quotes themselves are there.
    expect(text).toContain('Nurmi Oy');
    expect(text).toContain('Support answers within the hour.');
    expect(text).toContain('Anonymity: Hide interviewees’ names');
  });

  test('at accounts level the customers are hidden too', async () => {
    const text = everything((await exportQuotes({ anonymize: 'accounts' })).path);
    expect(text).not.toMatch(/Tapio|Liisa|Virtanen|Nurmi|Lahti/);
    expect(text).toContain('Key account A');
  });

  test('in Finnish when asked: labels, dates and code names', async () => {
    const result = await exportQuotes({ anonymize: 'none', language: 'fi' });
    const ps = paragraphs(result.path);
    expect(ps[0]!.text).toMatch(/^Lainaukset: /);
    expect(ps.map((p) => p.text)).toContain('Muistio: Tapio says this often.');
    expect(ps.some((p) => p.text.startsWith('— Nurmi Oy · 2. maaliskuuta 2026 · haastattelu '))).toBe(true);
  });

  test('an earlier file is never overwritten: the next one is "Name (2)"', async () => {
    const first = await exportQuotes({ fileName: 'Price.docx' });
    const before = readFileSync(first.path);
    const second = await exportQuotes({ fileName: 'Price', tiers: ['key'] });
    expect(basename(first.path)).toBe('Price.docx');
    expect(basename(second.path)).toBe('Price (2).docx');
    expect(readFileSync(first.path).equals(before)).toBe(true);
    expect(readdirSync(ws.ctx.exportDir).sort()).toEqual(['Price (2).docx', 'Price.docx']);
  });
});

/** RFC 4180 records (comma, CRLF, double quotes), the byte order mark dropped. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') field += body[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

describe('Excel and CSV', () => {
  test('CSV: one record per quote the view shows, in the same order as the Word file, with the same filters', async () => {
    const filters = { sentiments: ['negative' as const], tiers: ['key' as const, 'named' as const] };
    const result = await exportQuotes({ ...filters, format: 'csv', anonymize: 'none' });
    expect(basename(result.path)).toBe('Quotes.csv');
    const shown = viewQuotes(filters).filter((q) => q.quotable);
    const [header, ...records] = csvRecords(readFileSync(result.path, 'utf8'));
    expect(records.length).toBe(shown.length);
    expect(result.quotes).toBe(shown.length);
    const textColumn = header!.findIndex((_, i) => records.every((r) => shown.some((q) => q.quote === r[i])));
    expect(textColumn).toBeGreaterThanOrEqual(0);
    const byCode = [...shown.filter((q) => q.codeId === codeA), ...shown.filter((q) => q.codeId === codeB)];
    expect(records.map((r) => r[textColumn])).toEqual(byCode.map((q) => q.quote));
  });

  test('CSV at people level: no interviewee’s name in the text', async () => {
    const result = await exportQuotes({ format: 'csv', anonymize: 'people' });
    const text = readFileSync(result.path, 'utf8');
    expect(text).not.toMatch(/Tapio|Liisa|Virtanen|Pekka|Odottaja/);
    expect(text).toContain('Support answers within the hour.');
    expect(csvRecords(text).length).toBe(1 + viewQuotes({}).filter((q) => q.quotable).length);
  });

  test('Excel: a row per quote the view shows, no names at people level', async () => {
    const filters = { starredOnly: true };
    const result = await exportQuotes({ ...filters, format: 'xlsx', anonymize: 'people' });
    expect(basename(result.path)).toBe('Quotes.xlsx');
    const parts = unzipText(readFileSync(result.path));
    const sheets = [...parts.keys()].filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBe(1);
    const shown = viewQuotes(filters).filter((q) => q.quotable);
    expect(shown.length).toBe(2);
    // The header row and one row per quote.
    expect([...parts.get(sheets[0]!)!.matchAll(/<row[ >]/g)].length).toBe(1 + shown.length);
    const text = everything(result.path);
    expect(text).not.toMatch(/Tapio|Liisa|Virtanen|Pekka|Odottaja/);
    expect(text).toContain('Support answers within the hour.');
    expect(text).not.toContain('Delivery was always on time.');
  });
});

describe('a bad request changes nothing and says what is wrong', () => {
  const refused = async (request: Partial<Request>) => {
    const result = await settle(
      ws.dispatch('exportQuotes', {
        engagementId,
        codeIds: [codeA],
        format: 'docx',
        fileName: 'Quotes',
        ...request,
      }),
    );
    if (result.ok) throw new Error('The export was not refused');
    return result.error;
  };

  test('no codes, an unknown engagement, a file name with "/" or only dots', async () => {
    expect(await refused({ codeIds: [] })).toMatchObject({
      code: 'invalid_input',
      key: 'validation',
      params: { field: 'codeIds', problem: 'tooFew' },
    });
    expect(await refused({ engagementId: ws.ctx.newId() })).toMatchObject({
      code: 'not_found',
      key: 'notFound',
      params: { what: 'engagement' },
      message: 'The engagement was not found.',
    });
    expect(await refused({ fileName: 'reports/quotes' })).toMatchObject({
      key: 'validation',
      params: { field: 'fileName', problem: 'fileNameCharacters' },
    });
    expect(await refused({ fileName: '..' })).toMatchObject({ key: 'fileNameNeedsLetters' });
    expect(await refused({ format: 'pdf' as 'docx' })).toMatchObject({
      key: 'validation',
      params: { field: 'format' },
    });
    expect(existsSync(ws.ctx.exportDir)).toBe(false);
  });

  test('a file name that names an interviewee is refused at people level, and nothing is written', async () => {
    const error = await refused({ fileName: 'Quotes from Tapio Nurmi', anonymize: 'people' });
    expect(error).toMatchObject({ key: 'fileNameLeak', params: { text: 'Tapio Nurmi' } });
    expect(existsSync(ws.ctx.exportDir) ? readdirSync(ws.ctx.exportDir) : []).toEqual([]);
  });
});

describe('the leak check of a CSV’s text', () => {
  test('finds a hidden name wherever it stands, and nothing in masked text', () => {
    const { anon, register } = reportAnonymizer(ws.ctx, engagementId, {
      anonymize: 'people',
      language: 'en',
    });
    const check = (text: string) =>
      findTextLeaks('en', text, 'quotes.csv', anon, register, matcherFor(register));
    expect(check('1;"Tapio Nurmi said so";negative')).toEqual([{ text: 'Tapio Nurmi', part: 'quotes.csv' }]);
    expect(check('a <Liisa Virtanen> & b').map((l) => l.text)).toEqual(['Liisa Virtanen']);
    expect(check('"[person]" said the price is high')).toEqual([]);
  });
});
