import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import { translated as t } from '../../param-specs';
import { shapeFail, shapeOk } from '../../read-params';

/** Turns scores into probabilities that sum to 1 over the last axis. */
export const softmaxSpec: LayerSpec = {
  kind: 'Softmax',
  family: 'activation',
  label: t('Softmax', 'Softmax 层'),
  description: t(
    'Turns a list of scores into probabilities that add up to 1.',
    '把一组分数变成总和为 1 的概率。',
  ),
  formula: 'yᵢ = exp(xᵢ) / Σⱼ exp(xⱼ)',
  params: [],
  arity: { min: 1, max: 1 },
  inferShape: ([input]) => (input ? shapeOk(input) : shapeFail('missing-input')),
  countParams: () => 0,
  // TF.js's Softmax layer defaults to axis 1 (not −1 as Keras); say the last axis explicitly.
  toTf: (_params, name) => tf.layers.softmax({ name, axis: -1 }),
};
