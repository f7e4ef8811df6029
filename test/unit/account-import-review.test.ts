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

describe('revenue that is not money says what the account keeps', () => {
  const account = (id: string, name: string, revenue: number | null): Account => ({
    id,
    engagementId: 'e',
    name,
    tier: 'named',
    importance: null,
    lifecycle: null,
    revenue,
  });
  const plan = buildPlan(
    [
      { number: 2, cells: ['Valio', 'paljon'] },
      { number: 3, cells: ['Fazer', 'n/a'] },
      { number: 4, cells: ['Atria', '?'] },
      { number: 5, cells: ['Atria', '1 200 €'] },
      { number: 6, cells: ['Hartwall', 'x'] },
      { number: 7, cells: ['Paulig', 'y'] },
      { number: 8, cells: ['Paulig', '300'] },
    ],
    ['name', 'revenue'],
    { accounts: [account('a1', 'Valio Oy', 5_000_000), account('a2', 'Fazer', null)], people: [] },
  );
  const bad = (row: number) => {
    const problem = plan.problems.find((p) => p.row === row && p.key === 'badRevenue');
    if (problem?.key !== 'badRevenue') throw new Error(`no badRevenue on row ${row}`);
    return problem;
  };
  const en = accountImportPhrases('en');
  const fi = accountImportPhrases('fi');

  test('an existing account keeps its stored sum, and the message says so (not "left empty")', () => {
    expect(bad(2).params).toEqual({ value: 'paljon', used: 5_000_000, stored: true });
    expect(plan.accounts.find((a) => a.name === 'Valio')).toMatchObject({ fills: [], kept: [] });
    expect(en.problemText(bad(2))).toBe(
      'Revenue “paljon” is not a sum of money: the stored 5,000,000 € is kept.',
    );
    expect(fi.problemText(bad(2))).toBe(
      'Vuosimyynti ”paljon” ei ole rahasumma: tallennettu summa 5\u00a0000\u00a0000 € säilyy.',
    );
  });

  test('an existing account without a sum stays empty, unless another of its rows fills it', () => {
    expect(bad(3).params).toEqual({ value: 'n/a', used: null });
    expect(en.problemText(bad(3))).toBe('Revenue “n/a” is not a sum of money: it is left empty.');
    expect(fi.problemText(bad(3))).toBe('Vuosimyynti ”n/a” ei ole rahasumma: kenttä jätetään tyhjäksi.');
  });

  test('a new account is left empty, or gets the sum another of its rows gives', () => {
    expect(bad(6).params).toEqual({ value: 'x', used: null });
    expect(bad(4).params).toEqual({ value: '?', used: 1200 });
    expect(plan.accounts.find((a) => a.name === 'Atria')?.fields.revenue).toBe(1200);
    expect(bad(7).params).toEqual({ value: 'y', used: 300 });
    expect(en.problemText(bad(4))).toBe(
      'Revenue “?” is not a sum of money: 1,200 € from another row of the account is used.',
    );
    expect(fi.problemText(bad(4))).toBe(
      'Vuosimyynti ”?” ei ole rahasumma: käytetään saman asiakkaan toisen rivin summaa 1\u00a0200 €.',
    );
  });
});

describe('e-mail addresses', () => {
  const stored: Account = {
    id: 'a1',
    engagementId: 'e',
    name: 'Valio Oy',
    tier: 'named',
    importance: null,
    lifecycle: null,
    revenue: null,
  };
  const plan = buildPlan(
    [
      { number: 2, cells: ['Valio', 'Matti J. Virtanen', 'MATTI.VIRTANEN@valio.fi'] },
      { number: 3, cells: ['Valio', 'Liisa Laine', 'liisa@valio.fi'] },
      { number: 4, cells: ['Valio', 'Sari Mäkinen', 'sari.uusi@valio.fi'] },
      { number: 5, cells: ['Fazer', 'Matti Virtanen', 'matti@fazer.fi'] },
    ],
    ['name', 'person', 'email'],
    {
      accounts: [stored],
      people: [
        { id: 'p1', accountId: 'a1', name: 'Matti Virtanen', title: '', email: 'matti.virtanen@valio.fi' },
        { id: 'p2', accountId: 'a1', name: 'Liisa Laine', title: '', email: '' },
        { id: 'p3', accountId: 'a1', name: 'Sari Mäkinen', title: '', email: 'sari@valio.fi' },
      ],
    },
  );
  const people = plan.accounts.flatMap((a) => a.people);

  test('a stored person is recognised by address under another spelling of the name, within the account', () => {
    expect(people[0]).toMatchObject({ action: 'match', existingId: 'p1', email: 'matti.virtanen@valio.fi' });
    // The same name in another account is another person.
    expect(people[3]).toMatchObject({ action: 'create', existingId: null, email: 'matti@fazer.fi' });
  });

  test('an empty stored address is filled; a different one is kept and said', () => {
    expect(people[1]).toMatchObject({
      action: 'match',
      existingId: 'p2',
      fills: [{ field: 'email', from: null, to: 'liisa@valio.fi' }],
    });
    expect(people[2]).toMatchObject({
      action: 'match',
      existingId: 'p3',
      fills: [],
      kept: [{ field: 'email', from: 'sari@valio.fi', to: 'sari.uusi@valio.fi' }],
    });
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
