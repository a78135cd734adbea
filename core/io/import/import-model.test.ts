import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { compileGraph } from '../../compile/index';
import { validateGraph } from '../../validate/index';
import { exportModel } from '../export/export-model';
import { buildTestModel } from '../export/testing/test-models';
import type { TestModelKind } from '../export/testing/test-models';
import { importLayersModel } from './import-model';
import { applyWeightSet } from './weight-set';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('importLayersModel round trip', () => {
  const cases: { kind: TestModelKind; kinds: string[] }[] = [
    { kind: 'mlp', kinds: ['VectorInput', 'Dense', 'Dropout', 'Dense'] },
    {
      kind: 'cnn',
      kinds: [
        'ImageInput',
        'Conv2D',
        'BatchNormalization',
        'MaxPooling2D',
        'Conv2D',
        'AveragePooling2D',
        'Flatten',
        'Dense',
      ],
    },
    { kind: 'lstm', kinds: ['SequenceInput', 'Embedding', 'LSTM', 'LSTM', 'Dense'] },
    { kind: 'gru', kinds: ['SequenceInput', 'Embedding', 'GRU', 'Dense'] },
    { kind: 'lstm-masked', kinds: ['SequenceInput', 'Embedding', 'LSTM', 'Dense'] },
    { kind: 'simple-rnn', kinds: ['SequenceInput', 'Embedding', 'SimpleRNN', 'Dense'] },
    { kind: 'branch', kinds: ['VectorInput', 'Dense', 'Dense', 'Add', 'Concatenate', 'Dense'] },
  ];
  for (const { kind, kinds } of cases) {
    it(`imports an exported ${kind} as an editable graph that compiles and predicts identically`, async () => {
      const { model, samples, info } = await buildTestModel(kind);
      const files = await exportModel(model, info);
      const imported = importLayersModel(files);
      if (!imported.ok) throw new Error(imported.error.message);
      const { doc, weights, labels } = imported.value;
      expect(Object.values(doc.nodes).map((n) => n.kind)).toEqual(kinds);
      expect(Object.keys(doc.edges).length).toBe(kind === 'branch' ? 7 : kinds.length - 1);
      expect(labels).toEqual(['猫', 'dog', 'bird']);
      const diagnostics = validateGraph(doc);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const rebuilt = compileGraph(doc, { diagnostics });
      const applied = applyWeightSet(rebuilt, weights);
      expect(applied).toEqual({ ok: true, value: undefined });
      const input = info.text !== null ? samples.cast('int32') : samples;
      const before = tf.tidy(() => (model.predict(samples) as tf.Tensor).arraySync());
      const after = tf.tidy(() => (rebuilt.predict(input) as tf.Tensor).arraySync());
      expect(after).toEqual(before);
      tf.dispose([samples, input]);
      model.dispose();
      rebuilt.dispose();
    });
  }

  it('keeps layer params as catalog params (TF.js camelCase names)', async () => {
    const { model, info } = await buildTestModel('cnn');
    const imported = importLayersModel(await exportModel(model, info));
    if (!imported.ok) throw new Error(imported.error.message);
    const conv = Object.values(imported.value.doc.nodes).find((n) => n.name === 'conv_b');
    expect(conv?.params).toMatchObject({
      filters: 6,
      kernelSize: [3, 3],
      strides: [2, 2],
      padding: 'same',
      dilationRate: [1, 1],
      activation: 'relu',
      useBias: true,
    });
    const input = Object.values(imported.value.doc.nodes).find((n) => n.kind === 'ImageInput');
    expect(input?.params).toMatchObject({ height: 12, width: 12, channels: 1 });
    model.dispose();
  });

  it('reads Keras 3 functional topologies (inbound_nodes with keras_history)', () => {
    const tensor = (name: string) => ({
      class_name: '__keras_tensor__',
      config: { shape: [null, 4], dtype: 'float32', keras_history: [name, 0, 0] },
    });
    const topology = {
      class_name: 'Functional',
      config: {
        name: 'keras3',
        layers: [
          {
            class_name: 'InputLayer',
            name: 'in',
            config: { batch_shape: [null, 4], name: 'in' },
            inbound_nodes: [],
          },
          {
            class_name: 'Dense',
            name: 'out',
            config: { name: 'out', units: 2, activation: 'softmax', use_bias: true },
            inbound_nodes: [{ args: [tensor('in')], kwargs: {} }],
          },
        ],
        input_layers: ['in', 0, 0],
        output_layers: ['out', 0, 0],
      },
    };
    const manifest = [
      {
        paths: ['w.bin'],
        weights: [
          { name: 'out/kernel', shape: [4, 2], dtype: 'float32' },
          { name: 'out/bias', shape: [2], dtype: 'float32' },
        ],
      },
    ];
    const result = importLayersModel({
      'model.json': JSON.stringify({ modelTopology: topology, weightsManifest: manifest }),
      'w.bin': new Uint8Array(40),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(Object.values(result.value.doc.nodes).map((n) => [n.kind, n.name])).toEqual([
      ['VectorInput', 'in'],
      ['Dense', 'out'],
    ]);
    expect(result.value.weights['out']?.map((w) => w.name)).toEqual(['kernel', 'bias']);
  });
});
