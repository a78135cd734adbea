import type * as tf from '@tensorflow/tfjs';

import { layerKindOfTfClass } from '../layers/catalog';

/**
 * FLOPs of one training example (forward + backward ≈ 3 × the forward
 * multiply-adds × 2) of the layers whose kind declares `forwardFlops` (conv,
 * dense and recurrent): the work that decides whether a batch is worth
 * splitting across workers, and what the benchmarks' GFLOP/s figures are
 * measured against (pooling, activations and the optimizer excluded).
 */
export function trainingFlopsPerExample(model: tf.LayersModel): number {
  let forward = 0;
  for (const layer of model.layers) {
    const input = layer.input;
    if (Array.isArray(input)) continue; // merges do no multiply-adds
    const engine = layerKindOfTfClass(layer.getClassName())?.engine;
    if (engine === undefined || !engine.supported || engine.networkInput === true) continue;
    forward +=
      engine.forwardFlops?.(
        layer.getConfig() as Record<string, unknown>,
        input.shape,
        layer.outputShape as (number | null)[],
      ) ?? 0;
  }
  return 3 * forward;
}
