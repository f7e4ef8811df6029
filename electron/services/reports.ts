import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import type { ExportJob } from '../../shared/report.ts';
import type { ReportRequest } from '../../shared/schemas.ts';
import { KuuloError } from '../base/errors.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { startJob } from './jobs.ts';

/**
 * "Name.docx", or "Name (2).docx" and so on: an export never overwrites a file written earlier (a
 * report edited in Word, a deck reworked for the board).
 */
export function freePath(base: string, extension: string): string {
  for (let n = 1; ; n++) {
    const path = n === 1 ? `${base}.${extension}` : `${base} (${n}).${extension}`;
    if (!existsSync(path)) return path;
  }
}

/** Starts writing the engagement's report (Word, PowerPoint or Excel) into the export folder, on a worker thread. */
export function startReportExport(ctx: ServiceContext, request: z.output<typeof ReportRequest>): ExportJob {
  getEngagement(ctx, request.engagementId);
  const { fileName, ...options } = request;
  const path = freePath(join(ctx.exportDir, fileName.replace(/\.(docx|pptx|xlsx)$/i, '')), request.format);
  // "..", "." and the like would name a file outside the export folder.
  if (resolve(dirname(path)) !== resolve(ctx.exportDir)) {
    throw new KuuloError('fileNameNeedsLetters');
  }
  if (!ctx.reportWorker) throw new Error('This workspace was opened without a report worker to export with.');
  return startJob(ctx, ctx.reportWorker, { dbPath: ctx.dbPath, request: options, outPath: path }, path);
}
