import type { GradientPeer } from './data-parallel';
import {
  command,
  ctl,
  sharedBytes,
  sharedViews,
  spinWhile,
  type FromPeer,
  type PeerInit,
  type PeerPort,
} from './peer-protocol';
import type { EngineBatchResult } from './training-engine';

/** How steps reach a peer: a SharedArrayBuffer with an Atomics handshake, or transferred messages. */
export type PeerTransport = 'shared' | 'message';

/** A step that takes longer than this means the peer is gone (a crashed worker never answers). */
const stepTimeoutMs = 120_000;

function waitReady(
  port: PeerPort,
  init: PeerInit,
  shared: SharedArrayBuffer | null,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    port.onError(reject);
    port.onMessage((m: FromPeer) => {
      if (m.type === 'ready') resolve();
      else if (m.type === 'error') reject(new Error(`engine peer: ${m.message}`));
    });
    port.post({ type: 'init', init, shared });
  });
}

/**
 * Shared-memory peer: the coordinator writes the weights and the slice into
 * the buffer, bumps `seq` and wakes the peer; `finish` blocks on `done`
 * (Atomics.wait: the coordinator runs in Node or in a worker, never on a
 * window's main thread). No copies through the message queue, no event-loop
 * turn per step.
 */
async function sharedPeer(port: PeerPort, init: PeerInit): Promise<GradientPeer> {
  const buffer = new SharedArrayBuffer(sharedBytes(init));
  const views = sharedViews(buffer, init);
  await waitReady(port, init, buffer);
  const control = views.control;
  let seq = 0;
  let closed = false;
  return {
    inputs: (n) => views.inputs.subarray(0, n * init.inputSize),
    targets: (n) => views.targets.subarray(0, n * init.targetWidth),
    start(weights, n) {
      views.weights.set(weights);
      Atomics.store(control, ctl.n, n);
      Atomics.store(control, ctl.command, command.step);
      seq++;
      Atomics.store(control, ctl.seq, seq);
      Atomics.notify(control, ctl.seq);
    },
    finish(): Promise<{ result: EngineBatchResult; gradients: Float32Array }> {
      for (;;) {
        const done = Atomics.load(control, ctl.done);
        if (done === seq) break;
        if (spinWhile(control, ctl.done, done)) continue;
        if (Atomics.wait(control, ctl.done, done, stepTimeoutMs) === 'timed-out')
          return Promise.reject(new Error('engine peer did not answer'));
      }
      if (Atomics.load(control, ctl.failed) !== 0)
        return Promise.reject(new Error('engine peer failed computing its slice'));
      return Promise.resolve({
        result: { loss: views.stats[0]!, accuracy: views.stats[1]! },
        gradients: views.gradients,
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      // Let the peer leave its wait loop before terminating (a worker blocked in Atomics.wait may not see terminate).
      Atomics.store(control, ctl.command, command.stop);
      Atomics.store(control, ctl.seq, ++seq);
      Atomics.notify(control, ctl.seq);
      await port.terminate();
    },
  };
}

/** Message peer: each step transfers a copy of the weights and the slice, and gets the gradients back. */
async function messagePeer(port: PeerPort, init: PeerInit): Promise<GradientPeer> {
  let pending: { resolve: (m: FromPeer) => void; reject: (e: Error) => void } | null = null;
  await waitReady(port, init, null);
  port.onMessage((m) => pending?.resolve(m));
  port.onError((e) => pending?.reject(e));
  let inputs: Float32Array | Int32Array = new Float32Array(0);
  let targets = new Float32Array(0);
  let reply: Promise<FromPeer> | null = null;
  let closed = false;
  return {
    inputs(n) {
      const length = n * init.inputSize;
      inputs = init.inputDtype === 'int32' ? new Int32Array(length) : new Float32Array(length);
      return inputs;
    },
    targets(n) {
      targets = new Float32Array(n * init.targetWidth);
      return targets;
    },
    start(weights, n) {
      const copy = weights.slice();
      reply = new Promise<FromPeer>((resolve, reject) => (pending = { resolve, reject }));
      port.post({ type: 'step', n, weights: copy, inputs, targets }, [
        copy.buffer,
        inputs.buffer as ArrayBuffer,
        targets.buffer,
      ]);
    },
    async finish() {
      const m = await (reply ?? Promise.reject(new Error('finish before start')));
      pending = null;
      if (m.type === 'result')
        return { result: { loss: m.loss, accuracy: m.accuracy }, gradients: m.gradients };
      throw new Error(`engine peer: ${m.type === 'error' ? m.message : 'unexpected reply'}`);
    },
    async close() {
      if (closed) return;
      closed = true;
      pending?.reject(new Error('engine peer closed'));
      await port.terminate();
    },
  };
}

/**
 * Starts a peer on `port` (a worker the host spawned) and waits until its
 * engine is built. Terminates the worker if it cannot start.
 */
export async function connectPeer(
  port: PeerPort,
  init: PeerInit,
  transport: PeerTransport,
): Promise<GradientPeer> {
  try {
    return transport === 'shared' ? await sharedPeer(port, init) : await messagePeer(port, init);
  } catch (error) {
    await port.terminate();
    throw error;
  }
}
