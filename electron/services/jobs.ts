import { Worker } from 'node:worker_threads';
import { type ErrorMessage, errorMessage } from '../../shared/errors.ts';
import { phraseError } from '../../shared/i18n/errors.ts';
import type { ExportJob } from '../../shared/report.ts';
import { notFound } from '../base/errors.ts';
import type { ServiceContext } from './context.ts';

type WorkerMessage =
  | { type: 'progress'; share: number; stage: string }
  | { type: 'done'; path: string }
  | { type: 'error'; detail: ErrorMessage };

const jobs = new Map<string, ExportJob>();

/**
 * Long work (the Word export) runs on a worker thread, so the app stays responsive; the UI polls
 * the job for its progress.
 */
export function startJob(ctx: ServiceContext, workerUrl: URL, workerData: unknown, path: string): ExportJob {
  const job: ExportJob = {
    id: ctx.newId(),
    progress: 0,
    stage: 'start',
    done: false,
    path,
    error: null,
    failure: null,
    ms: null,
  };
  jobs.set(job.id, job);
  const started = performance.now();
  const worker = new Worker(workerUrl, { workerData });
  const finish = (failure: ErrorMessage | null) => {
    if (job.done) return;
    const error = failure && phraseError(failure, 'en');
    Object.assign(job, { done: true, error, failure, ms: Math.round(performance.now() - started) });
    if (!error) job.progress = 1;
  };
  worker.on('message', (message: WorkerMessage) => {
    switch (message.type) {
      case 'progress':
        job.progress = message.share;
        job.stage = message.stage;
        break;
      case 'done':
        finish(null);
        break;
      case 'error':
        finish(message.detail);
        break;
    }
  });
  worker.on('error', (error) => finish(errorMessage('exportFailed', { reason: error.message })));
  worker.on('exit', (code) => finish(code === 0 ? null : errorMessage('exportStopped', { exitCode: code })));
  return { ...job };
}

export function jobStatus(id: string): ExportJob {
  const job = jobs.get(id);
  if (!job) throw notFound('export');
  return { ...job };
}
