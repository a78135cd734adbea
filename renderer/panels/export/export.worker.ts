/// <reference lib="webworker" />
import type { FromExportWorker, ToExportWorker } from './export-protocol';
import { runExport, runImport } from './export-session';
import { runTorchWeights } from './torch-weights-session';

/**
 * The export worker: builds export folders, runs the parity check and imports
 * model folders off the main thread (TF.js stays out of the window's thread).
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<ToExportWorker>) => {
  const message = event.data;
  const work =
    message.type === 'export'
      ? runExport(message.job)
      : message.type === 'import'
        ? runImport(message.files)
        : runTorchWeights(message.job);
  work
    .catch((error: unknown) => ({
      ok: false as const,
      error: {
        code: 'export-failed',
        message: error instanceof Error ? error.message : String(error),
      },
    }))
    .then((reply) => self.postMessage({ id: message.id, reply } satisfies FromExportWorker))
    // A reply that cannot be posted (it would not clone) leaves the panel waiting: say why.
    .catch((error: unknown) => console.error('[export worker] could not reply', error));
};
