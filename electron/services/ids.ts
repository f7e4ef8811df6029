import { createHash, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** A name-based (version 5 style) UUID: the same name always gives the same id, in every workspace. */
export function stableId(name: string): string {
  const hash = createHash('sha1').update(`kuulo:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A reproducible sequence of UUIDs from a seed, for demo and benchmark data. */
export function seededIds(seed: string): () => string {
  let n = 0;
  return () => stableId(`${seed}#${n++}`);
}
