import type * as tf from '@tensorflow/tfjs';

import { deriveSeed } from '../data/random';
import type { LossKind } from '../train/config';
import type { FillBatch } from '../train/runner';
import { trainingFlopsPerExample } from './model-flops';
import type { PeerInit } from './peer-protocol';
import type { EngineBatchResult, TrainingEngine } from './training-engine';

/**
 * The coordinator's handle on one data-parallel peer (an engine in another
 * worker). Per step: write the peer's slice into `inputs(n)`/`targets(n)`,
 * `start` it at the current weights, later `finish` for its loss, accuracy
 * and the gradients of its slice's mean loss. peer-transports.ts implements
 * it over a SharedArrayBuffer or over messages; tests may fake it.
 */
export interface GradientPeer {
  inputs(n: number): Float32Array | Int32Array;
  targets(n: number): Float32Array;
  start(weights: Float32Array, n: number): void;
  /** The gradients view is valid until the next `start`. */
  finish(): Promise<{ result: EngineBatchResult; gradients: Float32Array }>;
  /** Stops and terminates the peer's worker (idempotent). */
  close(): Promise<void>;
}

/** How a host runs data-parallel training: K workers in all (the caller's thread is one). */
export interface ParallelOptions {
  readonly workers: number;
  /** Spawns peer `index` (1..K-1) and connects it with `init` (peer-transports.ts `connectPeer`). */
  readonly connect: (init: PeerInit, index: number) => Promise<GradientPeer>;
  /** Told why training goes on with one engine when a peer could not start (e.g. for a log). */
  readonly onPeersFailed?: (error: Error) => void;
  /**
   * Below this much work per worker and step, one engine trains alone
   * (default `minParallelFlops`); tests of tiny models set 0.
   */
  readonly minFlopsPerSlice?: number;
}

/**
 * A step's slice must be worth about 1 ms of compute (≈ 50 GFLOP/s) to pay for
 * splitting it: each step adds ~0.2 ms of weight/gradient copies, a wake-up and
 * the gradient mix. The 784-128-10 MLP at batch 64 (20 MFLOP per half) trains
 * faster on one engine (81k vs 68k ex/s measured); LeNet (210 MFLOP per half)
 * and the LSTM text model gain 1.4–1.5× from two.
 */
export const minParallelFlops = 50e6;

/** Fills `inputs`/`targets` with the examples `indices` (the epoch loop's gather + encode). */
export type FillSlice = FillBatch;

/** Sizes of the K slices of an n-example batch: as even as possible, the first (main) one never empty. */
export function sliceSizes(n: number, workers: number): number[] {
  const k = Math.max(1, Math.min(workers, n));
  return Array.from({ length: workers }, (_, i) =>
    i < k ? Math.floor(n / k) + (i < n % k ? 1 : 0) : 0,
  );
}

/**
 * Data-parallel training steps: the main engine keeps the model of record and
 * the optimizer; every step each peer computes the gradients of its slice of
 * the batch while the main engine computes its own, then the main engine
 * takes the slice-size-weighted mean of all gradients (always in peer order,
 * so a fixed seed and worker count give bitwise-equal runs) and applies the
 * optimizer. The mean of per-slice mean-loss gradients weighted by slice size
 * is the gradient of the whole batch's mean loss, so this is the same step as
 * one engine on the whole batch, up to rounding and two things per-slice by
 * nature: dropout masks (each engine has its own seed) and BatchNorm batch
 * statistics; BatchNorm moving statistics are the main engine's (its slice's).
 */
export class DataParallelTrainer {
  private constructor(
    private readonly main: TrainingEngine,
    private readonly peers: readonly GradientPeer[],
  ) {}

  /** Starts K-1 peers; K ≤ 1, or any peer failing to start → no peers (one engine). */
  static async start(
    main: TrainingEngine,
    model: tf.LayersModel,
    settings: {
      readonly wasm: Uint8Array;
      readonly loss: LossKind;
      readonly batchSize: number;
      readonly seed: number;
    },
    parallel: ParallelOptions | undefined,
  ): Promise<DataParallelTrainer> {
    const workers = Math.max(1, Math.min(parallel?.workers ?? 1, settings.batchSize));
    if (!parallel || workers === 1) return new DataParallelTrainer(main, []);
    const perSlice = (trainingFlopsPerExample(model) * settings.batchSize) / workers;
    if (perSlice < (parallel.minFlopsPerSlice ?? minParallelFlops))
      return new DataParallelTrainer(main, []);
    const topology = model.toJSON(undefined, false);
    const init = (index: number): PeerInit => ({
      wasm: settings.wasm,
      topology,
      loss: settings.loss,
      maxBatch: Math.max(...sliceSizes(settings.batchSize, workers).slice(1)),
      seed: deriveSeed(settings.seed, 0x9ee7 + index),
      inputSize: main.inputs(1).length,
      targetWidth: main.targets(1).length,
      inputDtype: main.plan.inputDtype,
      weightCount: main.weights().length,
    });
    const started = await Promise.allSettled(
      Array.from({ length: workers - 1 }, (_, i) => parallel.connect(init(i + 1), i + 1)),
    );
    const peers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      // A run on one engine beats no run: close the peers that started and
      // go on alone; the reported worker count (1) and `onPeersFailed` say so.
      await Promise.all(peers.map((p) => p.close()));
      parallel.onPeersFailed?.(
        failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason)),
      );
      return new DataParallelTrainer(main, []);
    }
    return new DataParallelTrainer(main, peers);
  }

  /** Engines training each batch (the main one included). */
  get workers(): number {
    return this.peers.length + 1;
  }

  /** One optimizer step on the batch `indices`; loss and accuracy are the whole batch's (before the step). */
  async trainBatch(indices: readonly number[], fill: FillSlice): Promise<EngineBatchResult> {
    const main = this.main;
    const n = indices.length;
    if (this.peers.length === 0) {
      await fill(indices, main.inputsOfPlan(n), main.targets(n));
      return main.trainBatch(n);
    }
    const sizes = sliceSizes(n, this.workers);
    const weights = main.weights();
    let offset = sizes[0]!;
    const running: GradientPeer[] = [];
    for (let p = 0; p < this.peers.length; p++) {
      const size = sizes[p + 1]!;
      if (size === 0) continue;
      const peer = this.peers[p]!;
      await fill(indices.slice(offset, offset + size), peer.inputs(size), peer.targets(size));
      peer.start(weights, size);
      running.push(peer);
      offset += size;
    }
    const own = sizes[0]!;
    await fill(indices.slice(0, own), main.inputsOfPlan(own), main.targets(own));
    const first = main.computeGradients(own);
    let scale = own / n; // applied to the running sum with the first peer's slice (one pass)
    let loss = first.loss * scale;
    let accuracy = first.accuracy * scale;
    for (let p = 0, r = 0; p < this.peers.length; p++) {
      const size = sizes[p + 1]!;
      if (size === 0) continue;
      const { result, gradients: theirs } = await running[r++]!.finish();
      const w = size / n;
      main.mixGradients(scale, theirs, w);
      scale = 1;
      loss += result.loss * w;
      accuracy += result.accuracy * w;
    }
    main.applyGradients();
    return { loss, accuracy };
  }

  /** Terminates the peers (idempotent); call when training ends, fails or is stopped. */
  async close(): Promise<void> {
    await Promise.all(this.peers.map((p) => p.close()));
  }
}
