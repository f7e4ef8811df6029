import { create } from 'zustand';
import type { KuuloErrorValue, Result } from '../../../shared/contract.ts';

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

export class ServiceError extends Error {
  readonly error: KuuloErrorValue;
  constructor(error: KuuloErrorValue) {
    super(error.message);
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
