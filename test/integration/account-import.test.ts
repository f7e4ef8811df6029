import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/db/migrate.ts';
import type { AccountImportPreview } from '../../shared/accountImport.ts';
import { workbook } from '../fixtures/account-lists.ts';
import { fingerprint } from '../fixtures/fingerprint.ts';
import { undoListeningProgramme } from '../helpers/migrations.ts';
import { connect, openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

const base64 = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes).toString('base64');

const CSV = [
  'Asiakas;Asiakasryhmä;Liikevaihto;Yhteyshenkilö;Titteli;Rooli;Sähköposti',
  'Valio Oy;Avainasiakas;"1 200 000,00 €";Matti Virtanen;Ostopäällikkö;päättäjä;matti@valio.fi',
  'VALIO;;;Liisa Laine;;vaikuttaja;liisa@valio.fi',
  'Fazer;B;800 000;Anna Aho;;;anna@fazer.fi',
  'Fazer Oy;;;A. Aho;;;ANNA@FAZER.FI',
  ';;;Orpo;;;',
  'Hartwall;kultainen;;;;;',
].join('\r\n');

let ws: TestWorkspace;
let engagementId: string;
let valioId: string;

beforeEach(() => {
  ws = openTestWorkspace();
  engagementId = ws.call('createEngagement', { clientName: 'Client', title: 'Study', language: 'fi' }).id;
  valioId = ws.call('createAccount', { engagementId, name: 'Valio', tier: 'named' }).id;
  ws.call('createInterviewee', { accountId: valioId, name: 'Virtanen, Matti', roleLevel: 'operational' });
});
afterEach(() => ws.close());

describe('account list import', () => {
  test('the preview shows the plan and writes nothing', () => {
    const before = fingerprint(ws.db);
    const preview = ws.call('previewAccountImport', {
      engagementId,
      fileName: 'asiakkaat.csv',
      data: base64(CSV),
    });
    expect(fingerprint(ws.db)).toBe(before);
    expect(preview).toMatchObject<Partial<AccountImportPreview>>({
      format: 'csv',
      csv: { encoding: 'utf-8', separator: ';' },
      headerRow: 1,
      mapping: ['name', 'tier', 'revenue', 'person', 'title', 'roleLevel', 'email'],
    });
    expect(preview.columns[0]).toEqual({ header: 'Asiakas', samples: ['Valio Oy', 'VALIO', 'Fazer'] });
    expect(preview.plan.totals).toMatchObject({
      accountsNew: 2,
      accountsMatched: 1,
      accountsFilled: 1,
      peopleNew: 2,
      peopleMatched: 1,
      peopleSkipped: 1,
      rowsSkipped: 1,
    });
  });

  test('the import creates and matches exactly what the preview said, and the Trash undoes it', () => {
    const before = fingerprint(ws.db, ['trash']);
    const summary = ws.call('importAccounts', { engagementId, fileName: 'asiakkaat.csv', data: base64(CSV) });
    expect(summary).toMatchObject({
      accountsCreated: 2,
      accountsUpdated: 1,
      peopleCreated: 2,
      peopleUpdated: 1,
    });
    const accounts = ws.call('listAccounts', { engagementId });
    expect(accounts.map((a) => [a.name, a.tier, a.revenue, a.interviewees.map((p) => p.name)])).toEqual([
      ['Fazer', 'named', 800_000, ['Anna Aho']],
      // Stored values win (tier stays named); the empty revenue is filled.
      ['Valio', 'named', 1_200_000, ['Liisa Laine', 'Virtanen, Matti']],
      ['Hartwall', 'unmanaged', null, []],
    ]);
    const matti = accounts[1]?.interviewees.find((p) => p.name === 'Virtanen, Matti');
    // The stored person's empty title and address are filled from the list; new people get theirs.
    expect(matti).toMatchObject({
      title: 'Ostopäällikkö',
      roleLevel: 'operational',
      email: 'matti@valio.fi',
    });
    expect(accounts.flatMap((a) => a.interviewees.map((p) => [p.name, p.email]))).toEqual([
      ['Anna Aho', 'anna@fazer.fi'],
      ['Liisa Laine', 'liisa@valio.fi'],
      ['Virtanen, Matti', 'matti@valio.fi'],
    ]);
    // A second import of the same list finds everything already there.
    const again = ws.call('previewAccountImport', {
      engagementId,
      fileName: 'asiakkaat.csv',
      data: base64(CSV),
    });
    expect(again.plan.totals).toMatchObject({ accountsNew: 0, peopleNew: 0, accountsFilled: 0 });

    expect(summary.trashId).not.toBeNull();
    ws.call('restoreFromTrash', { id: summary.trashId as string });
    expect(fingerprint(ws.db, ['trash'])).toBe(before);
  });

  test('the import confirms the plan just previewed, but plans afresh after any change in between', () => {
    const request = { engagementId, fileName: 'asiakkaat.csv', data: base64(CSV) };
    expect(ws.call('previewAccountImport', request).plan.totals).toMatchObject({ accountsNew: 2 });
    // Fazer is added by hand after the preview: the import must not create it a second time.
    ws.call('createAccount', { engagementId, name: 'Fazer Oy', tier: 'key' });
    const summary = ws.call('importAccounts', request);
    expect(summary).toMatchObject({ accountsCreated: 1, peopleCreated: 2 });
    expect(ws.call('listAccounts', { engagementId }).map((a) => a.name)).toEqual([
      'Fazer Oy',
      'Valio',
      'Hartwall',
    ]);
  });

  test('a person already there under another spelling is recognised by the address stored for them', () => {
    const accounts = ws.call('listAccounts', { engagementId });
    const matti = accounts[0]!.interviewees[0]!;
    ws.call('updateInterviewee', { id: matti.id, patch: { email: 'Matti@Valio.fi' } });
    const list = [
      'Asiakas;Yhteyshenkilö;Titteli;Sähköposti',
      'Valio;Matti J. Virtanen;Johtaja;matti@valio.fi',
    ];
    const summary = ws.call('importAccounts', {
      engagementId,
      fileName: 'lista.csv',
      data: base64(list.join('\n')),
    });
    expect(summary).toMatchObject({ peopleCreated: 0, peopleUpdated: 1 });
    expect(ws.call('listAccounts', { engagementId })[0]?.interviewees).toMatchObject([
      { id: matti.id, name: 'Virtanen, Matti', title: 'Johtaja', email: 'Matti@Valio.fi' },
    ]);
  });

  test('migration 13 gives the people of a workspace written before it an empty address', () => {
    const person = ws.call('listAccounts', { engagementId })[0]!.interviewees[0]!;
    undoListeningProgramme(ws.db);
    ws.db.exec('ALTER TABLE interviewees DROP COLUMN email');
    ws.db.pragma('user_version = 12');
    ws.db.close();
    const again = connect(ws.path);
    try {
      expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(again.call('listAccounts', { engagementId })[0]?.interviewees).toEqual([
        { ...person, email: '' },
      ]);
    } finally {
      again.db.close();
    }
  });

  test('a failure part-way changes nothing', () => {
    // A real SQLite failure on the third account, after two have been written.
    ws.db.exec(`CREATE TRIGGER boom BEFORE INSERT ON accounts WHEN NEW.name = 'Hartwall'
                BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const before = fingerprint(ws.db);
    const result = ws.raw('importAccounts', { engagementId, fileName: 'asiakkaat.csv', data: base64(CSV) });
    expect(result.ok).toBe(false);
    expect(fingerprint(ws.db)).toBe(before);
  });

  test('a mapping given by the consultant is used, and without a name column nothing is imported', async () => {
    const bytes = await workbook([
      {
        name: 'Lista',
        rows: [
          ['Yritys', 'Kontakti', 'Muuta'],
          ['Kesko', 'Ville', 'strateginen'],
        ],
      },
    ]);
    const data = base64(bytes);
    const preview = ws.call('previewAccountImport', {
      engagementId,
      fileName: 'l.xlsx',
      data,
      mapping: ['name', 'person', 'roleLevel'],
    });
    expect(preview.suggested).toEqual(['name', 'person', null]);
    expect(preview.plan.accounts[0]?.people[0]).toMatchObject({ name: 'Ville', roleLevel: 'strategic' });
    // A list whose account column is not recognised still previews, so that it can be mapped by hand.
    const unnamed = ws.call('previewAccountImport', {
      engagementId,
      fileName: 'l.xlsx',
      data,
      mapping: [null, 'person'],
    });
    expect(unnamed.columns.map((c) => c.header)).toEqual(['Yritys', 'Kontakti', 'Muuta']);
    expect(unnamed.plan.totals).toMatchObject({ rows: 0, accountsNew: 0 });
    const refused = ws.raw('importAccounts', {
      engagementId,
      fileName: 'l.xlsx',
      data,
      mapping: [null, 'person'],
    });
    expect(refused).toMatchObject({ ok: false, error: { key: 'accountListNeedsName' } });
  });

  test.each([
    ['empty', '', 'a.csv'],
    ['notXlsx', 'Asiakas;Myynti\nA;1', 'a.xlsx'],
    ['binary', '\u0000\u0001\u0002\u0003PK', 'a.csv'],
  ])('a bad file (%s) is refused with its reason and changes nothing', (reason, text, fileName) => {
    const before = fingerprint(ws.db);
    for (const method of ['previewAccountImport', 'importAccounts'])
      expect(ws.raw(method, { engagementId, fileName, data: base64(text) })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', key: 'accountListRefused', params: { reason } },
      });
    expect(fingerprint(ws.db)).toBe(before);
  });
});
