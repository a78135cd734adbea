import type { LossKind } from '../train/config';

/**
 * What a data-parallel peer (data-parallel.ts) needs to build its own engine:
 * the kernel bytes, the model's topology (the peer rebuilds the same plan from
 * it; weights arrive with every step) and the buffer sizes of its slice.
 */
export interface PeerInit {
  readonly wasm: Uint8Array;
  /** `model.toJSON(undefined, false)`: a structured-cloneable Keras topology. */
  readonly topology: unknown;
  readonly loss: LossKind;
  /** Largest slice this peer gets (examples). */
  readonly maxBatch: number;
  /** Seeds this peer's dropout masks (derived from the run's seed and the peer's index). */
  readonly seed: number;
  /** Values per example of the input and of the target (as the main engine lays them out). */
  readonly inputSize: number;
  readonly targetWidth: number;
  readonly inputDtype: 'float32' | 'int32';
  /** Length of `weights()`/`gradients()` (padding included). */
  readonly weightCount: number;
}

/** Messages to a peer. `shared` set → steps go through that buffer (shared-peer.ts), not messages. */
export type ToPeer =
  | { readonly type: 'init'; readonly init: PeerInit; readonly shared: SharedArrayBuffer | null }
  | {
      readonly type: 'step';
      readonly n: number;
      readonly weights: Float32Array;
      readonly inputs: Float32Array | Int32Array;
      readonly targets: Float32Array;
    };

export type FromPeer =
  | { readonly type: 'ready' }
  | {
      readonly type: 'result';
      readonly loss: number;
      readonly accuracy: number;
      readonly gradients: Float32Array;
    }
  | { readonly type: 'error'; readonly message: string };

/** The coordinator's end of a peer (a worker thread or a web worker, wrapped by the host). */
export interface PeerPort {
  post(message: ToPeer, transfer?: ArrayBuffer[]): void;
  /** Sets the message handler, replacing the previous one. */
  onMessage(handler: (message: FromPeer) => void): void;
  /** Sets the handler for a worker that failed to load or crashed, replacing the previous one. */
  onError(handler: (error: Error) => void): void;
  terminate(): void | Promise<void>;
}

/** The peer's end (inside the worker). */
export interface PeerHostPort {
  post(message: FromPeer, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (message: ToPeer) => void): void;
}

// Shared-buffer layout: a control block of int32 slots, two float64 results,
// then weights, inputs, targets and gradients (float32, int32 inputs alias).
export const ctl = { seq: 0, done: 1, n: 2, command: 3, failed: 4 } as const;
export const command = { step: 0, stop: 1 } as const;
const controlBytes = 32;
const statsBytes = 16;

export interface SharedViews {
  readonly control: Int32Array;
  /** [loss, accuracy] of the peer's last step. */
  readonly stats: Float64Array;
  readonly weights: Float32Array;
  readonly inputs: Float32Array | Int32Array;
  readonly targets: Float32Array;
  readonly gradients: Float32Array;
}

/** Bytes of the shared buffer for `init`. */
export function sharedBytes(init: PeerInit): number {
  return (
    controlBytes +
    statsBytes +
    4 * (2 * init.weightCount + init.maxBatch * (init.inputSize + init.targetWidth))
  );
}

/** Typed views of a peer's shared buffer (same on both sides). */
export function sharedViews(buffer: SharedArrayBuffer, init: PeerInit): SharedViews {
  let at = controlBytes + statsBytes;
  const take = (count: number): number => {
    const start = at;
    at += count * 4;
    return start;
  };
  const weightsAt = take(init.weightCount);
  const inputsAt = take(init.maxBatch * init.inputSize);
  const targetsAt = take(init.maxBatch * init.targetWidth);
  const gradientsAt = take(init.weightCount);
  const inputCount = init.maxBatch * init.inputSize;
  return {
    control: new Int32Array(buffer, 0, controlBytes / 4),
    stats: new Float64Array(buffer, controlBytes, 2),
    weights: new Float32Array(buffer, weightsAt, init.weightCount),
    inputs:
      init.inputDtype === 'int32'
        ? new Int32Array(buffer, inputsAt, inputCount)
        : new Float32Array(buffer, inputsAt, inputCount),
    targets: new Float32Array(buffer, targetsAt, init.maxBatch * init.targetWidth),
    gradients: new Float32Array(buffer, gradientsAt, init.weightCount),
  };
}

/**
 * Spins (a few hundred microseconds at most) until `control[index]` is no
 * longer `value`; true if it changed. Both sides spin before `Atomics.wait`:
 * the other side usually answers within a step's serial part, and a futex
 * sleep + wake-up costs a context switch each way, most of a small model's step.
 */
export function spinWhile(control: Int32Array, index: number, value: number): boolean {
  for (let i = 0; i < spinLimit; i++) if (Atomics.load(control, index) !== value) return true;
  return false;
}

const spinLimit = 100_000;
