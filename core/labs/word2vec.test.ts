import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  hiddenOf,
  initWord2Vec,
  nearestWords,
  oneHot,
  pairGradients,
  skipGramPairs,
  w2vTokenize,
  trainWord2Vec,
} from './word2vec';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const corpus =
  'the cat drinks milk . the dog drinks water . the cat eats fish . the dog eats meat . a cat drinks milk . a dog drinks water';
const settings = { corpus, window: 2, dimension: 3, eta: 0.1, seed: 4 };

describe('word2vec by hand', () => {
  it('h = Wᵀx is row k of W', () => {
    const m = initWord2Vec(settings);
    expect(oneHot(2, 4)).toEqual([0, 0, 1, 0]);
    m.vocab.forEach((_, k) => expect(hiddenOf(m, k)).toEqual(m.W[k]));
  });
  it('pairs come from the window on both sides', () => {
    expect(skipGramPairs([0, 1, 2], 1)).toEqual([
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
    ]);
    expect(w2vTokenize('猫 喝 牛奶。The Cat')).toEqual(['猫', '喝', '牛奶', 'the', 'cat']);
  });
  it('pair gradients equal tf.grads within 1e-6', () => {
    const m = initWord2Vec(settings);
    for (const [k, c] of [
      [0, 1],
      [3, 2],
      [5, 0],
    ] as const) {
      const ours = pairGradients(m, k, c);
      const viaTf = tf.tidy(() => {
        const f = (W: tf.Tensor, Wout: tf.Tensor): tf.Scalar => {
          const h = tf.matMul(tf.tensor2d([oneHot(k, m.vocab.length)]), W as tf.Tensor2D);
          const u = tf.matMul(h, Wout as tf.Tensor2D);
          return tf.neg(
            tf.sum<tf.Scalar>(tf.mul(tf.logSoftmax(u), tf.tensor2d([oneHot(c, m.vocab.length)]))),
          );
        };
        const [gW, gOut] = tf.grads(f)([
          tf.tensor2d(m.W.map((r) => [...r])),
          tf.tensor2d(m.Wout.map((r) => [...r])),
        ]);
        return { W: gW!.arraySync() as number[][], Wout: gOut!.arraySync() as number[][] };
      });
      ours.dh.forEach((v, j) => expect(Math.abs(v - viaTf.W[k]![j]!)).toBeLessThan(1e-6));
      ours.dWout.forEach((row, j) =>
        row.forEach((v, w) => expect(Math.abs(v - viaTf.Wout[j]![w]!)).toBeLessThan(1e-6)),
      );
    }
  });
  it('training lowers the loss and puts words of the same contexts near each other', () => {
    const { model, losses } = trainWord2Vec(settings, 200);
    expect(losses.at(-1)!).toBeLessThan(losses[0]!);
    const cat = model.vocab.indexOf('cat');
    expect(nearestWords(model, cat, 1)[0]?.word).toBe('dog');
  });
});
