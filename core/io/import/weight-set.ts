import * as tf from '@tensorflow/tfjs';

import { err, ok } from '../../result';
import type { Result } from '../../result';
import { importError } from './import-error';
import type { ImportError } from './import-error';
import type { NamedWeight } from './weights';

/**
 * Trained weights carried alongside an imported graph, by layer name (the
 * graph node's `name`, which becomes the TF.js layer name when compiled).
 * Each layer's list is in TF.js order with short names (`kernel`, `bias`,
 * `recurrent_kernel`, `gamma`, `moving_mean`…), so it survives renaming the
 * model and applies to any model built from the same graph.
 */
export type WeightSet = Readonly<Record<string, readonly NamedWeight[]>>;

/** `dense_1/kernel` → `kernel`; `model/dense_1/kernel` → `kernel`. */
function shortName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Groups flat TF.js weights (`layer/short`) into a `WeightSet` by layer name. */
export function groupWeightsByLayer(
  weights: readonly NamedWeight[],
  layerNames: readonly string[],
): WeightSet {
  const set: Record<string, NamedWeight[]> = {};
  // Longest names first so `dense_1` never captures `dense_10/kernel`.
  const names = [...layerNames].sort((a, b) => b.length - a.length);
  for (const w of weights) {
    const owner = names.find((n) => w.name.startsWith(`${n}/`) || w.name.includes(`/${n}/`));
    if (owner === undefined) continue;
    (set[owner] ??= []).push({ name: shortName(w.name), shape: w.shape, values: w.values });
  }
  return set;
}

/**
 * Copies a `WeightSet` into a model built from the imported graph (the hook
 * the compile step calls after `compileGraph`). Every layer with weights must
 * be found with the same weight names and shapes; otherwise nothing is
 * applied and a coded error names the first mismatch.
 */
export function applyWeightSet(model: tf.LayersModel, set: WeightSet): Result<void, ImportError> {
  const plan: { layer: tf.layers.Layer; values: NamedWeight[] }[] = [];
  for (const [layerName, weights] of Object.entries(set)) {
    let layer: tf.layers.Layer;
    try {
      layer = model.getLayer(layerName);
    } catch {
      return err(
        importError(
          'import-weights-mismatch',
          `The model has no layer "${layerName}" to receive its trained weights.`,
          layerName,
        ),
      );
    }
    const ordered: NamedWeight[] = [];
    for (const variable of layer.weights) {
      const match = weights.find(
        (w) => w.name === shortName(variable.originalName) || w.name === shortName(variable.name),
      );
      const shape = variable.shape.join('×');
      if (match === undefined || match.shape.join('×') !== shape) {
        return err(
          importError(
            'import-weights-mismatch',
            `Layer "${layerName}" needs weight "${shortName(variable.originalName)}" of shape [${shape}], which the imported weights do not provide.`,
            layerName,
          ),
        );
      }
      ordered.push(match);
    }
    plan.push({ layer, values: ordered });
  }
  for (const { layer, values } of plan) {
    const tensors = values.map((w) => tf.tensor(w.values, [...w.shape], 'float32'));
    layer.setWeights(tensors);
    tf.dispose(tensors);
  }
  return ok(undefined);
}
