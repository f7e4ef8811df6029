import type { z } from 'zod';
import { contract, type Handlers, isMethod, type Result } from '../../shared/contract.ts';
import { KuuloError } from './errors.ts';

export type Dispatch = (method: unknown, input: unknown) => Result<unknown>;

export interface DispatcherOptions {
  /** Where unexpected failures are reported (never shown to the user as a stack trace). */
  onUnexpectedError?: (method: string, error: unknown) => void;
}

/**
 * The single entry point every adapter (IPC, CLI, e2e binding) uses: validates the input against the
 * contract, calls the service, and turns every outcome into a value.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return (method, input) => {
    if (!isMethod(method)) {
      return {
        ok: false,
        error: { code: 'unknown_method', message: `Unknown operation: ${String(method).slice(0, 80)}` },
      };
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error) } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return { ok: true, value: handler(parsed.data) };
    } catch (error) {
      if (error instanceof KuuloError)
        return { ok: false, error: { code: error.code, message: error.message } };
      // A constraint failure is the data breaking a rule, reported as such; anything else is a bug to log.
      if (!isConstraintFailure(error)) options.onUnexpectedError?.(method, error);
      return { ok: false, error: { code: 'internal', message: sqliteMessage(error) } };
    }
  };
}

const isConstraintFailure = (error: unknown): boolean =>
  String((error as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_CONSTRAINT');

/** Input can be hostile: a message quotes at most a little of it. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = clip(issue.path.map(String).join('.'), 80);
    return clip(path ? `${path}: ${issue.message}` : issue.message, 200);
  });
  return `Invalid input — ${issues.join('; ')}`;
}

/** Constraint failures are the user's data colliding with a rule; say which rule, not where in the code. */
function sqliteMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'That refers to something that does not exist.';
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
    return 'That would break a data rule; nothing was changed.';
  if (code === 'SQLITE_FULL') return 'The disk is full; nothing was changed. Free some space and try again.';
  if (code === 'SQLITE_READONLY') return 'The workspace file is read-only; nothing was changed.';
  return 'Something went wrong; nothing was changed. The error was logged.';
}
