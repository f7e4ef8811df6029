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

/**
 * The list separator Excel expects when a CSV file is opened with a double click: Finnish Excel
 * (decimal comma) splits on semicolons and would put a comma-separated file in one column.
 */
export const CSV_SEPARATOR: Record<Language, string> = { fi: ';', en: ',' };

// A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(…)" in a quote
// pasted from an e-mail); an apostrophe in front makes Excel and LibreOffice show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: guarded against formulas, quoted when it holds a separator, quote or line break (RFC 4180). */
export function csvField(value: CellValue, language: Language): string {
  const text = value === null ? '' : typeof value === 'boolean' ? yesNo(value, language) : String(value);
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * Passages as CSV: RFC 4180 (CRLF, double quotes) with the language's list separator (a semicolon in
 * Finnish, as Finnish Excel reads it), UTF-8 with a byte order mark so Excel reads ä and ö right, a
 * header row in the language. Dates stay ISO days, which every Excel reads.
 */
export function quotesCsv(rows: readonly PassageRow[], language: Language): string {
  const columns = passageColumns(language);
  const separator = CSV_SEPARATOR[language];
  const lines = [
    columns.map((c) => csvField(c.header, language)).join(separator),
    ...rows.map((row) => columns.map((c) => csvField(c.value(row), language)).join(separator)),
  ];
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}

/** Passages as a one-sheet workbook: the report workbook's Quotes sheet. */
export async function quotesWorkbook(rows: readonly PassageRow[], language: Language): Promise<Uint8Array> {
  const wb = newWorkbook(resources[language].translation.workbook.quotesTitle);
  addTableSheet(wb, language, quotesTable(rows, language));
  return workbookBytes(wb);
}
