import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import type { LossKind } from '../train/config';
import { planEngineModel } from './plan-model';
import {
  chainModel,
  referenceGradients,
  relativeError,
  seededTargets,
  seededValues,
  seedWeights,
} from './testing/reference';
import { engineWasmForTests } from './testing/engine-wasm';
import { TrainingEngine } from './training-engine';

interface Case {
  readonly title: string;
  readonly input: number[];
  readonly layers: () => tf.layers.Layer[];
  readonly loss: LossKind;
  /** Token-id input: ids are drawn from [0, vocabulary). */
  readonly vocabulary?: number;
  /** Example b starts with b + 1 padding ids (0), as pre-padded texts do: step 0 is padding for all. */
  readonly prePadded?: boolean;
}

const L = tf.layers;
const cases: Case[] = [
  {
    title: 'Dense relu → Dense softmax, categorical CE',
    input: [8],
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.dense({ units: 5, activation: 'relu' }),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title: 'Dense tanh → Dense sigmoid, binary CE',
    input: [7],
    loss: 'binaryCrossentropy',
    layers: () => [
      L.dense({ units: 6, activation: 'tanh' }),
      L.dense({ units: 1, activation: 'sigmoid' }),
    ],
  },
  {
    title: 'Dense elu → Dense linear (no bias), MSE',
    input: [5],
    loss: 'meanSquaredError',
    layers: () => [L.dense({ units: 9, activation: 'elu' }), L.dense({ units: 3, useBias: false })],
  },
  {
    title: 'Dense sigmoid → Dense → Softmax layer, sparse CE',
    input: [6],
    loss: 'sparseCategoricalCrossentropy',
    layers: () => [
      L.dense({ units: 4, activation: 'sigmoid' }),
      L.dense({ units: 4 }),
      L.softmax(),
    ],
  },
  {
    title: 'Dense → Activation tanh → Dropout(0) → Dense softmax',
    input: [4],
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.dense({ units: 5 }),
      L.activation({ activation: 'tanh' }),
      L.dropout({ rate: 0 }),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title: 'Conv2D valid relu → MaxPool 2 → Flatten → Dense softmax',
    input: [9, 9, 2],
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.conv2d({ filters: 4, kernelSize: 3, activation: 'relu' }),
      L.maxPooling2d({ poolSize: 2 }),
      L.flatten(),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    // Valid pooling only: TF.js's CPU AvgPoolGrad divides every window by the full pool
    // area, which is wrong at 'same' borders (checked by finite differences below instead).
    title: 'Conv2D same stride 2 tanh → AvgPool valid 2×2/1 → Flatten → Dense softmax',
    input: [10, 7, 3],
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.conv2d({ filters: 5, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh' }),
      L.averagePooling2d({ poolSize: 2, strides: 1, padding: 'valid' }),
      L.flatten(),
      L.dense({ units: 4, activation: 'softmax' }),
    ],
  },
  {
    // TF.js has no gradient for dilated convolutions: dilation is checked by finite differences below.
    title: 'Conv2D → Conv2D 1×1 relu → GlobalAveragePooling → Dense softmax',
    input: [11, 11, 2],
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.conv2d({ filters: 3, kernelSize: 3 }),
      L.conv2d({ filters: 6, kernelSize: 1, activation: 'relu' }),
      L.globalAveragePooling2d({}),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title: 'Conv2D same 3×2 strides [2,1] sigmoid → MaxPool same 3/2 → Flatten → Dense, MSE',
    input: [8, 9, 3],
    loss: 'meanSquaredError',
    layers: () => [
      L.conv2d({
        filters: 4,
        kernelSize: [3, 2],
        strides: [2, 1],
        padding: 'same',
        activation: 'sigmoid',
      }),
      L.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }),
      L.flatten(),
      L.dense({ units: 2 }),
    ],
  },
  {
    title: 'Conv2D valid 5×5 relu ×2 with pools (LeNet shape, small)',
    input: [16, 16, 1],
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.conv2d({ filters: 4, kernelSize: 5, activation: 'relu' }),
      L.maxPooling2d({ poolSize: 2 }),
      L.conv2d({ filters: 6, kernelSize: 3, activation: 'relu' }),
      L.maxPooling2d({ poolSize: 2 }),
      L.flatten(),
      L.dense({ units: 8, activation: 'relu' }),
      L.dense({ units: 5, activation: 'softmax' }),
    ],
  },
  {
    title: 'Dense → BatchNormalization → Activation relu → Dense softmax',
    input: [6],
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.dense({ units: 5 }),
      L.batchNormalization({}),
      L.activation({ activation: 'relu' }),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title: 'Conv2D → BatchNormalization (momentum 0.9) → MaxPool → Flatten → Dense softmax',
    input: [8, 8, 2],
    loss: 'sparseCategoricalCrossentropy',
    layers: () => [
      L.conv2d({ filters: 4, kernelSize: 3 }),
      L.batchNormalization({ momentum: 0.9 }),
      L.maxPooling2d({ poolSize: 2 }),
      L.flatten(),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title: 'Embedding → LSTM (TF.js defaults: hardSigmoid gates) → Dense softmax',
    input: [7],
    vocabulary: 20,
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.embedding({ inputDim: 20, outputDim: 5 }),
      L.lstm({ units: 6 }),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title: 'Embedding → LSTM (sigmoid gates, no bias) → Dense sigmoid, binary CE',
    input: [5],
    vocabulary: 9,
    loss: 'binaryCrossentropy',
    layers: () => [
      L.embedding({ inputDim: 9, outputDim: 4 }),
      L.lstm({ units: 5, recurrentActivation: 'sigmoid', useBias: false }),
      L.dense({ units: 1, activation: 'sigmoid' }),
    ],
  },
  {
    title: 'Embedding maskZero (pre-padded) → LSTM → Dense softmax: padded steps keep the state',
    input: [7],
    vocabulary: 15,
    prePadded: true,
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.embedding({ inputDim: 15, outputDim: 5, maskZero: true }),
      L.lstm({ units: 6 }),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title:
      'Embedding maskZero (zeros anywhere) → LSTM 8 (returnSequences, sigmoid) → LSTM 4 → Dense softmax',
    input: [6],
    vocabulary: 4,
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.embedding({ inputDim: 4, outputDim: 5, maskZero: true }),
      L.lstm({ units: 8, recurrentActivation: 'sigmoid', returnSequences: true }),
      L.lstm({ units: 4 }),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title: 'SimpleRNN tanh on float sequences → Dense softmax',
    input: [6, 3],
    loss: 'categoricalCrossentropy',
    layers: () => [L.simpleRNN({ units: 5 }), L.dense({ units: 3, activation: 'softmax' })],
  },
  {
    title: 'Embedding → SimpleRNN relu → Dense, MSE',
    input: [5],
    vocabulary: 11,
    loss: 'meanSquaredError',
    layers: () => [
      L.embedding({ inputDim: 11, outputDim: 4 }),
      L.simpleRNN({ units: 4, activation: 'relu' }),
      L.dense({ units: 2 }),
    ],
  },
  {
    title: 'Embedding → GRU (TF.js defaults) → Dense softmax',
    input: [6],
    vocabulary: 13,
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.embedding({ inputDim: 13, outputDim: 4 }),
      L.gru({ units: 5 }),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title: 'GRU (sigmoid gates) on float sequences → Dense sigmoid, binary CE',
    input: [4, 3],
    loss: 'binaryCrossentropy',
    layers: () => [
      L.gru({ units: 4, recurrentActivation: 'sigmoid' }),
      L.dense({ units: 1, activation: 'sigmoid' }),
    ],
  },
  {
    title:
      'stacked: Embedding → LSTM (returnSequences) → GRU (returnSequences) → SimpleRNN → Dense softmax',
    input: [5],
    vocabulary: 10,
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.embedding({ inputDim: 10, outputDim: 4 }),
      L.lstm({ units: 4, returnSequences: true }),
      L.gru({ units: 3, returnSequences: true }),
      L.simpleRNN({ units: 4 }),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title: 'SimpleRNN (returnSequences) → Flatten → Dense, MSE',
    input: [4, 2],
    loss: 'meanSquaredError',
    layers: () => [
      L.simpleRNN({ units: 3, returnSequences: true }),
      L.flatten(),
      L.dense({ units: 2 }),
    ],
  },
  {
    // units % 4 == 0 takes the 4-lane step kernels (tanh/exp approximations).
    title:
      'Embedding → LSTM 8 units (4-lane path, sigmoid gates) → LSTM 4 units (hardSigmoid) → Dense softmax',
    input: [6],
    vocabulary: 12,
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.embedding({ inputDim: 12, outputDim: 5 }),
      L.lstm({ units: 8, recurrentActivation: 'sigmoid', returnSequences: true }),
      L.lstm({ units: 4 }),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
];

beforeAll(() => tf.setBackend('cpu'));

describe('engine forward loss and gradients match TF.js (cpu) within 1e-4', () => {
  const wasm = engineWasmForTests();
  cases.forEach((c, index) => {
    it(c.title, async () => {
      const model = chainModel(c.input, c.layers(), c.vocabulary ? 'int32' : 'float32');
      seedWeights(model, 100 + index);
      const planned = planEngineModel(model, c.loss);
      if (!planned.ok) throw new Error(planned.reason);
      const n = 6;
      const units = planned.plan.outputUnits;
      const count = n * c.input.reduce((a, d) => a * d, 1);
      const x = c.vocabulary
        ? Float32Array.from(seededValues(count, 7 + index, 0, c.vocabulary), Math.floor)
        : seededValues(count, 7 + index);
      if (c.prePadded) {
        const steps = c.input[0]!;
        for (let b = 0; b < n; b++) {
          for (let t = 0; t < steps; t++)
            x[b * steps + t] = t <= b ? 0 : Math.max(1, x[b * steps + t]!);
        }
      }
      const y = seededTargets(c.loss, n, units, 11 + index);
      const engine = await TrainingEngine.create(wasm, planned.plan, {
        loss: c.loss,
        optimizer: { kind: 'sgd', learningRate: 0 },
        maxBatch: 8,
        seed: 1,
      });
      engine.loadWeightsFrom(model);
      const reference = referenceGradients(model, c.loss, x, y, n); // also moves BatchNormalization's statistics
      engine.inputsOfPlan(n).set(x);
      engine.targets(n).set(y);
      const result = engine.trainBatch(n);
      expect(Math.abs(result.loss - reference.loss) / Math.abs(reference.loss)).toBeLessThan(1e-4);
      const { grads } = engine.readParams();
      expect(grads).toHaveLength(reference.grads.length);
      // A gradient that is analytically 0 (a bias feeding BatchNormalization) is compared on the model's overall gradient scale.
      const overall = Math.max(...reference.grads.map((g) => Math.max(...Array.from(g, Math.abs))));
      const errors = grads.map((g, i) => {
        const own = Math.max(...Array.from(reference.grads[i]!, Math.abs));
        return relativeError(g, reference.grads[i]!) * (own / Math.max(own, 1e-3 * overall));
      });
      expect(
        Math.max(...errors),
        `gradient errors ${errors.map((e) => e.toExponential(1)).join(', ')}`,
      ).toBeLessThan(1e-4);
      // All weights, moving statistics included, agree after the step (learning rate 0).
      const tfWeights = model.getWeights().map((w) => w.dataSync().slice());
      engine.writeWeightsTo(model);
      model
        .getWeights()
        .forEach((w, i) =>
          expect(relativeError(w.dataSync(), tfWeights[i]!), `weight ${i}`).toBeLessThan(1e-4),
        );
      model.dispose();
    });
  });
});

const fdCases: Case[] = [
  {
    title: 'dilated Conv2D same (rate 2) tanh → AvgPool same 3×3/2 → Flatten → Dense softmax',
    input: [9, 8, 2],
    loss: 'categoricalCrossentropy',
    layers: () => [
      L.conv2d({ filters: 3, kernelSize: 3, dilationRate: 2, padding: 'same', activation: 'tanh' }),
      L.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' }),
      L.flatten(),
      L.dense({ units: 3, activation: 'softmax' }),
    ],
  },
  {
    title:
      'Conv2D valid stride 2 sigmoid → Conv2D same dilation [1,2] → GlobalAveragePooling → Dense sigmoid, binary CE',
    input: [10, 10, 1],
    loss: 'binaryCrossentropy',
    layers: () => [
      L.conv2d({ filters: 4, kernelSize: 3, strides: 2, activation: 'sigmoid' }),
      L.conv2d({
        filters: 3,
        kernelSize: 2,
        dilationRate: [1, 2],
        padding: 'same',
        activation: 'tanh',
      }),
      L.globalAveragePooling2d({}),
      L.dense({ units: 2, activation: 'sigmoid' }),
    ],
  },
];

describe('engine gradients match central finite differences', () => {
  const wasm = engineWasmForTests();
  fdCases.forEach((c, index) => {
    it(c.title, async () => {
      const model = chainModel(c.input, c.layers());
      seedWeights(model, 300 + index);
      const planned = planEngineModel(model, c.loss);
      if (!planned.ok) throw new Error(planned.reason);
      const n = 4;
      const engine = await TrainingEngine.create(wasm, planned.plan, {
        loss: c.loss,
        optimizer: { kind: 'sgd', learningRate: 0 },
        maxBatch: n,
        seed: 1,
      });
      engine.loadWeightsFrom(model);
      engine.inputs(n).set(seededValues(n * c.input.reduce((a, d) => a * d, 1), 17 + index));
      engine.targets(n).set(seededTargets(c.loss, n, planned.plan.outputUnits, 19 + index));
      engine.trainBatch(n); // learning rate 0: computes gradients, leaves weights as they are
      const { grads } = engine.readParams();
      const h = 1e-2;
      engine.weightViews().forEach((w, t) => {
        const g = grads[t]!;
        const scale = Math.max(...Array.from(g, Math.abs));
        for (let s = 0; s < Math.min(w.length, 12); s++) {
          const i = Math.floor((s * w.length) / Math.min(w.length, 12));
          const keep = w[i]!;
          w[i] = keep + h;
          const up = engine.evaluateBatch(n).loss;
          w[i] = keep - h;
          const down = engine.evaluateBatch(n).loss;
          w[i] = keep;
          const numeric = (up - down) / (2 * h);
          expect(
            Math.abs(numeric - g[i]!),
            `tensor ${t} weight ${i}: numeric ${numeric} vs ${g[i]}`,
          ).toBeLessThan(2e-3 * scale + 2e-5);
        }
      });
      model.dispose();
    });
  });
});
