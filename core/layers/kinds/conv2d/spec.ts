import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import {
  activationParam,
  intListParam,
  intParam,
  paddingParam,
  stridesParam,
  translated as t,
  useBiasParam,
} from '../../param-specs';
import {
  convOutputLength,
  readBool,
  readInt,
  readPair,
  readString,
  shapeFail,
  shapeOk,
} from '../../read-params';

/** 2-D convolution over height × width, channels last (TF.js default data format). */
export const conv2dSpec: LayerSpec = {
  kind: 'Conv2D',
  family: 'convolution',
  label: t('Conv 2D', '二维卷积'),
  description: t(
    'Slides small learned filters over the image; each filter finds one kind of local pattern.',
    '用小的可学习滤波器在图像上滑动；每个滤波器寻找一种局部模式。',
  ),
  formula: 'y = g(W ∗ x + b)',
  params: [
    intParam(
      'filters',
      16,
      t('Filters', '滤波器数'),
      t('Number of filters, i.e. output channels.', '滤波器个数，即输出通道数。'),
      1,
      4096,
      { key: true },
    ),
    intListParam(
      'kernelSize',
      [3, 3],
      t('Kernel size', '卷积核大小'),
      t(
        'Size of each filter window, as [rows, columns].',
        '每个滤波器窗口的大小，格式为 [行, 列]。',
      ),
      1,
      64,
      { length: 2, key: true },
    ),
    stridesParam([1, 1]),
    paddingParam,
    intListParam(
      'dilationRate',
      [1, 1],
      t('Dilation', '空洞率'),
      t(
        'Spacing between kernel taps; 1 is an ordinary convolution.',
        '卷积核采样点的间距；1 表示普通卷积。',
      ),
      1,
      64,
      { length: 2 },
    ),
    activationParam('relu'),
    useBiasParam,
  ],
  arity: { min: 1, max: 1 },
  inputSpec: { ndim: 4 },
  inferShape: ([input], params) => {
    if (!input) return shapeFail('missing-input');
    const [kh, kw] = readPair(params, 'kernelSize', [3, 3]);
    const [sh, sw] = readPair(params, 'strides', [1, 1]);
    const [dh, dw] = readPair(params, 'dilationRate', [1, 1]);
    // tf.conv2d refuses strides > 1 together with dilation > 1 (only at run time).
    if ((sh > 1 || sw > 1) && (dh > 1 || dw > 1)) return shapeFail('strides-with-dilation');
    if (input[3] === null || input[3] === undefined)
      return shapeFail('input-dim-unknown', { axis: -1 });
    const padding = readString(params, 'padding', 'valid');
    const h = convOutputLength(input[1] ?? null, kh, padding, sh, dh);
    const w = convOutputLength(input[2] ?? null, kw, padding, sw, dw);
    if ((h !== null && h < 1) || (w !== null && w < 1))
      return shapeFail('output-too-small', { window: `${kh}×${kw}` });
    return shapeOk([null, h, w, readInt(params, 'filters', 16)]);
  },
  countParams: ([input], params) => {
    const [kh, kw] = readPair(params, 'kernelSize', [3, 3]);
    const filters = readInt(params, 'filters', 16);
    return (
      kh * kw * (input?.[3] ?? 0) * filters + (readBool(params, 'useBias', true) ? filters : 0)
    );
  },
  toTf: (params, name) =>
    tf.layers.conv2d({
      name,
      filters: readInt(params, 'filters', 16),
      kernelSize: readPair(params, 'kernelSize', [3, 3]),
      strides: readPair(params, 'strides', [1, 1]),
      padding: readString(params, 'padding', 'valid') as 'valid',
      dilationRate: readPair(params, 'dilationRate', [1, 1]),
      activation: readString(params, 'activation', 'relu') as 'relu',
      useBias: readBool(params, 'useBias', true),
    }),
};
