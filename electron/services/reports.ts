import type { z } from 'zod';
import type { ExportJob } from '../../shared/report.ts';
import type { ReportRequest } from '../../shared/schemas.ts';
import type { ServiceContext } from './context.ts';
import { getEngagement } from './engagements.ts';
import { exportPath } from './exportFiles.ts';
import { startJob } from './jobs.ts';

/** Starts writing the engagement's report (Word, PowerPoint or Excel) into the export folder, on a worker thread. */
export function startReportExport(ctx: ServiceContext, request: z.output<typeof ReportRequest>): ExportJob {
  getEngagement(ctx, request.engagementId);
  const { fileName, ...options } = request;
  // The worker takes "Name (2).pptx" and so on if the name is taken when it writes.
  const path = exportPath(ctx.exportDir, fileName, request.format);
  if (!ctx.reportWorker) throw new Error('This workspace was opened without a report worker to export with.');
  return startJob(ctx, ctx.reportWorker, { dbPath: ctx.dbPath, request: options, outPath: path }, path);
}
