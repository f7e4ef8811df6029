import type { Language } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { PassageRow } from './content.ts';
import type { Column } from './sheets.ts';

/**
 * The columns of a quotes table, one row per coded passage: the report workbook's Quotes sheet, the
 * Quotes view's .xlsx export and its .csv export all use these, so they hold the same columns in the
 * same order with the same headers.
 */
export function passageColumns(language: Language): Column<PassageRow>[] {
  const t = resources[language].translation;
  const w = t.workbook;
  return [
    { header: w.interview, kind: 'integer', value: (r) => r.interview },
    { header: t.report.date, kind: 'date', value: (r) => r.date },
    { header: t.report.account, kind: 'text', value: (r) => r.account },
    { header: t.report.tier, kind: 'text', value: (r) => t.account.tiers[r.tier] },
    {
      header: w.roleLevels,
      kind: 'text',
      value: (r) => r.roleLevels.map((level) => t.person.roleLevels[level]).join(', '),
    },
    { header: t.analysis.code, kind: 'text', value: (r) => r.code },
    {
      header: t.coding.sentiment,
      kind: 'text',
      value: (r) => (r.sentiment ? t.coding.sentiments[r.sentiment] : null),
    },
    { header: w.severity, kind: 'integer', value: (r) => r.severity },
    { header: t.coding.star, kind: 'boolean', value: (r) => r.starred },
    { header: t.coding.memo, kind: 'longText', value: (r) => r.memo || null, width: 40 },
    { header: w.text, kind: 'longText', value: (r) => r.text, width: 80 },
  ];
}
