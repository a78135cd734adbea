import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import {
  boolParam,
  enumParam,
  intParam,
  layerActivations,
  translated as t,
} from '../../param-specs';
import type { Translated } from '../../../validate/diagnostic';
import { readBool, readInt, readString, shapeFail, shapeOk } from '../../read-params';

type RecurrentKind = 'SimpleRNN' | 'LSTM' | 'GRU';

/** Weight blocks per cell: one for SimpleRNN, four gates for LSTM, three for GRU (TF.js GRU has no reset_after). */
const gateCount: Record<RecurrentKind, number> = { SimpleRNN: 1, LSTM: 4, GRU: 3 };

/** Shared definition of the recurrent layers: they differ in cell and weight count. */
function recurrentSpec(
  kind: RecurrentKind,
  label: Translated,
  description: Translated,
  formula: string,
): LayerSpec {
  return {
    kind,
    family: 'recurrent',
    label,
    description,
    formula,
    params: [
      intParam(
        'units',
        64,
        t('Units', '单元数'),
        t(
          'Size of the hidden state carried from step to step.',
          '在时间步之间传递的隐藏状态大小。',
        ),
        1,
        4096,
        { key: true },
      ),
      enumParam(
        'activation',
        'tanh',
        layerActivations,
        t('Activation', '激活函数'),
        t(
          'Function applied to the new hidden state (tanh is usual).',
          '作用于新隐藏状态的函数（通常用 tanh）。',
        ),
      ),
      boolParam(
        'returnSequences',
        false,
        t('Return sequences', '返回整个序列'),
        t(
          'On: output the state at every step (to stack another recurrent layer); off: only the last one.',
          '开：输出每一步的状态（用于再叠一层循环层）；关：只输出最后一步。',
        ),
        {
          key: true,
        },
      ),
    ],
    arity: { min: 1, max: 1 },
    inputSpec: { ndim: 3 },
    inferShape: ([input], params) => {
      if (!input) return shapeFail('missing-input');
      if (input[2] === null || input[2] === undefined)
        return shapeFail('input-dim-unknown', { axis: -1 });
      const units = readInt(params, 'units', 64);
      return shapeOk(
        readBool(params, 'returnSequences', false)
          ? [null, input[1] ?? null, units]
          : [null, units],
      );
    },
    countParams: ([input], params) => {
      const units = readInt(params, 'units', 64);
      const inDim = input?.[2] ?? 0;
      return gateCount[kind] * (inDim * units + units * units + units);
    },
    toTf: (params, name) => {
      const args = {
        name,
        units: readInt(params, 'units', 64),
        activation: readString(params, 'activation', 'tanh') as 'tanh',
        returnSequences: readBool(params, 'returnSequences', false),
      };
      if (kind === 'LSTM') return tf.layers.lstm(args);
      if (kind === 'GRU') return tf.layers.gru(args);
      return tf.layers.simpleRNN(args);
    },
  };
}

/** The plain recurrent layer: h_t = g(W x_t + U h_{t−1} + b). */
export const simpleRnnSpec = recurrentSpec(
  'SimpleRNN',
  t('Simple RNN', '简单循环层'),
  t(
    'Reads a sequence step by step, carrying a memory (hidden state) forward.',
    '逐步读取序列，并把记忆（隐藏状态）向后传递。',
  ),
  'h_t = g(W x_t + U h_(t−1) + b)',
);

/** Long short-term memory: gated cell state for long-range dependencies. */
export const lstmSpec = recurrentSpec(
  'LSTM',
  t('LSTM', '长短期记忆层'),
  t(
    'A recurrent layer with gates that decide what to remember and forget, so it keeps information over long sequences.',
    '带有门控的循环层，决定记住和遗忘什么，能在长序列中保留信息。',
  ),
  'c_t = f_t ⊙ c_(t−1) + i_t ⊙ g(W x_t + U h_(t−1) + b)',
);

/** Gated recurrent unit: a lighter gated cell. */
export const gruSpec = recurrentSpec(
  'GRU',
  t('GRU', '门控循环单元'),
  t(
    'A lighter gated recurrent layer with update and reset gates.',
    '更轻量的门控循环层，带有更新门和重置门。',
  ),
  'h_t = (1 − z_t) ⊙ h_(t−1) + z_t ⊙ h̃_t',
);
