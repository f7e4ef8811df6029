import type { Importance, LifecycleStage, RoleLevel, Tier } from './domain.ts';
import { Id, z } from './schemas.ts';

/**
 * The client's account and contact list as it comes in (.xlsx or .csv): what a column can be mapped
 * to, what the preview shows, and what an import wrote. Plain data, so the UI and the CLI show it as is.
 */

export const ACCOUNT_IMPORT_FIELDS = [
  'name',
  'tier',
  'importance',
  'lifecycle',
  'revenue',
  'person',
  'title',
  'roleLevel',
  'email',
] as const;
export type AccountImportField = (typeof ACCOUNT_IMPORT_FIELDS)[number];

/** One entry per column of the header row: the field it feeds, or null to leave it out. */
export type ColumnMapping = (AccountImportField | null)[];

/** Why a file cannot be read as a list; phrased from i18n (error accountListRefused). */
export const ACCOUNT_LIST_REFUSALS = [
  'empty',
  'tooLarge',
  'binary',
  'notXlsx',
  'corruptXlsx',
  'unsupportedFormat',
  'noData',
  'sheetNotFound',
  'openDocument',
  'wordDocument',
  'notSpreadsheet',
  'noRows',
] as const;
export type AccountListRefusal = (typeof ACCOUNT_LIST_REFUSALS)[number];

/** A cell as read: dates become ISO dates (YYYY-MM-DD, with a time where the cell has one). */
export type CellValue = string | number | boolean | null;

export interface SheetInfo {
  name: string;
  /** Rows below the header row (0 for a sheet without one). */
  rows: number;
}

export interface ColumnInfo {
  header: string;
  /** The first few non-empty values below the header, as text. */
  samples: string[];
}

/** Something about one row of the file; the row number is the one the consultant sees in Excel. */
export type RowProblem =
  | { row: number; key: 'noAccountName'; skipped: true; params: Record<string, never> }
  | {
      row: number;
      key: 'unknownValue';
      skipped: false;
      params: {
        field: 'tier' | 'importance' | 'lifecycle' | 'roleLevel';
        value: string;
        used: string | null;
        /** `used` is the value already stored for the account or person, kept as it is. */
        stored?: true;
      };
    }
  | {
      row: number;
      key: 'badRevenue';
      skipped: false;
      params: {
        value: string;
        /** What the account gets instead: another row's sum, the stored one (`stored`), or none. */
        used: number | null;
        stored?: true;
      };
    }
  | { row: number; key: 'badEmail'; skipped: false; params: { value: string } }
  | { row: number; key: 'tooLong'; skipped: false; params: { field: AccountImportField } }
  | {
      row: number;
      key: 'differsInFile';
      skipped: false;
      params: { field: AccountFieldName; value: string; kept: string };
    };

export type AccountFieldName = 'tier' | 'importance' | 'lifecycle' | 'revenue';

/** A value that was not the app's own word, and what it was read as (shown, so nothing is a silent guess). */
export interface ValueReading {
  field: 'tier' | 'importance' | 'lifecycle' | 'roleLevel';
  value: string;
  as: string;
  rows: number;
}

export interface ImportedAccountFields {
  tier: Tier;
  importance: Importance | null;
  lifecycle: LifecycleStage | null;
  revenue: number | null;
}

/** A field of an existing account or person the file would fill (it was empty) or differs on (kept). */
export interface FieldChange {
  field: AccountFieldName | 'title' | 'email';
  from: string | number | null;
  to: string | number;
}

export interface PlannedPerson {
  row: number;
  name: string;
  title: string;
  roleLevel: RoleLevel;
  email: string | null;
  /** create: new; match: the person exists (empty fields filled); skip: a repeat within the file. */
  action: 'create' | 'match' | 'skip';
  existingId: string | null;
  fills: FieldChange[];
  /** Values of the file that differ from what is stored; the stored ones are kept. */
  kept: FieldChange[];
}

export interface PlannedAccount {
  /** The first row the account is on. */
  row: number;
  name: string;
  action: 'create' | 'match';
  existingId: string | null;
  /** Stored name of a matched account (it may be spelled otherwise in the file). */
  existingName: string | null;
  fields: ImportedAccountFields;
  fills: FieldChange[];
  kept: FieldChange[];
  people: PlannedPerson[];
}

export interface AccountImportTotals {
  rows: number;
  accountsNew: number;
  accountsMatched: number;
  /** Matched accounts with at least one empty field filled. */
  accountsFilled: number;
  peopleNew: number;
  peopleMatched: number;
  peopleSkipped: number;
  rowsSkipped: number;
  warnings: number;
}

export interface AccountImportPlan {
  accounts: PlannedAccount[];
  problems: RowProblem[];
  readings: ValueReading[];
  totals: AccountImportTotals;
}

export interface AccountImportPreview {
  format: 'xlsx' | 'csv';
  /** How a CSV was decoded and split; null for .xlsx. */
  csv: { encoding: string; separator: string } | null;
  sheets: SheetInfo[];
  sheet: string;
  /** The row number of the header row in the sheet. */
  headerRow: number;
  columns: ColumnInfo[];
  /** The mapping the plan was made with: the one given, or the suggested one. */
  mapping: ColumnMapping;
  suggested: ColumnMapping;
  plan: AccountImportPlan;
}

export interface AccountImportSummary {
  accountsCreated: number;
  accountsUpdated: number;
  peopleCreated: number;
  peopleUpdated: number;
  rowsSkipped: number;
  /** The Trash entry that undoes the import (null when nothing was written). */
  trashId: string | null;
}

/** 20 MB of file as base64 (4 characters per 3 bytes), with room for padding. */
const MAX_BASE64 = Math.ceil((20 * 1024 * 1024) / 3) * 4 + 4;

export const AccountImportRequest = z
  .object({
    engagementId: Id,
    fileName: z.string().min(1).max(255),
    data: z.string().max(MAX_BASE64),
    sheet: z.string().max(255).optional(),
    mapping: z.array(z.enum(ACCOUNT_IMPORT_FIELDS).nullable()).max(1000).optional(),
  })
  .strict();
