import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import { intParam, translated as t } from '../../param-specs';
import { describeShape, readInt, shapeFail, shapeOk } from '../../read-params';
import type { Shape } from '../../../shapes/shape';

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Element-wise sum of inputs of identical shape (residual connections). */
export const addSpec: LayerSpec = {
  kind: 'Add',
  family: 'merge',
  label: t('Add', '相加'),
  description: t(
    'Adds two or more inputs of the same shape value by value (e.g. a residual connection).',
    '把两个或多个形状相同的输入逐值相加（例如残差连接）。',
  ),
  formula: 'y = x₁ + x₂ + …',
  params: [],
  arity: { min: 2, max: 8 },
  inferShape: (inputs) => {
    const [first] = inputs;
    if (!first || inputs.length < 2) return shapeFail('missing-input');
    // Stricter than TF.js, which broadcasts size-1 axes: learners almost never mean that.
    const other = inputs.find((s) => !sameShape(s, first));
    if (other)
      return shapeFail('merge-shape-mismatch', {
        expected: describeShape(first),
        actual: describeShape(other),
      });
    return shapeOk(first);
  },
  countParams: () => 0,
  toTf: (_params, name) => tf.layers.add({ name }),
};

/** Joins inputs along one axis; the other axes must match. */
export const concatenateSpec: LayerSpec = {
  kind: 'Concatenate',
  family: 'merge',
  label: t('Concatenate', '拼接'),
  description: t(
    'Joins two or more inputs side by side along one axis (the last by default).',
    '沿某一轴（默认最后一轴）把两个或多个输入并排拼接。',
  ),
  formula: 'y = [x₁ ‖ x₂ ‖ …]',
  params: [
    intParam(
      'axis',
      -1,
      t('Axis', '轴'),
      t(
        'Axis to join along; −1 is the last (channels or features).',
        '沿哪个轴拼接；−1 表示最后一轴（通道或特征）。',
      ),
      -4,
      4,
    ),
  ],
  arity: { min: 2, max: 8 },
  inferShape: (inputs, params) => {
    const [first] = inputs;
    if (!first || inputs.length < 2) return shapeFail('missing-input');
    const rank = first.length;
    const rawAxis = readInt(params, 'axis', -1);
    const axis = rawAxis < 0 ? rank + rawAxis : rawAxis;
    if (axis < 1 || axis >= rank)
      return shapeFail('axis-out-of-range', { axis: rawAxis, rank: rank - 1 });
    let total: number | null = 0;
    for (const s of inputs) {
      const mismatch = s.length !== rank || s.some((d, i) => i !== axis && i > 0 && d !== first[i]);
      if (mismatch)
        return shapeFail('concat-shape-mismatch', {
          expected: describeShape(first),
          actual: describeShape(s),
          axis: rawAxis,
        });
      const d = s[axis] ?? null;
      total = total === null || d === null ? null : total + d;
    }
    const out = [...first];
    out[axis] = total;
    return shapeOk(out);
  },
  countParams: () => 0,
  toTf: (params, name) => tf.layers.concatenate({ name, axis: readInt(params, 'axis', -1) }),
};
