import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { compileGraph } from '../../../compile/compile-graph';
import { chooseEngine } from '../../../engine/choose-engine';
import { engineWasmForTests } from '../../../engine/testing/engine-wasm';
import { buildChain } from '../../../fixtures/build-graph';
import { receptiveFieldsOf } from '../../../inspect/receptive-fields-of';
import { inferShapes } from '../../../shapes/infer';
import { defaultTrainingConfig } from '../../../train/config';
import { validateGraph } from '../../../validate/validate-graph';

/**
 * Conv1D as a learner uses it: a text classifier built on the canvas
 * (SequenceInput → Embedding → Conv1D → Flatten → Dense) validates, compiles
 * and trains on LayerLab's engine, and its units have a window over the words.
 */
beforeAll(() => tf.setBackend('cpu'));

describe('a Conv1D text classifier', () => {
  const { doc, ids } = buildChain([
    { kind: 'SequenceInput', params: { length: 20, vocabularySize: 50, fromDataset: false } },
    { kind: 'Embedding', params: { inputDim: 50, outputDim: 8, inputDimFromDataset: false } },
    { kind: 'Conv1D', params: { filters: 6, kernelSize: [3] } },
    { kind: 'Conv1D', params: { filters: 4, kernelSize: [3], strides: [2] } },
    'Flatten',
    { kind: 'Dense', params: { units: 3, activation: 'softmax', unitsFromDataset: false } },
  ]);

  it('validates without problems and has the shapes TF.js builds', () => {
    const diagnostics = validateGraph(doc);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = compileGraph(doc, { diagnostics });
    const shapes = inferShapes(doc);
    const conv2 = shapes.get(ids[3]!);
    expect(conv2?.ok && conv2.shape).toEqual([null, 8, 4]);
    expect(model.getLayer(doc.nodes[ids[3]!]!.name).outputShape).toEqual([null, 8, 4]);
    model.dispose();
  });

  it('trains on the engine', () => {
    const model = compileGraph(doc, { diagnostics: validateGraph(doc) });
    const wasm = engineWasmForTests();
    const { choice } = chooseEngine(model, defaultTrainingConfig, 'cpu', () => wasm);
    expect(choice).toMatchObject({ engine: 'layerlab' });
    model.dispose();
  });

  it('gives each unit a window of words: 3, then 5 with a jump of 2', () => {
    const fields = receptiveFieldsOf(doc, inferShapes(doc));
    const first = fields.get(ids[2]!);
    const second = fields.get(ids[3]!);
    expect(first?.kind === 'spatial' && first.axes.map((a) => [a.size, a.jump])).toEqual([[3, 1]]);
    expect(second?.kind === 'spatial' && second.axes.map((a) => [a.size, a.jump])).toEqual([
      [5, 2],
    ]);
  });
});
