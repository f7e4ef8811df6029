import { expect, test } from 'vitest';
import { createClient } from '../../shared/client.ts';
import { METHODS } from '../../shared/contract.ts';
import { METHOD_NAMES } from '../../shared/methods.ts';

test('the client offers every method of the contract, and only those', () => {
  expect([...METHOD_NAMES].sort()).toEqual([...METHODS].sort());
  const client = createClient(async () => ({ ok: true, value: null }));
  expect(Object.keys(client).sort()).toEqual([...METHODS].sort());
});
