import { Worker } from 'node:worker_threads';

/** The core host runs from its TypeScript source in tests (Node strips the types), from the built file in the app. */
export const HOST_URL = new URL('../../electron/core/host.ts', import.meta.url);
export const REPORT_WORKER_URL = new URL('../../electron/report/worker.ts', import.meta.url).href;

/** Starts a core host thread, as the app's main process does (with the built file there). */
export const spawnHost = (workerData: unknown): Worker => new Worker(HOST_URL, { workerData });
