import type { Language } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n/index.ts';

/** The main process's own dialogs, in the app's language (i18next runs only in the renderer). */
export type ShellText = (typeof resources)['en']['translation']['shell'];

export const shellText = (language: Language): ShellText => resources[language].translation.shell;

/** Fills {{name}} placeholders the way i18next does. */
export const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
