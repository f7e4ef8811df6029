import type { Language } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { PassageRow } from './content.ts';
import { passageColumns } from './passageColumns.ts';
import { addTableSheet, type CellValue, newWorkbook, workbookBytes, yesNo } from './sheets.ts';
import { quotesTable } from './workbook.ts';

/**
 * The Quotes view's exports of the chosen codes' passages, already masked: a CSV file and a
 * one-sheet workbook with the same columns as the report workbook's Quotes sheet.
 */

const BOM = '\uFEFF';

// A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(…)" in a quote
// pasted from an e-mail); an apostrophe in front makes Excel and LibreOffice show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: guarded against formulas, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: CellValue, language: Language): string {
  const text = value === null ? '' : typeof value === 'boolean' ? yesNo(value, language) : String(value);
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * Passages as CSV: RFC 4180 (comma, CRLF, double quotes), UTF-8 with a byte order mark so Excel
 * reads ä and ö right, a header row in the language. Dates stay ISO days, which every Excel reads.
 */
export function quotesCsv(rows: readonly PassageRow[], language: Language): string {
  const columns = passageColumns(language);
  const lines = [
    columns.map((c) => csvField(c.header, language)).join(','),
    ...rows.map((row) => columns.map((c) => csvField(c.value(row), language)).join(',')),
  ];
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}

/** Passages as a one-sheet workbook: the report workbook's Quotes sheet. */
export async function quotesWorkbook(rows: readonly PassageRow[], language: Language): Promise<Uint8Array> {
  const wb = newWorkbook(resources[language].translation.workbook.quotesTitle);
  addTableSheet(wb, language, quotesTable(rows, language));
  return workbookBytes(wb);
}
