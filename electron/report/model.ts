import type { ChartSpec } from '../../shared/charts.ts';
import type { RegisterEntry } from '../../shared/identity/types.ts';
import type { ServiceContext } from '../services/context.ts';
import type { Anonymizer } from './anonymize.ts';
import { buildReportContent, type ContentOptions } from './build.ts';
import type { ReportChart, ReportModel } from './types.ts';
import { wordLayout } from './word.ts';

export interface ReportOptions extends ContentOptions {
  /**
   * Draws the charts (the export passes rasterizeChart); without it they are left unrendered, for
   * when only the text matters (the review).
   */
  rasterize?: (spec: ChartSpec) => ReportChart;
}

/** The Word report's layout for an engagement: its content (build.ts) laid out for Word (word.ts). */
export function buildReportModel(
  ctx: ServiceContext,
  engagementId: string,
  options: ReportOptions,
): ReportModel {
  return buildReport(ctx, engagementId, options).model;
}

/** The Word layout and the anonymiser that masked it (the export checks its output with it). */
export function buildReport(
  ctx: ServiceContext,
  engagementId: string,
  options: ReportOptions,
): { model: ReportModel; anon: Anonymizer; register: RegisterEntry[] } {
  const { content, anon, register } = buildReportContent(ctx, engagementId, options);
  options.onProgress?.(0.8, 'model');
  const model = wordLayout(content, { rasterize: options.rasterize });
  options.onProgress?.(0.85, 'model');
  return { model, anon, register };
}
