import type { Language } from './domain.ts';
import { formatter } from './format.ts';
import { resources } from './i18n/index.ts';
import type { ScaleSummary } from './scales.ts';
import type { ChangeMark, ShareFigure, WaveRef } from './waves.ts';

/**
 * The wave comparison's figures in words, the same in the app, the Word report and the workbook:
 * a share with its count, a score with its n (an NPS with its promoters, passives and detractors),
 * a change mark in words ("no clear change", never an arrow without the rule behind it).
 */
const texts = (lang: Language) => resources[lang].translation.waves;
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

export const markText = (mark: ChangeMark, lang: Language): string => texts(lang).marks[mark];

export function shareText(share: ShareFigure, base: number, lang: Language): string {
  return `${formatter(lang).percentValue(share.interviewsPct, 1)} (${share.interviews}/${base})`;
}

export function scoreText(summary: ScaleSummary, lang: Language): string {
  const l = texts(lang);
  const f = formatter(lang);
  if (!summary.n || summary.mean === null) return l.noAnswers;
  switch (summary.scale) {
    case 'nps':
      return fill(l.npsCell, {
        nps: f.number(summary.nps ?? 0),
        n: summary.n,
        promoters: summary.promoters,
        passives: summary.passives,
        detractors: summary.detractors,
      });
    case 'yesno':
      return fill(l.yesCell, { pct: f.percentValue(summary.mean * 100), n: summary.n });
    case 'five':
      return fill(l.meanCell, { mean: f.number(summary.mean, 1), n: summary.n });
  }
}

/** A wave's dates as one span, or nothing. */
export function wavePeriod(wave: Pick<WaveRef, 'periodStart' | 'periodEnd'>, lang: Language): string {
  const f = formatter(lang);
  return [wave.periodStart, wave.periodEnd]
    .filter((d): d is string => Boolean(d))
    .map((d) => f.date(d))
    .join('–');
}

export const waveText = fill;
