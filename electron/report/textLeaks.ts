import { crc32 } from 'node:zlib';
import type { Language } from '../../shared/domain.ts';
import type { IdentityMatcher } from '../../shared/identity/detect.ts';
import type { RegisterEntry } from '../../shared/identity/types.ts';
import type { Anonymizer } from './anonymize.ts';
import { findLeaks, type Leak } from './leaks.ts';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** A zip archive holding one stored (uncompressed) entry: just what `unzip` reads. */
function storedZip(name: string, data: Buffer): Buffer {
  const fileName = Buffer.from(name, 'utf8');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0x0800, 6); // the name is UTF-8
  local.writeUInt16LE(0x21, 12); // 1980-01-01
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(0x21, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(local.length + fileName.length + data.length, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

/**
 * The leak check of a plain-text output (a .csv, a file name). The text goes through the very same
 * `findLeaks` as the Word and Excel files, as the one XML part of an archive made for the purpose, so
 * no second copy of its rules can drift from leaks.ts. Escaped, the text reads back exactly as written.
 */
export function findTextLeaks(
  language: Language,
  text: string,
  part: string,
  anon: Anonymizer,
  register: readonly RegisterEntry[],
  matcher: IdentityMatcher,
): Leak[] {
  const xml = `<text>${text.replace(/[&<>]/g, (c) => XML_ESCAPES[c]!)}</text>`;
  const archive = storedZip('text.xml', Buffer.from(xml, 'utf8'));
  return findLeaks(language, archive, anon, register, matcher).map((leak) => ({ ...leak, part }));
}
