import type * as tf from '@tensorflow/tfjs';

import { compileForTraining, learningRateForEpoch } from '../compile/training-setup';
import { createRng, deriveSeed, shuffleInPlace } from '../data/random';
import { stratifiedSplit } from '../data/split';
import type { TrainingConfig } from '../train/config';
import type { EpochMetrics, TrainResult } from '../train/metrics';
import { sampleSizeOf, type SampleSource } from '../train/sample-source';
import { encodeTargets, targetEncodingFor } from '../train/targets';
import type { TrainData, TrainHooks } from '../train/train';
import { TrainingError, nonFiniteLossMessage } from '../train/training-error';
import { BestEpochTracker } from '../train/best-epoch';
import { snapshotWeights } from '../train/weight-snapshot';
import { DataParallelTrainer, type ParallelOptions } from './data-parallel';
import { EngineError } from './engine-error';
import { planEngineModel } from './plan-model';
import { TrainingEngine } from './training-engine';

/** What the engine's training needs besides core/train's arguments. */
export interface EngineTrainOptions {
  /** The kernel build's bytes (see `detectEngineBuild` / `engineBuildFiles`). */
  readonly wasm: Uint8Array;
  /** Data parallelism over K workers (data-parallel.ts); absent or K = 1 → one engine on this thread. */
  readonly parallel?: ParallelOptions;
  /** Told how many workers train each batch, once they are running (before the first batch). */
  readonly onWorkers?: (workers: number) => void;
}

const evaluationChunk = 256;

async function evaluateWithEngine(
  engine: TrainingEngine,
  samples: SampleSource,
  indices: readonly number[],
  outputUnits: number,
  config: TrainingConfig,
  chunk: number,
): Promise<{ loss: number; accuracy: number }> {
  const encoding = targetEncodingFor(config.loss, outputUnits);
  let loss = 0;
  let accuracy = 0;
  for (let start = 0; start < indices.length; start += chunk) {
    const idx = indices.slice(start, start + chunk);
    await samples.gather(idx, engine.inputsOfPlan(idx.length), { augment: false, epoch: 0 });
    encodeTargets(samples.labels, idx, encoding, outputUnits, engine.targets(idx.length));
    const r = engine.evaluateBatch(idx.length);
    loss += r.loss * idx.length;
    accuracy += r.accuracy * idx.length;
  }
  return { loss: loss / indices.length, accuracy: accuracy / indices.length };
}

/**
 * Drop-in for core/train's `train(model, data, config, hooks)` that runs every
 * batch on LayerLab's wasm SIMD kernels instead of TF.js. Same split, same
 * seeded shuffles, same hooks, metrics and outcomes. The TF.js model is the
 * source of the initial weights and receives the trained ones after every
 * epoch (and on stop or failure), so inspection, evaluation and export see
 * them. The model is compiled as `train` compiles it, so `model.evaluate`
 * works afterwards.
 *
 * Throws `EngineError('engine-unsupported')` for a model the engine cannot run:
 * check `canTrainWithEngine` first and use `train` otherwise.
 */
export async function trainWithEngine(
  model: tf.LayersModel,
  data: TrainData,
  config: TrainingConfig,
  hooks: TrainHooks,
  options: EngineTrainOptions,
): Promise<TrainResult> {
  const planned = planEngineModel(model, config.loss);
  if (!planned.ok) throw new EngineError('engine-unsupported', planned.reason);
  const now = hooks.now ?? Date.now;
  const { samples } = data;
  const split =
    data.split ??
    stratifiedSplit(samples.labels, { seed: config.seed, validationShare: config.validationShare });
  if (split.train.length === 0)
    throw new TrainingError('empty-dataset', 'No training samples after the validation split');
  const outputUnits = planned.plan.outputUnits;
  if (outputUnits > 1 && samples.numClasses > outputUnits) {
    throw new TrainingError(
      'label-mismatch',
      `The dataset has ${samples.numClasses} classes but the output layer has ${outputUnits} units`,
    );
  }
  if (
    samples.dtype !== planned.plan.inputDtype ||
    sampleSizeOf(samples) !== planned.plan.inputShape.reduce((a, d) => a * d, 1)
  ) {
    throw new EngineError('engine-unsupported', 'the samples do not fit the model input');
  }
  const encoding = targetEncodingFor(config.loss, outputUnits);
  const batchSize = Math.min(config.batchSize, split.train.length);
  const maxBatch = Math.max(
    batchSize,
    Math.min(evaluationChunk, Math.max(split.validation.length, 1)),
  );
  const engine = await TrainingEngine.create(options.wasm, planned.plan, {
    loss: config.loss,
    optimizer: config.optimizer,
    maxBatch,
    seed: config.seed,
  });
  engine.loadWeightsFrom(model);
  const optimizer = compileForTraining(model, config); // so model.evaluate works for callers afterwards
  const trainer = await DataParallelTrainer.start(
    engine,
    model,
    { wasm: options.wasm, loss: config.loss, batchSize, seed: config.seed },
    options.parallel,
  ).catch((error: unknown) => {
    optimizer.dispose();
    throw error;
  });
  options.onWorkers?.(trainer.workers);
  const trainOrder = Array.from(split.train);
  const validation = Array.from(split.validation);
  const batchesPerEpoch = Math.ceil(trainOrder.length / batchSize);
  const epochs: EpochMetrics[] = [];
  const tracker = new BestEpochTracker(model, config.earlyStopping);
  let examplesSeen = 0;
  const started = now();

  const finish = (outcome: TrainResult['outcome']): TrainResult => {
    engine.writeWeightsTo(model);
    return tracker.finish(outcome, epochs);
  };

  try {
    for (let epoch = hooks.initialEpoch ?? 0; epoch < config.epochs; epoch++) {
      const epochStart = now();
      const learningRate = learningRateForEpoch(config, epoch);
      engine.learningRate = learningRate;
      shuffleInPlace(trainOrder, createRng(deriveSeed(config.seed, 1000 + epoch)));
      let lossSum = 0;
      let accuracySum = 0;
      let count = 0;
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        await hooks.waitIfPaused?.();
        if (hooks.signal?.aborted) return finish('stopped');
        const idx = trainOrder.slice(batch * batchSize, (batch + 1) * batchSize);
        const metrics = await trainer.trainBatch(idx, async (slice, inputs, targets) => {
          await samples.gather(slice, inputs, { augment: true, epoch });
          encodeTargets(samples.labels, slice, encoding, outputUnits, targets);
        });
        if (!Number.isFinite(metrics.loss)) {
          tracker.restoreBest();
          throw new TrainingError(
            'non-finite-loss',
            nonFiniteLossMessage(metrics.loss, epoch, batch),
            { epoch, batch },
          );
        }
        examplesSeen += idx.length;
        lossSum += metrics.loss * idx.length;
        accuracySum += metrics.accuracy * idx.length;
        count += idx.length;
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
      if (validation.length > 0) {
        hooks.onValidationStart?.(epoch);
        const v = await evaluateWithEngine(
          engine,
          samples,
          validation,
          outputUnits,
          config,
          maxBatch,
        );
        valLoss = v.loss;
        valAccuracy = v.accuracy;
      }
      const metrics: EpochMetrics = {
        epoch,
        loss: lossSum / count,
        accuracy: accuracySum / count,
        valLoss,
        valAccuracy,
        learningRate,
        seconds: (now() - epochStart) / 1000,
      };
      epochs.push(metrics);
      engine.writeWeightsTo(model);
      const snapshot = await snapshotWeights(model, epoch);
      hooks.onEpochEnd?.(metrics, snapshot);
      const monitored = validation.length > 0 ? (valLoss ?? Number.NaN) : metrics.loss;
      if (tracker.record(epoch, monitored, snapshot)) return finish('early-stopped');
      if (hooks.signal?.aborted) return finish('stopped');
    }
    return finish('completed');
  } finally {
    optimizer.dispose();
    await trainer.close();
  }
}
