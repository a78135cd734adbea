import * as tf from '@tensorflow/tfjs';

import {
  compileForTraining,
  learningRateForEpoch,
  setLearningRate,
} from '../compile/training-setup';
import { createRng, deriveSeed, shuffleInPlace } from '../data/random';
import { stratifiedSplit, type SplitIndices } from '../data/split';
import type { TrainingConfig } from './config';
import { evaluateSamples } from './evaluate';
import type { BatchMetrics, EpochMetrics, TrainResult } from './metrics';
import { sampleSizeOf, type SampleSource } from './sample-source';
import { encodeTargets, targetEncodingFor } from './targets';
import { TrainingError, nonFiniteLossMessage } from './training-error';
import { BestEpochTracker } from './best-epoch';
import { snapshotWeights, type WeightSnapshot } from './weight-snapshot';

/** The data of a run: all samples, and optionally a fixed split (else a stratified, seeded one). */
export interface TrainData {
  readonly samples: SampleSource;
  readonly split?: SplitIndices;
}

/** Callbacks and controls. Core owns no timers: the caller supplies yielding. */
export interface TrainHooks {
  /** Checked before every batch: Stop takes effect within one batch. */
  readonly signal?: { readonly aborted: boolean };
  /** Awaited before every batch; resolves immediately unless paused (`createPauseGate().wait`). */
  readonly waitIfPaused?: () => Promise<void>;
  /**
   * Awaited after every batch. A worker passes a macrotask yield here so
   * stop/pause messages get through: on wasm/cpu an awaited batch resolves as a
   * microtask and would otherwise never return to the event loop.
   */
  readonly yieldToEventLoop?: () => Promise<void>;
  readonly onBatchEnd?: (metrics: BatchMetrics) => void;
  /** Gets the epoch's CPU weight snapshot too (to resume after a lost backend). */
  readonly onEpochEnd?: (metrics: EpochMetrics, snapshot: WeightSnapshot) => void;
  readonly onValidationStart?: (epoch: number) => void;
  /** Resume point: first epoch to run (0-based), e.g. after restoring a snapshot. */
  readonly initialEpoch?: number;
  /** Milliseconds clock; defaults to `Date.now`. */
  readonly now?: () => number;
}

function outputUnitsOf(model: tf.LayersModel): number {
  const shape = model.outputs[0]?.shape ?? [];
  const last = shape[shape.length - 1];
  return typeof last === 'number' ? last : 1;
}

function readBatchResult(result: number | number[]): { loss: number; accuracy: number } {
  const [loss, accuracy] = Array.isArray(result) ? result : [result, Number.NaN];
  return { loss: loss ?? Number.NaN, accuracy: accuracy ?? Number.NaN };
}

/**
 * Trains `model` (compiled here with the settings' loss and optimizer) on
 * `data`, one awaited `trainOnBatch` per batch:
 * - validation is an explicit stratified, seeded held-out set (never TF.js
 *   `validationSplit`, which takes the last samples: the last class);
 * - each epoch's order is a seeded shuffle (`deriveSeed(seed, epoch)`);
 * - the learning rate decays per epoch as configured;
 * - a CPU weight snapshot is taken after each epoch; early stopping monitors
 *   validation loss (training loss without validation) and can restore the best;
 * - a NaN/∞ loss restores the best snapshot and throws `TrainingError('non-finite-loss')`;
 * - the tensor count is constant from epoch 2 on (optimizer slots are made in epoch 1).
 *
 * @example const result = await train(model, { samples }, config, { signal, onEpochEnd })
 */
export async function train(
  model: tf.LayersModel,
  data: TrainData,
  config: TrainingConfig,
  hooks: TrainHooks = {},
): Promise<TrainResult> {
  const now = hooks.now ?? Date.now;
  const { samples } = data;
  const split =
    data.split ??
    stratifiedSplit(samples.labels, { seed: config.seed, validationShare: config.validationShare });
  if (split.train.length === 0)
    throw new TrainingError('empty-dataset', 'No training samples after the validation split');
  const outputUnits = outputUnitsOf(model);
  if (outputUnits > 1 && samples.numClasses > outputUnits) {
    throw new TrainingError(
      'label-mismatch',
      `The dataset has ${samples.numClasses} classes but the output layer has ${outputUnits} units`,
    );
  }
  const encoding = targetEncodingFor(config.loss, outputUnits);
  const width = encoding === 'index' ? 1 : outputUnits;
  const batchSize = Math.min(config.batchSize, split.train.length);
  const size = sampleSizeOf(samples);
  const xBuf =
    samples.dtype === 'int32'
      ? new Int32Array(batchSize * size)
      : new Float32Array(batchSize * size);
  const yBuf = new Float32Array(batchSize * width);
  const trainOrder = Array.from(split.train);
  const batchesPerEpoch = Math.ceil(trainOrder.length / batchSize);

  const optimizer = compileForTraining(model, config);
  const epochs: EpochMetrics[] = [];
  const monitorValidation = split.validation.length > 0;
  const tracker = new BestEpochTracker(model, config.earlyStopping);
  let examplesSeen = 0;
  const started = now();

  const finish = (outcome: TrainResult['outcome']): TrainResult => {
    return tracker.finish(outcome, epochs);
  };

  try {
    for (let epoch = hooks.initialEpoch ?? 0; epoch < config.epochs; epoch++) {
      const epochStart = now();
      const learningRate = learningRateForEpoch(config, epoch);
      setLearningRate(optimizer, learningRate);
      shuffleInPlace(trainOrder, createRng(deriveSeed(config.seed, 1000 + epoch)));
      const losses: number[] = [];
      const accuracies: number[] = [];
      const counts: number[] = [];
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        await hooks.waitIfPaused?.();
        if (hooks.signal?.aborted) return finish('stopped');
        const idx = trainOrder.slice(batch * batchSize, (batch + 1) * batchSize);
        await samples.gather(idx, xBuf, { augment: true, epoch });
        encodeTargets(samples.labels, idx, encoding, outputUnits, yBuf);
        const xs = tf.tensor(
          xBuf.subarray(0, idx.length * size),
          [idx.length, ...samples.sampleShape],
          samples.dtype,
        );
        const ys = tf.tensor2d(yBuf.subarray(0, idx.length * width), [idx.length, width]);
        let metrics: { loss: number; accuracy: number };
        try {
          metrics = readBatchResult(await model.trainOnBatch(xs, ys));
        } finally {
          tf.dispose([xs, ys]);
        }
        if (!Number.isFinite(metrics.loss)) {
          tracker.restoreBest();
          throw new TrainingError(
            'non-finite-loss',
            nonFiniteLossMessage(metrics.loss, epoch, batch),
            { epoch, batch },
          );
        }
        examplesSeen += idx.length;
        losses.push(metrics.loss);
        accuracies.push(metrics.accuracy);
        counts.push(idx.length);
        const seconds = Math.max(1e-3, (now() - started) / 1000);
        hooks.onBatchEnd?.({
          epoch,
          batch,
          batchesPerEpoch,
          loss: metrics.loss,
          accuracy: metrics.accuracy,
          examplesSeen,
          examplesPerSecond: examplesSeen / seconds,
        });
        await hooks.yieldToEventLoop?.();
      }

      let valLoss: number | null = null;
      let valAccuracy: number | null = null;
      if (monitorValidation) {
        hooks.onValidationStart?.(epoch);
        const v = await evaluateSamples(model, samples, split.validation, {
          batchSize,
          encoding,
          outputUnits,
        });
        valLoss = v.loss;
        valAccuracy = v.accuracy;
      }
      const total = counts.reduce((a, b) => a + b, 0);
      const metrics: EpochMetrics = {
        epoch,
        loss: losses.reduce((a, l, i) => a + l * (counts[i] ?? 0), 0) / total,
        accuracy: accuracies.reduce((a, l, i) => a + l * (counts[i] ?? 0), 0) / total,
        valLoss,
        valAccuracy,
        learningRate,
        seconds: (now() - epochStart) / 1000,
      };
      epochs.push(metrics);
      const snapshot = await snapshotWeights(model, epoch);
      hooks.onEpochEnd?.(metrics, snapshot);

      const monitored = monitorValidation ? (valLoss ?? Number.NaN) : metrics.loss;
      if (tracker.record(epoch, monitored, snapshot)) return finish('early-stopped');
      if (hooks.signal?.aborted) return finish('stopped');
    }
    return finish('completed');
  } finally {
    optimizer.dispose();
  }
}
