import { join } from 'node:path';
import type { z } from 'zod';
import type { ExportJob } from '../../shared/report.ts';
import type { ReportRequest } from '../../shared/schemas.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { startJob } from './jobs.ts';

/** Starts writing the engagement's Word report into the export folder, on a worker thread. */
export function startReportExport(ctx: ServiceContext, request: z.output<typeof ReportRequest>): ExportJob {
  getEngagement(ctx, request.engagementId);
  const { fileName, ...options } = request;
  const path = join(ctx.exportDir, /\.docx$/i.test(fileName) ? fileName : `${fileName}.docx`);
  return startJob(ctx, ctx.reportWorker, { dbPath: ctx.dbPath, request: options, outPath: path }, path);
}
