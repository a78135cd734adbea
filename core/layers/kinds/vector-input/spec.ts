import type { LayerSpec } from '../../spec';
import { intParam, translated as t } from '../../param-specs';
import { readInt, shapeOk } from '../../read-params';

/** Where plain feature vectors enter the network (e.g. the course's 3-input net). */
export const vectorInputSpec: LayerSpec = {
  kind: 'VectorInput',
  family: 'input',
  label: t('Vector input', '向量输入'),
  description: t(
    'Feeds a list of numbers (a feature vector) into the network.',
    '把一组数字（特征向量）送入网络。',
  ),
  formula: 'x ∈ ℝ^n',
  params: [
    intParam(
      'size',
      3,
      t('Size', '长度'),
      t('Number of values in each input vector.', '每个输入向量包含的数值个数。'),
      1,
      1_000_000,
      { key: true },
    ),
  ],
  arity: { min: 0, max: 0 },
  inferShape: (_inputs, params) => shapeOk([null, readInt(params, 'size', 3)]),
  countParams: () => 0,
  inputShape: (params) => [readInt(params, 'size', 3)],
};
