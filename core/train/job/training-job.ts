import type * as tf from '@tensorflow/tfjs';

import { compileGraph, refuseBlockingDiagnostics } from '../../compile/compile-graph';
import { chooseRunner, type EngineChoice } from '../../engine/choose-engine';
import type { ParallelOptions } from '../../engine/data-parallel';
import type { EngineBuild } from '../../engine/load-kernels';
import { deriveSeed } from '../../data/random';
import type { GraphDoc } from '../../graph/types';
import { inferenceContextOf } from '../../validate/dataset-facts';
import { validateGraph } from '../../validate/validate-graph';
import type { TrainingConfig } from '../config';
import { evaluateSamples } from '../evaluate';
import type { TrainResult } from '../metrics';
import type { BatchLoss } from '../runner';
import type { SampleSource } from '../sample-source';
import { targetEncodingFor } from '../targets';
import { outputUnitsOf, train, type TrainHooks } from '../train';
import { restoreWeights, type WeightSnapshot } from '../weight-snapshot';
import { jobDatasetFacts, resolveDataset, type JobDataset } from './job-dataset';

/** A test set scored after training: samples with their labels, and the ones to score. */
export interface JobTestSet {
  readonly samples: SampleSource;
  readonly indices: readonly number[];
}

/** Everything a training run needs; the app's worker and the CLI each fill it from their own inputs. */
export interface TrainingJob {
  readonly graph: GraphDoc;
  readonly config: TrainingConfig;
  readonly dataset: JobDataset;
  /**
   * Starts TF.js's backend (or names the one running) and says which it is
   * (`tf.getBackend()`); awaited once the graph is known to be valid, before compiling.
   */
  readonly backend: () => Promise<string>;
  readonly engine: {
    /** The bytes of an engine kernel build, or null when they cannot be had (then TF.js trains). */
    readonly wasmFor: (build: EngineBuild) => Uint8Array | null;
    /** `tfjs` forces TF.js; `auto` (default) lets `chooseRunner` decide. */
    readonly requested?: 'auto' | 'tfjs';
    /** Data-parallel peers for the engine, made by the caller's own kind of worker. */
    readonly parallel?: ParallelOptions;
  };
  /** Weights to start from (a resumed run's last epoch snapshot); `hooks.initialEpoch` says where. */
  readonly initialWeights?: WeightSnapshot | null;
  /** Resolved once training has ended: a test set to score the trained model on, or null. */
  readonly test?: () => Promise<JobTestSet | null>;
}

/** Progress of a job: the loop's hooks plus the job's own steps, in this order. */
export interface TrainingJobHooks extends TrainHooks {
  /** The compiled model, before training; from here on the caller owns it (and disposes it). */
  readonly onModel?: (model: tf.LayersModel) => void;
  /** Which engine trains, before the first batch (for the engine, with its worker count). */
  readonly onEngineChosen?: (choice: EngineChoice) => void;
  /** Training has ended (before any test set is resolved). */
  readonly onTrained?: (trained: TrainedSummary) => void;
}

export interface TrainedSummary {
  readonly result: TrainResult;
  /**
   * Validation accuracy of the weights the model now holds: the best epoch's
   * when they were restored, else the last epoch's; null without validation.
   */
  readonly validationAccuracy: number | null;
}

export interface TrainingJobReport extends TrainedSummary {
  readonly model: tf.LayersModel;
  /** The test set's loss and accuracy; null when there was none. */
  readonly test: BatchLoss | null;
}

function validationAccuracyOf(result: TrainResult): number | null {
  const last = result.epochs[result.epochs.length - 1];
  if (last?.valAccuracy === null || last?.valAccuracy === undefined) return null;
  const best =
    result.restoredBest && result.bestEpoch !== null
      ? result.epochs.find((e) => e.epoch === result.bestEpoch)
      : last;
  return best?.valAccuracy ?? null;
}

/** Keeps the initial weights' random stream apart from the split's and the shuffles'. */
const INITIAL_WEIGHTS_SALT = 7919;

/**
 * One training run from graph and dataset to report, the same for the app's
 * training worker and `npm run train`: resolves the dataset, validates the
 * graph against it (class count, vocabulary size, sequence length), starts the
 * backend, compiles (initial weights seeded from `config.seed`), chooses the runner (`chooseRunner`: LayerLab's engine or
 * TF.js), trains with `train`, scores the test set, and reports. Callers keep
 * only their transport: messages or console lines through `hooks`, the bytes
 * of the engine, the data-parallel peers they can spawn.
 *
 * Throws what the steps throw: `CompileError('graph-has-errors')` (with the
 * diagnostic) before the backend starts, `TrainingError`, `EngineError`.
 */
export async function runTrainingJob(
  job: TrainingJob,
  hooks: TrainingJobHooks = {},
): Promise<TrainingJobReport> {
  const { graph, config } = job;
  const dataset = resolveDataset(job.dataset, config.seed);
  const facts = jobDatasetFacts(dataset);
  const diagnostics = validateGraph(graph, { training: config, dataset: facts });
  refuseBlockingDiagnostics(diagnostics);
  const tfBackend = await job.backend();
  const model = compileGraph(graph, {
    diagnostics,
    inference: inferenceContextOf(facts),
    seed: deriveSeed(config.seed, INITIAL_WEIGHTS_SALT),
  });
  hooks.onModel?.(model);
  if (job.initialWeights) restoreWeights(model, job.initialWeights);
  const runner = chooseRunner(model, config, {
    tfBackend,
    wasmFor: job.engine.wasmFor,
    ...(job.engine.requested ? { requested: job.engine.requested } : {}),
    ...(job.engine.parallel ? { parallel: job.engine.parallel } : {}),
    ...(hooks.onEngineChosen ? { onChosen: hooks.onEngineChosen } : {}),
  });
  const result = await train(
    model,
    { samples: dataset.samples, split: dataset.split },
    config,
    hooks,
    runner,
  );
  const trained = { result, validationAccuracy: validationAccuracyOf(result) };
  hooks.onTrained?.(trained);
  const testSet = job.test ? await job.test() : null;
  let test: BatchLoss | null = null;
  if (testSet) {
    const outputUnits = outputUnitsOf(model);
    test = await evaluateSamples(model, testSet.samples, testSet.indices, {
      batchSize: 256,
      encoding: targetEncodingFor(config.loss, outputUnits),
      outputUnits,
    });
  }
  return { ...trained, model, test };
}
