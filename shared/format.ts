import type { Language } from './domain.ts';

/**
 * The one number, date and plural formatter of the app, the report and the CLI. Figures are
 * rounded here, once, from the counts they come from; a figure that was already rounded is never
 * rounded again (5/11 is 45 %, not 45.5 % → 46 %).
 *
 * Locale forms are Intl's for fi-FI and en-GB, kept as Intl gives them: Finnish puts a no-break
 * space (U+00A0) before "%" and "€" and between thousands ("12,5 %", "1 850 000 €"); British
 * English has none ("12.5%", "€1,850,000"). Negative numbers take the real minus sign (U+2212) in
 * both languages (Intl gives it for Finnish only), so "−3" reads the same in text and charts.
 * Times are 24-hour in both languages.
 */

export const LOCALES: Record<Language, string> = { fi: 'fi-FI', en: 'en-GB' };

const MINUS = '\u2212';
const NBSP = '\u00a0';
/** What follows a percentage-point difference; a no-break space keeps it with its number. */
const POINTS: Record<Language, string> = { fi: `${NBSP}%-yks.`, en: `${NBSP}pp` };

/** Rounds half away from zero, so −12.5 and 12.5 round to the same magnitude. */
export function roundHalfAway(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  // The small nudge absorbs binary noise such as 1.005 * 100 = 100.49999999999999.
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(scaled + scaled * Number.EPSILON * 4);
  return rounded === 0 ? 0 : (Math.sign(value) * rounded) / factor;
}

/** `part` of `whole` as a percentage rounded once, to `decimals`; 0 when the whole is empty. */
export function percentOf(part: number, whole: number, decimals = 0): number {
  if (!(whole > 0)) return 0;
  const factor = 10 ** decimals;
  // Integer counts make part * 100 * factor exact, so a true half (1/8 = 12.5 %) stays a half.
  const scaled = (part * 100 * factor) / whole;
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return rounded === 0 ? 0 : rounded / factor;
}

/**
 * Shares of a column that must sum to exactly 100 (largest remainder method): every share is
 * rounded down to `decimals`, and the units still missing go to the largest remainders (ties: the
 * larger count, then the earlier row). An empty column gives zeros. Negative counts are not shares.
 */
export function shares(counts: readonly number[], decimals = 0): number[] {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (!(total > 0)) return counts.map(() => 0);
  const factor = 10 ** decimals;
  const units = 100 * factor;
  // Remainders in whole units of count (c * units mod total), not as fractions: 4/6 and 1/6 of 1000
  // leave the same remainder 4 exactly, where 666.67 − 666 and 166.67 − 166 differ in the last bit
  // and would break the tie by floating-point noise instead of by the rule.
  const rests = counts.map((c) => (c * units) % total);
  const floors = counts.map((c, i) => Math.round((c * units - rests[i]!) / total));
  let missing = units - floors.reduce((sum, f) => sum + f, 0);
  const order = counts
    .map((c, i) => ({ i, c, rest: rests[i]! }))
    .sort((a, b) => b.rest - a.rest || b.c - a.c || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return floors.map((f) => f / factor);
}

/**
 * A difference in percentage points between two figures as they are shown (both already rounded
 * by this module), so a table reads "55 % | 55 % | 0", never "−1".
 */
export function pointsBetween(shownA: number, shownB: number, decimals = 0): number {
  return roundHalfAway(shownA - shownB, decimals);
}

type Category = 'one' | 'other';
type Values = Record<string, string | number>;

/** Keys `K` of `T` that have both `K_one` and `K_other` (i18next's plural keys in fi and en). */
export type PluralKey<T> = {
  [K in keyof T & string]: K extends `${infer B}_other` ? (`${B}_one` extends keyof T ? B : never) : never;
}[keyof T & string];

export interface Formatter {
  language: Language;
  locale: string;
  /** A number in the language's form, rounded once to `decimals` (0 by default), with a real minus. */
  number(value: number, decimals?: number): string;
  /** A percentage from counts: "45 %" / "45%". */
  percent(part: number, whole: number, decimals?: number): string;
  /** A percentage that is exact (not yet rounded, e.g. a mean of shares) or already rounded here. */
  percentValue(value: number, decimals?: number): string;
  /** A signed number: "+8", "−3", "0". */
  signed(value: number, decimals?: number): string;
  /** A signed percentage-point difference: "−3 %-yks." / "−3 pp", "+8 pp", "0 pp". */
  points(value: number, decimals?: number): string;
  /** Whole euros: "1 850 000 €" / "€1,850,000". */
  money(value: number): string;
  /**
   * A calendar date ("2026-03-12") or an ISO timestamp: "12. maaliskuuta 2026" / "12 March 2026",
   * short "12.3.2026" / "12/03/2026", or its month "3.2026" / "03/2026".
   */
  date(iso: string, style?: 'long' | 'short' | 'month'): string;
  /** Time of day, 24-hour: "22.23" / "22:23" (with seconds when asked). */
  time(value: string | number | Date, seconds?: boolean): string;
  /** Short date and time: "12.3.2026 klo 22.23" / "12 Mar 2026, 22:23". */
  dateTime(value: string | number | Date): string;
  /** i18next's plural category for a count ("one" for 1 in both languages, "other" for 0, 2, many). */
  pluralCategory(count: number): Category;
  /**
   * The `key_one` / `key_other` text of `messages` for `count`, the way i18next picks it, with
   * `{{count}}` and other numbers in the language's form. For texts built outside i18next (the
   * report, the CLI).
   */
  plural<T extends object>(messages: T, key: PluralKey<T>, count: number, values?: Values): string;
  /** Fills `{{name}}` placeholders; numbers in the language's form. */
  fill(text: string, values: Values): string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface FormatterOptions {
  /** For timestamps (not calendar dates); the system's zone by default. Tests pin it. */
  timeZone?: string;
}

function create(language: Language, options: FormatterOptions): Formatter {
  const locale = LOCALES[language];
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (key: string, make: () => Intl.NumberFormat) => {
    let f = numberFormats.get(key);
    if (!f) {
      f = make();
      numberFormats.set(key, f);
    }
    return f;
  };
  const minus = (text: string) => text.replace(/^-|(?<=[^\d])-(?=\d)/, MINUS);
  const digits = (decimals: number) => ({ minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const asNumber = (value: number, decimals: number) =>
    minus(
      numberFormat(`n${decimals}`, () => new Intl.NumberFormat(locale, digits(decimals))).format(
        roundHalfAway(value, decimals),
      ),
    );
  const asPercent = (rounded: number, decimals: number) =>
    minus(
      numberFormat(
        `p${decimals}`,
        () => new Intl.NumberFormat(locale, { style: 'percent', ...digits(decimals) }),
      ).format(rounded / 100),
    );
  const asSigned = (value: number, decimals: number) =>
    minus(
      numberFormat(
        `s${decimals}`,
        () => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', ...digits(decimals) }),
      ).format(roundHalfAway(value, decimals)),
    );
  const when = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));
  const plurals = new Intl.PluralRules(locale);
  const fill = (text: string, values: Values) =>
    text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const value = values[key];
      return typeof value === 'number' ? asNumber(value, Number.isInteger(value) ? 0 : 1) : (value ?? '');
    });
  const pluralCategory = (count: number): Category => (plurals.select(count) === 'one' ? 'one' : 'other');

  return {
    language,
    locale,
    number: (value, decimals = 0) => asNumber(value, decimals),
    percent: (part, whole, decimals = 0) => asPercent(percentOf(part, whole, decimals), decimals),
    percentValue: (value, decimals = 0) => asPercent(roundHalfAway(value, decimals), decimals),
    signed: (value, decimals = 0) => asSigned(value, decimals),
    points: (value, decimals = 0) => `${asSigned(value, decimals)}${POINTS[language]}`,
    money: (value) =>
      minus(
        numberFormat(
          'eur',
          () =>
            new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
        ).format(Math.round(value)),
      ),
    date: (iso, style = 'long') => {
      // A calendar date is the same day everywhere: read and print it in UTC.
      const dateOnly = DATE_ONLY.test(iso);
      const d = new Date(dateOnly ? `${iso}T12:00:00Z` : iso);
      return new Intl.DateTimeFormat(locale, {
        ...(style === 'long'
          ? { day: 'numeric', month: 'long', year: 'numeric' }
          : style === 'month'
            ? { month: 'numeric', year: 'numeric' }
            : { dateStyle: 'short' }),
        ...(dateOnly ? { timeZone: 'UTC' } : zone),
      }).format(d);
    },
    time: (value, seconds = false) =>
      new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        ...(seconds ? { second: '2-digit' } : {}),
        hourCycle: 'h23',
        ...zone,
      }).format(when(value)),
    dateTime: (value) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        hourCycle: 'h23',
        ...zone,
      }).format(when(value)),
    pluralCategory,
    plural: (messages, key, count, values = {}) => {
      const all = messages as Record<string, unknown>;
      const text = all[`${key}_${pluralCategory(count)}`] ?? all[`${key}_other`];
      return fill(typeof text === 'string' ? text : '', { ...values, count });
    },
    fill,
  };
}

const cache = new Map<Language, Formatter>();

/** The formatter of a language (one per language, shared; pass options only in tests). */
export function formatter(language: Language, options?: FormatterOptions): Formatter {
  if (options) return create(language, options);
  let f = cache.get(language);
  if (!f) {
    f = create(language, {});
    cache.set(language, f);
  }
  return f;
}
