import * as tf from '@tensorflow/tfjs';

import { activationOf } from './model-layers';
import type { InspectableModel } from './sample';

/**
 * How the model's output becomes class probabilities: `softmax` rows are
 * used as they are; a single `sigmoid` unit p becomes [1 − p, p] (binary
 * classification); anything else (a linear output) goes through a softmax so
 * the bars still sum to 1.
 */
export type OutputKind = 'softmax' | 'binary-sigmoid' | 'multi-sigmoid' | 'logits';

/** The output layer's activation decides how to read probabilities. */
export function outputKindOf(model: InspectableModel): OutputKind {
  const last = model.outputs[0]?.sourceLayer as tf.layers.Layer | undefined;
  const activation = last ? activationOf(last) : null;
  const units = model.outputs[0]?.shape[model.outputs[0].shape.length - 1] ?? 0;
  if (activation === 'softmax') return 'softmax';
  if (activation === 'sigmoid') return units === 1 ? 'binary-sigmoid' : 'multi-sigmoid';
  return 'logits';
}

/** Number of classes the output describes. */
export function classCountOf(model: InspectableModel): number {
  const shape = model.outputs[0]?.shape ?? [];
  const units = shape[shape.length - 1] ?? 1;
  return outputKindOf(model) === 'binary-sigmoid' ? 2 : units;
}

/** [batch, classes] probabilities from the raw model output (a new tensor). */
export function toProbabilities(kind: OutputKind, output: tf.Tensor): tf.Tensor2D {
  return tf.tidy(() => {
    const flat = output.reshape([output.shape[0] ?? 1, -1]) as tf.Tensor2D;
    if (kind === 'binary-sigmoid') return tf.concat([tf.sub(1, flat), flat], 1) as tf.Tensor2D;
    if (kind === 'logits') return tf.softmax(flat) as tf.Tensor2D;
    return flat;
  });
}
