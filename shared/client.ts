import type { Input, Method, Output, Result } from './contract.ts';
import { METHOD_NAMES } from './methods.ts';

/** How a client reaches the dispatcher: IPC in Electron, a Playwright binding in e2e tests. */
export type Transport = (method: Method, input: unknown) => Promise<Result<unknown>>;

/** `Awaited`: a method whose service waits (reading a Word file) is answered once it is done. */
export type KuuloClient = { [M in Method]: (input: Input<M>) => Promise<Result<Awaited<Output<M>>>> };

export function createClient(transport: Transport): KuuloClient {
  const client = {} as Record<Method, (input: unknown) => Promise<Result<unknown>>>;
  for (const method of METHOD_NAMES) client[method] = (input) => transport(method, input);
  return Object.freeze(client) as KuuloClient;
}
