import { describe, expect, it } from 'vitest';
import {
  buildVocabulary,
  splitTokens,
  standardizeText,
  tokenize,
  vectorizeTokens,
} from './tokenize';
import type { TextOptions } from './config';

const opts = (split: TextOptions['split']): TextOptions => ({
  sampleUnit: 'files',
  lowercase: true,
  stripPunctuation: true,
  split,
  vocabularySize: 10,
  sequenceLength: 5,
  truncating: 'post',
  padding: 'post',
  encoding: 'auto',
});

describe('tokenize (Keras TextVectorization semantics)', () => {
  it('lowercases and strips ASCII and Chinese punctuation', () => {
    expect(
      standardizeText('Hello, World! 你好，世界。', { lowercase: true, stripPunctuation: true })
        .split(/\s+/)
        .filter(Boolean),
    ).toEqual(['hello', 'world', '你好', '世界']);
  });
  it('keeps punctuation when asked', () => {
    expect(
      tokenize('Hi!', { ...opts('whitespace'), stripPunctuation: false, lowercase: false }),
    ).toEqual(['Hi!']);
  });
  it('splits Chinese into words with Intl.Segmenter', () => {
    expect(splitTokens('我喜欢机器学习和神经网络', 'word')).toEqual([
      '我',
      '喜欢',
      '机器',
      '学习',
      '和',
      '神经',
      '网络',
    ]);
  });
  it('splits into characters, mixed 中文/English/数字, dropping spaces', () => {
    expect(tokenize('AI 学习 42', opts('character'))).toEqual(['a', 'i', '学', '习', '4', '2']);
  });
  it('builds a vocabulary with 0 = padding and 1 = [UNK], size including both', () => {
    const vocab = buildVocabulary(
      [
        ['b', 'a', 'b'],
        ['c', 'b', 'a'],
      ],
      4,
    );
    expect(vocab).toEqual(['', '[UNK]', 'b', 'a']);
  });
  it('maps unknown tokens to 1, pads with 0 and truncates to the sequence length (post)', () => {
    const vocab = ['', '[UNK]', 'b', 'a'];
    const post = { padding: 'post', truncating: 'post' } as const;
    expect([...vectorizeTokens(['a', 'zzz', 'b'], vocab, { ...post, sequenceLength: 5 })]).toEqual([
      3, 1, 2, 0, 0,
    ]);
    expect([
      ...vectorizeTokens(['a', 'a', 'a', 'b', 'b', 'b'], vocab, { ...post, sequenceLength: 4 }),
    ]).toEqual([3, 3, 3, 2]);
  });
  // Keras: pad_sequences([[3,1,2]], maxlen=5) → [[0,0,3,1,2]]; maxlen=2 → [[1,2]] (both default 'pre').
  it.each([
    ['pre', 'pre', 5, [0, 0, 3, 1, 2]],
    ['pre', 'pre', 2, [1, 2]],
    ['post', 'pre', 2, [1, 2]],
    ['pre', 'post', 2, [3, 1]],
    ['post', 'post', 2, [3, 1]],
    ['pre', 'post', 4, [0, 3, 1, 2]],
    ['post', 'pre', 4, [3, 1, 2, 0]],
  ] as const)(
    'padding %s, truncating %s, length %i as Keras pad_sequences',
    (padding, truncating, sequenceLength, want) => {
      const vocab = ['', '[UNK]', 'b', 'a'];
      expect([
        ...vectorizeTokens(['a', 'zzz', 'b'], vocab, { padding, truncating, sequenceLength }),
      ]).toEqual(want);
    },
  );
});
