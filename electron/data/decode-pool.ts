import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import type { TargetOptions } from './decode-image-node';
import type { DecodeOutcome, DecodeReply, DecodeRequest } from './decode-protocol';

/**
 * Decodes many image files in parallel worker threads. Files go out in chunks
 * (fewer messages), results come back as packed pixel buffers that are copied
 * straight into the caller's store.
 */
export interface DecodeAllOptions {
  workers?: number;
  chunkSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Receives each file's pixels (a view, copy it if kept) as soon as its chunk arrives. */
  onSample: (index: number, pixels: Uint8Array) => void;
}

/** Decodes `paths` of `root`; resolves to one outcome per path (same order). Rejects with AbortError when cancelled. */
export async function decodeAll(
  root: string,
  paths: readonly string[],
  target: TargetOptions,
  options: DecodeAllOptions,
): Promise<DecodeOutcome[]> {
  const channels = target.colorMode === 'grayscale' ? 1 : 3;
  const sampleBytes = target.width * target.height * channels;
  const chunkSize = options.chunkSize ?? 256;
  const workerCount = Math.max(
    1,
    Math.min(options.workers ?? availableParallelism(), Math.ceil(paths.length / chunkSize)),
  );
  const outcomes: DecodeOutcome[] = new Array<DecodeOutcome>(paths.length);
  if (paths.length === 0) return outcomes;
  const workers = Array.from({ length: workerCount }, () => spawnDecodeWorker());
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void =>
        reject(
          options.signal?.reason instanceof Error
            ? options.signal.reason
            : new DOMException('Decoding cancelled', 'AbortError'),
        );
      if (options.signal?.aborted === true) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      let active = 0;
      const feed = (worker: Worker): void => {
        if (options.signal?.aborted === true) return;
        if (next >= paths.length) {
          if (active === 0) resolve();
          return;
        }
        const start = next;
        next = Math.min(paths.length, next + chunkSize);
        active++;
        const request: DecodeRequest = {
          id: start,
          root,
          paths: paths.slice(start, next) as string[],
          target,
          sampleBytes,
        };
        worker.once('message', (reply: DecodeReply) => {
          active--;
          reply.outcomes.forEach((outcome, k) => {
            outcomes[reply.id + k] = outcome;
            if (outcome.ok)
              options.onSample(
                reply.id + k,
                reply.pixels.subarray(k * sampleBytes, (k + 1) * sampleBytes),
              );
          });
          done += reply.outcomes.length;
          options.onProgress?.(done, paths.length);
          feed(worker);
        });
        worker.postMessage(request);
      };
      for (const worker of workers) {
        worker.once('error', reject);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}

function spawnDecodeWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./decode-worker.js', self));
  // Under tsx (CLI, tests, bench) the worker is TypeScript: register tsx's
  // loader inside the worker first (execArgv `--import tsx` is not honoured by
  // worker threads on Node 20), then import the worker module.
  const workerUrl = new URL('./decode-worker.ts', self).href;
  // tsx resolved here, by URL: a bare 'tsx/esm/api' in the eval'd worker resolves from the cwd,
  // which is any folder when the CLI is run from elsewhere.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(workerUrl)}); });`;
  return new Worker(bootstrap, { eval: true });
}
