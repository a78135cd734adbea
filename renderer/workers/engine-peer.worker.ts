/// <reference lib="webworker" />
import { servePeer, type ToPeer } from '@core';

/**
 * A data-parallel engine peer (core/engine serve-peer.ts), spawned by the
 * training worker as a nested worker: it computes the gradients of its slice
 * of every batch with its own engine instance.
 */
declare const self: DedicatedWorkerGlobalScope;

servePeer({
  post: (message, transfer) => self.postMessage(message, transfer ?? []),
  onMessage: (handler) => {
    self.onmessage = (event: MessageEvent<ToPeer>) => handler(event.data);
  },
});
