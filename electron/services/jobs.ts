import { Worker } from 'node:worker_threads';
import { type ErrorMessage, errorMessage } from '../../shared/errors.ts';
import { phraseError } from '../../shared/i18n/errors.ts';
import type { ExportJob } from '../../shared/report.ts';
import type { ServiceContext } from './context.ts';

type WorkerMessage =
  | { type: 'progress'; share: number; stage: string }
  | { type: 'done'; path: string }
  | { type: 'error'; detail: ErrorMessage };

/**
 * Long work (the Word export) runs on a worker thread, so the core stays free for other calls; every
 * step and the end are announced as `exportProgress` events (nobody needs to ask how far it is).
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
  const started = performance.now();
  const announce = () => ctx.emit('exportProgress', { ...job });
  const worker = new Worker(workerUrl, { workerData });
  const finish = (failure: ErrorMessage | null) => {
    if (job.done) return;
    const error = failure && phraseError(failure, 'en');
    Object.assign(job, { done: true, error, failure, ms: Math.round(performance.now() - started) });
    if (!error) job.progress = 1;
    announce();
  };
  worker.on('message', (message: WorkerMessage) => {
    switch (message.type) {
      case 'progress':
        if (job.done) return;
        job.progress = message.share;
        job.stage = message.stage;
        announce();
        break;
      case 'done':
        // The name the file got: "Name (2).pptx" when the one asked for was taken meanwhile.
        job.path = message.path;
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
