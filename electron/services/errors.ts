import type { ErrorCode } from '../../shared/contract.ts';

/** An error whose message is written for the consultant; the dispatcher passes it through as a value. */
export class KuuloError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export const notFound = (what: string): KuuloError => new KuuloError('not_found', `${what} was not found.`);
