import {
  type AttributeValue,
  CROSSTAB_ATTRIBUTES,
  type CrosstabAttribute,
  type PrevalenceRow,
} from '../../shared/analysis.ts';
import type { Language } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import { actionsTable } from './actionsSection.ts';
import type {
  FindingItem,
  KeyPersonLine,
  PassageRow,
  ReportContent,
  ReportQuote,
  ScoresContent,
} from './content.ts';
import { answersTable } from './guideSection.ts';
import { passageColumns } from './passageColumns.ts';
import { addTableSheet, newWorkbook, type Table, workbookBytes } from './sheets.ts';
import { wavesTable } from './wavesSection.ts';

/**
 * The findings report as an Excel workbook for analysts: the same content as the Word report, as
 * tables to filter and pivot, with numbers as numbers and shares as fractions in a percent format.
 * A section the export was not asked for has no sheet.
 */
export async function renderReportWorkbook(content: ReportContent): Promise<Uint8Array> {
  const { language } = content;
  const wb = newWorkbook(content.cover.title);
  wb.subject = content.cover.subtitle;
  const sheet = <R>(table: Table<R>) => addTableSheet(wb, language, table);
  if (content.passages) sheet(quotesTable(content.passages, language));
  sheet(prevalenceTable(content.stats.prevalence, language));
  sheet(crosstabsTable(content, language));
  if (content.scores) sheet(scoresTable(content.scores, language));
  if (content.answers) sheet(answersTable(content.answers.rows, language));
  if (content.keyPerson) sheet(keyPersonTable(content.keyPerson.rows, language));
  if (content.waves) sheet(wavesTable(content.waves, language));
  if (content.findings) sheet(findingsTable(content.findings.items, language));
  if (content.actions?.all.length) sheet(actionsTable(content.actions, language));
  return workbookBytes(wb);
}

/** The quotes sheet: one row per coded passage (the Quotes view's .xlsx export has the same). */
export function quotesTable(rows: readonly PassageRow[], language: Language): Table<PassageRow> {
  return {
    name: resources[language].translation.workbook.sheets.quotes,
    columns: passageColumns(language),
    rows,
  };
}

/** count / base as a fraction, or nothing when there is no base to divide by. */
const share = (count: number, base: number): number | null => (base > 0 ? count / base : null);

function prevalenceTable(rows: PrevalenceRow[], language: Language): Table<PrevalenceRow> {
  const t = resources[language].translation;
  const w = t.workbook;
  return {
    name: w.sheets.prevalence,
    rows,
    columns: [
      { header: t.analysis.code, kind: 'text', value: (r) => r.code[language] },
      { header: t.report.interviews, kind: 'integer', value: (r) => r.interviews },
      { header: w.interviewsBase, kind: 'integer', value: (r) => r.base.interviews },
      { header: w.interviewsShare, kind: 'share', value: (r) => share(r.interviews, r.base.interviews) },
      { header: t.report.accounts, kind: 'integer', value: (r) => r.accounts },
      { header: w.accountsBase, kind: 'integer', value: (r) => r.base.accounts },
      { header: w.accountsShare, kind: 'share', value: (r) => share(r.accounts, r.base.accounts) },
    ],
  };
}

interface CrosstabLine {
  attribute: CrosstabAttribute;
  value: AttributeValue;
  code: string;
  interviews: number;
  n: number;
  smallN: boolean;
}

/**
 * Every attribute's crosstab in one long table (segment by, segment, code, count, n, share): one
 * autofilter picks an attribute, and a pivot table turns it back into the report's grid.
 */
function crosstabsTable(content: ReportContent, language: Language): Table<CrosstabLine> {
  const t = resources[language].translation;
  const w = t.workbook;
  const rows: CrosstabLine[] = CROSSTAB_ATTRIBUTES.flatMap((attribute) => {
    const table = content.stats.crosstabs[attribute];
    return table.rows.flatMap((row) =>
      row.cells.map((cell, i) => ({
        attribute,
        value: table.columns[i]!.value,
        code: row.code[language],
        interviews: cell.interviews,
        n: cell.n,
        smallN: cell.smallN,
      })),
    );
  });
  return {
    name: w.sheets.crosstabs,
    rows,
    columns: [
      { header: w.segmentBy, kind: 'text', value: (r) => attributeName(r.attribute, language) },
      { header: w.segment, kind: 'text', value: (r) => valueName(r.attribute, r.value, language) },
      { header: t.analysis.code, kind: 'text', value: (r) => r.code },
      { header: t.report.interviews, kind: 'integer', value: (r) => r.interviews },
      { header: w.segmentN, kind: 'integer', value: (r) => r.n },
      { header: w.share, kind: 'share', value: (r) => share(r.interviews, r.n) },
      { header: w.smallN, kind: 'boolean', value: (r) => r.smallN },
    ],
  };
}

function attributeName(attribute: CrosstabAttribute, language: Language): string {
  const t = resources[language].translation;
  switch (attribute) {
    case 'tier':
      return t.report.tier;
    case 'roleLevel':
      return t.report.roleLevel;
    case 'importance':
      return t.account.importance;
    case 'lifecycle':
      return t.account.lifecycle;
  }
}

function valueName(attribute: CrosstabAttribute, value: AttributeValue, language: Language): string {
  const t = resources[language].translation;
  // The value belongs to the attribute's own list; a lookup in the wrong list gives the raw value.
  const names: Record<string, string> = (() => {
    switch (attribute) {
      case 'tier':
        return t.account.tiers;
      case 'roleLevel':
        return t.person.roleLevels;
      case 'importance':
        return t.account.importances;
      case 'lifecycle':
        return t.account.lifecycles;
    }
  })();
  return names[value] ?? value;
}

type ScoreRow = ScoresContent['rows'][number];

function scoresTable(scores: ScoresContent, language: Language): Table<ScoreRow> {
  const t = resources[language].translation;
  const w = t.workbook;
  return {
    name: w.sheets.scores,
    rows: scores.rows,
    columns: [
      { header: t.report.group, kind: 'text', value: (r) => r.label },
      { header: w.answers, kind: 'integer', value: (r) => r.n },
      { header: t.analysis.promoters, kind: 'integer', value: (r) => r.promoters },
      { header: t.analysis.passives, kind: 'integer', value: (r) => r.passives },
      { header: t.analysis.detractors, kind: 'integer', value: (r) => r.detractors },
      { header: t.analysis.nps, kind: 'integer', value: (r) => r.nps },
      { header: w.satisfactionMean, kind: 'decimal', value: (r) => r.satisfactionMean },
      { header: w.satisfactionN, kind: 'integer', value: (r) => r.satisfactionN },
      { header: w.smallN, kind: 'boolean', value: (r) => r.smallN },
    ],
  };
}

function keyPersonTable(rows: KeyPersonLine[], language: Language): Table<KeyPersonLine> {
  const t = resources[language].translation;
  return {
    name: t.workbook.sheets.keyPerson,
    rows,
    columns: [
      { header: t.report.account, kind: 'text', value: (r) => r.account },
      { header: t.report.tier, kind: 'text', value: (r) => t.account.tiers[r.tier] },
      { header: t.report.known, kind: 'integer', value: (r) => r.people },
      { header: t.report.strategic, kind: 'integer', value: (r) => r.strategic },
      { header: t.report.operational, kind: 'integer', value: (r) => r.operational },
      {
        header: t.report.risk,
        kind: 'text',
        value: (r) =>
          r.risk === 'singlePerson'
            ? t.report.singlePerson
            : r.risk === 'noContact'
              ? t.report.noContact
              : null,
      },
    ],
  };
}

/**
 * A finding's evidence in one cell: each quote with its attribution, a blank line between. A date
 * inside text is written as the language writes it (16.10.2025), as the deck does: only a date cell
 * is a date Excel formats itself.
 */
function evidence(quotes: ReportQuote[], language: Language): string | null {
  // Finnish typesetting closes and opens a quote with the same mark.
  const [open, close] = language === 'fi' ? ['”', '”'] : ['“', '”'];
  const f = formatter(language);
  const lines = quotes.map(
    (q) => `${open}${q.text}${close} — ${q.attribution}${q.date ? `, ${f.date(q.date, 'short')}` : ''}`,
  );
  return lines.length ? lines.join('\n\n') : null;
}

function findingsTable(items: FindingItem[], language: Language): Table<FindingItem> {
  const t = resources[language].translation;
  const w = t.workbook;
  return {
    name: w.sheets.findings,
    rows: items,
    columns: [
      { header: w.number, kind: 'integer', value: (r) => r.number },
      { header: t.findings.fieldTitle, kind: 'longText', value: (r) => r.title, width: 30 },
      { header: w.keyMessage, kind: 'longText', value: (r) => r.keyMessage, width: 40 },
      // A finding with no codes has no figure: its cells stay empty rather than saying 0.
      { header: w.claim, kind: 'longText', value: (r) => r.claim?.sentence ?? null, width: 45 },
      { header: t.findings.byTier, kind: 'longText', value: (r) => r.claim?.tiers ?? null, width: 35 },
      {
        header: w.unit,
        kind: 'text',
        value: (r) => (r.claim ? t.findings.claimUnits[r.claim.unit] : null),
      },
      { header: w.count, kind: 'integer', value: (r) => r.claim?.count ?? null },
      { header: w.base, kind: 'integer', value: (r) => r.claim?.base ?? null },
      { header: w.share, kind: 'share', value: (r) => (r.claim ? share(r.claim.count, r.claim.base) : null) },
      { header: t.report.priority, kind: 'text', value: (r) => t.findings.priorities[r.priority] },
      {
        header: t.report.recommendation,
        kind: 'longText',
        value: (r) => r.recommendation || null,
        width: 40,
      },
      { header: t.findings.quotes, kind: 'longText', value: (r) => evidence(r.quotes, language), width: 80 },
    ],
  };
}
