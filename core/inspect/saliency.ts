import type * as tf from '@tensorflow/tfjs';

import { assertDifferentiable, channelMagnitude, inputGradient } from './effective-field';
import { InspectError } from './inspect-error';
import { activationOf } from './model-layers';
import { outputKindOf } from './output-probabilities';
import { withPreActivation } from './pre-activations';
import type { ArrayND, InspectableModel } from './sample';
import { findLayer } from './sample';

/** A saliency map: where in the input a small change moves the class score most. */
export interface SaliencyMap {
  readonly classIndex: number;
  /** d score / d input, same shape as the sample. */
  readonly gradient: ArrayND;
  /** Σ over channels of |gradient| per pixel: the heat map. */
  readonly magnitude: ArrayND;
  readonly maxMagnitude: number;
  /** `logit`: the class score before softmax/sigmoid (Simonyan et al. 2014); `output`: the output itself. */
  readonly score: 'logit' | 'output';
}

/**
 * Vanilla gradient saliency for one class: the gradient of the class score
 * with respect to the input. We differentiate the pre-softmax score (the
 * logit) when the output layer ends in softmax or sigmoid, because the
 * probability saturates near 1 and its gradient vanishes exactly for the
 * confident predictions students ask about.
 */
export function saliencyMap(
  model: InspectableModel,
  sample: ArrayND,
  classIndex: number,
): SaliencyMap {
  const outputLayer = model.outputs[0]?.sourceLayer as tf.layers.Layer | undefined;
  if (!outputLayer) throw new InspectError('unsupported-model', 'the model has no output');
  const units = model.outputs[0]?.shape[model.outputs[0].shape.length - 1] ?? 1;
  const binary = outputKindOf(model) === 'binary-sigmoid';
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= (binary ? 2 : units)) {
    throw new InspectError(
      'unit-out-of-range',
      `class ${classIndex} does not exist; the model has ${binary ? 2 : units} classes`,
    );
  }
  assertDifferentiable(model.layers);
  const activation = activationOf(findLayer(model, outputLayer.name));
  const useLogit = activation === 'softmax' || activation === 'sigmoid';
  // A one-output sigmoid scores class 1 by z and class 0 by −z.
  const sign = binary && classIndex === 0 ? -1 : 1;
  const column = binary ? 0 : classIndex;
  const gradientOf = (score: (x: tf.Tensor) => tf.Tensor): ArrayND =>
    inputGradient(model, sample, (x) =>
      score(x).reshape([1, -1]).slice([0, column], [1, 1]).mul(sign).sum(),
    );
  const gradient = useLogit
    ? withPreActivation(model, outputLayer.name, gradientOf)
    : gradientOf((x) => model.apply(x) as tf.Tensor);
  const magnitude = channelMagnitude(gradient);
  let maxMagnitude = 0;
  for (const v of magnitude.values) if (v > maxMagnitude) maxMagnitude = v;
  return { classIndex, gradient, magnitude, maxMagnitude, score: useLogit ? 'logit' : 'output' };
}
