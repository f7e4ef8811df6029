import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Emit } from '../../shared/events.ts';
import { newId } from './ids.ts';

/** What every service gets: the open database, plus id and clock sources that tests and demo data can fix. */
export interface ServiceContext {
  db: Database;
  dbPath: string;
  newId: () => string;
  now: () => string;
  /** Where exported reports go. */
  exportDir: string;
  /**
   * The report worker's script: the built file in the app, the TypeScript source in tests. Given by the
   * layer that starts exports (the core host), since the services never reach up into the report code.
   */
  reportWorker: URL | null;
  /** Announces progress and changes (shared/events.ts); the core host passes them to the app. */
  emit: Emit;
}

export function createContext(
  db: Database,
  overrides: Partial<Omit<ServiceContext, 'db'>> = {},
): ServiceContext {
  return {
    db,
    dbPath: db.name,
    newId,
    now: () => new Date().toISOString(),
    exportDir: join(dirname(db.name), 'reports'),
    reportWorker: null,
    emit: () => {},
    ...overrides,
  };
}
