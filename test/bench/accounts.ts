import { workbook } from '../fixtures/account-lists.ts';
import { seededRandom } from '../fixtures/random.ts';
import { openTestWorkspace } from '../helpers/workspace.ts';
import { type Measure, summary } from './stats.ts';

const FIRST = ['Matti', 'Liisa', 'Anna', 'Jukka', 'Päivi', 'Ville', 'Sanna', 'Jöns', 'Outi', 'Kari'];
const LAST = ['Virtanen', 'Korhonen', 'Mäkelä', 'Nieminen', 'Laine', 'Heikkinen', 'Äijälä', 'Aho'];
const TIERS = ['Avainasiakas', 'B', 'C', 'key', 'named', ''];
const ROLES = ['päättäjä', 'vaikuttaja', 'käyttäjä', 'strategic', ''];

/** A client's list of 5,000 rows: 1,250 accounts with four contacts each, Finnish headers and money. */
export async function accountList(rows: number, seed = 17): Promise<Uint8Array> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const data: unknown[][] = [
    ['Asiakaslista'],
    ['Asiakas', 'Asiakasryhmä', 'Liikevaihto', 'Yhteyshenkilö', 'Titteli', 'Rooli', 'Sähköposti'],
  ];
  for (let i = 0; i < rows; i++) {
    const account = Math.floor(i / 4);
    const person = `${pick(FIRST)} ${pick(LAST)} ${i}`;
    data.push([
      `Asiakas ${account} Oy`,
      pick(TIERS),
      random() < 0.5 ? Math.round(random() * 1e7) : `${Math.round(random() * 1e6)},50 €`,
      person,
      'Ostopäällikkö',
      pick(ROLES),
      `henkilo${i}@asiakas${account}.fi`,
    ]);
  }
  return workbook([{ name: 'Asiakkaat', rows: data }]);
}

/** Issue 16's budget: a 5,000-row account list previewed and imported in at most a second. */
export async function measureAccountImport(runs: number): Promise<Measure[]> {
  // Two lists taken in turn: the service keeps only the last file read, so every preview reads its
  // file, as when a consultant opens a new list.
  const lists = [await accountList(5000), await accountList(5000, 18)];
  const bytes = lists[0] as Uint8Array;
  const ws = openTestWorkspace();
  const previews: number[] = [];
  const imports: number[] = [];
  const both: number[] = [];
  let note = '';
  try {
    for (let i = 0; i <= runs; i++) {
      // Each run into an engagement of its own, so every import creates the whole list.
      const engagementId = ws.call('createEngagement', {
        clientName: 'C',
        title: `Bench ${i}`,
        language: 'fi',
      }).id;
      const data = Buffer.from(lists[i % 2] as Uint8Array).toString('base64');
      const request = { engagementId, fileName: 'asiakkaat.xlsx', data };
      const t0 = performance.now();
      const preview = ws.call('previewAccountImport', request);
      const t1 = performance.now();
      const result = ws.call('importAccounts', { ...request, mapping: preview.mapping });
      const t2 = performance.now();
      if (i === 0) continue; // warm-up
      previews.push(t1 - t0);
      imports.push(t2 - t1);
      both.push(t2 - t0);
      note = `${result.accountsCreated} accounts, ${result.peopleCreated} people, ${Math.round(bytes.length / 1024)} KB .xlsx`;
    }
  } finally {
    ws.close();
  }
  return [
    { name: 'accounts: preview a 5,000-row .xlsx list (reading it included)', ...summary(previews) },
    { name: 'accounts: import it (one transaction, undoable)', ...summary(imports) },
    { name: 'accounts: preview and import, together', ...summary(both), budget: 1000, note },
  ];
}
