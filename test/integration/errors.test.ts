import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KuuloError } from '../../electron/base/errors.ts';
import { openDatabase } from '../../electron/db/connection.ts';
import type { KuuloErrorValue, Result } from '../../shared/contract.ts';
import { phraseError } from '../../shared/i18n/errors.ts';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace.ts';

let ws: TestWorkspace;
beforeEach(() => {
  ws = openTestWorkspace();
});
afterEach(() => ws.close());

function failed(result: Result<unknown>): KuuloErrorValue {
  if (result.ok) throw new Error('expected an error result');
  return result.error;
}

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('errors through the dispatcher are a code, a key and parameters, phrased in fi and en', () => {
  test('a service refusal: a duplicate code name keeps the user’s name as given', () => {
    ws.call('createCode', { name: { fi: 'Hinta–laatu ✓', en: 'Price–quality' } });
    const error = failed(ws.raw('createCode', { name: { fi: 'hinta–LAATU ✓', en: 'Something else' } }));
    expect(error).toMatchObject({
      code: 'conflict',
      key: 'codeNameTaken',
      params: { name: 'Hinta–laatu ✓' },
    });
    // The English message stays for logs.
    expect(error.message).toBe(
      'A code named “Hinta–laatu ✓” already exists here; use it, or choose another name.',
    );
    expect(phraseError(error, 'fi')).toBe(
      'Täällä on jo koodi nimeltä ”Hinta–laatu ✓”; käytä sitä tai valitse toinen nimi.',
    );
    expect(phraseError(error, 'en')).toBe(error.message);
  });

  test('not found names the thing in each language', () => {
    const error = failed(ws.raw('getInterview', { id: MISSING }));
    expect(error).toMatchObject({ code: 'not_found', key: 'notFound', params: { what: 'interview' } });
    expect(phraseError(error, 'fi')).toBe('Haastattelua ei löytynyt.');
    expect(phraseError(error, 'en')).toBe('The interview was not found.');
  });

  test('invalid input names the field in the user’s language and never shows zod’s text', () => {
    const engagement = ws.call('createEngagement', { clientName: 'C', title: 'T', language: 'fi' });
    const error = failed(
      ws.raw('startReportExport', { engagementId: engagement.id, fileName: 'raportti:luonnos' }),
    );
    expect(error).toMatchObject({
      code: 'invalid_input',
      key: 'validation',
      params: { field: 'fileName', problem: 'fileNameCharacters', limit: null },
    });
    const fi = phraseError(error, 'fi');
    expect(fi).toBe(
      'Tarkista kenttä ”Tiedoston nimi”: tiedostonimessä ei voi olla merkkejä / \\ : * ? " < > |.',
    );
    expect(phraseError(error, 'en')).toBe(
      'Check “File name”: a file name cannot contain / \\ : * ? " < > |.',
    );

    const tooLong = failed(
      ws.raw('startReportExport', { engagementId: engagement.id, fileName: 'x'.repeat(121) }),
    );
    expect(tooLong.params).toEqual({ field: 'fileName', problem: 'tooLong', limit: 120 });
    expect(phraseError(tooLong, 'fi')).toBe(
      'Tarkista kenttä ”Tiedoston nimi”: se on liian pitkä (enintään 120 merkkiä).',
    );

    const cases: [unknown, object][] = [
      [{}, { field: 'engagementId', problem: 'missing' }],
      [{ engagementId: engagement.id }, { field: 'fileName', problem: 'missing' }],
      [
        { engagementId: engagement.id, fileName: 7 },
        { field: 'fileName', problem: 'wrongType' },
      ],
      [
        { engagementId: 'x', fileName: 'a' },
        { field: 'engagementId', problem: 'notAnId' },
      ],
      [
        { engagementId: engagement.id, fileName: 'a', anonymize: 'everyone' },
        { field: 'anonymize', problem: 'notAllowed' },
      ],
      [
        { engagementId: engagement.id, fileName: 'a', sneaky: 1 },
        { field: 'sneaky', problem: 'unknownField' },
      ],
    ];
    for (const [input, params] of cases) {
      const problem = failed(ws.raw('startReportExport', input));
      expect(problem.params, JSON.stringify(input)).toMatchObject(params);
      for (const language of ['fi', 'en'] as const) {
        const text = phraseError(problem, language);
        expect(text).not.toMatch(/Invalid|expected|received|Unrecognized|undefined/);
      }
    }
  });

  test('a workspace that cannot be opened and an unknown method are coded and phrased too', () => {
    const path = join(ws.dir, 'muistiinpanot (kopio).db');
    writeFileSync(path, 'not a database, just text that is long enough to have a header'.repeat(4));
    let opening: unknown;
    try {
      openDatabase(path);
    } catch (error) {
      opening = error;
    }
    expect(opening).toBeInstanceOf(KuuloError);
    const refused = opening as KuuloError;
    expect(refused).toMatchObject({ code: 'invalid_input', key: 'workspaceNotSqlite', params: { path } });
    expect(phraseError(refused.detail, 'fi')).toBe(
      `${path} ei ole Kuulon työtila (se ei ole SQLite-tietokanta). Sitä ei muutettu. Valitse työtilatiedostosi, yleensä kuulo.db.`,
    );
    expect(refused.message).toBe(phraseError(refused.detail, 'en'));

    const unknown = failed(ws.raw('dropEverything', {}));
    expect(unknown).toMatchObject({ code: 'unknown_method', key: 'unknownMethod' });
    expect(phraseError(unknown, 'fi')).toBe('Tuntematon toiminto: dropEverything');
  });
});
