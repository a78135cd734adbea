/**
 * Worker thread hosting one data-parallel engine peer (core/engine
 * serve-peer.ts) for `npm run train`, the tests and the benchmarks; started
 * by engine-peers.ts.
 */
import { parentPort } from 'node:worker_threads';

import { servePeer, type ToPeer } from '../../core/engine/index';

const port = parentPort;
if (port)
  servePeer({
    post: (message, transfer) => port.postMessage(message, transfer),
    onMessage: (handler) => port.on('message', (message: ToPeer) => handler(message)),
  });
