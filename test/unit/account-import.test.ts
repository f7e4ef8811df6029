import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectSeparator, parseCsv } from '../../electron/services/import/accounts/csv.ts';
import { suggestMapping } from '../../electron/services/import/accounts/mapping.ts';
import { accountKey, buildPlan, personKey } from '../../electron/services/import/accounts/plan.ts';
import { readTable } from '../../electron/services/import/accounts/table.ts';
import { readMoney, readRoleLevel, readTier } from '../../electron/services/import/accounts/values.ts';
import type { Account } from '../../shared/domain.ts';
import { windows1252, workbook, zipOf } from '../fixtures/account-lists.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

function table(bytes: Uint8Array, name = 'list.csv', sheet?: string) {
  const read = readTable(bytes, name, sheet);
  if (!read.ok) throw new Error(`refused: ${read.reason}`);
  return read;
}

describe('CSV', () => {
  test('semicolon, comma and tab separators are told apart (a decimal comma does not fool it)', () => {
    expect(detectSeparator('Asiakas;Liikevaihto\nFazer;1 234,50\nValio;12,5\n')).toBe(';');
    expect(detectSeparator('Account,Revenue\nAcme,1200\nGlobex,300\n')).toBe(',');
    expect(detectSeparator('Account\tRevenue\tTier\nAcme\t1,2\tkey\n')).toBe('\t');
  });

  test('quoted fields keep separators, line breaks and doubled quotes', () => {
    expect(parseCsv('a;b\r\n"Oy ""Iso"" Ab";"rivi 1\nrivi 2;x"\r\n', ';')).toEqual([
      ['a', 'b'],
      ['Oy "Iso" Ab', 'rivi 1\nrivi 2;x'],
    ]);
  });

  test('UTF-8 with a BOM, UTF-8 without, and Windows-1252 all give Ä and ö', () => {
    const text = 'Asiakas;Yhteyshenkilö\nÄänekosken Öljy Oy;Jöns Äijälä\n';
    for (const bytes of [utf8(`\uFEFF${text}`), utf8(text), windows1252(text)]) {
      const read = table(bytes);
      expect(read.sheet.headers).toEqual(['Asiakas', 'Yhteyshenkilö']);
      expect(read.sheet.rows[0]?.cells).toEqual(['Äänekosken Öljy Oy', 'Jöns Äijälä']);
    }
    expect(table(windows1252(text)).csv?.encoding).toBe('windows-1252');
    expect(table(utf8(`\uFEFF${text}`)).csv?.encoding).toBe('utf-8');
  });

  test('the header is the first row with two text cells; title rows and blank rows above it are skipped', () => {
    const read = table(
      utf8('Asiakaslista 2026;;\n;;\nAsiakas;Luokka;Myynti\nFazer;A;100\n;;\nValio;B;200\n'),
    );
    expect(read.sheet.headerRow).toBe(3);
    expect(read.sheet.rows.map((r) => r.number)).toEqual([4, 6]);
  });
});

describe('numbers and values', () => {
  test.each([
    ['1 234 567,50 €', 1234567.5],
    ['1\u00a0234\u00a0567,50\u00a0€', 1234567.5],
    ['1.234.567,50', 1234567.5],
    ['1,234,567.50', 1234567.5],
    ['EUR 12 000', 12000],
    ['12,5 M€', 12_500_000],
    ['800 t€', 800_000],
    ['1,500', 1500],
    ['1234,5', 1234.5],
  ])('%s reads as %d', (text, value) => {
    expect(readMoney(text)).toEqual({ kind: 'value', value });
  });

  test('what is not a sum is said to be unknown', () => {
    expect(readMoney('noin miljoona').kind).toBe('unknown');
    expect(readMoney('').kind).toBe('empty');
  });

  test('Finnish and English spellings of tiers and roles; unknown ones are not guessed', () => {
    expect(readTier('Avainasiakas')).toEqual({ kind: 'value', value: 'key', exact: false });
    expect(readTier('key')).toEqual({ kind: 'value', value: 'key', exact: true });
    expect(readTier('B')).toMatchObject({ value: 'named' });
    expect(readTier('Hoitamaton asiakas')).toMatchObject({ value: 'unmanaged' });
    expect(readTier('kultainen').kind).toBe('unknown');
    expect(readRoleLevel('päättäjä')).toMatchObject({ value: 'strategic' });
    expect(readRoleLevel('Decision-maker')).toMatchObject({ value: 'strategic' });
    expect(readRoleLevel('pomo').kind).toBe('unknown');
  });
});

describe('mapping suggestions', () => {
  test('Finnish headers', () => {
    expect(
      suggestMapping([
        'Asiakas',
        'Asiakasluokka',
        'Liikevaihto 2025 (€)',
        'Yhteyshenkilö',
        'Titteli',
        'Rooli',
        'Yhteyshenkilön sähköposti',
        'Huom',
      ]),
    ).toEqual(['name', 'tier', 'revenue', 'person', 'title', 'roleLevel', 'email', null]);
  });

  test('English headers, with the person split into first and last name', () => {
    expect(
      suggestMapping(['Company', 'First name', 'Last name', 'Job title', 'E-mail', 'Segment', 'Sales']),
    ).toEqual(['name', 'person', 'person', 'title', 'email', 'tier', 'revenue']);
  });

  test('a bare "Nimi" is the account, unless another column names the account', () => {
    expect(suggestMapping(['Nimi', 'Myynti'])).toEqual(['name', 'revenue']);
    expect(suggestMapping(['Yritys', 'Nimi'])).toEqual(['name', 'person']);
  });
});

describe('duplicates', () => {
  test('company forms, case, spaces and punctuation do not make another account', () => {
    expect(accountKey('Oy Karl Fazer Ab')).toBe(accountKey('karl  fazer'));
    expect(accountKey('Valio Oy')).toBe(accountKey('VALIO'));
    expect(accountKey('Acme, Inc.')).toBe(accountKey('Acme Ltd'));
    expect(accountKey('Valio Oy')).not.toBe(accountKey('Valion Oy'));
    expect(personKey('Virtanen, Matti')).toBe(personKey('Matti  Virtanen'));
  });

  const existing: Account = {
    id: 'a1',
    engagementId: 'e',
    name: 'Valio Oy',
    tier: 'named',
    importance: null,
    lifecycle: null,
    revenue: 5,
  };

  test('rows of one account add people; repeats within the file and against the workspace are recognised', () => {
    const mapping = ['name', 'tier', 'lifecycle', 'revenue', 'person', 'email'] as const;
    const rows = [
      ['VALIO', 'key', 'kasvu', '7', 'Matti Virtanen', ''],
      ['Valio', '', '', '', 'Liisa Laine', 'liisa@valio.fi'],
      ['Fazer Oy', 'A', '', '', 'Anna Aho', 'anna@fazer.fi'],
      ['Fazer', 'B', '', '', 'A. Aho', 'ANNA@fazer.fi'],
      ['', '', '', '', 'Orpo Henkilö', ''],
      ['Hartwall', 'kultainen', '', 'paljon', '', ''],
    ].map((cells, i) => ({ number: i + 2, cells }));
    const plan = buildPlan(rows, [...mapping], {
      accounts: [existing],
      people: [{ id: 'p1', accountId: 'a1', name: 'Virtanen, Matti', title: '' }],
    });
    const [valio, fazer, hartwall] = plan.accounts;
    expect(valio).toMatchObject({ action: 'match', existingId: 'a1', existingName: 'Valio Oy' });
    // Empty fields are filled; a stored value that differs is kept and said.
    expect(valio?.fills).toEqual([{ field: 'lifecycle', from: null, to: 'development' }]);
    expect(valio?.kept).toEqual(
      expect.arrayContaining([
        { field: 'tier', from: 'named', to: 'key' },
        { field: 'revenue', from: 5, to: 7 },
      ]),
    );
    expect(valio?.people.map((p) => [p.name, p.action])).toEqual([
      ['Matti Virtanen', 'match'],
      ['Liisa Laine', 'create'],
    ]);
    expect(fazer).toMatchObject({ action: 'create', fields: { tier: 'key' } });
    expect(fazer?.people.map((p) => p.action)).toEqual(['create', 'skip']);
    expect(hartwall).toMatchObject({ action: 'create', fields: { tier: 'unmanaged', revenue: null } });
    expect(plan.problems).toEqual([
      {
        row: 5,
        key: 'differsInFile',
        skipped: false,
        params: { field: 'tier', value: 'named', kept: 'key' },
      },
      { row: 6, key: 'noAccountName', skipped: true, params: {} },
      {
        row: 7,
        key: 'unknownValue',
        skipped: false,
        params: { field: 'tier', value: 'kultainen', used: 'unmanaged' },
      },
      { row: 7, key: 'badRevenue', skipped: false, params: { value: 'paljon', used: null } },
    ]);
    expect(plan.readings).toEqual(
      expect.arrayContaining([
        { field: 'tier', value: 'A', as: 'key', rows: 1 },
        { field: 'lifecycle', value: 'kasvu', as: 'development', rows: 1 },
      ]),
    );
    expect(plan.totals).toMatchObject({
      accountsNew: 2,
      accountsMatched: 1,
      peopleNew: 2,
      peopleMatched: 1,
      peopleSkipped: 1,
      rowsSkipped: 1,
    });
  });
});

describe('.xlsx written by exceljs', () => {
  test('formulas give their values, dates and numbers stay what they are, merged cells reach every row', async () => {
    const bytes = await workbook([
      { name: 'Ohje', rows: [['Täytä välilehti Asiakkaat']] },
      {
        name: 'Asiakkaat',
        rows: [
          ['Asiakaslista'],
          [],
          ['Asiakas', 'Yhteyshenkilö', 'Liikevaihto', 'Päivitetty'],
          ['Kesko Oyj', 'Ville Vallaton', 1200.5, new Date(Date.UTC(2026, 0, 31))],
          [null, 'Pirjo Pomo', { formula: 'C4*2', result: 2401 }, null],
          ['Äänekoski "Iso" & Co', 'Jöns', '1 234,50 €', null],
        ],
        merge: ['A4:A5'],
      },
    ]);
    const read = table(bytes, 'lista.xlsx');
    expect(read.format).toBe('xlsx');
    expect(read.sheets.map((s) => s.name)).toEqual(['Ohje', 'Asiakkaat']);
    expect(read.sheet.name).toBe('Asiakkaat');
    expect(read.sheet.headerRow).toBe(3);
    expect(read.sheet.rows.map((r) => r.cells)).toEqual([
      ['Kesko Oyj', 'Ville Vallaton', 1200.5, '2026-01-31'],
      ['Kesko Oyj', 'Pirjo Pomo', 2401],
      ['Äänekoski "Iso" & Co', 'Jöns', '1 234,50 €'],
    ]);
    // The sheet asked for is read, even when it holds no list.
    expect(readTable(bytes, 'lista.xlsx', 'Ohje')).toEqual({ ok: false, reason: 'noData' });
  });
});

describe('.xlsx as other programs write it', () => {
  test('x: prefixes, inline and rich-text strings, a custom date format, 1904 dates, booleans, errors', () => {
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const bytes = zipOf({
      '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
      'xl/workbook.xml': `<x:workbook ${ns} xmlns:r="r"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Lista &amp; muut" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels':
        '<Relationships><Relationship Id="rId1" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
      'xl/sharedStrings.xml': `<x:sst ${ns}><x:si><x:t>Asiakas</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Yhteys</x:t></x:r><x:r><x:t xml:space="preserve">henkilö</x:t></x:r><x:rPh><x:t>ふりがな</x:t></x:rPh></x:si></x:sst>`,
      'xl/styles.xml': `<x:styleSheet ${ns}><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="d\\.m\\.yyyy"/></x:numFmts><x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="4"/></x:cellXfs></x:styleSheet>`,
      'xl/worksheets/data.xml': `<x:worksheet ${ns}><x:sheetData>
        <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Päivä</x:t></x:is></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>Aktiivinen</x:t></x:is></x:c><x:c r="E1" t="inlineStr"><x:is><x:t>Summa</x:t></x:is></x:c></x:row>
        <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Oy &quot;Iso&quot; Ab_x000D_</x:t></x:is></x:c><x:c r="B2" t="str"><x:f>CONCAT("a","b")</x:f><x:v>ab</x:v></x:c><x:c r="C2" s="1"><x:v>44227</x:v></x:c><x:c r="D2" t="b"><x:v>1</x:v></x:c><x:c r="E2" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>
        <x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t>B</x:t></x:is></x:c><x:c r="E4" s="2"><x:v>1234.5</x:v></x:c></x:row>
      </x:sheetData></x:worksheet>`,
    });
    const read = table(bytes, 'export.xlsx');
    expect(read.sheet.name).toBe('Lista & muut');
    expect(read.sheet.headers).toEqual(['Asiakas', 'Yhteyshenkilö', 'Päivä', 'Aktiivinen', 'Summa']);
    // 44227 days from 1904-01-01 is 2025-02-01; a number format that is not a date leaves a number.
    expect(read.sheet.rows.map((r) => r.cells)).toEqual([
      // The error cell (#DIV/0!) is empty, and a row ends at its last value.
      ['Oy "Iso" Ab\r', 'ab', '2025-02-01', true],
      ['B', null, null, null, 1234.5],
    ]);
  });
});

describe('CSV written out and read back', () => {
  test('any table of text survives quoting, with each separator', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Ä', ' ', ';', ',', '\t', '"', '\n', '\r\n', '€', 'x'),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(';', ',', '\t'),
        fc
          .integer({ min: 2, max: 5 })
          .chain((width) =>
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 2, maxLength: 8 }),
          ),
        (separator, rows) => {
          const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
          const text = rows.map((r) => r.map(quote).join(separator)).join('\r\n');
          expect(detectSeparator(text)).toBe(separator);
          expect(parseCsv(text, separator)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('bad files are refused with a reason, never a throw', () => {
  test.each([
    ['empty', new Uint8Array(0), 'a.csv'],
    ['binary', Uint8Array.from({ length: 400 }, (_, i) => (i * 37) % 256), 'a.csv'],
    ['notXlsx', utf8('Asiakas;Myynti\nA;1\n'), 'a.xlsx'],
    ['corruptXlsx', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6]), 'a.xlsx'],
    ['unsupportedFormat', utf8('%PDF-1.7\n...'), 'a.pdf'],
    ['noData', utf8('just one line\n'), 'a.csv'],
  ])('%s', (reason, bytes, name) => {
    expect(readTable(bytes, name)).toEqual({ ok: false, reason });
  });

  test('a workbook whose sheet is empty, a zip that is not a workbook, a cut-off workbook', async () => {
    expect(readTable(await workbook([{ name: 'Tyhjä', rows: [] }]), 'a.xlsx')).toEqual({
      ok: false,
      reason: 'noData',
    });
    const bytes = await workbook([
      {
        name: 'A',
        rows: [
          ['Asiakas', 'Myynti'],
          ['X', 1],
        ],
      },
    ]);
    expect(readTable(bytes.subarray(0, bytes.length - 200), 'a.xlsx')).toEqual({
      ok: false,
      reason: 'corruptXlsx',
    });
    expect(readTable(bytes, 'a.xlsx', 'Nope')).toEqual({ ok: false, reason: 'sheetNotFound' });
  });
});
