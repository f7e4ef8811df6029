import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Result } from '../../shared/contract.ts';

/**
 * Services load on their first call (electron/core/onDemand.ts). Every other test loads them all up front
 * (test/helpers/workspace.ts), so here each test takes fresh copies of the modules: a cold start, as the
 * CLI and the core host meet it, where calls dispatched without waiting must take effect in call order.
 */

let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kuulo-cold-'));
  vi.resetModules();
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function coldDispatcher() {
  const { createHandlers } = await import('../../electron/core/handlers.ts');
  const { openDatabase } = await import('../../electron/db/connection.ts');
  const { createContext } = await import('../../electron/services/context.ts');
  const { createDispatcher, settle } = await import('../../electron/services/dispatcher.ts');
  const db = openDatabase(join(dir, 'workspace.db'));
  const dispatch = createDispatcher(createHandlers(createContext(db)));
  const settled: string[] = [];
  /** Dispatches at once, as the host does for each message, and notes when the answer settles. */
  const send = (method: string, input: unknown): Promise<Result<unknown>> =>
    settle(dispatch(method, input)).then((result) => {
      settled.push(method);
      return result;
    });
  const value = async <T>(answer: Promise<Result<unknown>>): Promise<T> => {
    const result = await answer;
    if (!result.ok) throw new Error(`${result.error.key}: ${result.error.message}`);
    return result.value as T;
  };
  return { db, send, value, settled };
}

describe('on a cold start, calls take effect in the order they were made', () => {
  test('a backup asked for before a deletion holds what was deleted (createBackup loads two modules)', async () => {
    const { db, send, value, settled } = await coldDispatcher();
    const engagement = await value<{ id: string }>(
      send('createEngagement', { clientName: 'Asiakas Oy', title: 'Kuuntelu', language: 'fi' }),
    );
    settled.length = 0;
    // Two clicks, the second before the first is answered; neither service is loaded yet.
    const backup = send('createBackup', {});
    const deletion = send('deleteEngagement', { id: engagement.id });
    const entry = await value<{ path: string }>(backup);
    await value(deletion);
    expect(settled).toEqual(['createBackup', 'deleteEngagement']);
    const copy = new Database(entry.path, { readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM engagements WHERE id = ?').get(engagement.id)).toEqual({
        n: 1,
      });
    } finally {
      copy.close();
    }
    expect(db.prepare('SELECT count(*) AS n FROM engagements').get()).toEqual({ n: 0 });
    db.close();
  });

  test('a transcript import made before the interview is deleted runs first (the import loads two modules)', async () => {
    const { db, send, value, settled } = await coldDispatcher();
    const engagement = await value<{ id: string }>(
      send('createEngagement', { clientName: 'Asiakas Oy', title: 'Kuuntelu', language: 'fi' }),
    );
    const account = await value<{ id: string }>(
      send('createAccount', { engagementId: engagement.id, name: 'Tilaaja', tier: 'named' }),
    );
    const interview = await value<{ id: string }>(
      send('createInterview', { engagementId: engagement.id, accountId: account.id }),
    );
    settled.length = 0;
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Haastattelija>Miten toimitus sujui?\n';
    const imported = send('importTranscript', {
      engagementId: engagement.id,
      interviewId: interview.id,
      fileName: 'haastattelu.vtt',
      data: Buffer.from(vtt).toString('base64'),
      speakers: [{ name: 'Haastattelija', as: 'interviewer' }],
    });
    const deletion = send('deleteInterview', { id: interview.id });
    // The import found its interview (it ran first) and the deletion then removed it.
    expect((await imported).ok).toBe(true);
    expect((await deletion).ok).toBe(true);
    expect(settled).toEqual(['importTranscript', 'deleteInterview']);
    db.close();
  });
});
