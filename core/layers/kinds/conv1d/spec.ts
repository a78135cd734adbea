import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import {
  activationParam,
  intListParam,
  intParam,
  paddingParam,
  translated as t,
  useBiasParam,
} from '../../param-specs';
import {
  convOutputLength,
  readBool,
  readInt,
  readIntList,
  readString,
  shapeFail,
  shapeOk,
} from '../../read-params';

/** A one-entry list param, as TF.js's Conv1D config stores it (`kernelSize: [3]`). */
function firstOf(params: Parameters<LayerSpec['countParams']>[1], name: string, fallback: number) {
  return readIntList(params, name, [fallback])[0] ?? fallback;
}

/**
 * 1-D convolution along the time axis of a sequence [steps, features], e.g.
 * n-gram detectors over word embeddings in a text classifier.
 */
export const conv1dSpec: LayerSpec = {
  kind: 'Conv1D',
  family: 'convolution',
  label: t('Conv 1D', '一维卷积'),
  description: t(
    'Slides small learned filters along a sequence; each filter finds one kind of local pattern, such as a phrase in a text.',
    '沿序列滑动小的可学习滤波器；每个滤波器寻找一种局部模式，例如文本中的短语。',
  ),
  formula: 'y = g(W ∗ x + b)',
  params: [
    intParam(
      'filters',
      16,
      t('Filters', '滤波器数'),
      t('Number of filters, i.e. output features per step.', '滤波器个数，即每一步的输出特征数。'),
      1,
      4096,
      { key: true },
    ),
    intListParam(
      'kernelSize',
      [3],
      t('Kernel size', '卷积核大小'),
      t(
        'Number of steps each filter window covers, as [steps].',
        '每个滤波器窗口覆盖的步数，格式为 [步数]。',
      ),
      1,
      64,
      { length: 1, key: true },
    ),
    intListParam(
      'strides',
      [1],
      t('Strides', '步长'),
      t(
        'How many steps the window moves each time, as [steps].',
        '窗口每次移动的步数，格式为 [步数]。',
      ),
      1,
      64,
      { length: 1 },
    ),
    paddingParam,
    intListParam(
      'dilationRate',
      [1],
      t('Dilation', '空洞率'),
      t(
        'Spacing between kernel taps, as [steps]; 1 is an ordinary convolution.',
        '卷积核采样点的间距，格式为 [步数]；1 表示普通卷积。',
      ),
      1,
      64,
      { length: 1 },
    ),
    activationParam('relu'),
    useBiasParam,
  ],
  arity: { min: 1, max: 1 },
  inputSpec: { ndim: 3 },
  inferShape: ([input], params) => {
    if (!input) return shapeFail('missing-input');
    const k = firstOf(params, 'kernelSize', 3);
    const s = firstOf(params, 'strides', 1);
    const d = firstOf(params, 'dilationRate', 1);
    // As for Conv2D: tf.conv1d refuses strides > 1 together with dilation > 1 at run time.
    if (s > 1 && d > 1) return shapeFail('strides-with-dilation');
    if (input[2] === null || input[2] === undefined)
      return shapeFail('input-dim-unknown', { axis: -1 });
    const steps = convOutputLength(
      input[1] ?? null,
      k,
      readString(params, 'padding', 'valid'),
      s,
      d,
    );
    if (steps !== null && steps < 1) return shapeFail('output-too-small', { window: `${k}` });
    return shapeOk([null, steps, readInt(params, 'filters', 16)]);
  },
  countParams: ([input], params) => {
    const filters = readInt(params, 'filters', 16);
    return (
      firstOf(params, 'kernelSize', 3) * (input?.[2] ?? 0) * filters +
      (readBool(params, 'useBias', true) ? filters : 0)
    );
  },
  toTf: (params, name) =>
    tf.layers.conv1d({
      name,
      filters: readInt(params, 'filters', 16),
      kernelSize: firstOf(params, 'kernelSize', 3),
      strides: firstOf(params, 'strides', 1),
      padding: readString(params, 'padding', 'valid') as 'valid',
      dilationRate: firstOf(params, 'dilationRate', 1),
      activation: readString(params, 'activation', 'relu') as 'relu',
      useBias: readBool(params, 'useBias', true),
    }),
};
