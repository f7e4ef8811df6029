import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { zipOf } from '../fixtures/account-lists.ts';
import { fingerprint } from '../fixtures/fingerprint.ts';
import { connect } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'kuulo-cli-accounts-'));
const db = join(dir, 'k.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kuulo(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8' };
  delete env.KUULO_LANG;
  delete env.LC_ALL;
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', ...args], { encoding: 'utf8', env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('kuulo import-accounts', () => {
  const list = join(dir, 'asiakkaat.csv');
  writeFileSync(
    list,
    'Yritys;Nimi;Muuta;Sähköposti\nAcme Oy;Pekka Puu;A;p@acme.fi\nACME;P. Puu;;P@ACME.FI\nBeta;;;\n',
  );
  let engagementId = '';

  test('--dry-run prints the plan with the mapping given and writes nothing', () => {
    const ws = connect(db);
    engagementId = ws.call('createEngagement', { clientName: 'C', title: 'T', language: 'fi' }).id;
    const before = fingerprint(ws.db);
    ws.db.close();
    const run = kuulo(
      'import-accounts',
      '--db',
      db,
      '--engagement',
      engagementId,
      '--file',
      list,
      '--map',
      'C=tier',
      '--dry-run',
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.mapping).toEqual(['name', 'person', 'tier', 'email']);
    expect(out.plan.totals).toMatchObject({ accountsNew: 2, peopleNew: 1, peopleSkipped: 1 });
    const after = connect(db);
    expect(fingerprint(after.db)).toBe(before);
    after.db.close();
  });

  test('without --dry-run it imports; a bad --map or a missing file is one line and exit code 2', () => {
    const run = kuulo(
      'import-accounts',
      '--db',
      db,
      '--engagement',
      engagementId,
      '--file',
      list,
      '--map',
      'Muuta=tier',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Imported: 2 new accounts');
    const ws = connect(db);
    expect(
      ws.call('listAccounts', { engagementId }).map((a) => [a.name, a.tier, a.interviewees.length]),
    ).toEqual([
      ['Acme Oy', 'key', 1],
      ['Beta', 'unmanaged', 0],
    ]);
    ws.db.close();
    const bad = kuulo(
      'import-accounts',
      '--db',
      db,
      '--engagement',
      engagementId,
      '--file',
      list,
      '--map',
      'Nope=tier',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const missing = kuulo(
      'import-accounts',
      '--db',
      db,
      '--engagement',
      engagementId,
      '--file',
      join(dir, 'no.csv'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read the list');
  });
});

describe('kuulo import-accounts speaks the workspace’s language', () => {
  const textDb = join(dir, 'kieli.db');
  const list = join(dir, 'kieli.csv');
  writeFileSync(
    list,
    'Asiakas;Luokka;Liikevaihto;Yhteyshenkilö\nFazer;A;abc;Mäkinen, Sari\nValio;Platinum;100;\n',
  );

  function run(language: 'fi' | 'en', ...args: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8' };
    delete env.KUULO_LANG;
    delete env.LC_ALL;
    const ws = connect(textDb);
    ws.call('updateSettings', { language });
    ws.db.close();
    const done = spawnSync(
      process.execPath,
      ['electron/cli/index.ts', 'import-accounts', '--db', textDb, ...args],
      { encoding: 'utf8', env },
    );
    return { code: done.status, stdout: done.stdout, stderr: done.stderr };
  }

  test('plan lines, readings and rows to check in Finnish and English, with plurals, never raw keys', () => {
    const ws = connect(textDb);
    const engagementId = ws.call('createEngagement', { clientName: 'C', title: 'T', language: 'fi' }).id;
    ws.db.close();
    const args = ['--engagement', engagementId, '--file', list, '--dry-run'];
    const fi = run('fi', ...args);
    expect(fi.code, fi.stderr).toBe(0);
    expect(fi.stdout).toContain('Välilehti ”kieli”, sarakeotsikot rivillä 1:');
    expect(fi.stdout).toContain('Asiakas → Asiakkaan nimi');
    expect(fi.stdout).toContain('2 uutta asiakasta, 0 asiakasta on jo toimeksiannossa');
    expect(fi.stdout).toContain('1 uusi henkilö');
    expect(fi.stdout).toContain('(1 rivi)');
    expect(fi.stdout).toContain('Rivi 2: Vuosimyynti ”abc” ei ole rahasumma: kenttä jätetään tyhjäksi.');
    expect(fi.stdout).toContain('Rivi 3: Asiakasryhmä ”Platinum” ei ole sovelluksen tuntema arvo');
    expect(fi.stdout).toContain('Mitään ei kirjoitettu (--dry-run).');
    const en = run('en', ...args);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('Sheet “kieli”, column headers on row 1:');
    expect(en.stdout).toContain('2 new accounts, 0 accounts already in the engagement');
    expect(en.stdout).toContain('1 new person');
    expect(en.stdout).toContain('(1 row)');
    expect(en.stdout).toContain('Row 2: Revenue “abc” is not a sum of money: it is left empty.');
    expect(en.stdout).toContain('Nothing was written (--dry-run).');
    for (const out of [fi.stdout, en.stdout]) {
      expect(out).not.toMatch(/badRevenue|unknownValue|\{"|\(1 rows\)|1 new accounts|1 warnings/);
    }
    const imported = run('fi', '--engagement', engagementId, '--file', list);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      'Tuotiin: 2 uutta asiakasta (0 olemassa olevaa asiakasta täydennettiin), 1 uusi henkilö.',
    );
  });

  test('a .docx or an .ods is refused for what it is, in either language', () => {
    const ws = connect(textDb);
    const engagementId = ws.call('createEngagement', { clientName: 'D', title: 'T', language: 'fi' }).id;
    ws.db.close();
    const docx = join(dir, 'lista.docx');
    writeFileSync(docx, zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
    const ods = join(dir, 'lista.ods');
    writeFileSync(
      ods,
      zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }),
    );
    const wordFi = run('fi', '--engagement', engagementId, '--file', docx);
    expect(wordFi.code).toBe(2);
    expect(wordFi.stderr).toContain('Word-asiakirja eikä laskentataulukko');
    const wordEn = run('en', '--engagement', engagementId, '--file', docx);
    expect(wordEn.stderr).toContain('a Word document, not a spreadsheet');
    const odsEn = run('en', '--engagement', engagementId, '--file', ods);
    expect(odsEn.code).toBe(2);
    expect(odsEn.stderr).toContain('OpenDocument spreadsheets (.ods) are not read');
    for (const out of [wordFi.stderr, wordEn.stderr, odsEn.stderr]) expect(out).not.toContain('.xlsx but');
  });
});
