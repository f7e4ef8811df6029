import type { Language } from '../../shared/domain.ts';
import type { AnonymizationLevel, ReportFormat, ReportSectionId } from '../../shared/report.ts';
import type { ServiceContext } from '../services/context.ts';
import { type Existing, writeNewFile } from '../services/exportFiles.ts';
import { matcherFor } from '../services/identities.ts';
import { buildReportContent } from './build.ts';
import type { ReportContent } from './content.ts';
import { findLeaks, refuseLeakingName, refuseLeaks } from './leaks.ts';

export interface ReportExport {
  engagementId: string;
  /** Word by default. */
  format?: ReportFormat | undefined;
  anonymize: AnonymizationLevel;
  language?: Language | undefined;
  sections?: readonly ReportSectionId[] | undefined;
  keep?: readonly string[] | undefined;
}

/**
 * Each format's renderer, loaded when first used: a deck needs no Word library, a workbook no chart
 * rasteriser.
 */
const RENDERERS: Record<ReportFormat, (content: ReportContent) => Promise<Uint8Array>> = {
  docx: async (content) => {
    const [{ wordLayout }, { renderReportDocx }, { rasterizeChart }] = await Promise.all([
      import('./word.ts'),
      import('./docx.ts'),
      import('./raster.ts'),
    ]);
    return renderReportDocx(wordLayout(content, { rasterize: rasterizeChart }));
  },
  pptx: async (content) => (await import('./deck.ts')).renderReportDeck(content),
  xlsx: async (content) => (await import('./workbook.ts')).renderReportWorkbook(content),
};

/**
 * Builds and writes the findings report as a Word document, a PowerPoint deck or an Excel workbook:
 * one content, one anonymiser, one leak check (the file's name included). The file appears whole or
 * not at all, and never over an earlier one unless `existing` says so (services/exportFiles.ts).
 */
export async function writeReport(
  ctx: ServiceContext,
  request: ReportExport,
  outPath: string,
  onProgress: (share: number, stage: string) => void = () => {},
  existing: Existing = 'refuse',
): Promise<{ path: string; bytes: number }> {
  const format = request.format ?? 'docx';
  // One read transaction: every figure, quote and table comes from the same moment, even while
  // the app goes on saving notes.
  const { content, anon, register } = ctx.db.transaction(() =>
    buildReportContent(ctx, request.engagementId, {
      anonymize: request.anonymize,
      language: request.language,
      sections: request.sections,
      keep: request.keep,
      // The workbook has a sheet of every coded passage.
      passages: format === 'xlsx',
      onProgress: (share, stage) => onProgress(share * 0.6, stage),
    }),
  )();
  const matcher = matcherFor(register);
  // The name is checked before any drawing: prefilled from the engagement's title, it may hold one.
  refuseLeakingName(content.language, outPath, anon, register, matcher);
  onProgress(0.6, format);
  const bytes = await RENDERERS[format](content);
  onProgress(0.95, 'check');
  const leaks = findLeaks(content.language, bytes, anon, register, matcher);
  refuseLeaks(leaks);
  const path = writeNewFile(outPath, bytes, existing);
  onProgress(1, 'done');
  return { path, bytes: bytes.byteLength };
}
