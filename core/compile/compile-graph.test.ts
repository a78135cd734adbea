import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { initBackend } from '../backend/init-backend';
import { graphOf } from '../train/testing/tiny-graphs';
import type { Diagnostic } from '../validate/diagnostic';
import { CompileError } from './compile-error';
import { compileGraph } from './compile-graph';

const dense = (name: string, units: number, activation = 'relu') => ({
  name,
  kind: 'Dense',
  params: { units, activation },
});

beforeAll(async () => {
  await initBackend('cpu');
});

describe('compileGraph', () => {
  it('builds an MLP whose TF.js layers carry the graph names', () => {
    const graph = graphOf([
      { name: 'pixels', kind: 'VectorInput', params: { size: 784 } },
      dense('hidden', 128),
      dense('scores', 10, 'softmax'),
    ]);
    const model = compileGraph(graph, { diagnostics: [] });
    expect(model.layers.map((l) => l.name)).toEqual(['pixels', 'hidden', 'scores']);
    expect(model.outputs[0]?.shape).toEqual([null, 10]);
    expect(model.countParams()).toBe(784 * 128 + 128 + 128 * 10 + 10);
    model.dispose();
  });

  it('builds branches that merge with Add', () => {
    const graph = graphOf(
      [
        { name: 'x', kind: 'VectorInput', params: { size: 4 } },
        dense('left', 8),
        dense('right', 8),
        { name: 'sum', kind: 'Add' },
        dense('out', 2, 'softmax'),
      ],
      [
        ['x', 'left'],
        ['x', 'right'],
        ['left', 'sum'],
        ['right', 'sum'],
        ['sum', 'out'],
      ],
    );
    const model = compileGraph(graph, { diagnostics: [] });
    const add = model.getLayer('sum');
    expect(add.inboundNodes[0]?.inboundLayers.map((l) => l.name)).toEqual(['left', 'right']);
    const y = model.predict(tf.ones([3, 4])) as tf.Tensor;
    expect(y.shape).toEqual([3, 2]);
    tf.dispose(y);
    model.dispose();
  });

  it('feeds Concatenate its inputs in edge order', () => {
    const graph = graphOf(
      [
        { name: 'x', kind: 'VectorInput', params: { size: 3 } },
        dense('wide', 5),
        dense('narrow', 2),
        { name: 'join', kind: 'Concatenate', params: { axis: -1 } },
      ],
      [
        ['x', 'narrow'],
        ['x', 'wide'],
        ['wide', 'join'],
        ['narrow', 'join'],
      ],
    );
    const model = compileGraph(graph, { diagnostics: [] });
    expect(model.getLayer('join').inboundNodes[0]?.inboundLayers.map((l) => l.name)).toEqual([
      'wide',
      'narrow',
    ]);
    expect(model.outputs[0]?.shape).toEqual([null, 7]);
    model.dispose();
  });

  it('builds a small CNN from image input to softmax', () => {
    const graph = graphOf([
      { name: 'image', kind: 'ImageInput', params: { height: 12, width: 12, channels: 1 } },
      {
        name: 'conv',
        kind: 'Conv2D',
        params: {
          filters: 4,
          kernelSize: [3, 3],
          strides: [1, 1],
          padding: 'valid',
          activation: 'relu',
        },
      },
      {
        name: 'pool',
        kind: 'MaxPooling2D',
        params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
      },
      { name: 'flat', kind: 'Flatten' },
      dense('classes', 3, 'softmax'),
    ]);
    const model = compileGraph(graph, { diagnostics: [] });
    expect(model.getLayer('pool').outputShape).toEqual([null, 5, 5, 4]);
    model.dispose();
  });

  it('refuses a graph with a blocking diagnostic and says which', () => {
    const graph = graphOf([{ name: 'x', kind: 'VectorInput', params: { size: 3 } }, dense('y', 2)]);
    const problem: Diagnostic = { code: 'shape-mismatch', severity: 'error', args: {} };
    const warning: Diagnostic = { code: 'unused-layer', severity: 'warning', args: {} };
    expect(() => compileGraph(graph, { diagnostics: [warning, problem] })).toThrow(CompileError);
    expect(() => compileGraph(graph, { diagnostics: [problem] })).toThrow(
      expect.objectContaining({
        code: 'graph-has-errors',
        diagnostic: expect.objectContaining({ code: 'shape-mismatch' }),
      }),
    );
    const model = compileGraph(graph, { diagnostics: [warning] });
    model.dispose();
  });

  it('refuses an unknown layer kind with its node name', () => {
    const graph = graphOf([
      { name: 'x', kind: 'VectorInput', params: { size: 3 } },
      { name: 'mystery', kind: 'FancyLayer9000' },
    ]);
    expect(() => compileGraph(graph, { diagnostics: [] })).toThrow(
      expect.objectContaining({ code: 'unknown-layer-kind', nodeName: 'mystery' }),
    );
  });

  it('refuses a cycle and a graph without input', () => {
    const cyclic = graphOf(
      [dense('a', 2), dense('b', 2)],
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
    );
    expect(() => compileGraph(cyclic, { diagnostics: [] })).toThrow(
      expect.objectContaining({ code: 'graph-has-errors' }),
    );
    const noInput = graphOf([dense('a', 2)]);
    expect(() => compileGraph(noInput, { diagnostics: [] })).toThrow(
      expect.objectContaining({ code: 'no-input' }),
    );
  });
});

describe('compileGraph with dataset-driven params', () => {
  it('sizes an output that follows the dataset from the class count', () => {
    const graph = graphOf([
      { name: 'x', kind: 'VectorInput', params: { size: 4 } },
      {
        name: 'out',
        kind: 'Dense',
        params: { units: 10, activation: 'softmax', unitsFromDataset: true },
      },
    ]);
    const model = compileGraph(graph, { diagnostics: [], inference: { datasetClassCount: 3 } });
    expect(model.outputs[0]?.shape).toEqual([null, 3]);
    model.dispose();
  });
});

describe('compileGraph with a seed', () => {
  // Embedding (uniform), LSTM (Glorot kernel, orthogonal recurrent) and Dense: every kind of draw.
  const graph = graphOf([
    { name: 'tokens', kind: 'SequenceInput', params: { length: 12, vocabularySize: 40 } },
    { name: 'embed', kind: 'Embedding', params: { inputDim: 40, outputDim: 6 } },
    {
      name: 'lstm',
      kind: 'LSTM',
      params: { units: 5, activation: 'tanh', returnSequences: false },
    },
    dense('out', 2, 'softmax'),
  ]);
  const initialWeights = (seed?: number): number[][] => {
    const model = compileGraph(graph, { diagnostics: [], ...(seed === undefined ? {} : { seed }) });
    const values = model.getWeights().map((w) => Array.from(w.dataSync()));
    model.dispose();
    return values;
  };

  it('starts from the same weights for the same seed, and from others for another seed', () => {
    const first = initialWeights(42);
    expect(initialWeights(42)).toEqual(first);
    const other = initialWeights(43);
    // Every randomly initialised tensor differs (biases start at zero or one, so skip constants).
    first.forEach((values, i) => {
      if (new Set(values).size > 1) expect(other[i]).not.toEqual(values);
    });
  });

  it('puts Math.random back, also when building fails', () => {
    const original = Math.random;
    initialWeights(1);
    expect(Math.random).toBe(original);
    const broken = graphOf([{ name: 'x', kind: 'VectorInput', params: { size: 4 } }]);
    expect(() => compileGraph(broken, { diagnostics: [], seed: 1 })).toThrow(CompileError);
    expect(Math.random).toBe(original);
  });

  it('draws from Math.random when no seed is given', () => {
    expect(initialWeights()).not.toEqual(initialWeights());
  });
});
