import * as tf from '@tensorflow/tfjs';

import { InspectError } from './inspect-error';
import type { ArrayND, InspectableModel } from './sample';
import { copyValues, findLayer, inputDtype, layerOutput, sampleTensor } from './sample';
import { probeModel } from './feature-maps';

/** The gradient of one unit with respect to the input, and its per-pixel magnitude. */
export interface EffectiveField {
  /** d unit / d input, same shape as the sample. */
  readonly gradient: ArrayND;
  /** Σ over channels of |gradient| per pixel ([H, W] for images, [T] for sequences): the heat map. */
  readonly magnitude: ArrayND;
  /** Largest magnitude, for the colour scale; 0 means the unit does not react to this sample (e.g. a dead ReLU). */
  readonly maxMagnitude: number;
}

/** Sums |values| over the last (channel) axis: [H, W, C] → [H, W]. */
export function channelMagnitude(gradient: ArrayND): ArrayND {
  const channels =
    gradient.shape.length >= 2 ? (gradient.shape[gradient.shape.length - 1] as number) : 1;
  const shape = gradient.shape.length >= 2 ? gradient.shape.slice(0, -1) : gradient.shape;
  const values = new Float32Array(gradient.values.length / channels);
  for (let i = 0; i < values.length; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += Math.abs(gradient.values[i * channels + c] as number);
    values[i] = sum;
  }
  return { values, shape };
}

function checkUnit(shape: readonly number[], unit: readonly number[], layerName: string): void {
  const ok =
    unit.length === shape.length &&
    unit.every((u, i) => Number.isInteger(u) && u >= 0 && u < (shape[i] as number));
  if (!ok)
    throw new InspectError(
      'unit-out-of-range',
      `unit [${unit.join(', ')}] is outside layer "${layerName}" of shape [${shape.join(', ')}]`,
    );
}

/**
 * TF.js 4.22 cannot differentiate dilated convolutions, and a failed
 * `tf.grad` leaks the tensors it had recorded, so we refuse up front.
 */
export function assertDifferentiable(layers: readonly tf.layers.Layer[]): void {
  for (const layer of layers) {
    const { dilationRate } = layer.getConfig() as { dilationRate?: number | number[] };
    const rates = Array.isArray(dilationRate) ? dilationRate : [dilationRate ?? 1];
    if (rates.some((r) => r !== 1)) {
      throw new InspectError(
        'gradient-unsupported',
        `layer "${layer.name}" is a dilated convolution; TF.js cannot compute gradients through it`,
      );
    }
  }
}

/**
 * Gradient of a scalar `score(input)` with respect to the input, for one
 * sample; translates TF.js's "not yet supported in gradients" into
 * a coded error.
 */
export function inputGradient(
  model: InspectableModel,
  sample: ArrayND,
  score: (x: tf.Tensor) => tf.Scalar,
): ArrayND {
  // Token ids are integers: nothing varies continuously, so there is no gradient to show.
  if (inputDtype(model) === 'int32')
    throw new InspectError(
      'gradient-unsupported',
      'the input is token ids (integers); gradients with respect to them do not exist',
    );
  try {
    const grad = tf.tidy(() => tf.grad(score)(sampleTensor(model, sample)));
    try {
      return { values: copyValues(grad), shape: grad.shape.slice(1) };
    } finally {
      grad.dispose();
    }
  } catch (error) {
    if (error instanceof InspectError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/not yet supported in gradients|gradient/i.test(message))
      throw new InspectError('gradient-unsupported', message);
    throw error;
  }
}

/**
 * The effective receptive field of one unit: the gradient of that unit with
 * respect to the input, for this sample. `unit` indexes the layer's
 * per-sample output, e.g. [row, column, channel] for a Conv2D.
 */
export function effectiveReceptiveField(
  model: InspectableModel,
  sample: ArrayND,
  layerName: string,
  unit: readonly number[],
): EffectiveField {
  const shape = layerOutput(findLayer(model, layerName))
    .shape.slice(1)
    .map((d) => d ?? -1);
  checkUnit(shape, unit, layerName);
  const probe = probeModel(model, [layerName]);
  assertDifferentiable(probe.layers);
  const gradient = inputGradient(model, sample, (x) =>
    (probe.apply(x) as tf.Tensor).slice([0, ...unit], [1, ...unit.map(() => 1)]).sum(),
  );
  const magnitude = channelMagnitude(gradient);
  let maxMagnitude = 0;
  for (const v of magnitude.values) if (v > maxMagnitude) maxMagnitude = v;
  return { gradient, magnitude, maxMagnitude };
}
