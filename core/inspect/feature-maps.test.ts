import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { computeFeatureMaps } from './feature-maps';
import { effectiveReceptiveField } from './effective-field';
import { convFilters } from './filters';
import { InspectError } from './inspect-error';
import { describeLayers, featureMapLayerNames } from './model-layers';
import { buildLeNet, seededValues } from './testing/lenet';

let model: tf.LayersModel;
const sample = { values: seededValues(28 * 28), shape: [28, 28, 1] };

beforeAll(async () => {
  await tf.setBackend('cpu');
  model = buildLeNet();
});

afterAll(() => {
  model.dispose();
  expect(tf.memory().numTensors).toBe(0);
});

describe('feature maps', () => {
  it('lists convolutions, pooling and Dense layers but not Flatten', () => {
    expect(featureMapLayerNames(model)).toEqual([
      'conv1',
      'pool1',
      'conv2',
      'pool2',
      'dense1',
      'dense2',
      'output',
    ]);
  });

  it('describes layers with per-sample shapes, layouts and activations', () => {
    const conv1 = describeLayers(model).find((l) => l.name === 'conv1');
    expect(conv1).toEqual({
      name: 'conv1',
      className: 'Conv2D',
      outputShape: [24, 24, 6],
      layout: 'spatial',
      activation: 'relu',
      hasFilters: true,
    });
    expect(describeLayers(model).find((l) => l.name === 'dense1')?.layout).toBe('vector');
  });

  it('returns every chosen layer as a Float32Array with its shape and range, leaking no tensors', () => {
    const before = tf.memory().numTensors;
    const maps = computeFeatureMaps(model, sample);
    expect(tf.memory().numTensors).toBe(before);
    expect(maps.map((m) => [m.layerName, m.shape])).toEqual([
      ['conv1', [24, 24, 6]],
      ['pool1', [12, 12, 6]],
      ['conv2', [8, 8, 16]],
      ['pool2', [4, 4, 16]],
      ['dense1', [120]],
      ['dense2', [84]],
      ['output', [10]],
    ]);
    for (const m of maps) {
      expect(m.values.length).toBe(m.shape.reduce((a, b) => a * b, 1));
      expect(m.min).toBe(Math.min(...m.values));
      expect(m.max).toBe(Math.max(...m.values));
    }
  });

  it('gives the same values as running the model up to that layer', () => {
    const [pool1] = computeFeatureMaps(model, sample, ['pool1']);
    const expected = tf.tidy(() => {
      const x = tf.tensor(sample.values, [1, 28, 28, 1]);
      const conv = model.getLayer('conv1').apply(x) as tf.Tensor;
      return (model.getLayer('pool1').apply(conv) as tf.Tensor).dataSync();
    });
    expect(Array.from(pool1?.values ?? [])).toEqual(Array.from(expected));
  });

  it('the output layer of a softmax model sums to 1', () => {
    const [out] = computeFeatureMaps(model, sample, ['output']);
    expect(Array.from(out?.values ?? []).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('rejects a sample of the wrong size with sample-shape-mismatch', () => {
    expect(() =>
      computeFeatureMaps(model, { values: new Float32Array(32 * 32), shape: [32, 32, 1] }),
    ).toThrow(expect.objectContaining({ code: 'sample-shape-mismatch' }));
  });

  it('rejects unknown layer names with unknown-layer', () => {
    expect(() => computeFeatureMaps(model, sample, ['nope'])).toThrow(InspectError);
  });
});

describe('effective receptive field', () => {
  it('is non-zero only inside the theoretical field of a conv2 unit (14×14 window at 2·(i,j))', () => {
    const before = tf.memory().numTensors;
    const erf = effectiveReceptiveField(model, sample, 'conv2', [3, 2, 0]);
    expect(tf.memory().numTensors).toBe(before);
    expect(erf.magnitude.shape).toEqual([28, 28]);
    erf.magnitude.values.forEach((v, i) => {
      const [r, c] = [Math.floor(i / 28), i % 28];
      const inside = r >= 6 && r <= 19 && c >= 4 && c <= 17;
      if (!inside) expect(v, `pixel ${r},${c}`).toBe(0);
    });
    expect(erf.maxMagnitude).toBe(Math.max(...erf.magnitude.values));
  });

  it('rejects a unit outside the layer', () => {
    expect(() => effectiveReceptiveField(model, sample, 'conv2', [8, 0, 0])).toThrow(
      expect.objectContaining({ code: 'unit-out-of-range' }),
    );
  });

  it('reports gradient-unsupported for dilated convolutions instead of crashing', () => {
    const input = tf.input({ shape: [9, 9, 1] });
    const out = tf.layers
      .conv2d({ name: 'dil', filters: 1, kernelSize: 3, dilationRate: 2 })
      .apply(input) as tf.SymbolicTensor;
    const dilated = tf.model({ inputs: input, outputs: out });
    expect(() =>
      effectiveReceptiveField(
        dilated,
        { values: seededValues(81), shape: [9, 9, 1] },
        'dil',
        [0, 0, 0],
      ),
    ).toThrow(expect.objectContaining({ code: 'gradient-unsupported' }));
    dilated.dispose();
  });
});

describe('filters', () => {
  it('copies the kernel [5, 5, 6, 16] and bias of conv2 without disposing the weights', () => {
    const before = tf.memory().numTensors;
    const filters = convFilters(model, 'conv2');
    expect(tf.memory().numTensors).toBe(before);
    expect(filters.kernel.shape).toEqual([5, 5, 6, 16]);
    expect(Array.from(filters.kernel.values)).toEqual(
      Array.from(model.getLayer('conv2').getWeights()[0]!.dataSync()),
    );
    expect(filters.bias?.length).toBe(16);
    expect(filters.min).toBeLessThan(filters.max);
  });

  it('refuses layers without kernels', () => {
    expect(() => convFilters(model, 'pool1')).toThrow(
      expect.objectContaining({ code: 'not-a-convolution' }),
    );
  });
});
