import { inflateRawSync } from 'node:zlib';

/**
 * Reads the parts of a zip (an .xlsx is one) synchronously: the contract's calls are synchronous,
 * and a workbook is a handful of parts. Only what OOXML writers use: stored or deflated entries, no
 * zip64, no encryption. Sizes are capped so that a small hostile file cannot unpack into gigabytes.
 */

export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

export class ZipError extends Error {}

export interface ZipEntries {
  names: string[];
  /** The bytes of one part, or null when the zip has no such part. */
  read(name: string): Uint8Array | null;
}

export function openZip(bytes: Uint8Array): ZipEntries {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, { method: number; size: number; packed: number; local: number }>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipError('directory');
    const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name.replace(/\\/g, '/'), { method, size, packed, local });
    at += 46 + nameLength + extra + comment;
  }
  let unpacked = 0;
  return {
    names: [...entries.keys()],
    read(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      const { local, method, packed, size } = entry;
      if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
        throw new ZipError('local');
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + packed > bytes.length) throw new ZipError('truncated');
      const data = bytes.subarray(start, start + packed);
      unpacked += size;
      if (unpacked > MAX_UNPACKED_BYTES) throw new ZipError('too large');
      if (method === 0) return data;
      if (method !== 8) throw new ZipError('method');
      // The declared size bounds the output: a part that inflates beyond it is not what it says.
      return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }));
    },
  };
}

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 65_535; at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  throw new ZipError('no directory');
}
