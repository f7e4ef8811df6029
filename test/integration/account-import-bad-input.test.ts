import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { workbook, zipOf } from '../fixtures/account-lists.ts';
import { connect } from '../helpers/workspace.ts';

/**
 * Issue 16, acceptance 4 for account lists: a file that is not a list (or a list with nothing in it)
 * gets one clear message and leaves the workspace file byte for byte as it was, through the service
 * and through `kuulo import-accounts`.
 */

const dir = mkdtempSync(join(tmpdir(), 'kuulo-bad-accounts-'));
const db = join(dir, 'k.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The workspace as it lies on disk: the file and its write-ahead log (where an open connection writes). */
const sha = () => {
  const hash = createHash('sha256').update(readFileSync(db));
  if (existsSync(`${db}-wal`)) hash.update(readFileSync(`${db}-wal`));
  return hash.digest('hex');
};

let engagementId = '';
const files: [name: string, file: string, en: RegExp, fi: RegExp][] = [];

beforeAll(async () => {
  const ws = connect(db);
  engagementId = ws.call('createEngagement', { clientName: 'C', title: 'T', language: 'fi' }).id;
  const accountId = ws.call('createAccount', { engagementId, name: 'Fyrvik Paper AB', tier: 'key' }).id;
  ws.call('createInterviewee', { accountId, name: 'Karin Åberg', roleLevel: 'strategic' });
  ws.db.close();
  const book = await workbook([
    {
      name: 'Asiakkaat',
      rows: [
        ['Asiakas', 'Yhteyshenkilö'],
        ...Array.from({ length: 200 }, (_, i) => [`Yritys ${i} Oy`, `Henkilö ${i}`]),
      ],
    },
  ]);
  const write = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  files.push(
    ['0 bytes', write('tyhja.csv', ''), /The file is empty\./, /Tiedosto on tyhjä\./],
    [
      'a binary file named .csv',
      write(
        'binaari.csv',
        Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256),
      ),
      /not a list: the file holds no readable text/,
      /ei ole lista: tiedostossa ei ole luettavaa tekstiä/,
    ],
    [
      'a truncated workbook',
      write('katkennut.xlsx', book.subarray(0, Math.floor(book.length / 2))),
      /The workbook cannot be read: it is damaged or cut short/,
      /Työkirjaa ei voi lukea: se on vioittunut tai katkennut/,
    ],
    [
      'a Word document named .xlsx',
      write(
        'lista.xlsx',
        zipOf({
          '[Content_Types].xml': '<Types/>',
          'word/document.xml':
            '<w:document><w:body><w:p><w:r><w:t>Asiakas</w:t></w:r></w:p></w:body></w:document>',
        }),
      ),
      /This is a Word document, not a spreadsheet/,
      /Tämä on Word-asiakirja eikä laskentataulukko/,
    ],
    [
      'a CSV with only its headers',
      write('otsikot.csv', 'Asiakas;Yhteyshenkilö;Sähköposti\r\n'),
      /only its column headers: there are no rows below them to import/,
      /vain sarakeotsikot: niiden alla ei ole tuotavia rivejä/,
    ],
  );
});

describe('bad input to the account import changes nothing', () => {
  test('through the service: refused with its reason, the file and its log unchanged', () => {
    const ws = connect(db);
    try {
      for (const [name, file, en] of files) {
        const before = sha();
        const request = {
          engagementId,
          fileName: file.split('/').at(-1) as string,
          data: readFileSync(file).toString('base64'),
        };
        for (const method of ['previewAccountImport', 'importAccounts']) {
          const result = ws.raw(method, request);
          expect(result.ok, `${name}: ${method}`).toBe(false);
          if (!result.ok) {
            expect(result.error.code, name).toBe('invalid_input');
            expect(result.error.message, name).toMatch(en);
          }
        }
        expect(sha(), name).toBe(before);
      }
      expect(ws.call('listAccounts', { engagementId }).map((a) => a.interviewees.length)).toEqual([1]);
    } finally {
      ws.db.close();
    }
  });

  test('a sheet chosen by name that has only headers previews, but its import is refused and writes nothing', async () => {
    const bytes = await workbook([
      { name: 'Asiakkaat', rows: [['Asiakas'], ['Uusi Yritys Oy']] },
      { name: 'Tyhjä', rows: [['Asiakas', 'Yhteyshenkilö']] },
    ]);
    const ws = connect(db);
    try {
      const request = { engagementId, fileName: 'kaksi.xlsx', data: Buffer.from(bytes).toString('base64') };
      const before = sha();
      const preview = ws.call('previewAccountImport', { ...request, sheet: 'Tyhjä' });
      expect(preview.plan.totals.rows).toBe(0);
      const result = ws.raw('importAccounts', { ...request, sheet: 'Tyhjä' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/only its column headers/);
      expect(sha()).toBe(before);
    } finally {
      ws.db.close();
    }
  });

  function kuulo(language: 'fi' | 'en', file: string, ...more: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8', KUULO_LANG: language };
    delete env.LC_ALL;
    const run = spawnSync(
      process.execPath,
      [
        'electron/cli/index.ts',
        'import-accounts',
        '--db',
        db,
        '--engagement',
        engagementId,
        '--file',
        file,
        ...more,
      ],
      { encoding: 'utf8', env },
    );
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  test('through `kuulo import-accounts`: one line in either language, exit code 2, the file unchanged', () => {
    for (const [name, file, en, fi] of files) {
      const before = sha();
      for (const [language, message] of [
        ['en', en],
        ['fi', fi],
      ] as const) {
        for (const more of [[], ['--dry-run']]) {
          const run = kuulo(language, file, ...more);
          expect(run.code, `${name} ${language} ${more}: ${run.stdout}${run.stderr}`).toBe(2);
          expect(run.stderr, name).toMatch(message);
          expect(run.stderr.trim().split('\n'), name).toHaveLength(1);
          expect(run.stdout, name).toBe('');
        }
      }
      expect(sha(), name).toBe(before);
    }
  });
});
