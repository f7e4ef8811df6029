import { crc32, deflateRawSync } from 'node:zlib';
import { unzip } from './unzip.ts';

/**
 * pptxgenjs 4.0.1 writes a few things into every package that PowerPoint (not LibreOffice) treats
 * as damage and offers to repair. Its open issues name them; the deck fixes each in the written
 * package rather than patching the library:
 *
 * - gitbrent/PptxGenJS#1444: `[Content_Types].xml` declares a slide master per slide
 *   (slideMaster2.xml…) though only slideMaster1.xml is written. Overrides for parts that are not in
 *   the package are dropped.
 * - #1534: every 2-D bar chart lists a third `<c:axId>` (a series axis) that no `<c:serAx>` defines.
 *   The dangling id is dropped; PowerPoint's own repair does the same.
 * - #1443 / #1449: the notes master's placeholder shapes are what PowerPoint strips when it repairs;
 *   it keeps an empty shape tree, so the deck writes that.
 * - The slide master's and layouts' slide-number fields cache "null" and "1002": they get "‹#›".
 *
 * Speaker notes come out of pptxgenjs as one paragraph with raw line breaks inside `<a:t>`; they are
 * split into one paragraph a line, so the evidence list reads as a list in the notes pane.
 *
 * Triggers the deck avoids by how it calls pptxgenjs (see deck.ts): table auto-paging and empty
 * table cells (#1048, #1380: a `txBody` with no paragraph), colours other than 6-digit hex (#588),
 * combo charts (#1013, #1233), a stacked bar chart of one series (#1357), a solid slide background
 * (#1442: no `effectLst`), the company property with XML entities (#1427).
 */
export function repairDeckPackage(bytes: Uint8Array): Uint8Array {
  // Folder entries (ppt/media/ with nothing in it) are not parts of the package.
  const parts = new Map([...unzip(bytes)].filter(([name]) => !name.endsWith('/')));
  const text = (name: string) => parts.get(name)?.toString('utf8');
  const put = (name: string, xml: string) => parts.set(name, Buffer.from(xml, 'utf8'));

  const types = text('[Content_Types].xml');
  if (types !== undefined) {
    put(
      '[Content_Types].xml',
      types.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (all, name: string) =>
        parts.has(name) ? all : '',
      ),
    );
  }
  for (const [name] of parts) {
    if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) {
      const xml = text(name)!;
      const defined = new Set(
        [...xml.matchAll(/<c:(?:catAx|valAx|serAx|dateAx)>\s*<c:axId val="(\d+)"\/>/g)].map((m) => m[1]),
      );
      put(
        name,
        xml.replace(/<c:axId val="(\d+)"\/>/g, (all, id: string) => (defined.has(id) ? all : '')),
      );
    }
    if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) put(name, notesParagraphs(text(name)!));
    if (/^ppt\/(slideMasters|slideLayouts)\/[^/]+\.xml$/.test(name))
      put(name, masterSlideNumber(text(name)!));
  }
  const master = text('ppt/notesMasters/notesMaster1.xml');
  if (master !== undefined) {
    put(
      'ppt/notesMasters/notesMaster1.xml',
      master.replace(/(<p:spTree>.*?<\/p:grpSpPr>).*?(<\/p:spTree>)/s, '$1$2'),
    );
  }
  return zip(parts);
}

/**
 * pptxgenjs caches the master's slide number as "null" (and a layout's as its internal number,
 * 1002): a viewer that shows the cache shows those. PowerPoint's own masters cache "‹#›", the sign
 * for "this slide's number", which every slide replaces with its own.
 */
function masterSlideNumber(xml: string): string {
  return xml.replace(
    /(<a:fld [^>]*type="slidenum"[^>]*>(?:(?!<\/a:fld>).)*?<a:t>)[^<]*(<\/a:t>)/gs,
    '$1‹#›$2',
  );
}

/** The notes body's one paragraph, split at its line breaks into paragraphs. */
function notesParagraphs(xml: string): string {
  return xml.replace(
    /<a:p><a:r><a:rPr lang="([^"]*)" dirty="0"\/><a:t>([^<]*)<\/a:t><\/a:r><a:endParaRPr[^>]*\/><\/a:p>/,
    (_all, lang: string, body: string) =>
      body
        .split(/\r?\n/)
        .map((line) =>
          line
            ? `<a:p><a:r><a:rPr lang="${lang}" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`
            : `<a:p><a:endParaRPr lang="${lang}" dirty="0"/></a:p>`,
        )
        .join(''),
  );
}

/** A zip archive of the parts, deflated, in the given order (`[Content_Types].xml` stays first). */
function zip(parts: Map<string, Buffer>): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00: a fixed time, so the same content gives the same bytes.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const [name, data] of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // names in UTF-8
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(dosTime, 10);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    local.push(header, nameBytes, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(dosTime, 12);
    entry.writeUInt16LE(dosDate, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, directory, end]));
}
