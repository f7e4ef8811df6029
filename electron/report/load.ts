import type { Language, Quote } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { RegisterEntry } from '../../shared/identity/types.ts';
import type { AnonymizationLevel } from '../../shared/report.ts';
import { listAccounts } from '../services/accounts.ts';
import type { ServiceContext } from '../services/context.ts';
import { getEngagement } from '../services/engagements.ts';
import { buildRegister, engagementVocabulary, listDecisions, matcherFor } from '../services/identities.ts';
import { type Anonymizer, type AnonymizerInput, createAnonymizer } from './anonymize.ts';
import type { PassageRow } from './content.ts';

export interface AnonymizerOptions {
  anonymize: AnonymizationLevel;
  /** The output's language: the labels ("Interviewee 3") are in it. */
  language: Language;
  /** Words to print as they are, on top of the stored review decisions. */
  keep?: readonly string[] | undefined;
  /** Sees every name or identifier found while the output is masked (the review collects them). */
  onSpan?: AnonymizerInput['onSpan'] | undefined;
}

/**
 * The one anonymiser of an engagement's outputs (the report in every format, quote exports): the
 * register, the consultant's review decisions and the engagement's own vocabulary, at one level.
 */
export function reportAnonymizer(
  ctx: ServiceContext,
  engagementId: string,
  options: AnonymizerOptions,
): { anon: Anonymizer; register: RegisterEntry[] } {
  const engagement = getEngagement(ctx, engagementId);
  const register = buildRegister(ctx, engagementId);
  const anon = createAnonymizer({
    level: options.anonymize,
    language: options.language,
    engagementId,
    clientName: engagement.clientName,
    accounts: listAccounts(ctx, engagementId),
    register,
    matcher: matcherFor(register),
    decisions: listDecisions(ctx, engagementId),
    ...engagementVocabulary(ctx, engagementId),
    ...(options.keep ? { keep: options.keep } : {}),
    ...(options.onSpan ? { onSpan: options.onSpan } : {}),
  });
  return { anon, register };
}

/**
 * Coded passages as rows for a workbook or a quote export, masked by the engagement's anonymiser:
 * the account by its label, the text and memo through the identity engine, the code's name too (an
 * engagement's own code may name a customer). `interviewNumbers` numbers the interviews as the
 * report's appendix lists them.
 */
export function passageRows(
  quotes: readonly Quote[],
  anon: Anonymizer,
  language: Language,
  interviewNumbers: ReadonlyMap<string, number>,
): PassageRow[] {
  const where = resources[language].translation.report.where;
  return quotes.map((q) => {
    const interview = interviewNumbers.get(q.interviewId) ?? 0;
    const place = `${where.quotes} · ${anon.account(q.accountId)}${q.interviewDate ? `, ${q.interviewDate}` : ''}`;
    return {
      interview,
      date: q.interviewDate,
      account: anon.account(q.accountId),
      tier: q.tier,
      roleLevels: q.roleLevels,
      code: anon.mask(q.code[language], where.codebook),
      sentiment: q.sentiment,
      severity: q.severity,
      starred: q.star,
      memo: anon.mask(q.memo, place),
      text: anon.mask(q.quote, place),
    };
  });
}
