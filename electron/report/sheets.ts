import ExcelJS from 'exceljs';
import type { Language } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import { ACCENT } from './styles.ts';
import { xmlText } from './xmlText.ts';

/**
 * Tables as Excel sheets, the one look every sheet Kuulo writes shares: a bold header row in the
 * report's accent colour, frozen, with an autofilter over the data; numbers stored as numbers with a
 * number format, dates as dates, long text wrapped. The columns say what kind of value they hold, so
 * the same columns serve a CSV writer (quoteFiles.ts) as text.
 */

export type CellKind = 'text' | 'longText' | 'integer' | 'decimal' | 'share' | 'date' | 'boolean';

/** A cell's value as typed data: a share is a fraction 0–1, a date an ISO day ("2026-03-14"). */
export type CellValue = string | number | boolean | null;

export interface Column<R> {
  header: string;
  kind: CellKind;
  value: (row: R) => CellValue;
  /** Width in characters; by default fitted to the header and the values. */
  width?: number;
}

export interface Table<R> {
  name: string;
  columns: Column<R>[];
  rows: readonly R[];
}

const WHITE = 'FFFFFFFF';
/** Excel's limit on the characters of one cell. */
const CELL_MAX = 32767;
/** Excel refuses sheet names longer than this or holding any of []:*?/\ . */
const SHEET_NAME_MAX = 31;

const NUMBER_FORMATS: Record<CellKind, string | null> = {
  text: null,
  longText: null,
  // Thousands grouped: a claim counted in revenue is euros.
  integer: '#,##0',
  decimal: '0.0',
  share: '0%',
  date: null,
  boolean: null,
};

/** Day, month and year as the language writes them (Finnish 14.3.2026; English as ISO, which no reader misreads). */
const DATE_FORMATS: Record<Language, string> = { fi: 'd.m.yyyy', en: 'yyyy-mm-dd' };

const LONG_TEXT_WIDTH = 70;
const MAX_FITTED_WIDTH = 40;
const MIN_WIDTH = 10;
/** Points per line of 11-point text, and the tallest row Excel allows. */
const LINE_HEIGHT = 15;
const ROW_MAX_HEIGHT = 409;

/** A name Excel accepts for a sheet: the forbidden characters replaced, at most 31 characters. */
export function sheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/^'+|'+$/g, '')
    .trim();
  return (clean || 'Sheet').slice(0, SHEET_NAME_MAX);
}

/** Text an .xlsx can hold: characters XML refuses dropped, line ends as Excel's \n, cut to Excel's cell limit. */
export function cellText(text: string): string {
  const clean = xmlText(text);
  return clean.length > CELL_MAX ? `${clean.slice(0, CELL_MAX - 1)}…` : clean;
}

/**
 * A yes-or-no column (a key quote, a small n) as the words in the report's language: Excel's
 * TRUE/FALSE would be in the reader's own locale, and LibreOffice may show a false as 0.
 */
export function yesNo(value: boolean, language: Language): string {
  const w = resources[language].translation.workbook;
  return value ? w.yes : w.no;
}

/** "2026-03-14" as a date at midnight UTC: exceljs stores dates as the UTC day's serial number. */
function excelDate(iso: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

function fittedWidth<R>(column: Column<R>, rows: readonly R[]): number {
  if (column.width) return column.width;
  if (column.kind === 'longText') return LONG_TEXT_WIDTH;
  let widest = 0;
  for (const row of rows) {
    const value = column.value(row);
    const length = column.kind === 'date' ? 10 : value === null ? 0 : String(value).length;
    if (length > widest) widest = length;
  }
  // A header wraps onto two lines rather than widening a column of small numbers, but not inside a word.
  const longestWord = Math.max(...column.header.split(/\s+/).map((word) => word.length));
  const header =
    column.kind === 'text'
      ? column.header.length
      : Math.max(longestWord, Math.ceil(column.header.length / 2));
  return Math.min(MAX_FITTED_WIDTH, Math.max(MIN_WIDTH, widest + 2, header + 2));
}

/**
 * About how many lines a wrapped cell takes, wrapping at spaces as a spreadsheet does: Excel and
 * LibreOffice keep a row's height as written, so rows of wrapped text are given their height here.
 * `perLine` is in characters; a column's width counts characters of '0', wider than most letters.
 */
function wrappedLines(text: string, perLine: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= perLine) used = needed;
      else {
        // The word starts a new line, and a word longer than a line breaks over several.
        lines += used === 0 ? 0 : 1;
        lines += Math.max(0, Math.ceil(word.length / perLine) - 1);
        used = word.length % perLine || perLine;
      }
    }
  }
  return lines;
}

/** Column letters for a 1-based index: 1 → A, 27 → AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A workbook whose sheets' autofilters also get the `_xlnm._FilterDatabase` name, local to each
 * sheet, that Excel writes beside an autofilter: LibreOffice shows no filter buttons without it, and
 * exceljs 4.4 does not write it. exceljs renders defined names from the workbook's model, so the
 * names are added there, when the file is written.
 */
export function newWorkbook(title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // No person's name in the file's properties: the author is the app.
  wb.creator = 'Kuulo';
  wb.lastModifiedBy = 'Kuulo';
  wb.title = cellText(title);
  const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(wb) as object, 'model');
  if (!own?.get) throw new Error('exceljs: Workbook.model is no longer an accessor');
  const base = own.get;
  Object.defineProperty(wb, 'model', {
    configurable: true,
    get(this: ExcelJS.Workbook) {
      const model = base.call(this) as ExcelJS.WorkbookModel & { definedNames: unknown[] };
      const filters = this.worksheets.flatMap((ws, localSheetId) => {
        const range = filterRanges.get(ws);
        return range
          ? [
              {
                name: '_xlnm._FilterDatabase',
                ranges: [`'${ws.name.replace(/'/g, "''")}'!${range}`],
                localSheetId,
              },
            ]
          : [];
      });
      model.definedNames = [...model.definedNames, ...filters];
      return model;
    },
    set(value: ExcelJS.WorkbookModel) {
      own.set?.call(this, value);
    },
  });
  return wb;
}

/** Each sheet's autofilter range in absolute form ($A$1:$K$40), for its defined name. */
const filterRanges = new WeakMap<ExcelJS.Worksheet, string>();

/** Adds a table as a sheet of its own. */
export function addTableSheet<R>(
  wb: ExcelJS.Workbook,
  language: Language,
  table: Table<R>,
): ExcelJS.Worksheet {
  const { columns, rows } = table;
  const ws = wb.addWorksheet(sheetName(table.name), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    // Printed, a sheet is as wide as an A4 page turned sideways, the header row on every page.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  const widths = columns.map((column) => fittedWidth(column, rows));
  ws.columns = widths.map((width) => ({ width }));

  const header = ws.addRow(columns.map((c) => cellText(c.header)));
  // The font named, as the workbook's default is: a nameless font turns serif in LibreOffice.
  header.font = { name: 'Calibri', family: 2, size: 11, bold: true, color: { argb: WHITE } };
  header.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  // Spreadsheets do not grow a row for wrapped text on opening: the header gets the lines it needs.
  // Bold letters are wider: a header line holds fewer of them.
  const headerLines = Math.max(1, ...columns.map((c, i) => wrappedLines(c.header, widths[i]! - 2)));
  header.height = LINE_HEIGHT * headerLines + 4;
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${ACCENT}` } };
    // A number's header stands over the number, on the right.
    if (NUMBER_FORMATS[column.kind] || column.kind === 'date')
      cell.alignment = { ...header.alignment, horizontal: 'right' };
    if (column.kind === 'boolean') cell.alignment = { ...header.alignment, horizontal: 'center' };
  });

  for (const row of rows) {
    const values = columns.map((column) => {
      const value = column.value(row);
      if (value === null) return null;
      if (column.kind === 'date' && typeof value === 'string') return excelDate(value);
      if (typeof value === 'boolean') return yesNo(value, language);
      return typeof value === 'string' ? cellText(value) : value;
    });
    const added = ws.addRow(values);
    const lines = Math.max(
      1,
      ...values.map((value, i) =>
        columns[i]!.kind === 'longText' && typeof value === 'string' ? wrappedLines(value, widths[i]!) : 1,
      ),
    );
    if (lines > 1) added.height = Math.min(ROW_MAX_HEIGHT, LINE_HEIGHT * lines + 2);
  }

  columns.forEach((column, i) => {
    const col = ws.getColumn(i + 1);
    const numFmt = column.kind === 'date' ? DATE_FORMATS[language] : NUMBER_FORMATS[column.kind];
    col.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber === 1) return;
      if (numFmt) cell.numFmt = numFmt;
      cell.alignment = {
        vertical: 'top',
        ...(column.kind === 'longText' ? { wrapText: true } : {}),
        ...(column.kind === 'boolean' ? { horizontal: 'center' } : {}),
      };
    });
  });

  const last = `${columnLetter(columns.length)}${rows.length + 1}`;
  ws.autoFilter = `A1:${last}`;
  filterRanges.set(ws, `$A$1:$${columnLetter(columns.length)}$${rows.length + 1}`);
  return ws;
}

/** The finished .xlsx file. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
