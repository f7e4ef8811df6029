import { errorMessage } from '../../shared/errors.ts';
import type { ImportProgress, ImportStage } from '../../shared/events.ts';
import { KuuloError } from '../base/errors.ts';
import type { ServiceContext } from './context.ts';

/**
 * Progress of a file's preview or import as `importProgress` events: each stage as it begins, the work
 * done within it at most every PROGRESS_INTERVAL_MS (a 10 MB transcript has half a million lines; an
 * event per line would cost more than the work), and one last event when the run ends or fails.
 */

export const PROGRESS_INTERVAL_MS = 100;

export interface ProgressReporter {
  /** A stage begins; `total` counts its work (cues, rows), 0 where it is not counted. Announced at once. */
  stage: (stage: ImportStage, total?: number) => void;
  /** Work done in the stage so far; announced when the last event is PROGRESS_INTERVAL_MS old. */
  tick: (done: number) => void;
}

/** For callers nobody watches (the readers' own tests, the bench). */
export const silentProgress: ProgressReporter = { stage: () => {}, tick: () => {} };

/**
 * Runs one preview or import, announcing its stages, and its end: `finished`, with the failure where
 * it threw (a refusal's message, or "unexpected" for a bug). Works for a value and for a promise.
 */
export function withImportProgress<T>(
  ctx: ServiceContext,
  kind: ImportProgress['kind'],
  step: ImportProgress['step'],
  work: (progress: ProgressReporter) => T,
): T {
  const state: ImportProgress = {
    id: ctx.newId(),
    kind,
    step,
    stage: 'reading',
    done: 0,
    total: 0,
    finished: false,
    failure: null,
  };
  let last = 0;
  const announce = () => {
    last = performance.now();
    ctx.emit('importProgress', { ...state });
  };
  const progress: ProgressReporter = {
    stage: (stage, total = 0) => {
      if (state.finished) return;
      Object.assign(state, { stage, done: 0, total });
      announce();
    },
    tick: (done) => {
      // Never backwards, never past the total: the bar only moves on.
      const next = Math.min(Math.max(done, state.done), state.total);
      if (state.finished || next === state.done) return;
      state.done = next;
      if (performance.now() - last >= PROGRESS_INTERVAL_MS) announce();
    },
  };
  const end = (failed: boolean, error?: unknown) => {
    state.finished = true;
    if (!failed) state.done = state.total;
    else state.failure = error instanceof KuuloError ? error.detail : errorMessage('unexpected');
    announce();
  };
  progress.stage('reading');
  let result: T;
  try {
    result = work(progress);
  } catch (error) {
    end(true, error);
    throw error;
  }
  if (result instanceof Promise)
    return result.then(
      (value) => {
        end(false);
        return value;
      },
      (error: unknown) => {
        end(true, error);
        throw error;
      },
    ) as T;
  end(false);
  return result;
}
