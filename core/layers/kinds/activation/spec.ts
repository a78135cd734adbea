import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import { enumParam, standaloneActivations, translated as t } from '../../param-specs';
import { readString, shapeFail, shapeOk } from '../../read-params';

/** An element-wise non-linearity as its own layer. */
export const activationSpec: LayerSpec = {
  kind: 'Activation',
  family: 'activation',
  label: t('Activation', '激活层'),
  description: t(
    'Applies a non-linear function to every value; the shape does not change.',
    '对每个值施加非线性函数；形状不变。',
  ),
  formula: 'y = g(x)',
  params: [
    enumParam(
      'activation',
      'relu',
      standaloneActivations,
      t('Function', '函数'),
      t(
        'The function g: relu, sigmoid, tanh, softmax, leakyRelu, elu or linear.',
        '函数 g：relu、sigmoid、tanh、softmax、leakyRelu、elu 或 linear。',
      ),
      {
        key: true,
      },
    ),
  ],
  arity: { min: 1, max: 1 },
  inferShape: ([input]) => (input ? shapeOk(input) : shapeFail('missing-input')),
  countParams: () => 0,
  toTf: (params, name) => {
    const activation = readString(params, 'activation', 'relu');
    // TF.js has no 'leakyRelu' activation string, only a LeakyReLU layer (alpha 0.3 by default).
    if (activation === 'leakyRelu') return tf.layers.leakyReLU({ name });
    return tf.layers.activation({ name, activation: activation as 'relu' });
  },
};
