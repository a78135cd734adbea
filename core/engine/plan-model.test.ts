import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { canTrainWithEngine } from './plan-model';
import { chainModel } from './testing/reference';

const L = tf.layers;

describe('canTrainWithEngine', () => {
  it('accepts the LeNet template shape', () => {
    const model = chainModel(
      [28, 28, 1],
      [
        L.conv2d({ filters: 16, kernelSize: 5, activation: 'relu' }),
        L.maxPooling2d({ poolSize: 2 }),
        L.conv2d({ filters: 32, kernelSize: 5, activation: 'relu' }),
        L.maxPooling2d({ poolSize: 2 }),
        L.flatten(),
        L.dense({ units: 128, activation: 'relu' }),
        L.dense({ units: 10, activation: 'softmax' }),
      ],
    );
    expect(canTrainWithEngine(model, 'categoricalCrossentropy')).toEqual({ ok: true });
    model.dispose();
  });

  it.each([
    [
      'a Reshape',
      () =>
        chainModel(
          [4],
          [
            L.reshape({ targetShape: [2, 2] }),
            L.flatten(),
            L.dense({ units: 2, activation: 'softmax' }),
          ],
        ),
      'unsupported-layer',
      'reshape',
    ],
    [
      'an LSTM reading backwards',
      () =>
        chainModel(
          [5, 3],
          [L.lstm({ units: 4, goBackwards: true }), L.dense({ units: 2, activation: 'softmax' })],
        ),
      'unsupported-setting',
      'lstm',
    ],
    [
      'LeakyReLU',
      () =>
        chainModel(
          [4],
          [L.dense({ units: 4 }), L.leakyReLU({}), L.dense({ units: 2, activation: 'softmax' })],
        ),
      'unsupported-layer',
      'leaky_re_lu',
    ],
    [
      'an activation the engine lacks (selu)',
      () =>
        chainModel(
          [4],
          [L.dense({ units: 2, activation: 'softmax' }), L.activation({ activation: 'selu' })],
        ),
      'unsupported-setting',
      'activation',
    ],
    [
      'cross-entropy without softmax',
      () => chainModel([4], [L.dense({ units: 3, activation: 'relu' })]),
      'unsupported-loss',
      undefined,
    ],
  ] as const)('refuses %s with a reason', (_title, build, code, layerPrefix) => {
    const model = build();
    const support = canTrainWithEngine(model, 'categoricalCrossentropy');
    expect(support).toMatchObject({ ok: false, code });
    if (!support.ok && layerPrefix)
      expect(support.layerName).toMatch(new RegExp(`^${layerPrefix}`));
    if (!support.ok) expect(support.reason.length).toBeGreaterThan(10);
    model.dispose();
  });

  it('refuses a graph that branches and merges', () => {
    const input = tf.input({ shape: [4] });
    const a = L.dense({ units: 3 }).apply(input) as tf.SymbolicTensor;
    const b = L.dense({ units: 3 }).apply(input) as tf.SymbolicTensor;
    const sum = L.add().apply([a, b]) as tf.SymbolicTensor;
    const out = L.dense({ units: 2, activation: 'softmax' }).apply(sum) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    expect(canTrainWithEngine(model, 'categoricalCrossentropy')).toMatchObject({
      ok: false,
      code: 'not-a-chain',
    });
    model.dispose();
  });

  it('accepts token ids into an Embedding, and refuses them anywhere else', () => {
    const ids = tf.input({ shape: [6], dtype: 'int32' });
    const embedded = L.dense({ units: 2, activation: 'softmax' }).apply(
      L.flatten().apply(L.embedding({ inputDim: 10, outputDim: 3 }).apply(ids)),
    ) as tf.SymbolicTensor;
    const good = tf.model({ inputs: ids, outputs: embedded });
    expect(canTrainWithEngine(good, 'categoricalCrossentropy')).toEqual({ ok: true });
    const raw = tf.input({ shape: [6], dtype: 'int32' });
    const bad = tf.model({
      inputs: raw,
      outputs: L.dense({ units: 2, activation: 'softmax' }).apply(raw) as tf.SymbolicTensor,
    });
    expect(canTrainWithEngine(bad, 'categoricalCrossentropy')).toMatchObject({
      ok: false,
      code: 'unsupported-input',
    });
    good.dispose();
    bad.dispose();
  });
});
