import { describe, expect, test } from 'vitest';
import { followUpKey, isOverdue, titleFromRecommendation } from '../../shared/actions.ts';

describe('action register helpers', () => {
  test('an action title is the first sentence of the recommendation, cut at a word within 300 characters', () => {
    expect(titleFromRecommendation('Sopikaa huoltoikkunat. Kertokaa viivästyksistä.')).toBe(
      'Sopikaa huoltoikkunat.',
    );
    expect(titleFromRecommendation('  Name an owner\nfor each account  ')).toBe(
      'Name an owner for each account',
    );
    // A decimal point is not the end of a sentence.
    expect(titleFromRecommendation('Raise NPS by 2.5 points. Then more.')).toBe('Raise NPS by 2.5 points.');
    const long = titleFromRecommendation(`${'sana '.repeat(100)}loppu.`);
    expect(long.length).toBeLessThanOrEqual(300);
    expect(long.endsWith('sana…')).toBe(true);
  });

  test('a follow-up key ignores spacing, case and Unicode composition, not the interview', () => {
    const a = followUpKey('i1', 'Lupasin  soittaa\nHuoltoon.');
    expect(followUpKey('i1', ' lupasin soittaa huoltoon. ')).toBe(a);
    expect(followUpKey('i1', 'Lupasin soittaa Huoltoon.'.normalize('NFD'))).toBe(a);
    expect(followUpKey('i2', 'Lupasin soittaa Huoltoon.')).not.toBe(a);
    expect(followUpKey('i1', 'Lupasin soittaa huoltoon myöhemmin.')).not.toBe(a);
  });

  test('overdue: a due date before today, while the action is still to do', () => {
    expect(isOverdue({ dueDate: '2026-11-29', status: 'open' }, '2026-11-30')).toBe(true);
    expect(isOverdue({ dueDate: '2026-11-29', status: 'in_progress' }, '2026-11-30')).toBe(true);
    expect(isOverdue({ dueDate: '2026-11-30', status: 'open' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ dueDate: '2026-11-29', status: 'done' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ dueDate: '2026-11-29', status: 'dropped' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ dueDate: null, status: 'open' }, '2026-11-30')).toBe(false);
  });
});
