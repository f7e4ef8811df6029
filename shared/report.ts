import type { ErrorMessage } from './errors.ts';

/** What a consultant can choose when exporting the findings report. */

export const REPORT_SECTIONS = [
  'summary',
  'method',
  'findings',
  'scores',
  'answers',
  'keyPerson',
  'benchmark',
  'waves',
  'recommendations',
  'appendixInterviews',
  'appendixCodebook',
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

/** The findings report as a Word document, a PowerPoint deck or an Excel workbook. */
export const REPORT_FORMATS = ['docx', 'pptx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** none: names as given; people: interviewees replaced by labels; accounts: customer companies too. */
export const ANONYMIZATION_LEVELS = ['none', 'people', 'accounts'] as const;
export type AnonymizationLevel = (typeof ANONYMIZATION_LEVELS)[number];

export interface ExportJob {
  id: string;
  /** 0–1 */
  progress: number;
  stage: string;
  done: boolean;
  path: string;
  /** In English, for logs; `failure` is the same error as key and parameters, for the UI to phrase. */
  error: string | null;
  failure: ErrorMessage | null;
  /** How long the export took, once done. */
  ms: number | null;
}

/** The files the Quotes view exports its quotes to. */
export const QUOTE_EXPORT_FORMATS = ['docx', 'xlsx', 'csv'] as const;
export type QuoteExportFormat = (typeof QUOTE_EXPORT_FORMATS)[number];

export interface QuoteExportResult {
  /** The file written (never one that existed before). */
  path: string;
  /** Quotes in the file. */
  quotes: number;
  /** Quotes the filters matched but the file leaves out: their interviewee's consent is still pending. */
  withheld: number;
}
