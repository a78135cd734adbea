import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { effectiveReceptiveField } from './effective-field';
import { computeFeatureMaps } from './feature-maps';
import { describeLayers } from './model-layers';
import { preActivationStats } from './activation-stats';
import { predictSample } from './predict';

/** Text models: token ids (int32) → Embedding → LSTM (all steps) → LSTM → Dense softmax. */
let model: tf.LayersModel;
const tokens = { values: new Float32Array([3, 7, 1, 0, 0, 9]), shape: [6] };

beforeAll(async () => {
  await tf.setBackend('cpu');
  const input = tf.input({ shape: [6], dtype: 'int32', name: 'words' });
  let x = tf.layers
    .embedding({ name: 'embedding', inputDim: 12, outputDim: 4 })
    .apply(input) as tf.SymbolicTensor;
  x = tf.layers
    .lstm({ name: 'lstm_seq', units: 5, returnSequences: true })
    .apply(x) as tf.SymbolicTensor;
  x = tf.layers.lstm({ name: 'lstm_last', units: 3 }).apply(x) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({ name: 'out', units: 2, activation: 'softmax' })
    .apply(x) as tf.SymbolicTensor;
  model = tf.model({ inputs: input, outputs: out });
});

afterAll(() => {
  model.dispose();
  expect(tf.memory().numTensors).toBe(0);
});

describe('inspecting a text model', () => {
  it('shows Embedding and returnSequences LSTM outputs as time × unit maps and the last LSTM as a vector', () => {
    const before = tf.memory().numTensors;
    const maps = computeFeatureMaps(model, tokens);
    expect(tf.memory().numTensors).toBe(before);
    expect(maps.map((m) => [m.layerName, m.layout, m.shape])).toEqual([
      ['embedding', 'sequence', [6, 4]],
      ['lstm_seq', 'sequence', [6, 5]],
      ['lstm_last', 'vector', [3]],
      ['out', 'vector', [2]],
    ]);
    expect(describeLayers(model).find((l) => l.name === 'lstm_seq')?.activation).toBe('tanh');
  });

  it('predicts from token ids fed as an int32 tensor', () => {
    const p = predictSample(model, tokens, ['neg', 'pos']);
    expect(p.probabilities[0]! + p.probabilities[1]!).toBeCloseTo(1, 6);
  });

  it('refuses gradients with respect to token ids, and pre-activations of recurrent layers', () => {
    expect(() => effectiveReceptiveField(model, tokens, 'lstm_seq', [0, 0])).toThrow(
      expect.objectContaining({ code: 'gradient-unsupported' }),
    );
    expect(() =>
      preActivationStats(model, 'lstm_seq', { values: tokens.values, shape: [1, 6] }),
    ).toThrow(expect.objectContaining({ code: 'no-activation' }));
  });
});
