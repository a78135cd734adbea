import * as tf from '@tensorflow/tfjs';

import type { LayerSpec } from '../../spec';
import { boolParam, intParam, translated as t } from '../../param-specs';
import { readBool, readInt, shapeFail, shapeOk } from '../../read-params';

/** Looks up a learned vector for each token id: [L] → [L, outputDim]. */
export const embeddingSpec: LayerSpec = {
  kind: 'Embedding',
  family: 'embedding',
  label: t('Embedding', '词嵌入'),
  description: t(
    'Replaces each word id by a learned vector, so similar words can get similar vectors.',
    '把每个词编号替换为一个可学习的向量，相近的词可以得到相近的向量。',
  ),
  formula: 'y_t = E[x_t]',
  params: [
    intParam(
      'inputDim',
      10_000,
      t('Vocabulary size', '词表大小'),
      t('Number of distinct word ids the table holds.', '查找表容纳的不同词编号数。'),
      1,
      1_000_000,
      { key: true },
    ),
    intParam(
      'outputDim',
      32,
      t('Vector size', '向量维度'),
      t('Length of the vector learned for each word.', '为每个词学习的向量长度。'),
      1,
      4096,
      { key: true },
    ),
    boolParam(
      'maskZero',
      false,
      t('Skip padding', '跳过填充'),
      t(
        'Word id 0 fills short texts up to the sequence length. When on, the recurrent layer after this one skips those steps, so a short text is not drowned in padding.',
        '编号 0 用于把短文本补齐到序列长度。开启后，下一层循环层会跳过这些位置，短文本不会被大量填充淹没。',
      ),
    ),
    boolParam(
      'inputDimFromDataset',
      true,
      t('Vocabulary follows the dataset', '词表大小跟随数据集'),
      t(
        'When a text dataset is attached, the vocabulary size comes from it.',
        '连接文本数据集后，词表大小取自数据集。',
      ),
    ),
  ],
  arity: { min: 1, max: 1 },
  inputSpec: { ndim: 2 },
  resolveParams: (params, context) =>
    readBool(params, 'inputDimFromDataset', true) && context.vocabularySize != null
      ? { ...params, inputDim: context.vocabularySize }
      : params,
  inferShape: ([input], params) =>
    input ? shapeOk([...input, readInt(params, 'outputDim', 32)]) : shapeFail('missing-input'),
  countParams: (_inputs, params) =>
    readInt(params, 'inputDim', 10_000) * readInt(params, 'outputDim', 32),
  toTf: (params, name) =>
    tf.layers.embedding({
      name,
      inputDim: readInt(params, 'inputDim', 10_000),
      outputDim: readInt(params, 'outputDim', 32),
      maskZero: readBool(params, 'maskZero', false),
    }),
};
