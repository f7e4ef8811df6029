import { describe, expect, test } from 'vitest';
import { buildPlan } from '../../electron/services/import/accounts/plan.ts';
import { readTable } from '../../electron/services/import/accounts/table.ts';
import { workbook } from '../fixtures/account-lists.ts';

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
