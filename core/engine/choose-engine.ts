import type * as tf from '@tensorflow/tfjs';

import type { TrainingConfig } from '../train/config';
import { headsOfModel } from '../train/heads';
import type { RunnerFactory } from '../train/runner';
import { tfjsRunner } from '../train/tfjs-runner';
import type { ParallelOptions } from './data-parallel';
import { engineRunner } from './engine-runner';
import { detectEngineBuild, type EngineBuild } from './load-kernels';
import { canTrainWithEngine, type EngineUnsupportedCode } from './plan-model';

/**
 * Which engine trains a run, and why: the status bar shows this.
 * - `layerlab`: LayerLab's wasm SIMD kernels (`build` says which);
 * - `tfjs`: TF.js on its backend, with the reason the engine was not used
 *   (`requested`: the caller asked for TF.js).
 */
export type EngineChoice =
  | {
      readonly engine: 'layerlab';
      readonly build: EngineBuild;
      /** Engines training each batch (data-parallel workers, this thread included). */
      readonly workers: number;
    }
  | {
      readonly engine: 'tfjs';
      readonly code:
        EngineUnsupportedCode | 'gpu-backend' | 'no-kernels' | 'requested' | 'output-heads';
      readonly reason: string;
    };

/**
 * Picks the engine for a run: LayerLab's kernels when the model is supported,
 * the runtime has wasm SIMD, the kernel bytes are at hand, and TF.js is not on
 * a real GPU (WebGL there beats a CPU); TF.js otherwise. A model with several
 * outputs or output heads trains on TF.js: the engine's plan has one output
 * and one loss.
 *
 * @param tfBackend what `tf.getBackend()` says after `initBackend`.
 * @param wasmFor the kernel bytes of a build, or null when they cannot be loaded.
 */
export function chooseEngine(
  model: tf.LayersModel,
  config: TrainingConfig,
  tfBackend: string,
  wasmFor: (build: EngineBuild) => Uint8Array | null,
): { choice: EngineChoice; wasm: Uint8Array | null } {
  if (tfBackend === 'webgl' || tfBackend === 'webgpu')
    return {
      choice: {
        engine: 'tfjs',
        code: 'gpu-backend',
        reason: `TF.js runs on the GPU (${tfBackend})`,
      },
      wasm: null,
    };
  if (model.outputs.length > 1 || headsOfModel(model) !== null)
    return {
      choice: {
        engine: 'tfjs',
        code: 'output-heads',
        reason:
          "the network has output heads (several outputs); LayerLab's engine trains one output",
      },
      wasm: null,
    };
  const support = canTrainWithEngine(model, config.loss);
  if (!support.ok)
    return { choice: { engine: 'tfjs', code: support.code, reason: support.reason }, wasm: null };
  const build = detectEngineBuild();
  if (build === null)
    return {
      choice: { engine: 'tfjs', code: 'no-simd', reason: 'this runtime has no WebAssembly SIMD' },
      wasm: null,
    };
  const wasm = wasmFor(build);
  if (wasm === null)
    return {
      choice: {
        engine: 'tfjs',
        code: 'no-kernels',
        reason: `the ${build} kernel build is missing (run npm run build:wasm)`,
      },
      wasm: null,
    };
  return { choice: { engine: 'layerlab', build, workers: 1 }, wasm };
}

/**
 * The runner of a run: the one place that decides between LayerLab's engine
 * and TF.js (`chooseEngine`), for the training job (core/train/job), so the
 * app's worker and the CLI always choose alike. `onChosen` fires once, before
 * the first batch: at once for TF.js; for the engine once its data-parallel
 * workers run, with their count.
 */
export function chooseRunner(
  model: tf.LayersModel,
  config: TrainingConfig,
  options: {
    readonly tfBackend: string;
    readonly wasmFor: (build: EngineBuild) => Uint8Array | null;
    /** `tfjs` forces TF.js (the CLI's `--engine tfjs`). */
    readonly requested?: 'auto' | 'tfjs';
    /** Data-parallel workers for the engine (ignored by TF.js). */
    readonly parallel?: ParallelOptions;
    readonly onChosen?: (choice: EngineChoice) => void;
  },
): RunnerFactory {
  const { choice, wasm } =
    options.requested === 'tfjs'
      ? { choice: { engine: 'tfjs', code: 'requested', reason: 'requested' } as const, wasm: null }
      : chooseEngine(model, config, options.tfBackend, options.wasmFor);
  if (choice.engine === 'layerlab' && wasm)
    return engineRunner({
      wasm,
      ...(options.parallel ? { parallel: options.parallel } : {}),
      onWorkers: (workers) => options.onChosen?.({ ...choice, workers }),
    });
  options.onChosen?.(choice);
  return tfjsRunner;
}
