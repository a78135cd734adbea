import type * as tf from '@tensorflow/tfjs';

import type { TrainingConfig } from '../train/config';
import type { TrainResult } from '../train/metrics';
import type { RunnerFactory } from '../train/runner';
import { sampleSizeOf } from '../train/sample-source';
import { train, type TrainData, type TrainHooks } from '../train/train';
import { restoreWeights, snapshotWeights } from '../train/weight-snapshot';
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

/** Validation chunk: the engine's buffers hold max(batch size, this) examples. */
const evaluationChunk = 256;

/**
 * core/train's runner on LayerLab's wasm SIMD kernels: every batch is one
 * engine step (or one data-parallel step over `parallel.workers` engines),
 * validation runs on the main engine. The TF.js model is the source of the
 * initial weights and receives the trained ones at every snapshot (each
 * epoch) and when the run ends, so inspection, evaluation and export see them.
 *
 * The factory throws `EngineError('engine-unsupported')` for a model the
 * engine cannot run: check `canTrainWithEngine` (or `chooseRunner`) first.
 */
export function engineRunner(options: EngineTrainOptions): RunnerFactory {
  return async ({ model, config, samples, batchSize, validationSize }) => {
    const planned = planEngineModel(model, config.loss);
    if (!planned.ok) throw new EngineError('engine-unsupported', planned.reason);
    if (
      samples.dtype !== planned.plan.inputDtype ||
      sampleSizeOf(samples) !== planned.plan.inputShape.reduce((a, d) => a * d, 1)
    ) {
      throw new EngineError('engine-unsupported', 'the samples do not fit the model input');
    }
    const maxBatch = Math.max(batchSize, Math.min(evaluationChunk, Math.max(validationSize, 1)));
    const engine = await TrainingEngine.create(options.wasm, planned.plan, {
      loss: config.loss,
      optimizer: config.optimizer,
      maxBatch,
      seed: config.seed,
    });
    engine.loadWeightsFrom(model);
    const trainer = await DataParallelTrainer.start(
      engine,
      model,
      { wasm: options.wasm, loss: config.loss, batchSize, seed: config.seed },
      options.parallel,
    );
    options.onWorkers?.(trainer.workers);
    return {
      evaluationBatch: maxBatch,
      setLearningRate: (rate) => {
        engine.learningRate = rate;
      },
      trainBatch: (indices, fill) => trainer.trainBatch(indices, fill),
      async evaluateBatch(indices, fill) {
        const n = indices.length;
        await fill(indices, engine.inputsOfPlan(n), engine.targets(n));
        return engine.evaluateBatch(n);
      },
      syncModel: () => engine.writeWeightsTo(model),
      snapshot: (epoch) => {
        engine.writeWeightsTo(model);
        return snapshotWeights(model, epoch);
      },
      restore: (snapshot) => {
        restoreWeights(model, snapshot);
        engine.loadWeightsFrom(model);
      },
      dispose: () => trainer.close(),
    };
  };
}

/**
 * `train` on LayerLab's engine: `train(model, data, config, hooks, engineRunner(options))`.
 * Same split, seeded shuffles, hooks, metrics and outcomes as with TF.js.
 */
export function trainWithEngine(
  model: tf.LayersModel,
  data: TrainData,
  config: TrainingConfig,
  hooks: TrainHooks,
  options: EngineTrainOptions,
): Promise<TrainResult> {
  return train(model, data, config, hooks, engineRunner(options));
}
