import type { Language } from '../../shared/domain.ts';
import { languageFromLocale } from '../../shared/i18n/index.ts';

/**
 * The language the CLI speaks to its user: KUULO_LANG when set (one run, e.g. a script that wants
 * English), else the workspace's own language setting (the one the app uses), else the OS locale
 * (LC_ALL, LC_MESSAGES, LANG) as the app does when that setting is empty; English by default.
 */
export function cliLanguage(env: NodeJS.ProcessEnv, workspaceSetting: Language | null): Language {
  const explicit = env.KUULO_LANG?.trim();
  if (explicit) return languageFromLocale(explicit);
  if (workspaceSetting) return workspaceSetting;
  return languageFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
