import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { planEngineModel } from '../../../engine/plan-model';
import { engineWasmForTests } from '../../../engine/testing/engine-wasm';
import {
  chainModel,
  referenceGradients,
  relativeError,
  seededTargets,
  seededValues,
  seedWeights,
} from '../../../engine/testing/reference';
import { TrainingEngine } from '../../../engine/training-engine';

/**
 * Conv1D runs on the engine as a 1 × k Conv2D: its loss, every gradient and
 * the weights written back must match TF.js (as core/engine/layers-gradients.test.ts
 * checks for the other kinds).
 */
beforeAll(() => tf.setBackend('cpu'));

const L = tf.layers;
const cases = [
  {
    title: 'Embedding → Conv1D valid relu → Flatten → Dense softmax (a text classifier)',
    input: [9],
    vocabulary: 11,
    layers: () => [
      L.embedding({ inputDim: 11, outputDim: 4 }),
      L.conv1d({ filters: 5, kernelSize: 3, activation: 'relu' }),
      L.flatten(),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title: 'Conv1D same stride 2 tanh → Conv1D valid k=2 (no bias) → Flatten → Dense softmax',
    input: [12, 3],
    vocabulary: 0,
    layers: () => [
      L.conv1d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh' }),
      L.conv1d({ filters: 2, kernelSize: 2, useBias: false }),
      L.flatten(),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
];

describe('Conv1D on the engine matches TF.js (cpu) within 1e-4', () => {
  const wasm = engineWasmForTests();
  cases.forEach((c, index) => {
    it(c.title, async () => {
      const model = chainModel(c.input, c.layers(), c.vocabulary ? 'int32' : 'float32');
      seedWeights(model, 300 + index);
      const planned = planEngineModel(model, 'categoricalCrossentropy');
      if (!planned.ok) throw new Error(planned.reason);
      const n = 5;
      const count = n * c.input.reduce((a, d) => a * d, 1);
      const x = c.vocabulary
        ? Float32Array.from(seededValues(count, 17 + index, 0, c.vocabulary), Math.floor)
        : seededValues(count, 17 + index);
      const y = seededTargets('categoricalCrossentropy', n, planned.plan.outputUnits, 23 + index);
      const engine = await TrainingEngine.create(wasm, planned.plan, {
        loss: 'categoricalCrossentropy',
        optimizer: { kind: 'sgd', learningRate: 0 },
        maxBatch: 8,
        seed: 1,
      });
      engine.loadWeightsFrom(model);
      const reference = referenceGradients(model, 'categoricalCrossentropy', x, y, n);
      engine.inputsOfPlan(n).set(x);
      engine.targets(n).set(y);
      const result = engine.trainBatch(n);
      expect(Math.abs(result.loss - reference.loss) / Math.abs(reference.loss)).toBeLessThan(1e-4);
      const { grads } = engine.readParams();
      expect(grads).toHaveLength(reference.grads.length);
      grads.forEach((g, i) =>
        expect(relativeError(g, reference.grads[i]!), `gradient ${i}`).toBeLessThan(1e-4),
      );
      // The kernel goes back to TF.js in its own [k, in, out] shape.
      const before = model.getWeights().map((w) => w.dataSync().slice());
      engine.writeWeightsTo(model);
      model
        .getWeights()
        .forEach((w, i) =>
          expect(relativeError(w.dataSync(), before[i]!), `weight ${i}`).toBeLessThan(1e-6),
        );
      model.dispose();
    });
  });
});
