import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { canTrainWithEngine, planEngineModel } from './plan-model';
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

  it('plans a graph that branches and merges, and keeps a chain on the chain path', () => {
    const input = tf.input({ shape: [4] });
    const a = L.dense({ units: 3 }).apply(input) as tf.SymbolicTensor;
    const b = L.dense({ units: 3 }).apply(input) as tf.SymbolicTensor;
    const sum = L.add().apply([a, b]) as tf.SymbolicTensor;
    const joined = L.concatenate().apply([sum, a]) as tf.SymbolicTensor;
    const out = L.dense({ units: 2, activation: 'softmax' }).apply(joined) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    const planned = planEngineModel(model, 'categoricalCrossentropy');
    if (!planned.ok) throw new Error(planned.reason);
    expect(planned.plan.graph?.map((node) => node.kind)).toEqual([
      'op',
      'op',
      'merge',
      'merge',
      'op',
    ]);
    expect(planned.plan.graph?.[3]).toMatchObject({ kind: 'merge', inputs: [3, 1] });
    expect(planned.plan.graph?.[3]?.op.outShape).toEqual([6]);
    expect(planned.plan.ops).toHaveLength(3);
    const chain = chainModel([4], [L.dense({ units: 2, activation: 'softmax' })]);
    const chainPlan = planEngineModel(chain, 'categoricalCrossentropy');
    expect(chainPlan.ok && chainPlan.plan.graph).toBeNull();
    model.dispose();
    chain.dispose();
  });

  it('refuses several outputs and shared layers, with their codes', () => {
    const input = tf.input({ shape: [4] });
    const a = L.dense({ units: 2, activation: 'softmax' }).apply(input) as tf.SymbolicTensor;
    const b = L.dense({ units: 2, activation: 'softmax' }).apply(input) as tf.SymbolicTensor;
    const twoOutputs = tf.model({ inputs: input, outputs: [a, b] });
    expect(canTrainWithEngine(twoOutputs, 'categoricalCrossentropy')).toMatchObject({
      ok: false,
      code: 'not-a-chain',
    });
    const shared = L.dense({ units: 4, activation: 'relu' });
    const twice = shared.apply(shared.apply(input)) as tf.SymbolicTensor;
    const out = L.dense({ units: 2, activation: 'softmax' }).apply(twice) as tf.SymbolicTensor;
    const sharedModel = tf.model({ inputs: input, outputs: out });
    expect(canTrainWithEngine(sharedModel, 'categoricalCrossentropy')).toMatchObject({
      ok: false,
      code: 'shared-layer',
    });
    twoOutputs.dispose();
    sharedModel.dispose();
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
