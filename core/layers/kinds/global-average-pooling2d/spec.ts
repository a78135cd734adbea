import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import { translated as t } from '../../param-specs';
import { shapeFail, shapeOk } from '../../read-params';

/** Averages each channel over the whole image: [H, W, C] → [C]. */
export const globalAveragePooling2dSpec: LayerSpec = {
  kind: 'GlobalAveragePooling2D',
  family: 'pooling',
  label: t('Global average pooling 2D', '二维全局平均池化'),
  description: t(
    'Averages each channel over the whole image, leaving one number per channel.',
    '对每个通道在整张图上取平均，每个通道只剩一个数。',
  ),
  formula: 'y_c = mean over (i, j) of x_ijc',
  params: [],
  arity: { min: 1, max: 1 },
  inputSpec: { ndim: 4 },
  inferShape: ([input]) => (input ? shapeOk([null, input[3] ?? null]) : shapeFail('missing-input')),
  countParams: () => 0,
  toTf: (_params, name) => tf.layers.globalAveragePooling2d({ name }),
};
