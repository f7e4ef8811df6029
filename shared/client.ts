import { type Input, METHODS, type Method, type Output, type Result } from './contract.ts';

/** How a client reaches the dispatcher: IPC in Electron, a Playwright binding in e2e tests. */
export type Transport = (method: Method, input: unknown) => Promise<Result<unknown>>;

/** `Awaited`: a method whose service waits (reading a Word file) is answered once it is done. */
export type KuuloClient = { [M in Method]: (input: Input<M>) => Promise<Result<Awaited<Output<M>>>> };

export function createClient(transport: Transport): KuuloClient {
  const client = {} as Record<Method, (input: unknown) => Promise<Result<unknown>>>;
  for (const method of METHODS) client[method] = (input) => transport(method, input);
  return Object.freeze(client) as KuuloClient;
}
