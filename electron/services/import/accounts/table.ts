import type { AccountListRefusal, CellValue } from '../../../../shared/accountImport.ts';
import { decodeText } from '../decode.ts';
import { detectSeparator, parseCsv } from './csv.ts';
import { headerScore, isHeaderWord } from './mapping.ts';
import { NotWorkbook, readXlsx } from './xlsx.ts';

/** A list far larger than any client's customer register; beyond it the file is something else. */
export const MAX_LIST_BYTES = 20 * 1024 * 1024;

export interface SheetTable {
  name: string;
  /** The header row's number in the sheet (0 when the sheet has none). */
  headerRow: number;
  headers: string[];
  /** Rows below the header that hold anything, with their numbers in the sheet. */
  rows: { number: number; cells: CellValue[] }[];
}

export type TableRead =
  | {
      ok: true;
      format: 'xlsx' | 'csv';
      csv: { encoding: string; separator: string } | null;
      sheets: SheetTable[];
      /** The sheet chosen: the one asked for, or the first with a header and data. */
      sheet: SheetTable;
    }
  | { ok: false; reason: AccountListRefusal };

/**
 * Reads an .xlsx or .csv list, told by its bytes (the name only says what an unreadable file claimed
 * to be). Never throws: whatever the bytes, the answer is a table or a reason.
 */
export function readTable(bytes: Uint8Array, fileName: string, sheetName?: string): TableRead {
  try {
    return read(bytes, fileName, sheetName);
  } catch (error) {
    if (!(error instanceof NotWorkbook)) return { ok: false, reason: 'corruptXlsx' };
    if (error.kind !== 'other') return { ok: false, reason: error.kind };
    // Only a file that claims to be a workbook is told it is not one; any other zip is not a list.
    return { ok: false, reason: /\.xls[xm]$/i.test(fileName) ? 'notXlsx' : 'notSpreadsheet' };
  }
}

function read(bytes: Uint8Array, fileName: string, sheetName: string | undefined): TableRead {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_LIST_BYTES) return { ok: false, reason: 'tooLarge' };
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('PK\u0005\u0006')) {
    const sheets = readXlsx(bytes).map(toTable);
    return choose(sheets, 'xlsx', null, sheetName);
  }
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0') || head.startsWith('%PDF'))
    return { ok: false, reason: 'unsupportedFormat' };
  if (extension === 'xlsx' || extension === 'xlsm') return { ok: false, reason: 'notXlsx' };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, reason: 'binary' };
  if (!decoded.text.trim()) return { ok: false, reason: 'empty' };
  const separator = detectSeparator(decoded.text);
  const records = parseCsv(decoded.text, separator);
  const table = toTable({
    name: fileName.replace(/\.[^.]*$/, '') || fileName,
    rows: records.map((cells, i) => ({ number: i + 1, cells })),
  });
  return choose([table], 'csv', { encoding: decoded.encoding, separator }, sheetName);
}

function choose(
  sheets: SheetTable[],
  format: 'xlsx' | 'csv',
  csv: { encoding: string; separator: string } | null,
  sheetName: string | undefined,
): TableRead {
  let sheet: SheetTable | undefined;
  if (sheetName !== undefined && format === 'xlsx') {
    sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet) return { ok: false, reason: 'sheetNotFound' };
  } else {
    sheet = sheets.find((s) => s.headerRow && s.rows.length) ?? sheets.find((s) => s.headerRow) ?? undefined;
  }
  if (!sheet?.headerRow) return { ok: false, reason: 'noData' };
  // Headers and nothing below them anywhere: said at once, not shown as an import of nothing. A sheet
  // asked for by name still previews, so that the dialog can offer the others.
  if (!sheet.rows.length && sheetName === undefined) return { ok: false, reason: 'noRows' };
  return { ok: true, format, csv, sheets, sheet };
}

const isText = (v: CellValue): boolean => typeof v === 'string' && v.trim() !== '';
const isEmpty = (v: CellValue): boolean => v === null || (typeof v === 'string' && v.trim() === '');

/** Rows looked at for the header: titles, dates and logos above it take a few at most. */
const HEADER_SEARCH_ROWS = 20;

/**
 * The header is the row among the first ones with the most known header words ("Asiakas", "Luokka"),
 * so a "Päivitetty | 15.1.2025" row above it is not taken for it; with no known word anywhere, the
 * first row with at least two text cells.
 */
function findHeader(rows: { cells: CellValue[] }[]): number {
  let best = -1;
  let bestScore = 0;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < HEADER_SEARCH_ROWS; i++) {
    const cells = (rows[i] as { cells: CellValue[] }).cells;
    if (cells.every(isEmpty)) continue;
    seen++;
    const score = headerScore(cells);
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  if (bestScore >= 1) return best;
  return rows.findIndex((r) => r.cells.filter(isText).length >= 2);
}

/** A repeat of the header below it (a list pasted together, a page's header): never an account. */
function isHeaderRepeat(cells: CellValue[], header: CellValue[]): boolean {
  const filled = cells.flatMap((c, i) => (isEmpty(c) ? [] : [i]));
  if (!filled.length) return false;
  const same = (i: number) =>
    typeof cells[i] === 'string' &&
    String(cells[i]).trim().toLocaleLowerCase() ===
      String(header[i] ?? '')
        .trim()
        .toLocaleLowerCase();
  return (
    filled.every((i) => same(i) || isHeaderWord(cells[i] ?? null)) &&
    (filled.length >= 2 || filled.every(same))
  );
}

function toTable(sheet: { name: string; rows: { number: number; cells: CellValue[] }[] }): SheetTable {
  const at = findHeader(sheet.rows);
  if (at < 0) return { name: sheet.name, headerRow: 0, headers: [], rows: [] };
  const header = sheet.rows[at] as { number: number; cells: CellValue[] };
  const rows = sheet.rows
    .slice(at + 1)
    .filter((r) => !r.cells.every(isEmpty) && !isHeaderRepeat(r.cells, header.cells));
  const width = Math.max(header.cells.length, ...rows.slice(0, 1000).map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => String(header.cells[i] ?? '').trim());
  // Columns with neither a header nor a value on the first rows are trailing noise.
  while (headers.length && !headers.at(-1) && rows.every((r) => isEmpty(r.cells[headers.length - 1] ?? null)))
    headers.pop();
  return { name: sheet.name, headerRow: header.number, headers, rows };
}
