import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A local error log (`kuulo.log`, rotated to `kuulo.log.1` … `.N`). Nothing is ever sent anywhere.
 * It records what failed, never what was written: the operation, the error's code, its message with
 * quoted text blanked (JSON and SQLite errors quote the input they choked on, which may be notes), and
 * the stack frames of unexpected errors.
 */
export interface ErrorLog {
  readonly path: string;
  error: (operation: string, error: unknown) => void;
  /** A call that took long: only its method and duration, never its input or result. */
  slow: (method: string, ms: number) => void;
}

export interface ErrorLogOptions {
  /** Rotate when the log would grow past this many bytes. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  now?: () => Date;
}

const MAX_MESSAGE = 300;
const MAX_FRAMES = 12;

export function createErrorLog(folder: string, options: ErrorLogOptions = {}): ErrorLog {
  const { maxBytes = 1024 * 1024, keep = 3, now = () => new Date() } = options;
  const path = join(folder, 'kuulo.log');
  const append = (entry: string) => {
    try {
      mkdirSync(folder, { recursive: true });
      if (existsSync(path) && statSync(path).size + Buffer.byteLength(entry) > maxBytes) rotate(path, keep);
      appendFileSync(path, entry);
    } catch {
      // Logging must never turn one failure into two.
    }
  };
  return {
    path,
    error: (operation, error) => append(formatEntry(now(), operation, error)),
    slow: (method, ms) => append(`${now().toISOString()} SLOW ${oneLine(method, 80)} ${Math.round(ms)} ms\n`),
  };
}

/** kuulo.log → kuulo.log.1 → … → kuulo.log.<keep>; the oldest falls off. */
function rotate(path: string, keep: number): void {
  rmSync(`${path}.${keep}`, { force: true });
  for (let n = keep - 1; n >= 1; n--)
    if (existsSync(`${path}.${n}`)) renameSync(`${path}.${n}`, `${path}.${n + 1}`);
  if (keep >= 1) renameSync(path, `${path}.1`);
  else rmSync(path, { force: true });
}

export function formatEntry(at: Date, operation: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : '';
  const frames =
    error instanceof Error && error.stack
      ? error.stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .slice(0, MAX_FRAMES)
      : [];
  const head = [
    at.toISOString(),
    'ERROR',
    oneLine(operation, 80),
    name,
    typeof code === 'string' ? code : '-',
  ];
  return `${[...head, redact(message)].join(' ')}\n${frames.map((frame) => `${frame}\n`).join('')}`;
}

/** Blanks quoted text and keeps the message to one short line. */
export function redact(message: string): string {
  return oneLine(message.replace(/"[^"]*"|'[^']*'|“[^”]*”/g, '"…"'), MAX_MESSAGE);
}

const oneLine = (text: string, max: number): string => text.replace(/\s+/g, ' ').trim().slice(0, max);
