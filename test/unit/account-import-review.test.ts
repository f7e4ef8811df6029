import { describe, expect, test } from 'vitest';
import { buildPlan, contactName } from '../../electron/services/import/accounts/plan.ts';
import { readTable } from '../../electron/services/import/accounts/table.ts';
import { accountImportPhrases } from '../../shared/accountImportText.ts';
import type { Account } from '../../shared/domain.ts';
import { workbook, zipOf } from '../fixtures/account-lists.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

function table(bytes: Uint8Array, name: string) {
  const read = readTable(bytes, name);
  if (!read.ok) throw new Error(`refused: ${read.reason}`);
  return read;
}

/** Account names a plan would import when only column A is mapped, as a consultant might do. */
function namesFromColumnA(read: ReturnType<typeof table>): string[] {
  const mapping = read.sheet.headers.map((_, i) => (i === 0 ? 'name' : null));
  return buildPlan(read.sheet.rows, mapping, { accounts: [], people: [] }).accounts.map((a) => a.name);
}

describe('the header row among a title, a date, a logo and empty rows', () => {
  test('.csv: "Päivitetty;15.1.2025" above the headers is not taken for them', () => {
    const read = table(
      utf8(
        'Asiakaslista;;\nPäivitetty;15.1.2025;\n;;\nAsiakas;Luokka;Yhteyshenkilö\nFazer;A;Sari Mäkinen\nValio;B;\n',
      ),
      'lista.csv',
    );
    expect(read.sheet.headerRow).toBe(4);
    expect(read.sheet.headers).toEqual(['Asiakas', 'Luokka', 'Yhteyshenkilö']);
    expect(namesFromColumnA(read)).toEqual(['Fazer', 'Valio']);
  });

  test('.xlsx: a logo row, a title, a real date and an empty row above the headers', async () => {
    const bytes = await workbook([
      {
        name: 'Asiakkaat',
        rows: [
          ['LOGO', 'Yritys Oy'],
          ['Asiakasrekisteri 2025'],
          ['Päivitetty', new Date(Date.UTC(2025, 0, 15))],
          [],
          ['Asiakas', 'Asiakasluokka', 'Liikevaihto'],
          ['Kesko Oyj', 'Avain', 1200],
          ['Atria Oyj', 'B', 300],
        ],
      },
    ]);
    const read = table(bytes, 'lista.xlsx');
    expect(read.sheet.headerRow).toBe(5);
    expect(read.sheet.headers).toEqual(['Asiakas', 'Asiakasluokka', 'Liikevaihto']);
    expect(namesFromColumnA(read)).toEqual(['Kesko Oyj', 'Atria Oyj']);
  });

  test('a row repeating the header words below it is never an account', async () => {
    const csv = table(
      utf8('Asiakas;Luokka\nFazer;A\nAsiakas;Luokka\nValio;B\nASIAKAS;\n'),
      'kaksi-listaa.csv',
    );
    expect(namesFromColumnA(csv)).toEqual(['Fazer', 'Valio']);
    const xlsx = table(
      await workbook([
        {
          name: 'A',
          rows: [
            ['Customer', 'Tier'],
            ['Acme', 'key'],
            ['Company', 'Segment'],
            ['Globex', 'named'],
          ],
        },
      ]),
      'list.xlsx',
    );
    expect(namesFromColumnA(xlsx)).toEqual(['Acme', 'Globex']);
  });

  test('with no known header word anywhere, the first row with two text cells is still the header', () => {
    const read = table(utf8('Raportti\nFirma;Juttu\nFazer;x\n'), 'muu.csv');
    expect(read.sheet.headerRow).toBe(2);
  });
});

describe('contact names written "Last, First"', () => {
  test('two name-like parts around one comma are turned; anything else is left as written', () => {
    expect(contactName('Mäkinen, Sari')).toBe('Sari Mäkinen');
    expect(contactName('Af Forselles,Anna-Liisa')).toBe('Anna-Liisa Af Forselles');
    expect(contactName("O'Brien, J. R.")).toBe("J. R. O'Brien");
    expect(contactName('Virtanen, Matti, CEO')).toBe('Virtanen, Matti, CEO');
    expect(contactName('Myynti, 2. krs')).toBe('Myynti, 2. krs');
    expect(contactName('Sari Mäkinen')).toBe('Sari Mäkinen');
    expect(contactName(', Sari')).toBe(', Sari');
  });

  test('a person in "Last, First" form is planned as "First Last", and matches the stored person', () => {
    const existing: Account = {
      id: 'a1',
      engagementId: 'e',
      name: 'Valio',
      tier: 'named',
      importance: null,
      lifecycle: null,
      revenue: null,
    };
    const plan = buildPlan(
      [
        { number: 2, cells: ['Fazer', 'Mäkinen, Sari'] },
        { number: 3, cells: ['Valio', 'Virtanen, Matti'] },
      ],
      ['name', 'person'],
      { accounts: [existing], people: [{ id: 'p1', accountId: 'a1', name: 'Matti Virtanen', title: '' }] },
    );
    expect(plan.accounts.flatMap((a) => a.people.map((p) => [p.name, p.action]))).toEqual([
      ['Sari Mäkinen', 'create'],
      ['Matti Virtanen', 'match'],
    ]);
  });
});

describe('an unknown value says what is actually used', () => {
  const stored: Account = {
    id: 'a1',
    engagementId: 'e',
    name: 'Valio Oy',
    tier: 'named',
    importance: null,
    lifecycle: 'development',
    revenue: null,
  };
  const plan = buildPlan(
    [
      { number: 2, cells: ['Valio', 'Platinum', 'Kuun takana', 'Matti Virtanen', 'Ylin johto?'] },
      { number: 3, cells: ['Fazer', 'Platinum', '', '', ''] },
      { number: 4, cells: ['Atria', 'Platinum', '', '', ''] },
      { number: 5, cells: ['Atria', 'Avain', '', '', ''] },
    ],
    ['name', 'tier', 'lifecycle', 'person', 'roleLevel'],
    {
      accounts: [stored],
      people: [{ id: 'p1', accountId: 'a1', name: 'Matti Virtanen', title: '', roleLevel: 'strategic' }],
    },
  );
  const unknown = (row: number, field: string) =>
    plan.problems.find((p) => p.row === row && p.key === 'unknownValue' && p.params.field === field);

  test('an existing account keeps its stored tier and stage; an existing person their role level', () => {
    expect(unknown(2, 'tier')?.params).toMatchObject({ used: 'named', stored: true });
    expect(unknown(2, 'lifecycle')?.params).toMatchObject({ used: 'development', stored: true });
    expect(unknown(2, 'roleLevel')?.params).toMatchObject({ used: 'strategic', stored: true });
    const en = accountImportPhrases('en');
    const fi = accountImportPhrases('fi');
    const tier = unknown(2, 'tier');
    if (!tier) throw new Error('no problem');
    expect(en.problemText(tier)).toBe(
      'Tier “Platinum” is not one the app knows: the stored Named account is kept.',
    );
    expect(fi.problemText(tier)).toBe(
      'Asiakasryhmä ”Platinum” ei ole sovelluksen tuntema arvo: tallennettu arvo Nimetty asiakas säilyy.',
    );
  });

  test('a new account gets the default, or the value another of its rows gives', () => {
    expect(unknown(3, 'tier')?.params).toMatchObject({ used: 'unmanaged' });
    expect(unknown(3, 'tier')?.params).not.toHaveProperty('stored');
    expect(unknown(4, 'tier')?.params).toMatchObject({ used: 'key' });
    expect(plan.accounts.find((a) => a.name === 'Atria')?.fields.tier).toBe('key');
    expect(plan.accounts.find((a) => a.name === 'Valio')).toMatchObject({ fills: [], kept: [] });
  });
});

describe('a zip that is not a workbook is named for what it is', () => {
  const ods = zipOf({
    mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
    'content.xml': '<office:document-content/>',
  });
  const docx = zipOf({
    '[Content_Types].xml': '<Types/>',
    'word/document.xml': '<w:document><w:body><w:p><w:r><w:t>Asiakas</w:t></w:r></w:p></w:body></w:document>',
  });
  const other = zipOf({ 'readme.txt': 'hello' });

  test.each([
    ['an .ods', ods, 'asiakkaat.ods', 'openDocument'],
    ['an .ods renamed .xlsx', ods, 'asiakkaat.xlsx', 'openDocument'],
    ['a .docx', docx, 'asiakkaat.docx', 'wordDocument'],
    ['a zip named .xlsx', other, 'asiakkaat.xlsx', 'notXlsx'],
    ['a zip of something else', other, 'paketti.zip', 'notSpreadsheet'],
  ])('%s', (_, bytes, name, reason) => {
    expect(readTable(bytes, name)).toEqual({ ok: false, reason });
  });
});
