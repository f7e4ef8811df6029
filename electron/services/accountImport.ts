import type { z } from 'zod';
import type {
  AccountImportPreview,
  AccountImportRequest,
  AccountImportSummary,
  ColumnMapping,
} from '../../shared/accountImport.ts';
import { KuuloError } from '../base/errors.ts';
import {
  createAccount,
  createInterviewee,
  listAccounts,
  updateAccount,
  updateInterviewee,
} from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { suggestMapping } from './import/accounts/mapping.ts';
import { buildPlan } from './import/accounts/plan.ts';
import { readTable, type SheetTable } from './import/accounts/table.ts';
import { intoTrash } from './trash.ts';

type Request = z.output<typeof AccountImportRequest>;

/**
 * The client's account and contact list into an engagement: a preview that writes nothing, and an
 * import that writes the same plan in one transaction, undoable from the Trash.
 */

function open(ctx: ServiceContext, request: Request) {
  const accounts = listAccounts(ctx, request.engagementId);
  const bytes = Buffer.from(request.data, 'base64');
  const table = readTable(bytes, request.fileName, request.sheet);
  if (!table.ok) throw new KuuloError('accountListRefused', { reason: table.reason });
  const { sheet } = table;
  const suggested = suggestMapping(sheet.headers);
  const mapping = fitWidth(request.mapping ?? suggested, sheet.headers.length);
  if (!mapping.includes('name')) throw new KuuloError('accountListNeedsName');
  const existing = {
    accounts,
    people: accounts.flatMap((a) => a.interviewees.map((p) => ({ ...p, accountId: a.id }))),
  };
  return { table, suggested, mapping, plan: buildPlan(sheet.rows, mapping, existing) };
}

/** A mapping given for another sheet or an older file is cut or padded to this header's width. */
const fitWidth = (mapping: ColumnMapping, width: number): ColumnMapping =>
  Array.from({ length: width }, (_, i) => mapping[i] ?? null);

export function previewAccountImport(ctx: ServiceContext, request: Request): AccountImportPreview {
  const { table, suggested, mapping, plan } = open(ctx, request);
  return {
    format: table.format,
    csv: table.csv,
    sheets: table.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    sheet: table.sheet.name,
    headerRow: table.sheet.headerRow,
    columns: columnsOf(table.sheet),
    mapping,
    suggested,
    plan,
  };
}

function columnsOf(sheet: SheetTable): AccountImportPreview['columns'] {
  return sheet.headers.map((header, i) => {
    const samples: string[] = [];
    for (const row of sheet.rows) {
      const value = row.cells[i];
      const text = value === null || value === undefined ? '' : String(value).trim();
      if (text && !samples.includes(text)) samples.push(text.length > 60 ? `${text.slice(0, 60)}…` : text);
      if (samples.length === 3) break;
    }
    return { header, samples };
  });
}

export function importAccounts(ctx: ServiceContext, request: Request): AccountImportSummary {
  const { plan } = open(ctx, request);
  const summary: AccountImportSummary = {
    accountsCreated: 0,
    accountsUpdated: 0,
    peopleCreated: 0,
    peopleUpdated: 0,
    rowsSkipped: plan.totals.rowsSkipped,
    trashId: null,
  };
  const entry = () => ({
    kind: 'accountImport' as const,
    subjectId: request.engagementId,
    engagementId: request.engagementId,
    label: {
      name: { fi: request.fileName, en: request.fileName },
      detail: {
        fi: `${summary.accountsCreated} uutta asiakasta, ${summary.peopleCreated} uutta henkilöä`,
        en: `${summary.accountsCreated} new accounts, ${summary.peopleCreated} new people`,
      },
    },
  });
  // One transaction (intoTrash): a failure anywhere leaves the workspace as it was.
  intoTrash(ctx, entry, () => {
    for (const account of plan.accounts) {
      let accountId = account.existingId;
      if (accountId === null) {
        accountId = createAccount(ctx, request.engagementId, { name: account.name, ...account.fields }).id;
        summary.accountsCreated++;
      } else if (account.fills.length) {
        updateAccount(ctx, accountId, Object.fromEntries(account.fills.map((f) => [f.field, f.to])));
        summary.accountsUpdated++;
      }
      for (const person of account.people) {
        if (person.action === 'create') {
          createInterviewee(ctx, accountId, {
            name: person.name,
            title: person.title,
            roleLevel: person.roleLevel,
            consent: 'pending',
            anonLabel: '',
          });
          summary.peopleCreated++;
        } else if (person.action === 'match' && person.existingId && person.fills.length) {
          updateInterviewee(ctx, person.existingId, { title: person.title });
          summary.peopleUpdated++;
        }
      }
    }
  });
  summary.trashId =
    (ctx.db
      .prepare(
        `SELECT id FROM trash WHERE kind = 'accountImport' AND engagement_id = ? ORDER BY rowid DESC LIMIT 1`,
      )
      .pluck()
      .get(request.engagementId) as string | undefined) ?? null;
  if (
    !summary.accountsCreated &&
    !summary.accountsUpdated &&
    !summary.peopleCreated &&
    !summary.peopleUpdated
  )
    summary.trashId = null;
  return summary;
}
