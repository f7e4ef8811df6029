import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { PassageRow } from '../../electron/report/content.ts';
import { quotesCsv, quotesWorkbook } from '../../electron/report/quoteFiles.ts';
import { cellText, sheetName } from '../../electron/report/sheets.ts';
import { renderReportWorkbook } from '../../electron/report/workbook.ts';
import { AWKWARD_PASSAGES, passages, workbookContent } from '../fixtures/workbook-content.ts';
import { readWorkbook, Xlsx } from '../helpers/xlsx.ts';

/** A plain RFC 4180 reader: fields split on the separator, records on CRLF, "…" quoting with "" for a quote. */
function parseCsv(text: string, separator = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
      if (i < text.length && text[i] !== separator && !text.startsWith('\r\n', i))
        throw new Error(`text after quote at ${i}`);
    } else if (text[i] === separator) {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '\r' || text[i] === '\n' || text[i] === '"') {
      throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
    } else field += text[i++];
  }
  if (field !== '' || record.length) throw new Error('last record without CRLF');
  return records;
}

const guarded = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const row = (over: Partial<PassageRow>): PassageRow => ({ ...passages()[6]!, ...over });

describe('quotes as CSV', () => {
  test('UTF-8 with a byte order mark, CRLF, a header in the language, one record per passage', () => {
    const rows = passages();
    const fi = quotesCsv(rows, 'fi');
    expect(
      fi.startsWith('\uFEFFHaastattelun nro;Päivä;Asiakas;Haastateltava;Asiakasryhmä;Roolitasot;Koodi;Sävy;'),
    ).toBe(true);
    expect(fi.endsWith('\r\n')).toBe(true);
    // Finnish Excel splits on semicolons.
    const records = parseCsv(fi.slice(1), ';');
    expect(records).toHaveLength(rows.length + 1);
    expect(records.every((r) => r.length === 12)).toBe(true);
    expect(records[1]).toEqual([
      '1',
      '2026-03-01',
      'Avainasiakas A',
      'Päättäjä, avainasiakas A',
      'Avainasiakas',
      'Strateginen / päättäjä',
      'Avainhenkilöriski',
      'Kielteinen',
      '1',
      'Kyllä',
      '',
      `'${AWKWARD_PASSAGES.formula}`,
    ]);
    expect(records[2]![5]).toBe('Operatiivinen, Vaikuttaja');
    expect(records[5]![11]).toBe(AWKWARD_PASSAGES.lines);
    const en = parseCsv(quotesCsv(rows, 'en').slice(1));
    expect(en[0]).toEqual([
      'Interview no.',
      'Date',
      'Account',
      'Interviewee',
      'Tier',
      'Role levels',
      'Code',
      'Sentiment',
      'Severity (1–3)',
      'Key quote',
      'Memo',
      'Text',
    ]);
    expect(en[3]!.slice(7, 10)).toEqual(['', '', 'No']);
  });

  test('a cell a spreadsheet would run as a formula starts with an apostrophe', () => {
    const starts = ['=1+1', '+358 40 123', '-10 %', '@SUM(A1)', '\tsisennys', '\rrivi'];
    const records = parseCsv(
      quotesCsv(
        starts.map((text) => row({ text, memo: text, account: text, code: text })),
        'en',
      ).slice(1),
    );
    records.slice(1).forEach((r, i) => {
      for (const cell of [r[2], r[6], r[10], r[11]]) expect(cell).toBe(`'${starts[i]}`);
    });
    // Only at the start: a minus or equals sign inside the text is left alone.
    expect(parseCsv(quotesCsv([row({ text: 'a=b -c' })], 'en').slice(1))[1]![11]).toBe('a=b -c');
  });

  test('any text round-trips through an RFC 4180 reader (guarded at the start)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 60 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ text, memo: text, account: text, code: text }), { maxLength: 5 }),
        (cells) => {
          const rows = cells.map((c) => row(c));
          const records = parseCsv(quotesCsv(rows, 'fi').slice(1), ';');
          expect(records).toHaveLength(rows.length + 1);
          records.slice(1).forEach((r, i) => {
            const c = cells[i]!;
            expect([r[2], r[6], r[10], r[11]]).toEqual([c.account, c.code, c.memo, c.text].map(guarded));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('quotes as a workbook', () => {
  test('is the report workbook’s Quotes sheet: same columns, values and formats', async () => {
    const rows = passages();
    const alone = await quotesWorkbook(rows, 'fi');
    const xlsx = new Xlsx(alone);
    expect(xlsx.sheets.map((s) => s.name)).toEqual(['Lainaukset']);
    expect(xlsx.rowCount('Lainaukset')).toBe(rows.length + 1);
    expect(xlsx.part('docProps/core.xml')).toContain('<dc:title>Koodatut kohdat</dc:title>');
    expect(xlsx.part('xl/workbook.xml')).toContain(
      '<definedName name="_xlnm._FilterDatabase" localSheetId="0">&apos;Lainaukset&apos;!$A$1:$L$41</definedName>',
    );

    const read = async (bytes: Uint8Array) => {
      const wb = await readWorkbook(bytes);
      const ws = wb.getWorksheet('Lainaukset')!;
      return ws
        .getSheetValues()
        .map((r, i) => [r, ws.getRow(i).getCell(2).numFmt, ws.getRow(i).getCell(8).numFmt]);
    };
    const report = await renderReportWorkbook({ ...workbookContent('fi'), passages: rows });
    expect(await read(alone)).toEqual(await read(report));
  });
});

describe('sheet names and cell text', () => {
  test('a sheet name Excel would refuse is mended', () => {
    expect(sheetName('Q1/Q2: [draft]*?')).toBe('Q1-Q2- -draft---');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName("'quoted'")).toBe('quoted');
    expect(sheetName(' ')).toBe('Sheet');
  });

  test('text loses what XML cannot hold and is cut to Excel’s cell limit', () => {
    expect(cellText('a\u0000b\u0007c\u000Bd\uD800e😀\r\nf')).toBe('abcde😀\nf');
    const long = cellText('x'.repeat(40_000));
    expect(long).toHaveLength(32_767);
    expect(long.endsWith('…')).toBe(true);
  });
});
