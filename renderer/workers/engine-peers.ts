/// <reference lib="webworker" />
import { connectPeer, type FromPeer, type ParallelOptions, type PeerPort } from '@core';

/** Wraps a nested web worker as core/engine's `PeerPort` (handlers replace each other). */
function portOf(worker: Worker): PeerPort {
  let onMessage: (m: FromPeer) => void = () => undefined;
  let onError: (e: Error) => void = () => undefined;
  worker.onmessage = (event: MessageEvent<FromPeer>) => onMessage(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    onError(new Error(`engine peer worker failed: ${event.message || 'could not load'}`));
  };
  return {
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    onMessage: (handler) => (onMessage = handler),
    onError: (handler) => (onError = handler),
    terminate: () => worker.terminate(),
  };
}

/**
 * Spare peer workers, started ahead of the next run. A peer's first seconds
 * go to loading its code (TF.js and core): started at the moment training
 * starts, that competed with the window on a 2-core machine and cost 100–150
 * ms frame gaps. Started while nothing trains, the cost is invisible.
 */
const spares: { worker: Worker; broken: boolean }[] = [];
const peerWorkerCount = (scope: Pick<WorkerGlobalScope, 'navigator'>): number =>
  Math.max(1, Math.min(2, scope.navigator.hardwareConcurrency || 1));
/** After start-up and after each run, so the spares load while the app is idle. */
const spareDelayMs = 2000;
let spareTimer: ReturnType<typeof setTimeout> | null = null;

function spawnPeerWorker(): Worker {
  return new Worker(new URL('./engine-peer.worker.ts', import.meta.url), { type: 'module' });
}

function keepSpares(count: number): void {
  if (spareTimer !== null) return;
  spareTimer = setTimeout(() => {
    spareTimer = null;
    while (spares.length < count) {
      const spare = { worker: spawnPeerWorker(), broken: false };
      spare.worker.addEventListener('error', () => (spare.broken = true));
      spares.push(spare);
    }
  }, spareDelayMs);
}

function takePeerWorker(): Worker {
  for (let spare = spares.pop(); spare; spare = spares.pop()) {
    if (!spare.broken) return spare.worker;
    spare.worker.terminate();
  }
  return spawnPeerWorker();
}

/**
 * Data-parallel engine training from the training worker: peers are nested
 * workers, fed through SharedArrayBuffers when the page is cross-origin
 * isolated (app:// and browser mode send COOP/COEP), else by transferred
 * messages. Two workers at most: the window's main thread needs the rest.
 */
export function workerEngineParallel(
  scope: Pick<WorkerGlobalScope, 'crossOriginIsolated' | 'navigator'>,
): ParallelOptions & { readonly prepare: () => void } {
  const transport =
    scope.crossOriginIsolated && typeof SharedArrayBuffer === 'function' ? 'shared' : 'message';
  const workers = peerWorkerCount(scope);
  return {
    workers,
    // Called once the worker knows the engine can train here (not on webgl, engine built):
    // machines that never use the engine never load a peer.
    prepare: () => keepSpares(workers - 1),
    connect: (init) => {
      const port = portOf(takePeerWorker());
      const terminate = port.terminate;
      // A run's peers end with it: load the next run's while nothing trains.
      return connectPeer(
        {
          ...port,
          terminate: async () => {
            await terminate();
            keepSpares(workers - 1);
          },
        },
        init,
        transport,
      );
    },
    // The run goes on with one engine (the status bar then says no worker count); keep why for DevTools.
    onPeersFailed: (error) =>
      console.warn(`LayerLab engine peers could not start: ${error.message}`),
  };
}
