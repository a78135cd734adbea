import type * as tf from '@tensorflow/tfjs';

import type { TrainingConfig } from './config';
import type { HeadPlan } from './heads';
import type { SampleSource } from './sample-source';
import { encodeTargets, type TargetEncoding } from './targets';
import type { WeightSnapshot } from './weight-snapshot';

/** Loss and accuracy of one batch (before its step), or of an evaluated chunk. */
export interface BatchLoss {
  /** With output heads: the total, Σ weight · head loss. */
  readonly loss: number;
  /** With output heads: the first class head's accuracy (NaN without one). */
  readonly accuracy: number;
  /** With output heads: each head's loss and metric (accuracy or IoU), in head order. */
  readonly heads?: readonly HeadValues[];
}

/** One head's loss and metric on a batch or chunk. */
export interface HeadValues {
  readonly loss: number;
  readonly metric: number;
}

/**
 * Writes the examples at `indices`, in order, into a runner's input and
 * target buffers (the loop's gather + target encoding; `targets` as
 * `encodeTargets` writes them). A runner calls it once per buffer it fills,
 * e.g. once per data-parallel slice.
 */
export type FillBatch = (
  indices: readonly number[],
  inputs: Float32Array | Int32Array,
  targets: Float32Array,
) => Promise<void>;

/** What a runner is told when a run starts: the loop has split the data and checked the labels. */
export interface RunnerSetup {
  /** The model of record: the runner starts from its weights and gives the trained ones back to it. */
  readonly model: tf.LayersModel;
  readonly config: TrainingConfig;
  /** For the sample dtype and shape (the loop does the gathering, through `FillBatch`). */
  readonly samples: SampleSource;
  /** The largest training batch (`config.batchSize`, or fewer when the training split is smaller). */
  readonly batchSize: number;
  /** Examples evaluated after each epoch (0: no validation set). */
  readonly validationSize: number;
  readonly outputUnits: number;
  readonly encoding: TargetEncoding;
  /** The optimizer the model was compiled with (`compileForTraining`), owned by the loop. */
  readonly optimizer: tf.Optimizer;
  /**
   * The model's output heads (`headsOfModel`), or null for one output trained
   * on the settings' loss. With heads, targets are the heads side by side
   * (`encodeHeadTargets`, `outputUnits` values per row) and TF.js trains.
   */
  readonly heads?: readonly HeadPlan[] | null;
}

/**
 * What trains the batches of a run: TF.js (`tfjsRunner`, this folder) or
 * LayerLab's engine (`engineRunner`, core/engine). Everything else (split,
 * shuffles, pause and stop, NaN rollback, validation, early stopping,
 * learning-rate schedule, resume, progress) is `train`'s, once.
 */
export interface TrainingRunner {
  /** Validation is evaluated in chunks of at most this many examples. */
  readonly evaluationBatch: number;
  /** Called at the start of every epoch with the schedule's rate. */
  setLearningRate(rate: number): void;
  /** One optimizer step on the batch at `indices`. */
  trainBatch(indices: readonly number[], fill: FillBatch): Promise<BatchLoss>;
  /** Loss and accuracy of the examples at `indices` (at most `evaluationBatch`), without training. */
  evaluateBatch(indices: readonly number[], fill: FillBatch): Promise<BatchLoss>;
  /** Gets the weights: the model of record holds the runner's current weights afterwards. */
  syncModel(): void;
  /** `syncModel`, then a CPU copy of the weights (what early stopping and recovery restore). */
  snapshot(epoch: number): Promise<WeightSnapshot>;
  /** Sets the weights, in the model of record and in the runner. */
  restore(snapshot: WeightSnapshot): void;
  /** Frees what the runner made (engines, peer workers); not the model or the optimizer. */
  dispose(): Promise<void>;
}

/** Makes a run's runner; may throw when it cannot train this model on these samples. */
export type RunnerFactory = (setup: RunnerSetup) => Promise<TrainingRunner>;

/**
 * The `FillBatch` over a sample source: gathers the samples (augmented for
 * training batches only) and encodes their labels as the model's targets.
 */
export function fillFromSamples(
  samples: SampleSource,
  encoding: TargetEncoding,
  outputUnits: number,
  gather: { readonly augment: boolean; readonly epoch: number },
): FillBatch {
  return async (indices, inputs, targets) => {
    await samples.gather(indices, inputs, gather);
    encodeTargets(samples.labels, indices, encoding, outputUnits, targets);
  };
}
