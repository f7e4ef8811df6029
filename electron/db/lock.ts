import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { KuuloError } from '../base/errors.ts';

/**
 * One writer per workspace. The process that opens a workspace for writing holds `<file>.lock`, which
 * names it (program, process id, host, since when). Another process that wants to write — the app,
 * `kuulo restore`, `kuulo demo --force`, any CLI command that changes data — is refused with that name
 * rather than writing under the holder's feet (or replacing the file it has open).
 *
 * A lock left by a process that has died (a crash, a kill) is taken over: the holder's process id is
 * checked on this host. Within one process the lock is re-entrant, so a restore inside the app, which
 * closes and reopens the file, keeps it. That holds across threads too: the app's main thread takes the
 * lock and the core host (a worker thread, with module state of its own) opens the file under it. A
 * thread that finds the lock held by its own process borrows it, and only the thread that wrote the file
 * ever removes it.
 */
export interface WriterLock {
  release: () => void;
}

interface Holder {
  pid: number;
  host: string;
  program: string;
  since: string;
}

/** This thread's holds, by lock file: how many, and whether this thread made the file (or borrowed it). */
const held = new Map<string, { count: number; owned: boolean }>();
const UNWRITABLE = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT']);

export const lockPathOf = (dbPath: string): string => `${dbPath}.lock`;

export function acquireWriterLock(dbPath: string, program: string): WriterLock {
  const path = lockPathOf(dbPath);
  const entry = held.get(path) ?? { count: 0, owned: takeLockFile(path, program) };
  entry.count += 1;
  held.set(path, entry);
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      entry.count -= 1;
      if (entry.count > 0) return;
      held.delete(path);
      // A borrowed lock stays with the thread that made it.
      if (!entry.owned) return;
      // Only our own lock: one taken over after we were thought dead belongs to its new holder.
      const holder = readHolder(path);
      if (holder?.pid === process.pid && holder.host === hostname()) rmSync(path, { force: true });
    },
  };
}

/** Who holds the workspace now, if anyone alive does; for messages and tests. */
export function lockHolder(dbPath: string): Holder | null {
  const holder = readHolder(lockPathOf(dbPath));
  return holder && alive(holder) ? holder : null;
}

/** Makes the lock file (true), or finds it held by another thread of this process and borrows it (false). */
function takeLockFile(path: string, program: string): boolean {
  const mine: Holder = { pid: process.pid, host: hostname(), program, since: new Date().toISOString() };
  // More than one try: the next follows the removal of a lock whose holder has died.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(path, `${JSON.stringify(mine)}\n`, { flag: 'wx', mode: 0o600 });
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        // Where no lock file can be made (no folder, read-only, a full disk), no workspace can be
        // written either: opening says why, in words. A lock file begun on a full disk is ours to remove.
        if (code === 'ENOSPC') rmSync(path, { force: true });
        if (UNWRITABLE.has(code ?? '')) return false;
        throw error;
      }
    }
    const holder = readHolder(path);
    if (holder?.pid === process.pid && holder.host === hostname()) return false;
    if (holder && alive(holder)) throw heldBy(path, holder);
    // Set aside under a name of our own: of two processes taking over one dead lock, only one
    // rename succeeds, so they cannot both go on to create a lock of their own.
    const aside = `${path}.${process.pid}.${randomUUID()}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = readHolder(aside);
    if (moved && (moved.pid !== holder?.pid || moved.since !== holder.since) && alive(moved)) {
      // A live lock made in the meantime was moved, not the dead one: it goes back, and it holds.
      try {
        linkSync(aside, path);
      } catch {
        // Someone made yet another lock: that one holds now.
      }
      rmSync(aside, { force: true });
      throw heldBy(path, moved);
    }
    rmSync(aside, { force: true });
  }
  throw heldBy(path, readHolder(path));
}

function readHolder(path: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      program: typeof parsed.program === 'string' ? parsed.program : '?',
      since: typeof parsed.since === 'string' ? parsed.since : '',
    };
  } catch {
    // Missing, half-written or not ours: a lock that names nobody holds nothing.
    return null;
  }
}

/** A holder on another host (a shared folder) cannot be checked and counts as alive. */
function alive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function heldBy(path: string, holder: Holder | null): KuuloError {
  if (!holder) return new KuuloError('workspaceInUse', { path });
  const { program, pid, host, since } = holder;
  return new KuuloError('workspaceLocked', { program, pid, host, since, lockFile: path });
}
