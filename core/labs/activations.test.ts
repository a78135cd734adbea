import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  activationNames,
  activations,
  COURSE_SOFTMAX_LOGITS,
  neuron,
  softmax,
  softmaxJacobian,
} from './activations';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const samples = [-3, -1, -0.5, 0.25, 0.5, 2, 4];

describe('activations', () => {
  const tfOps: Record<string, (x: tf.Tensor) => tf.Tensor> = {
    sigmoid: (x) => tf.sigmoid(x),
    tanh: (x) => tf.tanh(x),
    relu: (x) => tf.relu(x),
    leakyRelu: (x) => tf.leakyRelu(x, 0.2),
    elu: (x) => tf.elu(x),
    linear: (x) => x,
  };
  for (const name of activationNames) {
    it(`${name}: value and derivative agree with TF.js`, () => {
      const op = tfOps[name]!;
      const x = tf.tensor1d(samples);
      const values = op(x).dataSync();
      const grads = tf
        .grad((t: tf.Tensor) => op(t).sum())(x)
        .dataSync();
      samples.forEach((s, i) => {
        expect(activations[name].f(s)).toBeCloseTo(values[i]!, 6);
        expect(activations[name].df(s)).toBeCloseTo(grads[i]!, 6);
      });
    });
    it(`${name}: values stay inside the stated range`, () => {
      const r = activations[name].range;
      for (const s of [-50, -5, -1, 0, 1, 5, 50]) {
        const v = activations[name].f(s);
        expect(v).toBeGreaterThanOrEqual(r.min);
        expect(v).toBeLessThanOrEqual(r.max);
      }
    });
  }

  it('writes the course ranges (0,1), (−1,1), [0,∞)', () => {
    expect(activations.sigmoid.range.label).toBe('(0, 1)');
    expect(activations.tanh.range.label).toBe('(−1, 1)');
    expect(activations.relu.range.label).toBe('[0, ∞)');
    expect(activations.relu.range.minClosed).toBe(true);
  });

  it('sigmoid′ = f(1 − f) and tanh′ = 1 − f² as the course states', () => {
    for (const s of samples) {
      const f = activations.sigmoid.f(s);
      expect(activations.sigmoid.df(s)).toBeCloseTo(f * (1 - f), 12);
      const t = activations.tanh.f(s);
      expect(activations.tanh.df(s)).toBeCloseTo(1 - t * t, 12);
    }
  });

  it('sigmoid does not overflow for large |x|', () => {
    expect(activations.sigmoid.f(-1000)).toBe(0);
    expect(activations.sigmoid.f(1000)).toBe(1);
  });
});

describe('neuron', () => {
  it('computes In = Σ wᵢaᵢ + b and Out = g(In)', () => {
    const r = neuron([1, 2, 3], [0.5, -1, 0.25], 0.1, 'sigmoid');
    expect(r.In).toBeCloseTo(0.5 - 2 + 0.75 + 0.1, 12);
    expect(r.Out).toBeCloseTo(1 / (1 + Math.exp(0.65)), 12);
    expect(r.products).toEqual([0.5, -2, 0.75]);
  });
  it('ReLU cuts a negative sum to zero with zero slope', () => {
    const r = neuron([1], [-2], 0, 'relu');
    expect(r.Out).toBe(0);
    expect(r.slope).toBe(0);
  });
});

describe('softmax', () => {
  it('maps the course example 4, 1, −4 to probabilities that sum to 1', () => {
    const p = softmax(COURSE_SOFTMAX_LOGITS);
    const denom = Math.exp(4) + Math.exp(1) + Math.exp(-4);
    expect(p[0]).toBeCloseTo(Math.exp(4) / denom, 12);
    expect(p[1]).toBeCloseTo(Math.exp(1) / denom, 12);
    expect(p[2]).toBeCloseTo(Math.exp(-4) / denom, 12);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[0]).toBeCloseTo(0.9523, 4);
  });
  it('agrees with tf.softmax and survives huge logits', () => {
    const z = [1000, 999, -5];
    const expected = tf.softmax(tf.tensor1d([1, 0, -1005])).dataSync();
    softmax(z).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    expect(softmax([])).toEqual([]);
  });
  it('has the Jacobian sᵢ(δᵢⱼ − sⱼ), each row summing to 0', () => {
    const J = softmaxJacobian([0.3, -1, 2]);
    for (const row of J) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    const s = softmax([0.3, -1, 2]);
    expect(J[0]![1]).toBeCloseTo(-s[0]! * s[1]!, 12);
  });
});
