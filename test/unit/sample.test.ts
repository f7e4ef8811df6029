import { describe, expect, test } from 'vitest';
import type { Consent, InterviewStatus } from '../../shared/domain.ts';
import { inSample, isHeld, isInterim, isSmallN, quotable, sampleOf } from '../../shared/sample.ts';

const interview = (status: InterviewStatus, ...consents: Consent[]) => ({
  status,
  interviewees: consents.map((consent) => ({ consent })),
});

describe('the one sample definition', () => {
  test('held means done or coded; planned and in progress are not yet held', () => {
    expect((['planned', 'in_progress', 'done', 'coded'] as const).map(isHeld)).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  test('a declined interviewee takes the interview out; a pending one keeps it in but unquoted', () => {
    expect(inSample(interview('done', 'given', 'declined'))).toBe(false);
    expect(inSample(interview('coded', 'pending'))).toBe(true);
    expect(quotable(interview('coded', 'pending'))).toBe(false);
    expect(quotable(interview('coded', 'given', 'given'))).toBe(true);
    expect(quotable(interview('in_progress', 'given'))).toBe(false);
  });

  test('counts: declined out of the total, interim while any remain to be held', () => {
    const sample = sampleOf([
      interview('coded', 'given'),
      interview('done', 'pending'),
      interview('in_progress', 'given'),
      interview('planned', 'declined'),
      interview('done', 'declined', 'given'),
    ]);
    expect(sample).toEqual({ total: 3, held: 2, notYetHeld: 1, declined: 2, consentPending: 1 });
    expect(isInterim(sample)).toBe(true);
    expect(isInterim(sampleOf([interview('done', 'given'), interview('planned', 'declined')]))).toBe(false);
  });

  test('small n is below 5', () => {
    expect([0, 1, 4, 5, 12].map(isSmallN)).toEqual([true, true, true, false, false]);
  });
});
