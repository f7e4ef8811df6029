import type { Input, Method, Output } from '../../shared/contract.ts';
import { type ErrorKey, type ErrorMessage, errorMessage, type ParamsArg } from '../../shared/errors.ts';
import { phraseError } from '../../shared/i18n/errors.ts';
import { KuuloError } from '../base/errors.ts';
import { createHandlers } from '../core/handlers.ts';
import { openDatabase, openDatabaseReadOnly } from '../db/connection.ts';
import { createContext, type ServiceContext } from '../services/context.ts';
import { createDispatcher, settle } from '../services/dispatcher.ts';

/** An error the user caused on the command line; printed as one line, exit code 2. */
export class CliError extends Error {
  /** The service's error as key and parameters, so it is printed in the user's language. */
  readonly detail: ErrorMessage | undefined;
  constructor(message: string, detail?: ErrorMessage) {
    super(message);
    this.detail = detail;
  }
}

/** A command-line error from the catalogue, printed in the user's language. */
export const cliError = <K extends ErrorKey>(key: K, ...params: ParamsArg<K>): CliError => {
  const detail = errorMessage(key, ...params);
  return new CliError(phraseError(detail, 'en'), detail);
};

/** A method's value; a service's refusal throws as a CliError. Awaited: a service may load on first use. */
export type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Awaited<Output<M>>>;

/** Runs `work`, turning a service's error (written for the user) into a one-line CLI error. */
export function asCliError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof KuuloError) throw new CliError(error.message, error.detail);
    throw error;
  }
}

/**
 * Opens the workspace file and gives commands the same dispatcher the app uses. A read-only opening
 * takes no writer lock, so it works while the app has the file open.
 */
export function openWorkspace(
  path: string,
  access: { readOnly: boolean; program: string },
): { call: Call; ctx: ServiceContext; close: () => void } {
  const db = asCliError(() =>
    access.readOnly ? openDatabaseReadOnly(path, access) : openDatabase(path, access),
  );
  const ctx = createContext(db);
  const dispatch = createDispatcher(createHandlers(ctx));
  const call: Call = async <M extends Method>(method: M, input: Input<M>): Promise<Awaited<Output<M>>> => {
    const result = await settle(dispatch(method, input));
    if (!result.ok) throw new CliError(result.error.message, result.error);
    return result.value as Awaited<Output<M>>;
  };
  return { call, ctx, close: () => ctx.db.close() };
}
