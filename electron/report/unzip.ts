import { inflateRawSync } from 'node:zlib';

/**
 * Reads a zip archive (a .docx; the export checks its own output with it) into its entries, with node:zlib and the central directory: enough
 * for the files docx writes (stored or deflated, no zip64, no encryption), no dependency needed.
 */
export function unzip(data: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const EOCD = 0x06054b50;
  let end = -1;
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KiB.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('Not a zip archive: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`Bad central directory entry at ${at}`);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`Bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    if (method === 0) entries.set(name, Buffer.from(raw));
    else if (method === 8) entries.set(name, inflateRawSync(raw));
    else throw new Error(`Unsupported compression method ${method} for ${name}`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The text of a part: entries as UTF-8 strings. */
export function unzipText(data: Uint8Array): Map<string, string> {
  return new Map([...unzip(data)].map(([name, bytes]) => [name, bytes.toString('utf8')]));
}
