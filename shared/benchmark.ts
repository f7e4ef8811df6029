import type { Benchmark, BenchmarkComparator } from './analysis.ts';
import type { Language } from './domain.ts';
import { formatter } from './format.ts';
import { resources } from './i18n/index.ts';

/**
 * The words that say what a benchmark compares with — how many studies, their n and their years —
 * the same in the app, the report and the CLI, so none of them can call later studies "earlier".
 */

/** "2024–2025", "2024", or '' when no comparator has a date. Years are plain text, never grouped. */
export function comparatorYears(comparators: readonly BenchmarkComparator[]): string {
  const years = comparators
    .flatMap((c) => [c.start, c.end])
    .filter((d): d is string => d !== null)
    .map((d) => d.slice(0, 4))
    .sort();
  const [first, last] = [years[0], years.at(-1)];
  if (!first || !last) return '';
  return first === last ? first : `${first}–${last}`;
}

/** Every comparator ended before this engagement began, so they may be called earlier. */
export const comparedWithEarlier = (b: Benchmark): boolean => b.comparators.every((c) => c.earlier);

/**
 * "Compared with 2 earlier studies (n = 27 interviews), 2024–2025"; with no comparator, the sentence
 * that says there is nothing to compare with (none earlier, or none picked).
 */
export function benchmarkLabel(b: Benchmark, lang: Language): string {
  const m = resources[lang].translation.benchmark;
  const f = formatter(lang);
  if (b.others === 0) return b.picked ? m.noneChosen : m.none;
  const years = comparatorYears(b.comparators);
  return f.plural(m, comparedWithEarlier(b) ? 'earlier' : 'other', b.others, {
    interviews: f.plural(m, 'interviews', b.interviews),
    years: years ? f.fill(m.years, { years }) : '',
  });
}

/** The chart's name for the comparators' bars: "Mean of 2 earlier studies (n = 27)". */
export function benchmarkLegend(b: Benchmark, lang: Language): string {
  const m = resources[lang].translation.benchmark;
  return formatter(lang).plural(m, comparedWithEarlier(b) ? 'legendEarlier' : 'legendOther', b.others, {
    interviews: b.interviews,
  });
}
