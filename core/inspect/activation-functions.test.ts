import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  activationCurve,
  activationFunction,
  isPlottableActivation,
  plottableActivations,
} from './activation-functions';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Grid that avoids the kinks of relu (0), relu6 (6) and hardSigmoid (±2.5).
const grid = Array.from({ length: 30 }, (_, i) => -5.3 + 0.37 * i);

function tfValues(name: string, zs: readonly number[]): number[] {
  return tf.tidy(() => {
    if (name === 'softmax') {
      // We plot softmax([z, 0])_0.
      const pairs = tf.stack([tf.tensor1d([...zs]), tf.zerosLike(tf.tensor1d([...zs]))], 1);
      return Array.from(tf.softmax(pairs).slice([0, 0], [zs.length, 1]).dataSync());
    }
    const layer = tf.layers.activation({ activation: name as never });
    return Array.from((layer.apply(tf.tensor1d([...zs])) as tf.Tensor).dataSync());
  });
}

describe('activation functions match TF.js and their derivatives', () => {
  it.each(plottableActivations.map((n) => [n]))('%s: f equals the TF.js activation', (name) => {
    const fn = activationFunction(name);
    const expected = tfValues(name, grid);
    grid.forEach((z, i) => expect(fn.f(z), `f(${z})`).toBeCloseTo(expected[i] as number, 4));
  });

  it.each(plottableActivations.map((n) => [n]))(
    '%s: f′ equals the numerical derivative of f',
    (name) => {
      const fn = activationFunction(name);
      const h = 1e-4;
      for (const z of grid)
        expect(fn.df(z), `f′(${z})`).toBeCloseTo((fn.f(z + h) - fn.f(z - h)) / (2 * h), 3);
    },
  );

  it('states the ranges of the course table', () => {
    expect(activationFunction('sigmoid').range).toBe('(0, 1)');
    expect(activationFunction('tanh').range).toBe('(−1, 1)');
    expect(activationFunction('relu').range).toBe('[0, ∞)');
    expect(activationFunction('sigmoid').derivativeRange).toBe('(0, 0.25]');
  });

  it('samples a curve on an even grid including both ends', () => {
    const curve = activationCurve('tanh', -2, 2, 5);
    expect(Array.from(curve.z)).toEqual([-2, -1, 0, 1, 2]);
    expect(curve.f[2]).toBe(0);
    expect(curve.df[2]).toBe(1);
  });

  it('knows which names it can plot', () => {
    expect(isPlottableActivation('relu')).toBe(true);
    expect(isPlottableActivation('prelu')).toBe(false);
  });
});
