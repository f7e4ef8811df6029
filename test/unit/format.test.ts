import fc from 'fast-check';
import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import { formatter, percentOf, pointsBetween, roundHalfAway, shares } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';

const fi = formatter('fi', { timeZone: 'Europe/Helsinki' });
const en = formatter('en', { timeZone: 'Europe/Helsinki' });
const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('percentages are rounded once, from counts', () => {
  test('5/11 is 45 %, not 46 % (45.45… must not pass through 45.5)', () => {
    expect(percentOf(5, 11)).toBe(45);
    expect(fi.percent(5, 11)).toBe(`45${NBSP}%`);
    expect(en.percent(5, 11)).toBe('45%');
    // The old way: one decimal first, then whole.
    expect(Math.round(Math.round((5 / 11) * 1000) / 10)).toBe(46);
  });

  test('a true half rounds away from zero, with decimals as asked', () => {
    expect(percentOf(1, 8)).toBe(13);
    expect(percentOf(1, 8, 1)).toBe(12.5);
    expect(fi.percent(1, 8, 1)).toBe(`12,5${NBSP}%`);
    expect(en.percent(1, 8, 1)).toBe('12.5%');
    expect(fi.percent(1, 200, 1)).toBe(`0,5${NBSP}%`);
    expect(percentOf(2, 7, 1)).toBe(28.6);
    expect(fi.percent(2, 7, 1)).toBe(`28,6${NBSP}%`);
  });

  test('an empty base is 0 %, never NaN', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(en.percent(3, 0)).toBe('0%');
  });

  test('roundHalfAway treats negatives like positives and ignores binary noise', () => {
    expect(roundHalfAway(12.5)).toBe(13);
    expect(roundHalfAway(-12.5)).toBe(-13);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(Object.is(roundHalfAway(-0.2), 0)).toBe(true);
  });
});

describe('shares of a column sum to exactly 100', () => {
  test('revenue 87 / 12.5 / 0.5: one decimal keeps them, whole percents still sum to 100', () => {
    const revenue = [1_740_000, 250_000, 10_000];
    expect(shares(revenue, 1)).toEqual([87, 12.5, 0.5]);
    const whole = shares(revenue);
    expect(whole.reduce((a, b) => a + b, 0)).toBe(100);
    // Rounding each alone gives 87 + 13 + 1 = 101, the measured bug.
    expect(revenue.map((r) => percentOf(r, 2_000_000)).reduce((a, b) => a + b, 0)).toBe(101);
    expect(whole).toEqual([87, 13, 0]);
  });

  test('thirds: 33 + 33 + 34 in the order of the largest remainder, ties to the earlier row', () => {
    expect(shares([1, 1, 1])).toEqual([34, 33, 33]);
    expect(shares([1, 1, 1], 1)).toEqual([33.4, 33.3, 33.3]);
  });

  test('equal remainders are equal: the tie goes to the larger count, then the earlier row, never to float noise', () => {
    // 4/6, 1/6, 1/6 of 1000 all leave 4/6 of a unit; as fractions they differ in the last bit.
    expect(shares([4, 1, 1], 1)).toEqual([66.7, 16.7, 16.6]);
    expect(shares([1, 4, 1], 1)).toEqual([16.7, 66.7, 16.6]);
    expect(shares([1, 1, 4], 1)).toEqual([16.7, 16.6, 66.7]);
    expect(shares([4, 1, 1])).toEqual([67, 17, 16]);
    // The same with large counts (revenue in euros).
    expect(shares([4_000_000, 1_000_000, 1_000_000], 1)).toEqual([66.7, 16.7, 16.6]);
  });

  test('an empty column is all zeros', () => {
    expect(shares([0, 0])).toEqual([0, 0]);
    expect(shares([])).toEqual([]);
  });

  test('any column of counts sums to 100 and each share is within one unit of exact', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 5_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(0, 1),
        (counts, decimals) => {
          const total = counts.reduce((a, b) => a + b, 0);
          const result = shares(counts, decimals);
          if (total === 0) return result.every((s) => s === 0);
          const unit = 10 ** -decimals;
          const sum = result.reduce((a, b) => a + b, 0);
          return (
            Math.abs(sum - 100) < 1e-9 &&
            result.every((s, i) => Math.abs(s - (counts[i]! / total) * 100) < unit + 1e-9)
          );
        },
      ),
    );
  });
});

describe('differences in percentage points', () => {
  test('computed from the shown figures: 55 % | 55 % | 0, not −1', () => {
    // 54.6 % here against a mean of 55.4 % elsewhere: both show as 55 %, so the gap is 0.
    const here = percentOf(6, 11);
    const there = roundHalfAway(55.4);
    expect([here, there]).toEqual([55, 55]);
    expect(pointsBetween(here, there)).toBe(0);
    expect(en.points(pointsBetween(here, there))).toBe(`0${NBSP}pp`);
  });

  test('negatives with a real minus, positives with a plus, in both languages', () => {
    expect(fi.points(-3)).toBe(`${MINUS}3${NBSP}%-yks.`);
    expect(en.points(-3)).toBe(`${MINUS}3${NBSP}pp`);
    expect(en.points(8)).toBe(`+8${NBSP}pp`);
    expect(fi.points(-27.4)).toBe(`${MINUS}27${NBSP}%-yks.`);
    expect(fi.points(-0.4)).toBe(`0${NBSP}%-yks.`);
  });

  test('other negatives carry the minus too', () => {
    expect(fi.number(-33)).toBe(`${MINUS}33`);
    expect(en.number(-33)).toBe(`${MINUS}33`);
    expect(en.percentValue(-12.5, 1)).toBe(`${MINUS}12.5%`);
  });
});

describe('locale forms', () => {
  test('money in whole euros', () => {
    expect(fi.money(1_850_000)).toBe(`1${NBSP}850${NBSP}000${NBSP}€`);
    expect(en.money(1_850_000)).toBe('€1,850,000');
    expect(en.money(1_200_000)).not.toBe('1,200,000 €');
  });

  test('numbers group thousands the language’s way', () => {
    expect(fi.number(12_345)).toBe(`12${NBSP}345`);
    expect(en.number(12_345)).toBe('12,345');
    expect(fi.number(4.25, 1)).toBe('4,3');
    expect(en.number(4.25, 1)).toBe('4.3');
  });

  test('calendar dates are the same day in any time zone', () => {
    expect(fi.date('2026-03-12')).toBe('12. maaliskuuta 2026');
    expect(en.date('2026-03-12')).toBe('12 March 2026');
    expect(fi.date('2026-03-12', 'short')).toBe('12.3.2026');
    expect(en.date('2026-03-12', 'short')).toBe('12/03/2026');
    expect(formatter('en', { timeZone: 'Pacific/Honolulu' }).date('2026-03-12')).toBe('12 March 2026');
  });

  test('times are 24-hour in both languages', () => {
    const late = '2026-03-12T20:23:05Z'; // 22:23:05 in Helsinki
    expect(en.time(late)).toBe('22:23');
    expect(en.time(late)).not.toMatch(/PM/);
    expect(fi.time(late)).toBe('22.23');
    expect(en.time(late, true)).toBe('22:23:05');
    expect(en.dateTime(late)).toBe('12 Mar 2026, 22:23');
    expect(fi.dateTime(late)).toMatch(/^12\.3\.2026.*22\.23$/);
  });
});

describe('plurals follow i18next’s keys in both languages', () => {
  const counts = [0, 1, 2, 1850];

  test('the report subtitle: 0, 1, 2 and many interviews', () => {
    expect(counts.map((n) => en.plural(resources.en.translation.report, 'subtitle', n))).toEqual([
      'Findings from 0 customer interviews',
      'Findings from 1 customer interview',
      'Findings from 2 customer interviews',
      'Findings from 1,850 customer interviews',
    ]);
    expect(counts.map((n) => fi.plural(resources.fi.translation.report, 'subtitle', n))).toEqual([
      'Löydökset 0 asiakashaastattelusta',
      'Löydökset 1 asiakashaastattelusta',
      'Löydökset 2 asiakashaastattelusta',
      `Löydökset 1${NBSP}850 asiakashaastattelusta`,
    ]);
  });

  test('"1 interviews", "We interviewed 1 people" and "1 haastattelua" are gone', () => {
    const lead = (lang: 'fi' | 'en', people: number, accounts: number) => {
      const f = formatter(lang);
      const r = resources[lang].translation.report;
      return f.fill(r.summaryLead, {
        people: f.plural(r, 'summaryPeople', people),
        accounts: f.plural(r, 'summaryAccounts', accounts),
        client: 'Acme',
        from: 'a',
        to: 'b',
      });
    };
    expect(lead('en', 1, 1)).toContain('We interviewed 1 person in 1 customer account of Acme');
    expect(lead('en', 2, 2)).toContain('We interviewed 2 people in 2 customer accounts of Acme');
    expect(lead('fi', 1, 1)).toContain('Haastattelimme 1 henkilön Acme:n 1 asiakasyrityksestä a – b.');
    expect(lead('fi', 5, 2)).toContain('Haastattelimme 5 henkilöä Acme:n 2 asiakasyrityksestä a – b.');
    const base = (lang: 'fi' | 'en', n: number) =>
      formatter(lang).plural(resources[lang].translation.analysis, 'baseInterviews', n);
    expect(counts.map((n) => base('en', n))).toEqual([
      '0 interviews',
      '1 interview',
      '2 interviews',
      '1,850 interviews',
    ]);
    expect(counts.map((n) => base('fi', n))).toEqual([
      '0 haastattelua',
      '1 haastattelu',
      '2 haastattelua',
      `1${NBSP}850 haastattelua`,
    ]);
  });

  test('the renderer’s i18next picks the same keys as the report’s formatter', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
    for (const lang of ['fi', 'en'] as const) {
      const t = i18n.getFixedT(lang);
      for (const n of [0, 1, 2, 7]) {
        expect(t('analysis.baseInterviews', { count: n })).toBe(
          formatter(lang).plural(resources[lang].translation.analysis, 'baseInterviews', n),
        );
        expect(formatter(lang).pluralCategory(n)).toBe(n === 1 ? 'one' : 'other');
      }
    }
  });

  test('every _one key has its _other in both languages', () => {
    const walk = (node: unknown, path: string, out: string[]) => {
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && k.endsWith('_one')) out.push(`${path}${k.slice(0, -4)}`);
        else walk(v, `${path}${k}.`, out);
      }
    };
    for (const lang of ['fi', 'en'] as const) {
      const ones: string[] = [];
      walk(resources[lang].translation, '', ones);
      for (const key of ones) {
        const parent = key.split('.').slice(0, -1);
        const last = key.split('.').at(-1)!;
        let node: unknown = resources[lang].translation;
        for (const p of parent) node = (node as Record<string, unknown>)[p];
        expect(typeof (node as Record<string, unknown>)[`${last}_other`], `${lang}: ${key}_other`).toBe(
          'string',
        );
      }
    }
  });
});
