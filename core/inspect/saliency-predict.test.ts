import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { predictSample } from './predict';
import { saliencyMap } from './saliency';
import { buildLeNet, seededValues } from './testing/lenet';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterAll(() => {
  expect(tf.memory().numTensors).toBe(0);
});

const W = [
  [1, -2, 0.5],
  [3, 0, -1],
];

function linearModel(activation: 'softmax' | 'sigmoid', units: number): tf.LayersModel {
  const input = tf.input({ shape: [2] });
  const out = tf.layers.dense({ units, activation, name: 'out' }).apply(input) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  tf.tidy(() =>
    model
      .getLayer('out')
      .setWeights([tf.tensor2d(W.map((row) => row.slice(0, units))), tf.zeros([units])]),
  );
  return model;
}

describe('saliency', () => {
  it('of a softmax-linear model is the class column of W (gradient of the logit, not the probability)', () => {
    const model = linearModel('softmax', 3);
    const before = tf.memory().numTensors;
    const map = saliencyMap(model, { values: new Float32Array([0.3, -0.7]), shape: [2] }, 1);
    expect(tf.memory().numTensors).toBe(before);
    expect(map.score).toBe('logit');
    expect(Array.from(map.gradient.values)).toEqual([-2, 0]);
    model.dispose();
  });

  it('of a one-unit sigmoid scores class 1 by +w and class 0 by −w', () => {
    const model = linearModel('sigmoid', 1);
    const sample = { values: new Float32Array([1, 1]), shape: [2] };
    expect(Array.from(saliencyMap(model, sample, 1).gradient.values)).toEqual([1, 3]);
    expect(Array.from(saliencyMap(model, sample, 0).gradient.values)).toEqual([-1, -3]);
    model.dispose();
  });

  it('on LeNet gives a 28×28 magnitude map without leaking tensors', () => {
    const model = buildLeNet();
    const before = tf.memory().numTensors;
    const map = saliencyMap(model, { values: seededValues(784), shape: [28, 28, 1] }, 3);
    expect(tf.memory().numTensors).toBe(before);
    expect(map.magnitude.shape).toEqual([28, 28]);
    expect(map.maxMagnitude).toBeGreaterThan(0);
    model.dispose();
  });

  it('rejects a class the model does not have', () => {
    const model = linearModel('softmax', 3);
    expect(() => saliencyMap(model, { values: new Float32Array(2), shape: [2] }, 3)).toThrow(
      expect.objectContaining({ code: 'unit-out-of-range' }),
    );
    model.dispose();
  });
});

describe('predictSample', () => {
  it('returns probabilities in class order and ranked high to low with class names', () => {
    const model = linearModel('softmax', 3);
    const before = tf.memory().numTensors;
    const prediction = predictSample(model, { values: new Float32Array([1, 0]), shape: [2] }, [
      '猫',
      'dog',
      'bird',
    ]);
    expect(tf.memory().numTensors).toBe(before);
    // logits [1, -2, 0.5]
    const e = [Math.exp(1), Math.exp(-2), Math.exp(0.5)];
    const total = e[0]! + e[1]! + e[2]!;
    expect(prediction.ranked.map((r) => r.className)).toEqual(['猫', 'bird', 'dog']);
    expect(prediction.ranked[0]?.probability).toBeCloseTo(e[0]! / total, 6);
    expect(prediction.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    model.dispose();
  });

  it('turns a one-unit sigmoid into two classes [1 − p, p]', () => {
    const model = linearModel('sigmoid', 1);
    const prediction = predictSample(model, { values: new Float32Array([1, 0]), shape: [2] });
    const p = 1 / (1 + Math.exp(-1));
    expect(prediction.probabilities[0]).toBeCloseTo(1 - p, 6);
    expect(prediction.ranked[0]).toEqual({
      classIndex: 1,
      className: 'class 1',
      probability: expect.closeTo(p, 6) as number,
    });
    model.dispose();
  });
});
