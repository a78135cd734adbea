import type { LayerSpec } from '../../spec';
import { boolParam, intParam, translated as t } from '../../param-specs';
import { readBool, readInt, shapeOk } from '../../read-params';

/**
 * Where token sequences enter the network: integer ids `[null, length]`, each
 * in `[0, vocabularySize)` (0 = padding, 1 = unknown, as Keras TextVectorization).
 */
export const sequenceInputSpec: LayerSpec = {
  kind: 'SequenceInput',
  family: 'input',
  label: t('Sequence input', '序列输入'),
  description: t(
    'Feeds text as fixed-length sequences of word ids into the network.',
    '把文本以定长的词编号序列送入网络。',
  ),
  formula: 'x ∈ {0…V−1}^L',
  params: [
    intParam(
      'length',
      100,
      t('Sequence length', '序列长度'),
      t(
        'Number of tokens per sample; longer texts are cut, shorter ones padded.',
        '每个样本的词元数；长文本截断，短文本补齐。',
      ),
      1,
      100_000,
      { key: true },
    ),
    intParam(
      'vocabularySize',
      10_000,
      t('Vocabulary size', '词表大小'),
      t(
        'Number of distinct token ids, including padding and unknown.',
        '不同词编号的数量，包括填充和未知词。',
      ),
      3,
      1_000_000,
      { key: true },
    ),
    boolParam(
      'fromDataset',
      true,
      t('Follow the dataset', '跟随数据集'),
      t(
        'When a text dataset is attached, length and vocabulary size come from it.',
        '连接文本数据集后，长度和词表大小取自数据集。',
      ),
    ),
  ],
  arity: { min: 0, max: 0 },
  resolveParams: (params, context) => {
    if (!readBool(params, 'fromDataset', true)) return params;
    let resolved = params;
    if (context.sequenceLength != null) resolved = { ...resolved, length: context.sequenceLength };
    if (context.vocabularySize != null)
      resolved = { ...resolved, vocabularySize: context.vocabularySize };
    return resolved;
  },
  inferShape: (_inputs, params) => shapeOk([null, readInt(params, 'length', 100)]),
  countParams: () => 0,
  inputShape: (params) => [readInt(params, 'length', 100)],
};
