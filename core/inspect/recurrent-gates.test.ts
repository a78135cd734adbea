import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { recurrentGates } from './recurrent-gates';
import { traceRecurrent } from './recurrent-trace';
import type { ArrayND } from './sample';

/** A seeded generator, so a failing net can be rebuilt. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Token ids → Embedding (maskZero) → LSTM/GRU → Dense softmax, with random weights. */
function textModel(
  cell: 'LSTM' | 'GRU',
  seed: number,
  options: { maskZero: boolean; steps: number; recurrentActivation?: string },
): tf.LayersModel {
  const rnd = random(seed);
  const input = tf.input({ shape: [options.steps], dtype: 'int32' });
  let x = tf.layers
    .embedding({ name: 'emb', inputDim: 20, outputDim: 5, maskZero: options.maskZero })
    .apply(input) as tf.SymbolicTensor;
  const args = {
    name: 'rec',
    units: 4,
    ...(options.recurrentActivation
      ? { recurrentActivation: options.recurrentActivation as 'sigmoid' }
      : {}),
  };
  x = (cell === 'LSTM' ? tf.layers.lstm(args) : tf.layers.gru(args)).apply(x) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({ name: 'out', units: 3, activation: 'softmax' })
    .apply(x) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  // Weights spread over ±1.5 so gates leave hardSigmoid's linear part and saturate sometimes.
  for (const layer of model.layers) {
    layer.setWeights(
      layer.getWeights().map((w) => {
        const values = Float32Array.from({ length: w.size }, () => (rnd() - 0.5) * 3);
        return tf.tensor(values, w.shape);
      }),
    );
  }
  return model;
}

function tfFinalHidden(model: tf.LayersModel, sample: ArrayND): Float32Array {
  const probe = tf.model({ inputs: model.inputs, outputs: model.getLayer('rec').output });
  return tf
    .tidy(
      () =>
        (
          probe.predict(tf.tensor(sample.values, [1, ...sample.shape], 'int32')) as tf.Tensor
        ).dataSync() as Float32Array,
    )
    .slice();
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('recurrentGates', () => {
  const cases = [
    { cell: 'LSTM', maskZero: true },
    { cell: 'LSTM', maskZero: false },
    { cell: 'GRU', maskZero: true },
    { cell: 'GRU', maskZero: false },
    { cell: 'LSTM', maskZero: true, recurrentActivation: 'sigmoid' },
  ] as const;
  it.each(cases)(
    'ends on the hidden state TF.js outputs ($cell, maskZero $maskZero, σ $recurrentActivation)',
    (c) => {
      for (let seed = 1; seed <= 12; seed++) {
        const steps = 9;
        const rnd = random(seed * 31);
        const padding = seed % 5;
        // Pre-padding: zeros first, then real token ids 1…19.
        const ids = Array.from({ length: steps }, (_, t) =>
          t < padding ? 0 : 1 + Math.floor(rnd() * 19),
        );
        const sample = { values: Float32Array.from(ids), shape: [steps] };
        const model = textModel(c.cell, seed, { ...c, steps });
        const before = tf.memory().numTensors;
        const gates = recurrentGates(model, 'rec', sample);
        expect(tf.memory().numTensors).toBe(before);
        const expected = tfFinalHidden(model, sample);
        gates.trace.finalHidden.forEach((h, j) =>
          expect(Math.abs(h - expected[j]!)).toBeLessThan(1e-5),
        );
        const kept = c.maskZero ? padding : 0;
        expect(gates.trace.positions).toEqual(ids.map((_, t) => t).slice(kept));
        expect(gates.inputIds).toEqual(ids.slice(kept));
        // Padding steps run only without a mask; the view shows real tokens either way.
        expect(gates.paddingSteps).toBe(c.maskZero ? 0 : ids.filter((id) => id === 0).length);
        expect(gates.shownSteps.map((s) => gates.inputIds[s])).toEqual(
          ids.filter((id) => id !== 0),
        );
        model.dispose();
      }
    },
  );

  it('measures each unit by ablation: the same as zeroing its row of the next Dense kernel', () => {
    const model = textModel('LSTM', 7, { maskZero: true, steps: 6 });
    const sample = { values: Float32Array.from([0, 0, 4, 9, 2, 11]), shape: [6] };
    const gates = recurrentGates(model, 'rec', sample);
    const dense = model.getLayer('out');
    const [kernel, bias] = dense.getWeights() as [tf.Tensor, tf.Tensor];
    const k = kernel.arraySync() as number[][];
    for (let unit = 0; unit < 4; unit++) {
      const input = tf.tensor(sample.values, [1, 6], 'int32');
      const original = (model.predict(input) as tf.Tensor).dataSync()[gates.predictedClass]!;
      const zeroed = k.map((row, r) => (r === unit ? row.map(() => 0) : row));
      dense.setWeights([tf.tensor(zeroed), bias]);
      const ablated = (model.predict(input) as tf.Tensor).dataSync()[gates.predictedClass]!;
      dense.setWeights([tf.tensor(k), bias]);
      expect(gates.probability).toBeCloseTo(original, 6);
      expect(gates.unitImpact![unit]).toBeCloseTo(original - ablated, 5);
    }
    model.dispose();
  });

  it('refuses a layer that is not an LSTM or GRU', () => {
    const model = textModel('LSTM', 3, { maskZero: false, steps: 4 });
    const sample = { values: Float32Array.from([1, 2, 3, 4]), shape: [4] };
    expect(() => recurrentGates(model, 'out', sample)).toThrow(
      expect.objectContaining({ code: 'not-recurrent' }),
    );
    model.dispose();
  });
});

describe('traceRecurrent', () => {
  it('records every gate of an LSTM in [0, 1] under hardSigmoid and cₜ = fₜcₜ₋₁ + iₜc̃ₜ', () => {
    const rnd = random(5);
    const u = 3;
    const e = 2;
    const vec = (n: number) => Float32Array.from({ length: n }, () => (rnd() - 0.5) * 4);
    const cell = {
      cell: 'LSTM' as const,
      inputDim: e,
      units: u,
      kernel: vec(e * 4 * u),
      recurrentKernel: vec(u * 4 * u),
      bias: vec(4 * u),
      activation: 'tanh',
      recurrentActivation: 'hardSigmoid',
    };
    const trace = traceRecurrent(cell, vec(5 * e));
    const s = trace.signals;
    for (const name of ['input', 'forget', 'output'] as const)
      for (const v of s[name]!) expect(v >= 0 && v <= 1).toBe(true);
    for (let t = 1; t < 5; t++)
      for (let j = 0; j < u; j++) {
        const at = t * u + j;
        const expected = s.forget![at]! * s.cell![at - u]! + s.input![at]! * s.candidate![at]!;
        expect(s.cell![at]).toBeCloseTo(expected, 5);
      }
  });
});
