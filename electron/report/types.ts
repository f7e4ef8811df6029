import type { Language } from '../../shared/domain.ts';

/**
 * A findings report as an ordered list of sections made of simple blocks. `model.ts` decides what
 * the report says (data → model); `docx.ts` decides how it looks in Word (model → .docx). Every
 * string here is final text in the report's language, already anonymised.
 */
export interface ReportModel {
  language: Language;
  meta: {
    clientName: string;
    title: string;
    subtitle: string;
    /** The date printed on the cover, already formatted for the language. */
    date: string;
    /** e.g. "Confidential" / "Luottamuksellinen": header and cover. */
    confidential: string;
    /** Footer text before the page number, e.g. "Page" / "Sivu". */
    pageLabel: string;
    tocTitle: string;
    /** Document properties. */
    author: string;
    description: string;
    keywords: string;
  };
  sections: ReportSection[];
}

export interface ReportSection {
  id: string;
  title: string;
  /**
   * Sections after which a page break comes (e.g. before appendices). docx.ts currently starts every
   * section on a new page anyway; the flag keeps the intent if that changes.
   */
  pageBreakBefore?: boolean;
  blocks: ReportBlock[];
}

export type ReportBlock =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: 'lead' | 'muted' | 'strong' }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'keyFinding'; title: string; message: string; figure: string | null }
  | { kind: 'quote'; text: string; attribution: string }
  | {
      kind: 'table';
      /** Printed above the table as "Table N: caption" / "Taulukko N. caption". */
      caption: string;
      header: string[];
      rows: string[][];
      /** Per column: right-aligned (figures). */
      numeric?: boolean[];
      /** Relative column widths in any unit (e.g. percentages); scaled to the text width. Default: equal. */
      widths?: number[];
      /** Per row and column: a text colour ('#rrggbb'), e.g. a difference in the colour of what it means. */
      colors?: (string | null)[][];
    }
  | { kind: 'chart'; chart: ReportChart }
  | { kind: 'callout'; label: string; text: string };

export interface ReportChart {
  id: string;
  caption: string;
  /** Under the caption: the n the figures rest on and their source ("n = 15 held interviews · Source: …"). */
  note?: string;
  svg: string;
  /** A PNG rendering of the same SVG (2× resolution), for Word versions without SVG support. */
  png: Uint8Array;
  /** Size in the document, in pixels at 96 dpi. */
  width: number;
  height: number;
}
