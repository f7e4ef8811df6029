import type { Language } from '../domain.ts';
import { en } from './en.ts';
import { fi } from './fi.ts';

export const resources = { en: { translation: en }, fi: { translation: fi } } as const;

/** Finnish for a Finnish OS locale, English otherwise. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}
