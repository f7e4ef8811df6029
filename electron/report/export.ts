import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Language } from '../../shared/domain.ts';
import type { AnonymizationLevel, ReportSectionId } from '../../shared/report.ts';
import { KuuloError } from '../base/errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { matcherFor } from '../services/identities.ts';
import { renderReportDocx } from './docx.ts';
import { findLeaks } from './leaks.ts';
import { buildReport } from './model.ts';
import { rasterizeChart } from './raster.ts';

export interface ReportExport {
  engagementId: string;
  anonymize: AnonymizationLevel;
  language?: Language | undefined;
  sections?: readonly ReportSectionId[] | undefined;
  keep?: readonly string[] | undefined;
}

/**
 * Builds and writes the Word report. The file appears whole or not at all: it is written beside the
 * target and renamed into place, so a crash never leaves half a report under the real name.
 */
export async function writeReport(
  ctx: ServiceContext,
  request: ReportExport,
  outPath: string,
  onProgress: (share: number, stage: string) => void = () => {},
): Promise<{ path: string; bytes: number }> {
  // One read transaction: every figure, quote and table comes from the same moment, even while
  // the app goes on saving notes.
  const { model, anon, register } = ctx.db.transaction(() =>
    buildReport(ctx, request.engagementId, {
      anonymize: request.anonymize,
      ...(request.language ? { language: request.language } : {}),
      ...(request.sections ? { sections: request.sections } : {}),
      ...(request.keep ? { keep: request.keep } : {}),
      onProgress: (share, stage) => onProgress(share * 0.8, stage),
      rasterize: rasterizeChart,
    }),
  )();
  onProgress(0.85, 'docx');
  const bytes = await renderReportDocx(model);
  onProgress(0.95, 'check');
  const leaks = findLeaks(model.language, bytes, anon, register, matcherFor(register));
  if (leaks.length) {
    const first = leaks[0]!;
    throw new KuuloError('reportLeak', { text: first.text, part: first.part });
  }
  mkdirSync(dirname(outPath), { recursive: true });
  const temporary = `${outPath}.${process.pid}.partial`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, outPath);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  onProgress(1, 'done');
  return { path: outPath, bytes: bytes.byteLength };
}
