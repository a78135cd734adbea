import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { embeddingVectors } from './embedding-vectors';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('embeddingVectors', () => {
  it('names each row by the vocabulary, leaves out padding row 0, and names rows past the vocabulary #id', () => {
    const input = tf.input({ shape: [3], dtype: 'int32' });
    const emb = tf.layers.embedding({ name: 'emb', inputDim: 5, outputDim: 2, maskZero: true });
    const out = tf.layers.dense({ units: 1 }).apply(tf.layers.flatten().apply(emb.apply(input)));
    const model = tf.model({ inputs: input, outputs: out as tf.SymbolicTensor });
    const table = Float32Array.from([0, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
    emb.setWeights([tf.tensor2d(table, [5, 2])]);
    const v = embeddingVectors(model, 'emb', ['', '[UNK]', '好', 'film']);
    expect(v.words).toEqual(['[UNK]', '好', 'film', '#4']);
    expect(v.dim).toBe(2);
    expect(Array.from(v.vectors)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(() => embeddingVectors(model, model.layers[3]!.name, [])).toThrow(
      expect.objectContaining({ code: 'not-an-embedding' }),
    );
    model.dispose();
  });
});
