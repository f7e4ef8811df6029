import { readFileSync } from 'node:fs';
import {
  ACCOUNT_IMPORT_FIELDS,
  type AccountImportField,
  type AccountImportPlan,
  type ColumnMapping,
} from '../../shared/accountImport.ts';
import type { Call } from './workspace.ts';
import { cliError } from './workspace.ts';

type Values = Record<string, string | boolean | string[] | undefined>;

/**
 * `kuulo import-accounts`: the client's list into an engagement, with the mapping suggested from its
 * headers unless `--map` says otherwise; `--dry-run` prints the plan and writes nothing.
 */
export function runImportAccounts(call: Call, values: Values): { text: string; json: unknown } {
  const engagementId = need(values, 'engagement');
  const path = need(values, 'file');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw cliError('cliListFile', { path });
  }
  const request = {
    engagementId,
    fileName: path.split(/[\\/]/).at(-1) ?? path,
    data: bytes.toString('base64'),
    ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}),
  };
  const first = call('previewAccountImport', request);
  const mapping = applyMaps(
    first.mapping,
    first.columns.map((c) => c.header),
    (values.map as string[] | undefined) ?? [],
  );
  if (!mapping.includes('name')) throw cliError('accountListNeedsName');
  const preview = call('previewAccountImport', { ...request, mapping });
  const columns = preview.columns.map((c, i) => `  ${c.header || `(${i + 1})`} → ${mapping[i] ?? '—'}`);
  const head = [`Sheet "${preview.sheet}", headers on row ${preview.headerRow}:`, ...columns].join('\n');
  if (values['dry-run']) {
    return {
      json: { dryRun: true, sheet: preview.sheet, mapping, plan: preview.plan },
      text: `${head}\n\nWould import:\n${planText(preview.plan)}\nNothing was written (--dry-run).`,
    };
  }
  const summary = call('importAccounts', { ...request, mapping });
  return {
    json: { sheet: preview.sheet, mapping, plan: preview.plan, summary },
    text: `${head}\n\n${planText(preview.plan)}\nImported: ${summary.accountsCreated} new accounts (${summary.accountsUpdated} existing ones filled in), ${summary.peopleCreated} new people.`,
  };
}

function need(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw cliError('cliMissingOption', { option: name });
  return value;
}

/** `--map COLUMN=FIELD`: COLUMN is a header (any case), a letter (A) or a number from 1; FIELD or none. */
export function applyMaps(start: ColumnMapping, headers: string[], maps: string[]): ColumnMapping {
  const mapping = [...start];
  for (const map of maps) {
    const at = map.lastIndexOf('=');
    const column = map.slice(0, at).trim();
    const field = map.slice(at + 1).trim();
    const byHeader = headers.findIndex((h) => h.toLocaleLowerCase() === column.toLocaleLowerCase());
    const index =
      byHeader >= 0
        ? byHeader
        : /^\d+$/.test(column)
          ? Number(column) - 1
          : /^[A-Z]{1,2}$/i.test(column)
            ? [...column.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
            : -1;
    const known = field === 'none' || (ACCOUNT_IMPORT_FIELDS as readonly string[]).includes(field);
    if (at < 1 || index < 0 || index >= headers.length || !known) throw cliError('cliBadMapping', { map });
    mapping[index] = field === 'none' ? null : (field as AccountImportField);
  }
  return mapping;
}

function planText(plan: AccountImportPlan): string {
  const t = plan.totals;
  const lines = [
    `  ${t.accountsNew} new accounts, ${t.accountsMatched} already there (${t.accountsFilled} get empty fields filled)`,
    `  ${t.peopleNew} new people, ${t.peopleMatched} already there, ${t.peopleSkipped} listed twice in the file`,
    `  ${t.rowsSkipped} rows left out, ${t.warnings} warnings`,
  ];
  for (const r of plan.readings) lines.push(`  read ${r.field} "${r.value}" as ${r.as} (${r.rows} rows)`);
  for (const p of plan.problems) lines.push(`  row ${p.row}: ${p.key} ${JSON.stringify(p.params)}`);
  return `${lines.join('\n')}\n`;
}
