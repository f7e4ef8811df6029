import type { Consent, InterviewStatus } from './domain.ts';

/**
 * The one sample definition of the app, `kuulo stats` and the report. An interview is in the figures
 * when it has been held (done, or done and coded) and none of its interviewees declined consent; one
 * still planned or in progress is not yet in them, so an in-progress interview never inflates a base.
 * An interview with consent still pending is counted but never quoted. The SQL form of the same rule
 * is `inSample` / `quotable` in electron/services/analysis/common.ts.
 */
export const HELD_STATUSES = ['done', 'coded'] as const satisfies readonly InterviewStatus[];

/** Statuses that make the figures interim while any interview still has them. */
export const NOT_YET_HELD_STATUSES = ['planned', 'in_progress'] as const satisfies readonly InterviewStatus[];

/** Below this many answers in its base, a percentage is marked (grey, hatched, footnoted). */
export const SMALL_N = 5;

/** Below this many answers, an NPS is shown with its promoters, passives and detractors. */
export const SMALL_NPS_N = 10;

export const isHeld = (status: InterviewStatus): boolean =>
  (HELD_STATUSES as readonly InterviewStatus[]).includes(status);

export const isSmallN = (n: number): boolean => n < SMALL_N;

interface SampleInterview {
  status: InterviewStatus;
  interviewees: readonly { consent: Consent }[];
}

/** Held, and nobody in it declined: its notes count in the figures. */
export const inSample = (interview: SampleInterview): boolean =>
  isHeld(interview.status) && !interview.interviewees.some((p) => p.consent === 'declined');

/** In the sample with everyone's consent given: only such an interview may be quoted. */
export const quotable = (interview: SampleInterview): boolean =>
  inSample(interview) && interview.interviewees.every((p) => p.consent === 'given');

/** How an engagement's interviews stand against the sample definition. */
export interface Sample {
  /** Interviews of the engagement that nobody declined (held or not). */
  total: number;
  /** In the figures: held, nobody declined. */
  held: number;
  /** Planned or in progress (nobody declined): not yet in the figures. */
  notYetHeld: number;
  /** Left out of figures and quotes because an interviewee declined consent (any status). */
  declined: number;
  /** Held interviews counted in the figures but not quoted: someone's consent is still pending. */
  consentPending: number;
}

/** Figures are interim while any interview is still to be held. */
export const isInterim = (sample: Sample): boolean => sample.notYetHeld > 0;

/** Counts the interviews against the definition (the services do the same in SQL; tests compare). */
export function sampleOf(interviews: readonly SampleInterview[]): Sample {
  const declined = interviews.filter((i) => i.interviewees.some((p) => p.consent === 'declined')).length;
  const held = interviews.filter(inSample);
  return {
    total: interviews.length - declined,
    held: held.length,
    notYetHeld: interviews.length - declined - held.length,
    declined,
    consentPending: held.filter((i) => !quotable(i)).length,
  };
}
