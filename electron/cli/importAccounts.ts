import { readFileSync } from 'node:fs';
import {
  ACCOUNT_IMPORT_FIELDS,
  type AccountImportField,
  type AccountImportPlan,
  type ColumnMapping,
} from '../../shared/accountImport.ts';
import { accountImportPhrases } from '../../shared/accountImportText.ts';
import { cliLanguage } from './language.ts';
import type { Call } from './workspace.ts';
import { cliError } from './workspace.ts';

type Values = Record<string, string | boolean | string[] | undefined>;

/**
 * `kuulo import-accounts`: the client's list into an engagement, with the mapping suggested from its
 * headers unless `--map` says otherwise; `--dry-run` prints the plan and writes nothing.
 */
export async function runImportAccounts(
  call: Call,
  values: Values,
): Promise<{ text: string; json: unknown }> {
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
  const first = await call('previewAccountImport', request);
  const mapping = applyMaps(
    first.mapping,
    first.columns.map((c) => c.header),
    (values.map as string[] | undefined) ?? [],
  );
  if (!mapping.includes('name')) throw cliError('accountListNeedsName');
  const preview = await call('previewAccountImport', { ...request, mapping });
  // In the workspace's language, as the CLI's errors are.
  const phrases = accountImportPhrases(cliLanguage(process.env, (await call('getSettings', {})).language));
  const { t, fmt, fieldLabel } = phrases;
  const columns = preview.columns.map(
    (c, i) => `  ${c.header || `(${i + 1})`} → ${fieldLabel(mapping[i] ?? null)}`,
  );
  const head = [
    fmt.fill(t.cli.sheet, { sheet: preview.sheet, row: String(preview.headerRow) }),
    ...columns,
  ].join('\n');
  if (values['dry-run']) {
    return {
      json: { dryRun: true, sheet: preview.sheet, mapping, plan: preview.plan },
      text: `${head}\n\n${t.cli.wouldImport}\n${planText(preview.plan, phrases)}\n${t.cli.dryRun}`,
    };
  }
  const summary = await call('importAccounts', { ...request, mapping });
  const done = fmt.fill(t.cli.imported, {
    accounts: fmt.plural(t, 'accountsNew', summary.accountsCreated),
    updated: fmt.plural(t.cli, 'updated', summary.accountsUpdated),
    people: fmt.plural(t, 'peopleNew', summary.peopleCreated),
  });
  return {
    json: { sheet: preview.sheet, mapping, plan: preview.plan, summary },
    text: `${head}\n\n${planText(preview.plan, phrases)}\n${done}`,
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

/** The plan's totals, readings and rows to check, each on a line, as the dialog's summary says them. */
function planText(plan: AccountImportPlan, phrases: ReturnType<typeof accountImportPhrases>): string {
  const { t, fmt, problemText, readingText } = phrases;
  const n = plan.totals;
  const lines = [
    `  ${fmt.plural(t, 'accountsNew', n.accountsNew)}, ${fmt.plural(t, 'accountsMatched', n.accountsMatched)} (${fmt.plural(t, 'accountsFilled', n.accountsFilled)})`,
    `  ${fmt.plural(t, 'peopleNew', n.peopleNew)}, ${fmt.plural(t, 'peopleMatched', n.peopleMatched)}, ${fmt.plural(t, 'peopleSkipped', n.peopleSkipped)}`,
    `  ${fmt.plural(t, 'rowsSkipped', n.rowsSkipped)}, ${fmt.plural(t.cli, 'warnings', n.warnings)}`,
  ];
  for (const r of plan.readings) lines.push(`  ${readingText(r)}`);
  for (const p of plan.problems)
    lines.push(`  ${fmt.fill(t.row, { row: String(p.row) })}: ${problemText(p)}`);
  return `${lines.join('\n')}\n`;
}
