import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import { floatParam, translated as t } from '../../param-specs';
import { readFloat, shapeFail, shapeOk } from '../../read-params';

/**
 * Normalises each channel (axis −1, fixed) with batch statistics while
 * training and moving averages afterwards. Weights: gamma, beta (trainable),
 * moving mean and variance (not trainable).
 */
export const batchNormalizationSpec: LayerSpec = {
  kind: 'BatchNormalization',
  family: 'normalization',
  label: t('Batch normalization', '批归一化'),
  description: t(
    'Rescales each channel to mean 0 and variance 1, then applies a learned scale and shift.',
    '把每个通道调整为均值 0、方差 1，再施加可学习的缩放和平移。',
  ),
  formula: 'y = γ (x − μ) / √(σ² + ε) + β',
  params: [
    floatParam(
      'momentum',
      0.99,
      t('Momentum', '动量'),
      t(
        'How slowly the moving mean and variance follow each batch.',
        '滑动均值和方差跟随每个批次的慢程度。',
      ),
      0,
      1,
    ),
    floatParam(
      'epsilon',
      0.001,
      t('Epsilon', 'ε'),
      t(
        'Small number added to the variance to avoid dividing by zero.',
        '加在方差上的小数，避免除以零。',
      ),
      1e-7,
      1,
    ),
  ],
  arity: { min: 1, max: 1 },
  inputSpec: { minNDim: 2 },
  inferShape: ([input]) => {
    if (!input) return shapeFail('missing-input');
    if (input[input.length - 1] === null) return shapeFail('input-dim-unknown', { axis: -1 });
    return shapeOk(input);
  },
  countParams: ([input]) => 4 * (input?.[input.length - 1] ?? 0),
  nonTrainableParams: ([input]) => 2 * (input?.[input.length - 1] ?? 0),
  toTf: (params, name) =>
    tf.layers.batchNormalization({
      name,
      axis: -1,
      momentum: readFloat(params, 'momentum', 0.99),
      epsilon: readFloat(params, 'epsilon', 0.001),
    }),
};
