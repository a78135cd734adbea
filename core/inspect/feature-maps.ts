import * as tf from '@tensorflow/tfjs';

import type { ActivationLayout } from './model-layers';
import { featureMapLayerNames, layoutOf } from './model-layers';
import type { ArrayND, InspectableModel } from './sample';
import { copyValues, findLayer, layerOutput, sampleTensor } from './sample';

/** One layer's output for one sample, as plain numbers. */
export interface LayerActivation extends ArrayND {
  readonly layerName: string;
  readonly className: string;
  readonly layout: ActivationLayout;
  /** Smallest and largest value, for the shared colour scale. */
  readonly min: number;
  readonly max: number;
}

/**
 * Probe models are cached per model and layer list: building one only wires
 * existing layers (no weights are created), but it still costs a few ms that
 * a click should not pay twice. Never dispose a probe: it shares its layers'
 * weights with the trained model.
 */
const probeCache = new WeakMap<InspectableModel, Map<string, tf.LayersModel>>();

/**
 * A model from the inputs of `model` to the outputs of the named layers,
 * sharing the trained weights. Built on demand, cached.
 */
export function probeModel(model: InspectableModel, layerNames: readonly string[]): tf.LayersModel {
  const key = layerNames.join('\u0000');
  let perModel = probeCache.get(model);
  if (!perModel) {
    perModel = new Map();
    probeCache.set(model, perModel);
  }
  const cached = perModel.get(key);
  if (cached) return cached;
  const outputs = layerNames.map((name) => layerOutput(findLayer(model, name)));
  const probe = tf.model({ inputs: model.inputs, outputs });
  perModel.set(key, probe);
  return probe;
}

function range(values: Float32Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length === 0 ? { min: 0, max: 0 } : { min, max };
}

/**
 * Runs one preprocessed sample through the model and returns the outputs of
 * the chosen layers (default: every convolution, pooling, activation, Dense,
 * recurrent and embedding layer) as `Float32Array`s with their shapes. All
 * tensors are disposed before returning.
 *
 * @example
 *   const maps = computeFeatureMaps(model, { values: pixels, shape: [28, 28, 1] });
 *   maps[0] // {layerName: 'conv2d_1', shape: [24, 24, 6], layout: 'spatial', values, min, max}
 */
export function computeFeatureMaps(
  model: InspectableModel,
  sample: ArrayND,
  layerNames: readonly string[] = featureMapLayerNames(model),
): LayerActivation[] {
  if (layerNames.length === 0) return [];
  const probe = probeModel(model, layerNames);
  const outputs = tf.tidy(() => {
    const result = probe.predict(sampleTensor(model, sample));
    return Array.isArray(result) ? result : [result];
  });
  try {
    return layerNames.map((layerName, i) => {
      const t = outputs[i] as tf.Tensor;
      const values = copyValues(t);
      const shape = t.shape.slice(1);
      return {
        layerName,
        className: findLayer(model, layerName).getClassName(),
        shape,
        values,
        layout: layoutOf(shape),
        ...range(values),
      };
    });
  } finally {
    tf.dispose(outputs);
  }
}
