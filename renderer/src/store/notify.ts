import { create } from 'zustand';
import type { KuuloErrorValue, Result } from '../../../shared/contract.ts';
import type { Language } from '../../../shared/domain.ts';
import type { ErrorMessage } from '../../../shared/errors.ts';
import { phraseError } from '../../../shared/i18n/errors.ts';
import { languageFromLocale } from '../../../shared/i18n/index.ts';
import { i18next } from '../i18n/index.ts';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

interface NotifyState {
  toasts: Toast[];
  push: (kind: Toast['kind'], message: string) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useNotify = create<NotifyState>((set) => ({
  toasts: [],
  push: (kind, message) => {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, message }] }));
    setTimeout(
      () => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
      kind === 'error' ? 8000 : 3000,
    );
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** The UI language now: errors are phrased when they happen, in the language the user reads. */
const uiLanguage = (): Language => languageFromLocale(i18next.language);

/** A service error in the user's language; `message` is what every form and toast shows. */
export const phraseServiceError = (error: ErrorMessage & { message?: string }): string =>
  phraseError(error, uiLanguage());

/** A failed call; its `message` is phrased in the UI language, `error` keeps the code to branch on. */
export class ServiceError extends Error {
  readonly error: KuuloErrorValue;
  constructor(error: KuuloErrorValue) {
    super(phraseServiceError(error));
    this.error = error;
  }
}

/** Returns the value or throws; callers that show errors catch ServiceError. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ServiceError(result.error);
  return result.value;
}

/** Runs an action and shows its failure as a toast instead of losing it. */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    useNotify.getState().push('error', error instanceof Error ? error.message : String(error));
    return undefined;
  }
}
