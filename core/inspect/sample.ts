import * as tf from '@tensorflow/tfjs';

import { InspectError } from './inspect-error';

/** The model type inspection works on (what `compileGraph` returns). */
export type InspectableModel = tf.LayersModel;

/** Plain numbers with their shape: how activations, kernels and samples cross into the UI. */
export interface ArrayND {
  readonly values: Float32Array;
  /** Per-sample shape, batch axis excluded (e.g. [24, 24, 6]). */
  readonly shape: readonly number[];
}

/** Per-sample input shape of a single-input model, e.g. [28, 28, 1]. */
export function modelInputShape(model: InspectableModel): number[] {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new InspectError(
      'unsupported-model',
      `inspection needs one input and one output; this model has ${model.inputs.length} and ${model.outputs.length}`,
    );
  }
  return (model.inputs[0] as tf.SymbolicTensor).shape.slice(1).map((d) => d ?? -1);
}

/** Checks a preprocessed sample against the model input; returns the batch shape [1, …]. */
export function checkSample(model: InspectableModel, sample: ArrayND): number[] {
  const expected = modelInputShape(model);
  const size = expected.reduce((a, b) => a * Math.max(b, 1), 1);
  const fits =
    expected.every((d, i) => d < 0 || d === sample.shape[i]) &&
    sample.shape.length === expected.length &&
    sample.values.length === size;
  if (!fits) {
    throw new InspectError(
      'sample-shape-mismatch',
      `the sample has shape [${sample.shape.join(', ')}] (${sample.values.length} values); the model expects [${expected.join(', ')}]`,
    );
  }
  return [1, ...sample.shape];
}

/** A batch tensor [1, …] of one sample. The caller disposes it (or creates it inside tf.tidy). */
export function sampleTensor(model: InspectableModel, sample: ArrayND): tf.Tensor {
  return tf.tensor(sample.values, checkSample(model, sample), inputDtype(model));
}

/** `int32` for token-id inputs (Embedding models), else `float32`. */
export function inputDtype(model: InspectableModel): 'float32' | 'int32' {
  return model.inputs[0]?.dtype === 'int32' ? 'int32' : 'float32';
}

/** Copies a tensor's values out (never a view on backend memory). */
export function copyValues(t: tf.Tensor): Float32Array {
  return Float32Array.from(t.dataSync() as Float32Array);
}

/** The layer of that name, or an `unknown-layer` error. */
export function findLayer(model: InspectableModel, layerName: string): tf.layers.Layer {
  const layer = model.layers.find((l) => l.name === layerName);
  if (!layer) throw new InspectError('unknown-layer', `no layer named "${layerName}" in the model`);
  return layer;
}

/** The (first) symbolic output of a layer inside the model graph. */
export function layerOutput(layer: tf.layers.Layer): tf.SymbolicTensor {
  const out = layer.output;
  return Array.isArray(out) ? (out[0] as tf.SymbolicTensor) : out;
}
