import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import { intListParam, translated as t } from '../../param-specs';
import { product, readIntList, shapeFail, shapeOk } from '../../read-params';

/** Re-arranges each sample into a new shape with the same number of values. */
export const reshapeSpec: LayerSpec = {
  kind: 'Reshape',
  family: 'core',
  label: t('Reshape', '改变形状'),
  description: t(
    'Re-arranges the values of each sample into a new shape with the same total size.',
    '把每个样本的值重新排列成总数相同的新形状。',
  ),
  formula: 'y = reshape(x, s)',
  params: [
    intListParam(
      'targetShape',
      [28, 28, 1],
      t('Target shape', '目标形状'),
      t(
        'New per-sample shape; the product must equal the input size.',
        '每个样本的新形状；各维乘积必须等于输入大小。',
      ),
      1,
      1_000_000,
      {
        minLength: 1,
        maxLength: 4,
        key: true,
      },
    ),
  ],
  arity: { min: 1, max: 1 },
  inferShape: ([input], params) => {
    if (!input) return shapeFail('missing-input');
    const target = readIntList(params, 'targetShape', [1]);
    const inSize = product(input.slice(1));
    const outSize = product(target);
    if (inSize !== null && inSize !== outSize)
      return shapeFail('reshape-size-mismatch', { expected: inSize, actual: outSize ?? '?' });
    return shapeOk([null, ...target]);
  },
  countParams: () => 0,
  toTf: (params, name) =>
    tf.layers.reshape({ name, targetShape: readIntList(params, 'targetShape', [1]) }),
};
