/** Numbers reported after each training batch (plain data: safe to post to the UI). */
export interface BatchMetrics {
  /** 0-based. */
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly loss: number;
  /** Training accuracy of this batch (0..1). */
  readonly accuracy: number;
  /** Samples seen since the run (or its resumption) began. */
  readonly examplesSeen: number;
  /** Throughput over the run so far, samples per second. */
  readonly examplesPerSecond: number;
}

/** Numbers reported after each epoch; validation values are null without a validation set. */
export interface EpochMetrics {
  readonly epoch: number;
  /** Mean over the epoch's batches. */
  readonly loss: number;
  readonly accuracy: number;
  readonly valLoss: number | null;
  readonly valAccuracy: number | null;
  readonly learningRate: number;
  readonly seconds: number;
  /** A model with output heads: each head's numbers, in output order (absent otherwise). */
  readonly heads?: readonly HeadEpochMetrics[];
}

/** One output head's numbers for an epoch (the Training panel draws a curve per head). */
export interface HeadEpochMetrics {
  /** The OutputHead node's name. */
  readonly name: string;
  /** What `value` measures: accuracy for class heads, mean IoU for box heads. */
  readonly metric: 'accuracy' | 'iou';
  readonly loss: number;
  readonly value: number;
  readonly valLoss: number | null;
  readonly valValue: number | null;
}

/** How a run ended when it did not fail. */
export type TrainOutcome = 'completed' | 'stopped' | 'early-stopped';

export interface TrainResult {
  readonly outcome: TrainOutcome;
  readonly epochs: readonly EpochMetrics[];
  /** Epoch with the best monitored value (validation loss, else training loss). */
  readonly bestEpoch: number | null;
  /** True when the best epoch's weights were put back at the end. */
  readonly restoredBest: boolean;
}

/** Mean of `values` weighted by `weights`. */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  values.forEach((v, i) => {
    const w = weights[i] ?? 0;
    sum += v * w;
    total += w;
  });
  return total === 0 ? Number.NaN : sum / total;
}
