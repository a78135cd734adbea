import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { histogramOf, preActivationStats } from './activation-stats';
import { preActivationTensor } from './pre-activations';
import { buildLeNet, seededValues } from './testing/lenet';

let model: tf.LayersModel;
const batch = { values: seededValues(4 * 28 * 28, 7), shape: [4, 28, 28, 1] };

beforeAll(async () => {
  await tf.setBackend('cpu');
  model = buildLeNet();
});

afterAll(() => {
  model.dispose();
  expect(tf.memory().numTensors).toBe(0);
});

describe('pre-activations (the linear twin)', () => {
  it('conv1: equals conv2d(x, W) + b computed by hand', () => {
    const before = tf.memory().numTensors;
    const [got, expected] = tf.tidy(() => {
      const xs = tf.tensor(batch.values, batch.shape);
      const [w, b] = model.getLayer('conv1').getWeights() as [tf.Tensor4D, tf.Tensor1D];
      return [
        preActivationTensor(model, 'conv1', xs).dataSync(),
        tf
          .conv2d(xs as tf.Tensor4D, w, 1, 'valid')
          .add(b)
          .dataSync(),
      ];
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(got.length).toBe(expected.length);
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 5));
  });

  it('dense1: equals flatten(pool2) · W + b, and relu(z) equals the layer output', () => {
    tf.tidy(() => {
      const xs = tf.tensor(batch.values, batch.shape);
      const z = preActivationTensor(model, 'dense1', xs);
      const probe = tf.model({
        inputs: model.inputs,
        outputs: [
          model.getLayer('flatten').output as tf.SymbolicTensor,
          model.getLayer('dense1').output as tf.SymbolicTensor,
        ],
      });
      const [flat, out] = probe.predict(xs) as tf.Tensor[];
      const [w, b] = model.getLayer('dense1').getWeights() as [tf.Tensor2D, tf.Tensor1D];
      const manual = tf.matMul(flat as tf.Tensor2D, w).add(b);
      expect(tf.max(tf.abs(z.sub(manual))).dataSync()[0]).toBeLessThan(1e-5);
      expect(tf.max(tf.abs(tf.relu(z).sub(out as tf.Tensor))).dataSync()[0]).toBeLessThan(1e-6);
    });
  });

  it('a standalone Activation layer: z is its input', () => {
    const input = tf.input({ shape: [3] });
    const dense = tf.layers.dense({ units: 2, name: 'lin' }).apply(input) as tf.SymbolicTensor;
    const act = tf.layers
      .activation({ activation: 'sigmoid', name: 'act' })
      .apply(dense) as tf.SymbolicTensor;
    const m = tf.model({ inputs: input, outputs: act });
    tf.tidy(() => {
      const xs = tf.tensor2d([[1, 2, 3]]);
      const z = preActivationTensor(m, 'act', xs);
      expect(Array.from(z.dataSync())).toEqual(
        Array.from((m.getLayer('lin').apply(xs) as tf.Tensor).dataSync()),
      );
    });
    m.dispose();
  });

  it('refuses a layer without activation with no-activation', () => {
    expect(() =>
      tf.tidy(() => preActivationTensor(model, 'pool1', tf.zeros([1, 28, 28, 1]))),
    ).toThrow(expect.objectContaining({ code: 'no-activation' }));
  });
});

describe('pre-activation statistics', () => {
  it('histograms every z of conv1 over the batch and counts z ≤ 0 as low-gradient for ReLU', () => {
    const stats = preActivationStats(model, 'conv1', batch, 20);
    expect(stats.activation).toBe('relu');
    expect(stats.sampleCount).toBe(4);
    expect(stats.unitCount).toBe(24 * 24 * 6);
    expect(stats.histogram.counts.reduce((a, b) => a + b, 0)).toBe(4 * 24 * 24 * 6);
    const z = tf.tidy(() =>
      preActivationTensor(model, 'conv1', tf.tensor(batch.values, batch.shape)).dataSync(),
    );
    const nonPositive = z.filter((v) => v <= 0).length;
    expect(stats.lowGradientShare).toBeCloseTo(nonPositive / z.length, 6);
    expect(stats.min).toBe(Math.min(...z));
  });

  it('finds dead ReLUs: units whose z is negative for every sample', () => {
    const input = tf.input({ shape: [2] });
    const out = tf.layers
      .dense({
        units: 3,
        activation: 'relu',
        name: 'd',
        kernelInitializer: 'zeros',
        biasInitializer: 'zeros',
      })
      .apply(input) as tf.SymbolicTensor;
    const m = tf.model({ inputs: input, outputs: out });
    tf.tidy(() =>
      m.getLayer('d').setWeights([
        tf.tensor2d([
          [1, 0, 0],
          [0, 1, 0],
        ]),
        tf.tensor1d([0, 0, -5]),
      ]),
    );
    const stats = preActivationStats(m, 'd', {
      values: new Float32Array([1, 1, 2, 0.5]),
      shape: [2, 2],
    });
    expect(stats.deadUnits).toBe(1);
    expect(stats.lowGradientShare).toBeCloseTo(2 / 6, 6);
    m.dispose();
  });

  it('sees saturated sigmoids as low-gradient', () => {
    const input = tf.input({ shape: [1] });
    const out = tf.layers
      .dense({ units: 1, activation: 'sigmoid', name: 's' })
      .apply(input) as tf.SymbolicTensor;
    const m = tf.model({ inputs: input, outputs: out });
    tf.tidy(() => m.getLayer('s').setWeights([tf.tensor2d([[1]]), tf.tensor1d([0])]));
    const stats = preActivationStats(m, 's', {
      values: new Float32Array([-8, -0.5, 0.5, 9]),
      shape: [4, 1],
    });
    expect(stats.lowGradientShare).toBe(0.5);
    m.dispose();
  });

  it('histogramOf clamps values into the end bins', () => {
    const h = histogramOf(new Float32Array([0, 0.5, 1, 2]), 2, 0, 1);
    expect(Array.from(h.counts)).toEqual([1, 3]);
    expect(Array.from(h.edges)).toEqual([0, 0.5, 1]);
  });
});
