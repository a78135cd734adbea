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
 * Data-parallel engine training from the training worker: peers are nested
 * workers, fed through SharedArrayBuffers when the page is cross-origin
 * isolated (app:// and browser mode send COOP/COEP), else by transferred
 * messages. Two workers at most: the window's main thread needs the rest.
 */
export function workerEngineParallel(
  scope: Pick<WorkerGlobalScope, 'crossOriginIsolated' | 'navigator'>,
): ParallelOptions {
  const transport =
    scope.crossOriginIsolated && typeof SharedArrayBuffer === 'function' ? 'shared' : 'message';
  return {
    workers: Math.max(1, Math.min(2, scope.navigator.hardwareConcurrency || 1)),
    connect: (init) =>
      connectPeer(
        portOf(new Worker(new URL('./engine-peer.worker.ts', import.meta.url), { type: 'module' })),
        init,
        transport,
      ),
    // The run goes on with one engine (the status bar then says no worker count); keep why for DevTools.
    onPeersFailed: (error) =>
      console.warn(`LayerLab engine peers could not start: ${error.message}`),
  };
}
