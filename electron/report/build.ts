import type { Language } from '../../shared/domain.ts';
import type { RegisterEntry } from '../../shared/identity/types.ts';
import { type AnonymizationLevel, REPORT_SECTIONS, type ReportSectionId } from '../../shared/report.ts';
import type { ServiceContext } from '../services/context.ts';
import { getEngagement } from '../services/engagements.ts';
import { actionsContent } from './actionsSection.ts';
import type { Anonymizer, AnonymizerInput } from './anonymize.ts';
import type { ReportContent } from './content.ts';
import { answersContent } from './guideSection.ts';
import { loadReportData, samplePassages } from './load.ts';
import {
  benchmarkContent,
  codebookGroups,
  coverContent,
  findingsContent,
  interviewRows,
  keyPersonContent,
  methodContent,
  recommendationsContent,
  scoresContent,
  summaryContent,
} from './sections.ts';
import { wavesContent } from './wavesSection.ts';

export interface ContentOptions {
  /** By default the engagement's language. */
  language?: Language | undefined;
  anonymize: AnonymizationLevel;
  sections?: readonly ReportSectionId[] | undefined;
  /** Every coded passage too (the workbook's quotes sheet). */
  passages?: boolean | undefined;
  /** Called as the content takes shape, 0–1. */
  onProgress?: ((share: number, stage: string) => void) | undefined;
  /** Words to print as they are, on top of the stored review decisions. */
  keep?: readonly string[] | undefined;
  /** Sees every name or identifier found while the content is masked (the review collects them). */
  onSpan?: AnonymizerInput['onSpan'] | undefined;
}

/**
 * Data → what the findings report says, in the engagement's language (or the one asked for),
 * anonymised at the chosen level. All figures come from the analysis services; the renderers
 * (Word, PowerPoint, Excel) only lay it out.
 */
export function buildReportContent(
  ctx: ServiceContext,
  engagementId: string,
  options: ContentOptions,
): { content: ReportContent; anon: Anonymizer; register: RegisterEntry[] } {
  const progress = options.onProgress ?? (() => {});
  const engagement = getEngagement(ctx, engagementId);
  const language = options.language ?? engagement.language;
  progress(0.05, 'data');
  const d = loadReportData(ctx, engagementId, {
    anonymize: options.anonymize,
    language,
    keep: options.keep,
    onSpan: options.onSpan,
  });
  const wanted = new Set(options.sections ?? REPORT_SECTIONS);
  const section = <T>(id: ReportSectionId, make: () => T): T | null => (wanted.has(id) ? make() : null);
  progress(0.25, 'figures');
  const summary = section('summary', () => summaryContent(d));
  const method = section('method', () => methodContent(d));
  progress(0.4, 'findings');
  const findings = section('findings', () => findingsContent(d));
  progress(0.6, 'scores');
  const content: ReportContent = {
    language,
    engagementLanguage: engagement.language,
    anonymize: options.anonymize,
    cover: coverContent(d),
    period: d.period,
    stats: d.stats,
    summary,
    method,
    findings,
    scores: section('scores', () => scoresContent(d)),
    answers: section('answers', () => answersContent(ctx, d)),
    keyPerson: section('keyPerson', () => keyPersonContent(d)),
    benchmark: section('benchmark', () => benchmarkContent(d)),
    waves: section('waves', () => wavesContent(ctx, d)),
    recommendations: section('recommendations', () => recommendationsContent(d)),
    actions: section('recommendations', () => actionsContent(ctx, engagementId, d)),
    appendixInterviews: section('appendixInterviews', () => interviewRows(d)),
    appendixCodebook: section('appendixCodebook', () => codebookGroups(d)),
    passages: options.passages ? samplePassages(ctx, d) : null,
  };
  progress(0.75, 'recommendations');
  return { content, anon: d.anon, register: d.register };
}
