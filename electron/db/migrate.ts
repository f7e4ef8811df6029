import type { Database } from 'better-sqlite3';
import { sql as initialSchema } from './migrations/0001-initial.ts';
import { up as seedDefaultCodebook } from './migrations/0002-default-codebook.ts';
import { sql as codingTombstones } from './migrations/0003-coding-tombstones.ts';
import { sql as findings } from './migrations/0005-findings.ts';
import { sql as identities } from './migrations/0006-identities.ts';
import { sql as interviewClock } from './migrations/0007-interview-clock.ts';
import { sql as trash } from './migrations/0008-trash.ts';
import { up as codePolarity } from './migrations/0009-code-polarity.ts';
import { up as findingClaims } from './migrations/0010-finding-claims.ts';
import { sql as benchmarkComparators } from './migrations/0011-benchmark-comparators.ts';
import { up as search } from './migrations/0012-search.ts';
import { sql as personEmail } from './migrations/0013-person-email.ts';
import { sql as listeningProgramme } from './migrations/0014-listening-programme.ts';

interface Migration {
  version: number;
  up: (db: Database, now: string) => void;
}

/** Numbered migrations; `PRAGMA user_version` records the last one applied. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, up: (db) => db.exec(initialSchema) },
  { version: 2, up: seedDefaultCodebook },
  { version: 3, up: (db) => db.exec(codingTombstones) },
  { version: 5, up: (db) => db.exec(findings) },
  { version: 6, up: (db) => db.exec(identities) },
  { version: 7, up: (db) => db.exec(interviewClock) },
  { version: 8, up: (db) => db.exec(trash) },
  { version: 9, up: codePolarity },
  { version: 10, up: findingClaims },
  { version: 11, up: (db) => db.exec(benchmarkComparators) },
  { version: 12, up: search },
  { version: 13, up: (db) => db.exec(personEmail) },
  { version: 14, up: (db) => db.exec(listeningProgramme) },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations, each in its own transaction. Returns the versions applied. */
export function migrate(db: Database, now = new Date().toISOString()): number[] {
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      migration.up(db, now);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
