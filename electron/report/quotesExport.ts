import { basename } from 'node:path';
import type { z } from 'zod';
import type { Language, Quote } from '../../shared/domain.ts';
import { formatter } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { QuoteExportFormat, QuoteExportResult } from '../../shared/report.ts';
import { inSample } from '../../shared/sample.ts';
import type { QuoteExportRequest } from '../../shared/schemas.ts';
import { getCodebook } from '../services/codebook.ts';
import type { ServiceContext } from '../services/context.ts';
import { getEngagement } from '../services/engagements.ts';
import { exportPath, writeNewFile } from '../services/exportFiles.ts';
import { matcherFor } from '../services/identities.ts';
import { listInterviews } from '../services/interviews.ts';
import { findQuotes } from '../services/quotes.ts';
import type { PassageRow } from './content.ts';
import { findLeaks, findTextLeaks, type Leak, refuseLeakingName, refuseLeaks } from './leaks.ts';
import { interviewKeys, passageRows, reportAnonymizer } from './load.ts';
import { quotesCsv, quotesWorkbook } from './quoteFiles.ts';
import { quotesDocx } from './quotesDocx.ts';

type Request = z.output<typeof QuoteExportRequest>;

/** The most `findQuotes` returns: an export writes every quote the filters match, not a screenful. */
const EVERY_QUOTE = 100_000;

/** Quotes grouped by code in the order the codes were chosen; within a code, as the view lists them. */
function byChosenCode(quotes: readonly Quote[], codeIds: readonly string[]): Quote[] {
  const rank = new Map(codeIds.map((id, i) => [id, i]));
  return [...quotes].sort((a, b) => (rank.get(a.codeId) ?? 0) - (rank.get(b.codeId) ?? 0));
}

/** The view's filters in words, for the Word file's heading; empty when nothing narrows the codes. */
function describeFilters(request: Request, language: Language): string[] {
  const t = resources[language].translation;
  const list = <T extends string>(label: string, values: readonly T[] | undefined, name: (v: T) => string) =>
    values?.length ? [`${label}: ${values.map(name).join(', ')}`] : [];
  return [
    ...(request.codeIds.length > 1 ? [`${t.quotes.match} ${t.quotes.matchModes[request.match]}`] : []),
    ...list(t.quotes.tier, request.tiers, (v) => t.account.tiers[v]),
    ...list(t.quotes.roleLevel, request.roleLevels, (v) => t.person.roleLevels[v]),
    ...list(t.quotes.sentiment, request.sentiments, (v) => t.coding.sentiments[v]),
    ...list(t.account.importance, request.importances, (v) => t.account.importances[v]),
    ...list(t.account.lifecycle, request.lifecycles, (v) => t.account.lifecycles[v]),
    ...(request.starredOnly ? [t.quotes.starredOnly] : []),
  ];
}

/**
 * Writes the quotes the Quotes view shows for these filters to a .docx, .xlsx or .csv in the export
 * folder, through the engagement's one anonymiser, and returns where. Only the engagement's own
 * quotes: the anonymiser (account labels, review decisions) is one engagement's.
 *
 * A quote whose interviewee has not yet given consent is left out at every level, 'none' included:
 * the view marks it "never quoted in a report", and the report leaves it out at 'none' as well; a
 * file with names in it is still a file that leaves the app. The result says how many were left out.
 *
 * The whole file is checked for leaks before it is written, and appears whole or not at all.
 */
export async function exportQuotes(ctx: ServiceContext, request: Request): Promise<QuoteExportResult> {
  const { format, anonymize, fileName, language: asked, ...query } = request;
  const { engagementId } = query;
  const engagement = getEngagement(ctx, engagementId);
  const language = asked ?? engagement.language;
  // A name leading out of the folder is refused before any work; the free name is taken as it is written.
  const target = exportPath(ctx.exportDir, fileName, format);

  // One read transaction: the quotes, the numbering and the anonymiser come from the same moment.
  const { rows, withheld, title, anon, register } = ctx.db.transaction(() => {
    const quotes = findQuotes(ctx, { ...query, limit: EVERY_QUOTE });
    const quotable = quotes.filter((q) => q.quotable);
    // Numbered and attributed as the report's appendix lists the interviews: the sample, in listInterviews order.
    const keys = interviewKeys(listInterviews(ctx, engagementId).filter(inSample));
    const masked = reportAnonymizer(ctx, engagementId, { anonymize, language });
    const where = resources[language].translation.report.where.codebook;
    const codes = getCodebook(ctx, engagementId);
    const names = query.codeIds.flatMap((id) => {
      const code = codes.find((c) => c.id === id);
      return code ? [masked.anon.mask(code.name[language], where)] : [];
    });
    return {
      rows: passageRows(byChosenCode(quotable, query.codeIds), masked.anon, language, ...keys),
      withheld: quotes.length - quotable.length,
      title: formatter(language).fill(resources[language].translation.quoteExport.docTitle, {
        codes: names.join(', '),
      }),
      ...masked,
    };
  })();

  const bytes = await render(
    format,
    rows,
    language,
    title,
    details(request, language, engagement, rows, ctx.now()),
  );
  const matcher = matcherFor(register);
  const leaks: Leak[] =
    format === 'csv'
      ? findTextLeaks(
          language,
          Buffer.from(bytes).toString('utf8'),
          basename(target),
          anon,
          register,
          matcher,
        )
      : findLeaks(language, bytes, anon, register, matcher);
  refuseLeaks(leaks);
  // The name is prefilled from the codes' names, and an engagement's own code may name a customer.
  refuseLeakingName(language, target, anon, register, matcher);
  const path = writeNewFile(target, bytes, 'next-free');
  return { path, quotes: rows.length, withheld };
}

/** The Word file's lines under its title. */
function details(
  request: Request,
  language: Language,
  engagement: { clientName: string; title: string },
  rows: readonly PassageRow[],
  now: string,
): string[] {
  const t = resources[language].translation;
  const f = formatter(language);
  const filters = describeFilters(request, language);
  return [
    `${engagement.clientName} – ${engagement.title}`,
    filters.length
      ? f.fill(t.quoteExport.docFilters, { filters: filters.join(' · ') })
      : t.quoteExport.docNoFilters,
    f.fill(t.quoteExport.docAnonymity, { level: t.export.levels[request.anonymize] }),
    f.plural(t.quoteExport, 'docCount', rows.length, { date: f.date(now) }),
  ];
}

function render(
  format: QuoteExportFormat,
  rows: PassageRow[],
  language: Language,
  title: string,
  lines: string[],
): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return quotesDocx(rows, language, title, lines);
    case 'xlsx':
      return quotesWorkbook(rows, language);
    case 'csv':
      return Promise.resolve(new TextEncoder().encode(quotesCsv(rows, language)));
  }
}
