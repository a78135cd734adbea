import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import {
  activationParam,
  intParam,
  translated as t,
  unitsFromDatasetParam,
  useBiasParam,
} from '../../param-specs';
import { readBool, readInt, readString, shapeFail, shapeOk } from '../../read-params';

/** Fully connected layer; like TF.js it acts on the last axis of its input. */
export const denseSpec: LayerSpec = {
  kind: 'Dense',
  family: 'core',
  label: t('Dense', '全连接层'),
  description: t(
    'Connects every input value to every output unit with a learned weight.',
    '每个输入值都通过一个可学习的权重连接到每个输出单元。',
  ),
  formula: 'y = g(Wx + b)',
  params: [
    intParam(
      'units',
      64,
      t('Units', '单元数'),
      t('Number of output values (neurons).', '输出值（神经元）的个数。'),
      1,
      100_000,
      { key: true },
    ),
    activationParam('relu'),
    useBiasParam,
    unitsFromDatasetParam,
  ],
  arity: { min: 1, max: 1 },
  inputSpec: { minNDim: 2 },
  resolveParams: (params, context) =>
    readBool(params, 'unitsFromDataset', false) && context.datasetClassCount != null
      ? { ...params, units: context.datasetClassCount }
      : params,
  inferShape: ([input], params) => {
    if (!input) return shapeFail('missing-input');
    const last = input[input.length - 1];
    if (last === null || last === undefined) return shapeFail('input-dim-unknown', { axis: -1 });
    return shapeOk([...input.slice(0, -1), readInt(params, 'units', 64)]);
  },
  countParams: ([input], params) => {
    const inDim = input?.[input.length - 1] ?? 0;
    const units = readInt(params, 'units', 64);
    return inDim * units + (readBool(params, 'useBias', true) ? units : 0);
  },
  toTf: (params, name) =>
    tf.layers.dense({
      name,
      units: readInt(params, 'units', 64),
      activation: readString(params, 'activation', 'relu') as 'relu',
      useBias: readBool(params, 'useBias', true),
    }),
};
