import { chmodSync } from 'node:fs';

/**
 * Interview notes are personal data: every file Kuulo creates (workspace, its journal, backups,
 * logs, reports) is readable by the user alone (0600, folders 0700), whatever the system's default.
 * Called once at the start of the app and of the CLI; Windows has no such modes.
 */
export function keepFilesPrivate(): void {
  if (process.platform !== 'win32') process.umask(0o077);
}

/** A workspace made by an older version (0644) becomes private when it is opened. */
export function makePrivate(path: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(path, 0o600);
  } catch {
    // Someone else's file, or a read-only disk: it stays as it is.
  }
}
