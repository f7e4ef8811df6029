import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem, type } from 'node:os';
import type { Database } from 'better-sqlite3';

export interface Machine {
  os: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  /** The Chromium the renderer figures ran in (Debian's, not Electron's), when they ran. */
  chromium: string | null;
  /** The commit measured, with `+dirty` when the work tree had changes. */
  commit: string | null;
}

const git = (...args: string[]): string =>
  execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

function commit(): string | null {
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? '+dirty' : ''}`;
  } catch {
    return null;
  }
}

const packageVersion = (name: string): string =>
  (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;

export function describeMachine(db: Database, chromium: string | null): Machine {
  return {
    os: `${type()} ${release()} (${platform()} ${arch()})`,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    sqlite: db.prepare('SELECT sqlite_version()').pluck().get() as string,
    betterSqlite3: packageVersion('better-sqlite3'),
    chromium,
    commit: commit(),
  };
}

export const describeLine = (m: Machine): string =>
  `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; ${m.os}; Node ${m.node}, SQLite ${m.sqlite}` +
  `${m.chromium ? `, Chromium ${m.chromium}` : ''}${m.commit ? `; commit ${m.commit}` : ''}`;
