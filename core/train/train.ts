import type * as tf from '@tensorflow/tfjs';

import { compileForTraining, learningRateForEpoch } from '../compile/training-setup';
import { createRng, deriveSeed, shuffleInPlace } from '../data/random';
import { stratifiedSplit, type SplitIndices } from '../data/split';
import { BestEpochTracker } from './best-epoch';
import type { TrainingConfig } from './config';
import { BatchLossSum, evaluateInChunks } from './evaluate';
import { fillHeadTargets } from './head-targets';
import { checkHeadsFitSamples, headEpochMetrics } from './head-epochs';
import { headsOfModel, headTargetWidth } from './heads';
import type { BatchMetrics, EpochMetrics, TrainResult } from './metrics';
import { fillFromSamples, type BatchLoss, type FillBatch, type RunnerFactory } from './runner';
import type { SampleSource } from './sample-source';
import { targetEncodingFor } from './targets';
import { tfjsRunner } from './tfjs-runner';
import { TrainingError, nonFiniteLossMessage } from './training-error';
import type { WeightSnapshot } from './weight-snapshot';

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

/** Units of the model's (first) output: its last dimension. */
export function outputUnitsOf(model: tf.LayersModel): number {
  const shape = model.outputs[0]?.shape ?? [];
  const last = shape[shape.length - 1];
  return typeof last === 'number' ? last : 1;
}

/**
 * The training loop, whatever trains the batches: `runner` is TF.js
 * (`tfjsRunner`, the default) or LayerLab's engine (core/engine
 * `engineRunner`). The model (compiled here with the settings' loss and
 * optimizer, so `model.evaluate` works afterwards) is the model of record:
 * the runner starts from its weights and it holds the trained ones when the
 * run ends, however it ends.
 * - validation is an explicit stratified, seeded held-out set (never TF.js
 *   `validationSplit`, which takes the last samples: the last class);
 * - each epoch's order is a seeded shuffle (`deriveSeed(seed, epoch)`);
 * - the learning rate follows the configured schedule per epoch;
 * - a CPU weight snapshot is taken after each epoch; early stopping monitors
 *   validation loss (training loss without validation) and can restore the best;
 * - a NaN/∞ loss restores the best snapshot and throws `TrainingError('non-finite-loss')`;
 * - with TF.js, the tensor count is constant from epoch 2 on (optimizer slots are made in epoch 1).
 *
 * @example const result = await train(model, { samples }, config, { signal, onEpochEnd })
 * @example await train(model, data, config, hooks, engineRunner({ wasm }))
 */
export async function train(
  model: tf.LayersModel,
  data: TrainData,
  config: TrainingConfig,
  hooks: TrainHooks = {},
  runner: RunnerFactory = tfjsRunner,
): Promise<TrainResult> {
  const now = hooks.now ?? Date.now;
  const { samples } = data;
  const split =
    data.split ??
    stratifiedSplit(samples.labels, { seed: config.seed, validationShare: config.validationShare });
  if (split.train.length === 0)
    throw new TrainingError('empty-dataset', 'No training samples after the validation split');
  const heads = headsOfModel(model);
  if (heads) checkHeadsFitSamples(heads, samples);
  const outputUnits = heads ? headTargetWidth(heads) : outputUnitsOf(model);
  if (!heads && outputUnits > 1 && samples.numClasses > outputUnits) {
    throw new TrainingError(
      'label-mismatch',
      `The dataset has ${samples.numClasses} classes but the output layer has ${outputUnits} units`,
    );
  }
  const encoding = targetEncodingFor(config.loss, outputUnits);
  const batchSize = Math.min(config.batchSize, split.train.length);
  const trainOrder = Array.from(split.train);
  const validation = Array.from(split.validation);
  const batchesPerEpoch = Math.ceil(trainOrder.length / batchSize);
  const fillFor = (gather: { augment: boolean; epoch: number }): FillBatch =>
    heads
      ? fillHeadTargets(samples, heads, gather)
      : fillFromSamples(samples, encoding, outputUnits, gather);
  const validationFill = fillFor({ augment: false, epoch: 0 });

  const optimizer = compileForTraining(model, config, heads);
  const run = await runner({
    model,
    config,
    samples,
    batchSize,
    validationSize: validation.length,
    outputUnits,
    encoding,
    optimizer,
    heads,
  }).catch((error: unknown) => {
    optimizer.dispose();
    throw error;
  });
  const epochs: EpochMetrics[] = [];
  const tracker = new BestEpochTracker((s) => run.restore(s), config.earlyStopping);
  const finish = (outcome: TrainResult['outcome']): TrainResult => {
    run.syncModel();
    return tracker.finish(outcome, epochs);
  };
  let examplesSeen = 0;
  const started = now();

  try {
    for (let epoch = hooks.initialEpoch ?? 0; epoch < config.epochs; epoch++) {
      const epochStart = now();
      const learningRate = learningRateForEpoch(config, epoch);
      run.setLearningRate(learningRate);
      shuffleInPlace(trainOrder, createRng(deriveSeed(config.seed, 1000 + epoch)));
      const fill = fillFor({ augment: true, epoch });
      const sums = new BatchLossSum();
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        await hooks.waitIfPaused?.();
        if (hooks.signal?.aborted) return finish('stopped');
        const idx = trainOrder.slice(batch * batchSize, (batch + 1) * batchSize);
        const metrics = await run.trainBatch(idx, fill);
        if (!Number.isFinite(metrics.loss)) {
          tracker.restoreBest();
          throw new TrainingError(
            'non-finite-loss',
            nonFiniteLossMessage(metrics.loss, epoch, batch),
            { epoch, batch },
          );
        }
        examplesSeen += idx.length;
        sums.add(metrics, idx.length);
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
      let validated: BatchLoss | null = null;
      if (validation.length > 0) {
        hooks.onValidationStart?.(epoch);
        validated = await evaluateInChunks(validation, run.evaluationBatch, (idx) =>
          run.evaluateBatch(idx, validationFill),
        );
        valLoss = validated.loss;
        valAccuracy = validated.accuracy;
      }
      const trained = sums.mean();
      const metrics: EpochMetrics = {
        epoch,
        loss: trained.loss,
        accuracy: trained.accuracy,
        valLoss,
        valAccuracy,
        learningRate,
        seconds: (now() - epochStart) / 1000,
        ...(heads ? { heads: headEpochMetrics(heads, trained, validated) } : {}),
      };
      epochs.push(metrics);
      const snapshot = await run.snapshot(epoch);
      hooks.onEpochEnd?.(metrics, snapshot);

      const monitored = validation.length > 0 ? (valLoss ?? Number.NaN) : metrics.loss;
      if (tracker.record(epoch, monitored, snapshot)) return finish('early-stopped');
      if (hooks.signal?.aborted) return finish('stopped');
    }
    return finish('completed');
  } finally {
    await run.dispose();
    optimizer.dispose();
  }
}
