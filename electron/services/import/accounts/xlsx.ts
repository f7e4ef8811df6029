import type { CellValue } from '../../../../shared/accountImport.ts';
import { openZip, type ZipEntries } from './zip.ts';

/**
 * Reads every sheet of an .xlsx into rows of cell values. Written for the parts Excel, LibreOffice,
 * Google Sheets and exceljs write: shared and inline strings, numbers, booleans, formulas (their
 * saved result), dates (by the cell's number format), merged areas (the value fills the area, so an
 * account name merged down over its contacts' rows reaches each row). Element prefixes (`x:c`, as the
 * OpenXML SDK writes) are dropped before reading. Throws on a broken part; readTable turns that into a
 * refusal.
 */

export interface RawSheet {
  name: string;
  /** Rows by their number in the sheet (1-based), each a list of cells by column. */
  rows: { number: number; cells: CellValue[] }[];
}

/** A zip that is not a workbook, with what it is instead when that can be told. */
export class NotWorkbook extends Error {
  readonly kind: 'openDocument' | 'wordDocument' | 'other';
  constructor(kind: 'openDocument' | 'wordDocument' | 'other') {
    super(kind);
    this.kind = kind;
  }
}

/** What a zip without a workbook is: a LibreOffice spreadsheet and a Word document are the usual mix-ups. */
function notWorkbook(zip: ZipEntries): NotWorkbook {
  if (zip.names.includes('word/document.xml')) return new NotWorkbook('wordDocument');
  const mimetype = zip.names.includes('mimetype')
    ? decoder.decode(zip.read('mimetype') ?? new Uint8Array())
    : '';
  if (mimetype.includes('opendocument.spreadsheet')) return new NotWorkbook('openDocument');
  return new NotWorkbook('other');
}

const decoder = new TextDecoder();

function part(zip: ZipEntries, name: string): string | null {
  const bytes = zip.read(name);
  // Prefixes dropped: the same reading works for `<x:row>` and `<row>`.
  return bytes ? decoder.decode(bytes).replace(/<(\/?)[A-Za-z_][\w.-]*:/g, '<$1') : null;
}

export function readXlsx(bytes: Uint8Array): RawSheet[] {
  const zip = openZip(bytes);
  const workbook = part(zip, 'xl/workbook.xml');
  if (workbook === null) throw notWorkbook(zip);
  const rels = relations(part(zip, 'xl/_rels/workbook.xml.rels') ?? '');
  const strings = sharedStrings(part(zip, 'xl/sharedStrings.xml') ?? '');
  const dateStyles = dateStyleSet(part(zip, 'xl/styles.xml') ?? '');
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook);
  const sheets: RawSheet[] = [];
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    const target = rels.get(a['r:id'] ?? a.id ?? '');
    if (!target) continue;
    const xml = part(zip, target);
    if (xml === null) continue;
    sheets.push({ name: a.name ?? '', rows: readSheet(xml, strings, dateStyles, date1904) });
  }
  return sheets;
}

function relations(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const tag of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    if (!a.Id || !a.Target) continue;
    const target = a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`;
    map.set(a.Id, target.replace(/\/\.\//g, '/'));
  }
  return map;
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const si of xml.match(/<si\b[\s\S]*?<\/si>|<si\/>/g) ?? []) out.push(runText(si));
  return out;
}

/** The text of a string item: every `<t>` run, leaving out phonetic guides (`<rPh>`). */
function runText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const m of plain.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) text += decodeXml(m[1] ?? '');
  return text;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Which cell styles (`s` indexes into cellXfs) show their number as a date or time. */
function dateStyleSet(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const tag of xml.match(/<numFmt\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const styles = new Set<number>();
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  let index = 0;
  for (const tag of xfs.match(/<xf\b[^>]*>/g) ?? []) {
    const id = Number(attributes(tag).numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) styles.add(index);
    index++;
  }
  return styles;
}

function isDateFormat(code: string): boolean {
  // Quoted text, escaped characters and [colour]/[$€-40B] parts say nothing about dates.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmyhsvkp]/i.test(bare.replace(/General/gi, '')) && !/^[#0.,\s%E+-]*$/.test(bare);
}

function readSheet(
  xml: string,
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
): RawSheet['rows'] {
  const rows: RawSheet['rows'] = [];
  let rowNumber = 0;
  for (const m of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = /\br="(\d+)"/.exec(m[1] ?? '')?.[1];
    rowNumber = r ? Number(r) : rowNumber + 1;
    const cells: CellValue[] = [];
    let column = -1;
    for (const c of (m[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = cellAttributes(c[1] ?? '');
      column = a.r ? columnIndex(a.r) : column + 1;
      const value = cellValue(a, c[2] ?? '', strings, dateStyles, date1904);
      if (value !== null) cells[column] = value;
    }
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows.push({ number: rowNumber, cells });
  }
  fillMerged(xml, rows);
  return rows;
}

/** A cell's r, t and s (tens of thousands of cells: three plain lookups, no general attribute parse). */
function cellAttributes(text: string): { r?: string; t?: string; s?: string } {
  const out: { r?: string; t?: string; s?: string } = {};
  const r = /\br="([^"]*)"/.exec(text);
  if (r) out.r = r[1];
  const t = /\bt="([^"]*)"/.exec(text);
  if (t) out.t = t[1];
  const s = /\bs="([^"]*)"/.exec(text);
  if (s) out.s = s[1];
  return out;
}

function cellValue(
  a: { t?: string; s?: string },
  inner: string,
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
): CellValue {
  const raw = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  switch (a.t) {
    case 's':
      return raw === undefined ? null : (strings[Number(raw)] ?? null);
    case 'inlineStr':
      return runText(/<is\b[\s\S]*?<\/is>/.exec(inner)?.[0] ?? '');
    case 'str':
      return raw === undefined ? null : decodeXml(raw);
    case 'b':
      return raw === undefined ? null : raw.trim() === '1';
    case 'e':
      return null;
    case 'd':
      return raw === undefined ? null : decodeXml(raw).replace(/T00:00:00(?:\.0+)?Z?$/, '');
    default: {
      if (raw === undefined || raw.trim() === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return decodeXml(raw);
      return a.s !== undefined && dateStyles.has(Number(a.s)) ? serialToIso(n, date1904) : n;
    }
  }
}

/** Excel's day numbers (from 1899-12-30, counting its phantom 29 Feb 1900) to an ISO date. */
function serialToIso(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const ms = Math.round(serial * 86_400_000);
  const iso = new Date(epoch + ms).toISOString();
  return ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

function fillMerged(xml: string, rows: RawSheet['rows']): void {
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  for (const tag of xml.match(/<mergeCell\b[^>]*>/g) ?? []) {
    const ref = attributes(tag).ref ?? '';
    const [from, to] = ref.split(':');
    if (!from || !to) continue;
    const top = rowIndex(from);
    const bottom = rowIndex(to);
    const left = columnIndex(from);
    const right = columnIndex(to);
    if (bottom - top > 100_000 || right - left > 1000) continue;
    const value = byNumber.get(top)?.cells[left] ?? null;
    if (value === null) continue;
    for (let r = top; r <= bottom; r++) {
      let row = byNumber.get(r);
      if (!row) {
        row = { number: r, cells: [] };
        byNumber.set(r, row);
        rows.push(row);
      }
      for (let c = left; c <= right; c++) row.cells[c] ??= value;
      for (let i = 0; i < row.cells.length; i++) row.cells[i] ??= null;
    }
  }
  rows.sort((a, b) => a.number - b.number);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? 'A') n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

const rowIndex = (ref: string): number => Number(/\d+/.exec(ref)?.[0] ?? 1);

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1] as string] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

function decodeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex, dec, name) => {
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (dec) return String.fromCodePoint(Number(dec));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[String(name).toLowerCase()] ?? '';
    })
    .replace(/_x([0-9A-F]{4})_/gi, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}
