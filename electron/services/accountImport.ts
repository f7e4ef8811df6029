import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type {
  AccountImportPreview,
  AccountImportRequest,
  AccountImportSummary,
  ColumnMapping,
} from '../../shared/accountImport.ts';
import { KuuloError } from '../base/errors.ts';
import { insertAccountsAndPeople, listAccounts, updateAccount, updateInterviewee } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { suggestMapping } from './import/accounts/mapping.ts';
import { buildPlan } from './import/accounts/plan.ts';
import { readTable, type SheetTable, type TableRead } from './import/accounts/table.ts';
import { type ProgressReporter, silentProgress } from './importProgress.ts';
import { intoTrash } from './trash.ts';

type Request = z.output<typeof AccountImportRequest>;

/**
 * The client's account and contact list into an engagement: a preview that writes nothing, and an
 * import that writes the same plan in one transaction, undoable from the Trash.
 */

function open(ctx: ServiceContext, request: Request, progress: ProgressReporter = silentProgress) {
  const table = readCached(request);
  if (!table.ok) throw new KuuloError('accountListRefused', { reason: table.reason });
  progress.stage('parsing');
  const { sheet } = table;
  const suggested = suggestMapping(sheet.headers);
  const mapping = fitWidth(request.mapping ?? suggested, sheet.headers.length);
  // Without a name column there is nothing to plan yet, but the preview still shows the columns to map.
  const named = mapping.includes('name');
  const planKey = JSON.stringify([lastRead?.key, request.engagementId, mapping, ...workspaceState(ctx)]);
  if (lastPlan?.key !== planKey) {
    const accounts = listAccounts(ctx, request.engagementId);
    const existing = {
      accounts,
      people: accounts.flatMap((a) => a.interviewees.map((p) => ({ ...p, accountId: a.id }))),
    };
    lastPlan = { key: planKey, plan: buildPlan(named ? sheet.rows : [], mapping, existing) };
  }
  return { table, suggested, mapping, named, plan: lastPlan.plan };
}

/**
 * The plan the last preview showed, kept: the import that follows it confirms exactly that plan, and
 * planning 5,000 rows again is a good part of the time. Valid only while the workspace is as it was:
 * the key holds this connection's count of changed rows and SQLite's counter of other connections'
 * commits, so any write in between (here or by the CLI) plans afresh.
 */
let lastPlan: { key: string; plan: ReturnType<typeof buildPlan> } | null = null;

const workspaceState = ({ db }: ServiceContext) => [
  db.name,
  db.prepare('SELECT total_changes()').pluck().get(),
  db.pragma('data_version', { simple: true }),
];

/**
 * The last file read, kept: the dialog previews the same bytes at each step and then imports them, and
 * reading a 5,000-row workbook is most of the time. Keyed by a digest of the bytes, name and sheet.
 */
let lastRead: { key: string; table: TableRead } | null = null;

function readCached(request: Request): TableRead {
  const key = createHash('sha256')
    .update(request.data)
    .update(`\u0000${request.fileName}\u0000${request.sheet ?? ''}`)
    .digest('hex');
  if (lastRead?.key !== key) {
    lastRead = null; // the old one goes before the new one is read: never two workbooks held at once
    lastRead = {
      key,
      table: readTable(Buffer.from(request.data, 'base64'), request.fileName, request.sheet),
    };
  }
  return lastRead.table;
}

/** A mapping given for another sheet or an older file is cut or padded to this header's width. */
const fitWidth = (mapping: ColumnMapping, width: number): ColumnMapping =>
  Array.from({ length: width }, (_, i) => mapping[i] ?? null);

export function previewAccountImport(
  ctx: ServiceContext,
  request: Request,
  progress: ProgressReporter = silentProgress,
): AccountImportPreview {
  const { table, suggested, mapping, plan } = open(ctx, request, progress);
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

export function importAccounts(
  ctx: ServiceContext,
  request: Request,
  progress: ProgressReporter = silentProgress,
): AccountImportSummary {
  const { plan, named, table } = open(ctx, request, progress);
  if (!table.sheet.rows.length) throw new KuuloError('accountListRefused', { reason: 'noRows' });
  if (!named) throw new KuuloError('accountListNeedsName');
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
        fi: `uusia asiakkaita ${summary.accountsCreated}, uusia henkilöitä ${summary.peopleCreated}`,
        en: `${summary.accountsCreated} new accounts, ${summary.peopleCreated} new people`,
      },
    },
  });
  const person = (p: (typeof plan.accounts)[number]['people'][number]) => ({
    name: p.name,
    title: p.title,
    roleLevel: p.roleLevel,
    consent: 'pending' as const,
    anonLabel: '',
    email: p.email ?? '',
  });
  const created = plan.accounts.filter((a) => a.existingId === null);
  const matched = plan.accounts.filter((a) => a.existingId !== null);
  const people = (list: typeof plan.accounts) => list.flatMap((a) => a.people);
  summary.accountsCreated = created.length;
  summary.accountsUpdated = matched.filter((a) => a.fills.length).length;
  summary.peopleCreated = people(plan.accounts).filter((p) => p.action === 'create').length;
  summary.peopleUpdated = people(matched).filter((p) => p.action === 'match' && p.fills.length).length;
  progress.stage('writing');
  // One transaction (intoTrash): a failure anywhere leaves the workspace as it was.
  intoTrash(ctx, entry, () => {
    insertAccountsAndPeople(
      ctx,
      request.engagementId,
      created.map((a) => ({
        name: a.name,
        ...a.fields,
        people: a.people.filter((p) => p.action === 'create').map(person),
      })),
      matched.flatMap((a) =>
        a.people
          .filter((p) => p.action === 'create')
          .map((p) => ({ ...person(p), accountId: a.existingId as string })),
      ),
    );
    for (const a of matched) {
      if (a.fills.length)
        updateAccount(ctx, a.existingId as string, Object.fromEntries(a.fills.map((f) => [f.field, f.to])));
      for (const p of a.people)
        if (p.action === 'match' && p.existingId && p.fills.length)
          updateInterviewee(ctx, p.existingId, Object.fromEntries(p.fills.map((f) => [f.field, f.to])));
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
