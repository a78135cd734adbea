import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import {
  connectPeer,
  type FromPeer,
  type ParallelOptions,
  type PeerPort,
  type PeerTransport,
} from '../../core/engine/index';

/** Default worker count for data-parallel engine training: both cores of a 2-core machine, no more. */
export function defaultEngineWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

function spawnPeerWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./engine-peer-worker.js', self));
  // Under tsx (CLI, tests, bench) the worker is TypeScript: register tsx's loader
  // inside the worker first (as electron/data/decode-pool.ts does).
  const workerUrl = new URL('./engine-peer-worker.ts', self).href;
  // tsx resolved here, by URL: a bare 'tsx/esm/api' in the eval'd worker resolves from the cwd,
  // which is any folder when the CLI is run from elsewhere.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(workerUrl)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/** Wraps a worker thread as core/engine's `PeerPort` (handlers replace each other). */
function portOf(worker: Worker): PeerPort {
  let onMessage: (m: FromPeer) => void = () => undefined;
  let onError: (e: Error) => void = () => undefined;
  worker.on('message', (m: FromPeer) => onMessage(m));
  worker.on('error', (e: Error) => onError(e));
  worker.on('exit', (code) => onError(new Error(`engine peer exited (${code})`)));
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (handler) => (onMessage = handler),
    onError: (handler) => (onError = handler),
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/**
 * Data-parallel options for `trainWithEngine` in Node: peers are worker
 * threads talking through SharedArrayBuffers (always available in Node).
 */
export function nodeEngineParallel(
  workers: number,
  options: {
    readonly transport?: PeerTransport;
    readonly onPeersFailed?: (error: Error) => void;
  } = {},
): ParallelOptions {
  const transport = options.transport ?? 'shared';
  return {
    workers,
    connect: (init) => connectPeer(portOf(spawnPeerWorker()), init, transport),
    ...(options.onPeersFailed ? { onPeersFailed: options.onPeersFailed } : {}),
  };
}
