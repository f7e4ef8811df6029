/**
 * Bytes to text the way real exports need: a BOM says UTF-8 or UTF-16; UTF-16 without one shows as
 * zero bytes in every other place; otherwise UTF-8, and where that is invalid, Windows-1252 (what
 * Word and Notepad wrote in Finland for years), unless the file is mostly good UTF-8 with a few broken
 * bytes (a cut or pasted-together file): then those few become U+FFFD and are counted. Binary content
 * is told apart by its control characters.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncodingName; replaced: number }
  | { ok: false; reason: 'binary' };

export function decodeText(bytes: Uint8Array): Decoded {
  const { encoding, skip } = sniffEncoding(bytes);
  const body = bytes.subarray(skip);
  let text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  let used: TextEncodingName = encoding;
  let replaced = countReplacements(text);
  if (replaced && encoding === 'utf-8') {
    // Letters that decoded well (not ASCII, not U+FFFD) show the file is UTF-8 after all.
    if (decodedLetters(text) <= replaced) {
      used = 'windows-1252';
      text = new TextDecoder('windows-1252').decode(body);
      replaced = 0;
    }
  }
  if (looksBinary(text)) return { ok: false, reason: 'binary' };
  return { ok: true, text, encoding: used, replaced };
}

function decodedLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && c !== 0xfffd) n++;
  }
  return n;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function sniffEncoding(bytes: Uint8Array): { encoding: TextEncodingName; skip: number } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', skip: 2 };
  // Text in UTF-16 without a BOM: mostly ASCII, so one byte of each pair is zero.
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n >= 4) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) evenZeros++;
      if (bytes[i + 1] === 0) oddZeros++;
    }
    const pairs = n / 2;
    if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return { encoding: 'utf-16le', skip: 0 };
    if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return { encoding: 'utf-16be', skip: 0 };
  }
  return { encoding: 'utf-8', skip: 0 };
}

/**
 * A text file has next to no control characters; a NUL is never text. Counted: C0 controls other than
 * tab, line feed, form feed and carriage return; DEL; the C1 range (which Windows-1252 gives for bytes
 * it has no letter for).
 */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65_536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c <= 0x9f))
      controls++;
  }
  return controls > Math.max(2, n * 0.01);
}
