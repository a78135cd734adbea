import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import { translated as t } from '../../param-specs';
import { product, shapeFail, shapeOk } from '../../read-params';

/** Lays out every value of a sample in one row, e.g. 28×28×1 → 784. */
export const flattenSpec: LayerSpec = {
  kind: 'Flatten',
  family: 'core',
  label: t('Flatten', '展平'),
  description: t(
    'Lays out all values of each sample in one long row, e.g. 28×28×1 becomes 784.',
    '把每个样本的所有值排成一行，例如 28×28×1 变成 784。',
  ),
  formula: 'y = vec(x)',
  params: [],
  arity: { min: 1, max: 1 },
  inputSpec: { minNDim: 3 },
  inferShape: ([input]) => {
    if (!input) return shapeFail('missing-input');
    const size = product(input.slice(1));
    // TF.js refuses to flatten a shape with unknown dimensions (core.ts Flatten.computeOutputShape).
    if (size === null) return shapeFail('input-dim-unknown', { axis: 'all' });
    return shapeOk([null, size]);
  },
  countParams: () => 0,
  toTf: (_params, name) => tf.layers.flatten({ name }),
};
