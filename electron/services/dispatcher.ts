import type { z } from 'zod';
import {
  contract,
  type Handlers,
  isMethod,
  type KuuloErrorValue,
  type Result,
} from '../../shared/contract.ts';
import { type ErrorMessage, INPUT_PROBLEMS, type InputProblem } from '../../shared/errors.ts';
import { errorValue, KuuloError } from '../base/errors.ts';

export type Dispatch = (method: unknown, input: unknown) => Result<unknown>;

export interface DispatcherOptions {
  /** Where unexpected failures are reported (never shown to the user as a stack trace). */
  onUnexpectedError?: (method: string, error: unknown) => void;
  /** Calls that took longer than `SLOW_CALL_MS` (method and duration only, never content). */
  onSlowCall?: (method: string, ms: number) => void;
}

export const SLOW_CALL_MS = 50;

/**
 * The single entry point every adapter (IPC, CLI, e2e binding) uses: validates the input against the
 * contract, calls the service, and turns every outcome into a value.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return (method, input) => {
    if (!isMethod(method)) {
      return failure({ key: 'unknownMethod', params: { method: clip(String(method), 80) } });
    }
    // Timed from before the input is checked: a huge input is slow to validate, and that counts too.
    const started = performance.now();
    const timed = (): void => {
      const ms = performance.now() - started;
      if (ms > SLOW_CALL_MS) options.onSlowCall?.(method, ms);
    };
    // A call answered later (a module loading, a Word file read) is timed until it settles.
    let answersLater = false;
    try {
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) {
        // The raw issues stay in the English message for logs; the user reads the key's text.
        return failure(validationError(parsed.error, input), describeIssues(parsed.error));
      }
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = handler(parsed.data);
      if (value instanceof Promise) {
        answersLater = true;
        const result = value.then(
          (settled): Result<unknown> => ({ ok: true, value: settled }),
          (error: unknown) => errorResult(method, error, options),
        );
        return { ok: true, value: new Pending(result.finally(timed)) };
      }
      return { ok: true, value };
    } catch (error) {
      return errorResult(method, error, options);
    } finally {
      if (!answersLater) timed();
    }
  };
}

function errorResult(method: string, error: unknown, options: DispatcherOptions): Result<never> {
  if (error instanceof KuuloError) return failure(error.detail);
  // A constraint failure is the data breaking a rule, reported as such; anything else is a bug to log.
  if (!isConstraintFailure(error)) options.onUnexpectedError?.(method, error);
  return failure(sqliteError(error));
}

/**
 * The answer of a method whose service waits (reading a Word file waits for the zip reader): its
 * result, failures already turned into values like any other. Awaiting it gives the value, or throws
 * the error as a KuuloError, so a caller in the same process (the CLI, tests) writes `await call(…)`.
 */
export class Pending implements PromiseLike<unknown> {
  readonly result: Promise<Result<unknown>>;
  constructor(result: Promise<Result<unknown>>) {
    this.result = result;
  }
  // biome-ignore lint/suspicious/noThenProperty: being awaitable is the point.
  then<A = unknown, B = never>(
    onValue?: ((value: unknown) => A | PromiseLike<A>) | null,
    onError?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.result
      .then((result) => {
        if (result.ok) return result.value;
        throw new KuuloError(result.error.key, result.error.params as never);
      })
      .then(onValue, onError);
  }
}

/**
 * A result made plain: a pending one is awaited. Adapters that send results on (the core host, the e2e
 * binding) settle every result before sending it; other results pass through as they are.
 */
export function settle(result: Result<unknown>): Promise<Result<unknown>> {
  return result.ok && result.value instanceof Pending ? result.value.result : Promise.resolve(result);
}

const failure = (error: ErrorMessage, message?: string): { ok: false; error: KuuloErrorValue } => ({
  ok: false,
  error: errorValue(error, message),
});

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

const isInputProblem = (text: string): text is InputProblem =>
  (INPUT_PROBLEMS as readonly string[]).includes(text);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The first issue, as a field and a problem the user's language can name (never zod's English). */
function validationError(error: z.ZodError, input: unknown): ErrorMessage {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  const bound = (value: unknown): number | null =>
    typeof value === 'number' ? value : Number(value) || null;
  const field = clip(path.join('.'), 80);
  const params = (problem: InputProblem, limit: number | null = null): ErrorMessage => ({
    key: 'validation',
    params: { field, problem, limit },
  });
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        key: 'validation',
        params: {
          field: clip([...path, issue.keys[0] ?? ''].join('.'), 80),
          problem: 'unknownField',
          limit: null,
        },
      };
    case 'too_big': {
      const limit = bound(issue.maximum);
      if (isInputProblem(issue.message)) return params(issue.message, limit);
      if (issue.origin === 'string') return params('tooLong', limit);
      if (issue.origin === 'array' || issue.origin === 'set') return params('tooMany', limit);
      return params('tooLarge', limit);
    }
    case 'too_small': {
      const limit = bound(issue.minimum);
      if (isInputProblem(issue.message)) return params(issue.message, limit);
      if (issue.origin === 'string')
        return params(limit === 1 ? 'empty' : 'tooShort', limit === 1 ? null : limit);
      if (issue.origin === 'array' || issue.origin === 'set') return params('tooFew', limit);
      return params('tooSmall', limit);
    }
    default:
      // A schema's own error (e.g. 'notAnId') would otherwise stand for a field left out as well.
      if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return params('missing');
      if (isInputProblem(issue.message)) return params(issue.message);
      switch (issue.code) {
        case 'invalid_type':
          return params('wrongType');
        case 'invalid_format':
          return params('badFormat');
        case 'invalid_value':
        case 'invalid_union':
          return params('notAllowed');
        default:
          return params('invalid');
      }
  }
}

/** Constraint failures are the user's data colliding with a rule; say which rule, not where in the code. */
function sqliteError(error: unknown): ErrorMessage {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { key: 'missingReference', params: {} };
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
    return { key: 'brokenRule', params: {} };
  if (code === 'SQLITE_FULL') return { key: 'diskFull', params: {} };
  if (code === 'SQLITE_READONLY') return { key: 'workspaceReadOnlyNow', params: {} };
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))
    return { key: 'workspaceDamagedNow', params: {} };
  return { key: 'unexpected', params: {} };
}
