import ExcelJS from 'exceljs';
import { unzipText } from './zip.ts';

/** An .xlsx read as its XML: the sheets in order, and each cell's type, style and stored value. */

export interface XlsxSheet {
  name: string;
  xml: string;
}

export interface XlsxCell {
  /** The `t` attribute: s (shared string), b, str, inlineStr; absent for a number (or a date). */
  t: string | null;
  s: number;
  v: string | null;
}

/** Excel's built-in number formats that a writer refers to by id alone. */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
};

export class Xlsx {
  readonly parts: Map<string, string>;
  readonly sheets: XlsxSheet[];
  private readonly formats: (string | null)[];

  constructor(bytes: Uint8Array) {
    this.parts = unzipText(bytes);
    const workbook = this.part('xl/workbook.xml');
    const rels = this.part('xl/_rels/workbook.xml.rels');
    const targets = new Map(
      [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    this.sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => {
      const target = targets.get(m[2]!)!.replace(/^\/?(xl\/)?/, '');
      return { name: decode(m[1]!), xml: this.part(`xl/${target}`) };
    });
    const styles = this.part('xl/styles.xml');
    const custom = new Map(
      [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [
        Number(m[1]),
        decode(m[2]!),
      ]),
    );
    const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)![1]!;
    this.formats = [...xfs.matchAll(/<xf ([^>]*?)\/?>/g)].map((m) => {
      const id = Number(/numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
      return custom.get(id) ?? BUILT_IN[id] ?? null;
    });
  }

  part(name: string): string {
    const xml = this.parts.get(name);
    if (xml === undefined) throw new Error(`no part ${name}`);
    return xml;
  }

  sheet(name: string): string {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}: ${this.sheets.map((s) => s.name).join(', ')}`);
    return sheet.xml;
  }

  cell(sheet: string, ref: string): XlsxCell | null {
    const m = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>(.*?)</c>)`).exec(this.sheet(sheet));
    if (!m) return null;
    return {
      t: /\st="(\w+)"/.exec(m[1]!)?.[1] ?? null,
      s: Number(/\ss="(\d+)"/.exec(m[1]!)?.[1] ?? 0),
      v: m[2] ? (/<v>(.*?)<\/v>/.exec(m[2])?.[1] ?? null) : null,
    };
  }

  /** The number format a cell is shown with. */
  numFmt(sheet: string, ref: string): string | null {
    const cell = this.cell(sheet, ref);
    return cell ? (this.formats[cell.s] ?? null) : null;
  }

  /** Rows in a sheet's data, header included. */
  rowCount(sheet: string): number {
    return [...this.sheet(sheet).matchAll(/<row /g)].length;
  }
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The workbook read back by exceljs, as a spreadsheet program would read it. */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}
