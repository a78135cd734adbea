import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import { floatParam, intParam, translated as t } from '../../param-specs';
import { readFloat, shapeFail, shapeOk } from '../../read-params';

/** Randomly zeroes a share of values during training only (regularisation). */
export const dropoutSpec: LayerSpec = {
  kind: 'Dropout',
  family: 'core',
  label: t('Dropout', '随机失活'),
  description: t(
    'During training, randomly sets a share of values to 0 so the network does not rely on any single one.',
    '训练时随机把一部分值置为 0，使网络不依赖任何单个值。',
  ),
  formula: 'y = x · m / (1 − p),  m ~ Bernoulli(1 − p)',
  params: [
    floatParam(
      'rate',
      0.5,
      t('Rate', '失活比例'),
      t(
        'Share of values set to 0 during training, from 0 up to (not including) 1.',
        '训练时置为 0 的比例，0 到 1（不含 1）。',
      ),
      0,
      0.99,
      { key: true },
    ),
    intParam(
      'seed',
      null,
      t('Seed', '随机种子'),
      t(
        'Fixes the random pattern so runs can be repeated; empty = random.',
        '固定随机模式以便复现；留空表示随机。',
      ),
      0,
      2 ** 31 - 1,
      {
        nullable: true,
      },
    ),
  ],
  arity: { min: 1, max: 1 },
  inferShape: ([input]) => (input ? shapeOk(input) : shapeFail('missing-input')),
  countParams: () => 0,
  toTf: (params, name) => {
    const seed = params['seed'];
    return tf.layers.dropout({
      name,
      rate: readFloat(params, 'rate', 0.5),
      ...(typeof seed === 'number' ? { seed } : {}),
    });
  },
};
