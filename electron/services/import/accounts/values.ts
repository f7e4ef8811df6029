import type { Importance, LifecycleStage, RoleLevel, Tier } from '../../../../shared/domain.ts';

/**
 * Cell values to the app's words and numbers. Each reader knows the spellings client lists use in
 * Finnish and English; anything else is `unknown` so that the plan warns and uses a default instead
 * of guessing.
 */

export type Reading<T> =
  | { kind: 'empty' }
  | { kind: 'value'; value: T; exact: boolean }
  | { kind: 'unknown' };

/** Lower case, letters and digits kept, runs of anything else one space. */
export function simplify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+\-−–]+/gu, ' ')
    .trim();
}

function lookup<T extends string>(table: Record<T, readonly string[]>, canonical: readonly T[]) {
  const words = new Map<string, T>();
  for (const [value, spellings] of Object.entries(table) as [T, readonly string[]][])
    for (const s of spellings) words.set(simplify(s), value);
  // Lists repeat a handful of values thousands of times: each is read once.
  const seen = new Map<string, Reading<T>>();
  return (raw: string): Reading<T> => {
    let reading = seen.get(raw);
    if (!reading) {
      reading = read(raw);
      if (seen.size < 10_000) seen.set(raw, reading);
    }
    return reading;
  };
  function read(raw: string): Reading<T> {
    const text = simplify(raw);
    if (!text) return { kind: 'empty' };
    if ((canonical as readonly string[]).includes(raw.trim()))
      return { kind: 'value', value: raw.trim() as T, exact: true };
    const value = words.get(text) ?? words.get(text.replace(/-/g, ' '));
    return value ? { kind: 'value', value, exact: false } : { kind: 'unknown' };
  }
}

export const readTier = lookup<Tier>(
  {
    key: [
      'key',
      'key account',
      'avain',
      'avainasiakas',
      'avainasiakkuus',
      'avainasiakkaat',
      'kärkiasiakas',
      'a',
      'a-asiakas',
      'a asiakas',
      'tier 1',
      '1',
    ],
    named: [
      'named',
      'named account',
      'nimetty',
      'nimetty asiakas',
      'nimetyt',
      'b',
      'b-asiakas',
      'tier 2',
      '2',
    ],
    unmanaged: [
      'unmanaged',
      'not managed',
      'other',
      'muu',
      'muut',
      'muu asiakas',
      'hallinnoimaton',
      'hoitamaton',
      'hoitamaton asiakas',
      'c',
      'c-asiakas',
      'tier 3',
      '3',
    ],
  },
  ['key', 'named', 'unmanaged'],
);

export function readImportance(raw: string): Reading<Importance> {
  const text = raw.replace(/[\s/]+/g, '').replace(/[−–]/g, '-');
  if (!text) return { kind: 'empty' };
  if (text === '++' || text === '+-' || text === '-+' || text === '--')
    return { kind: 'value', value: text, exact: text === raw.trim() };
  return { kind: 'unknown' };
}

export const readLifecycle = lookup<LifecycleStage>(
  {
    identification: [
      'identification',
      'identify',
      'tunnistus',
      'tunnistaminen',
      'tunnistettu',
      'prospect',
      'prospekti',
    ],
    first_contact: ['first contact', 'first_contact', 'ensikontakti', 'ensimmäinen kontakti', 'ensikosketus'],
    onboarding: ['onboarding', 'käyttöönotto', 'perehdytys', 'aloitus'],
    development: ['development', 'kehitys', 'kehittäminen', 'jatkuva kehittäminen', 'kasvu', 'growth'],
    ending: ['ending', 'päättyvä', 'päättyminen', 'päättymässä', 'lopetus', 'churn', 'poistuva'],
  },
  ['identification', 'first_contact', 'onboarding', 'development', 'ending'],
);

export const readRoleLevel = lookup<RoleLevel>(
  {
    strategic: [
      'strategic',
      'strateginen',
      'päättäjä',
      'päätöksentekijä',
      'decision maker',
      'decision-maker',
      'johto',
      'executive',
    ],
    influencer: ['influencer', 'vaikuttaja', 'suosittelija'],
    operational: ['operational', 'operatiivinen', 'käyttäjä', 'loppukäyttäjä', 'user', 'end user'],
  },
  ['strategic', 'influencer', 'operational'],
);

/**
 * A sum of money as lists write it: "1 234 567,50 €", "1.234.567,50", "1,234,567.50", "EUR 12 000",
 * "12,5 M€", "800 t€". The last of `.` and `,` is the decimal mark, unless it is followed by exactly
 * three digits and is the only one (then it groups thousands: "1.500", "1,500").
 */
export function readMoney(
  value: string | number | boolean,
): { kind: 'empty' } | { kind: 'value'; value: number } | { kind: 'unknown' } {
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'value', value } : { kind: 'unknown' };
  if (typeof value === 'boolean') return { kind: 'unknown' };
  let text = value.normalize('NFKC').replace(/[\s\u00a0\u202f']/g, '');
  if (!text) return { kind: 'empty' };
  let factor = 1;
  const unit = /(milj\.?|mrd\.?|m€|meur|me|mn|m|k€|keur|t€|teur|k|t)$/i.exec(
    text.replace(/(€|eur|euroa?)$/i, ''),
  );
  text = text.replace(/^(€|eur)/i, '').replace(/(€|eur|euroa?)$/i, '');
  if (unit) {
    const u = (unit[1] as string).toLowerCase();
    factor = u.startsWith('mrd') ? 1e9 : /^(k|t)/.test(u) ? 1e3 : 1e6;
    text = text.slice(0, -unit[0].length).replace(/(€|eur)$/i, '');
  }
  text = text.replace(/[−–]/g, '-');
  if (!/^-?[\d.,]+$/.test(text) || !/\d/.test(text)) return { kind: 'unknown' };
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  const mark = Math.max(lastDot, lastComma);
  let whole = text;
  let fraction = '';
  if (mark >= 0) {
    const markChar = text[mark] as string;
    const after = text.slice(mark + 1);
    const single = text.indexOf(markChar) === mark && (markChar === '.' ? lastComma : lastDot) < 0;
    const grouping = single
      ? after.length === 3 && factor === 1
      : lastDot >= 0 && lastComma >= 0
        ? false
        : text.indexOf(markChar) !== mark;
    if (!grouping) {
      whole = text.slice(0, mark);
      fraction = after;
    }
  }
  const digits = whole.replace(/[.,]/g, '');
  const number = Number(`${digits || '0'}.${fraction || '0'}`) * factor;
  return Number.isFinite(number) ? { kind: 'value', value: number } : { kind: 'unknown' };
}

export function isEmail(text: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/.test(text);
}
