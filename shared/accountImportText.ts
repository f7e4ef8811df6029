import type { AccountImportField, RowProblem, ValueReading } from './accountImport.ts';
import type { Language } from './domain.ts';
import { formatter } from './format.ts';
import { resources } from './i18n/index.ts';

/**
 * An account list's plan in words, in Finnish or English: one phrasing for the import dialog and
 * `kuulo import-accounts`, so the two never say different things about the same row.
 */
export function accountImportPhrases(language: Language) {
  const texts = resources[language].translation;
  const t = texts.accountImport;
  const fmt = formatter(language);

  const fieldLabel = (field: AccountImportField | null): string => t.fields[field ?? 'none'];

  /** A stored or planned value as the consultant knows it: tiers and stages by their names, money in €. */
  const valueText = (field: string, value: string | number | null): string => {
    if (value === null) return '—';
    if (field === 'revenue' && typeof value === 'number') return `${fmt.number(value)} €`;
    if (field === 'tier')
      return texts.account.tiers[value as keyof typeof texts.account.tiers] ?? String(value);
    if (field === 'lifecycle')
      return texts.account.lifecycles[value as keyof typeof texts.account.lifecycles] ?? String(value);
    if (field === 'roleLevel')
      return texts.person.roleLevels[value as keyof typeof texts.person.roleLevels] ?? String(value);
    return String(value);
  };

  const problemText = (p: RowProblem): string => {
    switch (p.key) {
      case 'unknownValue': {
        const values = {
          field: fieldLabel(p.params.field),
          value: p.params.value,
          used: valueText(p.params.field, p.params.used),
        };
        if (p.params.used === null) return fmt.fill(t.problems.unknownValueEmpty, values);
        return fmt.fill(p.params.stored ? t.problems.unknownValueKept : t.problems.unknownValue, values);
      }
      case 'differsInFile': {
        const asValue = (v: string) =>
          valueText(p.params.field, p.params.field === 'revenue' ? Number(v) : v);
        return fmt.fill(t.problems.differsInFile, {
          field: fieldLabel(p.params.field),
          value: asValue(p.params.value),
          kept: asValue(p.params.kept),
        });
      }
      case 'tooLong':
        return fmt.fill(t.problems.tooLong, { field: fieldLabel(p.params.field) });
      case 'noAccountName':
        return t.problems.noAccountName;
      case 'badRevenue': {
        const values = { value: p.params.value, used: valueText('revenue', p.params.used) };
        if (p.params.used === null) return fmt.fill(t.problems.badRevenue, values);
        return fmt.fill(p.params.stored ? t.problems.badRevenueKept : t.problems.badRevenueUsed, values);
      }
      case 'badEmail':
        return fmt.fill(t.problems.badEmail, p.params);
    }
  };

  const readingText = (r: ValueReading): string =>
    fmt.fill(t.cli.reading, {
      field: fieldLabel(r.field),
      value: fmt.fill(t.quoted, { value: r.value }),
      as: valueText(r.field, r.as),
      rows: fmt.plural(t, 'readingRows', r.rows),
    });

  return { t, fmt, fieldLabel, valueText, problemText, readingText };
}
