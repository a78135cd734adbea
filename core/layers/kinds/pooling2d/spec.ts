import * as tf from '@tensorflow/tfjs';

import type { LayerFamily, LayerSpec } from '../../spec';
import { paddingParam, poolSizeParam, stridesParam, translated as t } from '../../param-specs';
import type { Translated } from '../../../validate/diagnostic';
import { convOutputLength, readPair, readString, shapeFail, shapeOk } from '../../read-params';

/** Shared definition of MaxPooling2D and AveragePooling2D: they differ only in the reduction. */
function poolingSpec(
  kind: 'MaxPooling2D' | 'AveragePooling2D',
  label: Translated,
  description: Translated,
  formula: string,
): LayerSpec {
  const family: LayerFamily = 'pooling';
  return {
    kind,
    family,
    label,
    description,
    formula,
    params: [poolSizeParam, stridesParam([2, 2]), paddingParam],
    arity: { min: 1, max: 1 },
    inputSpec: { ndim: 4 },
    inferShape: ([input], params) => {
      if (!input) return shapeFail('missing-input');
      const [ph, pw] = readPair(params, 'poolSize', [2, 2]);
      const [sh, sw] = readPair(params, 'strides', [2, 2]);
      const padding = readString(params, 'padding', 'valid');
      const h = convOutputLength(input[1] ?? null, ph, padding, sh);
      const w = convOutputLength(input[2] ?? null, pw, padding, sw);
      if ((h !== null && h < 1) || (w !== null && w < 1))
        return shapeFail('output-too-small', { window: `${ph}×${pw}` });
      return shapeOk([null, h, w, input[3] ?? null]);
    },
    countParams: () => 0,
    toTf: (params, name) => {
      const args = {
        name,
        poolSize: readPair(params, 'poolSize', [2, 2]),
        strides: readPair(params, 'strides', [2, 2]),
        padding: readString(params, 'padding', 'valid') as 'valid',
      };
      return kind === 'MaxPooling2D'
        ? tf.layers.maxPooling2d(args)
        : tf.layers.averagePooling2d(args);
    },
  };
}

/** Keeps the largest value of each window: smaller maps, small shifts tolerated. */
export const maxPooling2dSpec = poolingSpec(
  'MaxPooling2D',
  t('Max pooling 2D', '二维最大池化'),
  t(
    'Keeps the largest value in each window, making the image smaller.',
    '保留每个窗口中的最大值，使图像变小。',
  ),
  'y = max over each window of x',
);

/** Averages each window. */
export const averagePooling2dSpec = poolingSpec(
  'AveragePooling2D',
  t('Average pooling 2D', '二维平均池化'),
  t(
    'Replaces each window by the average of its values, making the image smaller.',
    '用每个窗口内数值的平均值代替该窗口，使图像变小。',
  ),
  'y = mean over each window of x',
);
