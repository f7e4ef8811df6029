import type { KuuloErrorValue } from '../../shared/contract.ts';
import {
  ERROR_CODES,
  type ErrorCode,
  type ErrorKey,
  type ErrorMessage,
  type ErrorParams,
  type ParamsArg,
} from '../../shared/errors.ts';
import { phraseError } from '../../shared/i18n/errors.ts';

/**
 * An error the consultant is meant to read: a key of the error catalogue and its parameters, which
 * the UI and the CLI phrase in the user's language. `message` is the English text, for logs.
 */
export class KuuloError<K extends ErrorKey = ErrorKey> extends Error {
  readonly code: ErrorCode;
  readonly key: K;
  readonly params: ErrorParams[K];
  constructor(key: K, ...[params]: ParamsArg<K>) {
    const error = { key, params: params ?? {} } as ErrorMessage;
    super(phraseError(error, 'en'));
    this.code = ERROR_CODES[key];
    this.key = key;
    this.params = error.params as ErrorParams[K];
  }

  /** The key and parameters as one value, for the transport and the CLI. */
  get detail(): ErrorMessage {
    return { key: this.key, params: this.params } as ErrorMessage;
  }
}

/** An error as the value that crosses the boundary; `message` is English, for logs. */
export function errorValue(error: ErrorMessage, message = phraseError(error, 'en')): KuuloErrorValue {
  return { code: ERROR_CODES[error.key], ...error, message };
}

export const notFound = (what: ErrorParams['notFound']['what']): KuuloError<'notFound'> =>
  new KuuloError('notFound', { what });
