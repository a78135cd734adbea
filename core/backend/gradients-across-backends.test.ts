import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { compileGraph } from '../compile/compile-graph';
import type { GraphDoc } from '../graph/types';
import { parseProject } from '../io/project-file';
import { headLoss } from '../train/head-losses';
import { headsOfModel } from '../train/heads';
import { graphOf } from '../train/testing/tiny-graphs';
import { initBackend } from './init-backend';

/**
 * Trains every template-shaped model one step on every backend Node has
 * (cpu, wasm), and checks that the gradients agree across backends (1e-4
 * relative to the largest entry of each weight) and with central finite
 * differences on cpu. This is the test that found the kernels wasm lacks.
 */
const wasmPaths = decodeURIComponent(
  new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname,
);

interface Case {
  readonly name: string;
  readonly graph: GraphDoc;
  readonly input: {
    readonly shape: number[];
    readonly dtype: 'float32' | 'int32';
    readonly maxInt?: number;
  };
  readonly loss: 'categoricalCrossentropy' | 'meanSquaredError';
}

const dense = (name: string, units: number, activation: string) => ({
  name,
  kind: 'Dense',
  params: { units, activation },
});
const conv = (
  name: string,
  filters: number,
  k: number,
  extra: Record<string, string | number[]> = {},
) => ({
  name,
  kind: 'Conv2D',
  params: {
    filters,
    kernelSize: [k, k],
    strides: [1, 1],
    padding: 'valid',
    activation: 'relu',
    ...extra,
  },
});
const pool = (name: string, kind = 'MaxPooling2D') => ({
  name,
  kind,
  params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
});

const cases: Case[] = [
  {
    name: 'lenet (Conv2D, MaxPooling2D, Flatten, Dense)',
    graph: graphOf([
      { name: 'image', kind: 'ImageInput', params: { height: 28, width: 28, channels: 1 } },
      conv('c1', 6, 5, { padding: 'same' }),
      pool('p1'),
      conv('c2', 16, 5),
      pool('p2'),
      { name: 'flat', kind: 'Flatten' },
      dense('d1', 32, 'relu'),
      dense('out', 10, 'softmax'),
    ]),
    input: { shape: [4, 28, 28, 1], dtype: 'float32' },
    loss: 'categoricalCrossentropy',
  },
  {
    name: 'mlp-digits (Flatten, Dense, Dropout)',
    graph: graphOf([
      { name: 'image', kind: 'ImageInput', params: { height: 8, width: 8, channels: 1 } },
      { name: 'flat', kind: 'Flatten' },
      dense('hidden', 16, 'relu'),
      { name: 'drop', kind: 'Dropout', params: { rate: 0 } },
      dense('out', 10, 'softmax'),
    ]),
    input: { shape: [5, 8, 8, 1], dtype: 'float32' },
    loss: 'categoricalCrossentropy',
  },
  {
    name: 'lstm-text (Embedding, LSTM)',
    graph: graphOf([
      { name: 'tokens', kind: 'SequenceInput', params: { length: 12, vocabularySize: 40 } },
      { name: 'embed', kind: 'Embedding', params: { inputDim: 40, outputDim: 6 } },
      {
        name: 'lstm',
        kind: 'LSTM',
        params: { units: 5, activation: 'tanh', returnSequences: false },
      },
      dense('out', 2, 'softmax'),
    ]),
    input: { shape: [4, 12], dtype: 'int32', maxInt: 40 },
    loss: 'categoricalCrossentropy',
  },
  {
    name: 'backprop-323 (sigmoid Dense, MSE)',
    graph: graphOf([
      { name: 'x', kind: 'VectorInput', params: { size: 3 } },
      dense('hidden', 2, 'sigmoid'),
      dense('out', 3, 'sigmoid'),
    ]),
    input: { shape: [3, 3], dtype: 'float32' },
    loss: 'meanSquaredError',
  },
  {
    name: 'catalog extras (strided same Conv2D, BatchNormalization, Activation, Add, AveragePooling2D, GlobalAveragePooling2D, Concatenate)',
    graph: graphOf(
      [
        { name: 'image', kind: 'ImageInput', params: { height: 9, width: 9, channels: 2 } },
        conv('stem', 4, 3, { strides: [2, 2], padding: 'same', activation: 'linear' }),
        { name: 'bn', kind: 'BatchNormalization', params: { momentum: 0.99, epsilon: 0.001 } },
        { name: 'act', kind: 'Activation', params: { activation: 'tanh' } },
        conv('branch', 4, 1, { padding: 'same' }),
        { name: 'sum', kind: 'Add' },
        pool('avg', 'AveragePooling2D'),
        { name: 'gap', kind: 'GlobalAveragePooling2D' },
        { name: 'gap2', kind: 'GlobalAveragePooling2D' },
        { name: 'join', kind: 'Concatenate', params: { axis: -1 } },
        dense('out', 3, 'softmax'),
      ],
      [
        ['image', 'stem'],
        ['stem', 'bn'],
        ['bn', 'act'],
        ['act', 'branch'],
        ['act', 'sum'],
        ['branch', 'sum'],
        ['sum', 'avg'],
        ['avg', 'gap'],
        ['sum', 'gap2'],
        ['gap', 'join'],
        ['gap2', 'join'],
        ['join', 'out'],
      ],
    ),
    input: { shape: [3, 9, 9, 2], dtype: 'float32' },
    loss: 'categoricalCrossentropy',
  },
  {
    name: 'recurrent extras (GRU with sequences, SimpleRNN)',
    graph: graphOf([
      { name: 'tokens', kind: 'SequenceInput', params: { length: 7, vocabularySize: 20 } },
      { name: 'embed', kind: 'Embedding', params: { inputDim: 20, outputDim: 4 } },
      { name: 'gru', kind: 'GRU', params: { units: 4, activation: 'tanh', returnSequences: true } },
      {
        name: 'rnn',
        kind: 'SimpleRNN',
        params: { units: 3, activation: 'tanh', returnSequences: false },
      },
      dense('out', 2, 'softmax'),
    ]),
    input: { shape: [3, 7], dtype: 'int32', maxInt: 20 },
    loss: 'categoricalCrossentropy',
  },
];

function seeded(n: number, seed: number, scale = 1): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * scale;
  }
  return out;
}

function batchFor(c: Case, outUnits: number): { x: tf.Tensor; y: tf.Tensor } {
  const n = c.input.shape.reduce((a, d) => a * d, 1);
  const raw = seeded(n, 17, 2);
  const x =
    c.input.dtype === 'int32'
      ? tf.tensor(
          Int32Array.from(
            raw,
            (v) => Math.floor((v + 1) * 0.5 * (c.input.maxInt ?? 2)) % (c.input.maxInt ?? 2),
          ),
          c.input.shape,
          'int32',
        )
      : tf.tensor(raw, c.input.shape);
  const batch = c.input.shape[0]!;
  const y =
    c.loss === 'meanSquaredError'
      ? tf.tensor2d(
          seeded(batch * outUnits, 5).map((v) => v + 0.5),
          [batch, outUnits],
        )
      : tf
          .oneHot(
            tf.tensor1d(
              Array.from({ length: batch }, (_, i) => i % outUnits),
              'int32',
            ),
            outUnits,
          )
          .toFloat();
  return { x, y };
}

function lossOf(model: tf.LayersModel, c: Case, x: tf.Tensor, y: tf.Tensor): tf.Scalar {
  const pred = model.apply(x, { training: true }) as tf.Tensor;
  return c.loss === 'meanSquaredError'
    ? tf.losses.meanSquaredError(y, pred)
    : tf.metrics.categoricalCrossentropy(y, pred).mean();
}

/** Gradients of every trainable weight, in order, for fixed weights and batch on the current backend. */
function gradientsOf(
  c: Case,
  weights: Float32Array[],
): { grads: Float32Array[]; step: Promise<number | number[]>; model: tf.LayersModel } {
  const model = compileGraph(c.graph, { diagnostics: [] });
  tf.tidy(() =>
    model.setWeights(model.getWeights().map((w, i) => tf.tensor(weights[i]!, w.shape))),
  );
  const outUnits = model.outputs[0]!.shape[1] as number;
  const { x, y } = batchFor(c, outUnits);
  const vars = model.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
  const { value, grads } = tf.variableGrads(() => lossOf(model, c, x, y), vars);
  const out = vars.map((v) => grads[v.name]!.dataSync().slice() as Float32Array);
  tf.dispose([value, ...Object.values(grads)]);
  model.compile({ optimizer: tf.train.adam(0.001), loss: c.loss });
  const step = model.trainOnBatch(x, y).finally(() => tf.dispose([x, y]));
  return { grads: out, step, model };
}

/**
 * Max difference relative to the weight's largest gradient entry. A weight whose
 * true gradient is ~0 (a conv bias right before BatchNormalization, which
 * removes the mean) is compared against 1e-2 of the model's largest gradient
 * instead (1 %), since its entries are pure rounding noise.
 */
function relError(a: Float32Array, b: Float32Array, floor: number): number {
  let scale = floor;
  for (const v of b) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / scale);
  return worst;
}

describe('training on every backend Node has', () => {
  for (const c of cases) {
    it(`${c.name}: one step trains on cpu and wasm, gradients agree across backends and with finite differences`, async () => {
      await initBackend('cpu');
      const probe = compileGraph(c.graph, { diagnostics: [] });
      const weights = probe.getWeights().map((w, i) => seeded(w.size, 101 + i, 0.6));
      // Keep BatchNormalization's moving variance positive.
      probe.weights.forEach((w, i) => {
        if (/moving_variance|gamma/.test(w.name))
          weights[i] = weights[i]!.map((v) => 1 + Math.abs(v));
      });
      probe.dispose();

      const cpu = gradientsOf(c, weights);
      expect(await cpu.step).toSatisfy((l: number | number[]) =>
        Number.isFinite(Array.isArray(l) ? l[0] : l),
      );

      // Central finite differences on cpu for the largest-gradient entry of each weight.
      const model = compileGraph(c.graph, { diagnostics: [] });
      const outUnits = model.outputs[0]!.shape[1] as number;
      const eps = 1e-3;
      for (let v = 0; v < cpu.grads.length; v++) {
        const g = cpu.grads[v]!;
        let k = 0;
        g.forEach((val, i) => (Math.abs(val) > Math.abs(g[k]!) ? (k = i) : undefined));
        if (Math.abs(g[k]!) < 1e-6) continue;
        const lossWith = (delta: number): number =>
          tf.tidy(() => {
            const trainable = new Set(model.trainableWeights.map((w) => w.name));
            let t = -1;
            const ws = model.weights.map((w, i) => {
              const values = weights[i]!.slice();
              if (trainable.has(w.name) && ++t === v) values[k] = values[k]! + delta;
              return tf.tensor(values, w.shape as number[]);
            });
            model.setWeights(ws);
            const { x, y } = batchFor(c, outUnits);
            return lossOf(model, c, x, y).dataSync()[0]!;
          });
        const up = lossWith(eps);
        const fd = (up - lossWith(-eps)) / (2 * eps);
        // float32 central differences: 2 % of the gradient, plus the rounding
        // noise of the loss divided by the step (a few float32 ulps).
        const noise = (8 * Math.abs(up) * 1.2e-7) / eps;
        expect(Math.abs(fd - g[k]!), `weight ${v} entry ${k}: fd ${fd} vs ${g[k]}`).toBeLessThan(
          2e-2 * Math.abs(g[k]!) + noise,
        );
      }
      model.dispose();
      cpu.model.dispose();

      const info = await initBackend('wasm', { wasmPaths });
      expect(info.backend).toBe('wasm');
      const wasm = gradientsOf(c, weights);
      expect(await wasm.step).toSatisfy((l: number | number[]) =>
        Number.isFinite(Array.isArray(l) ? l[0] : l),
      );
      wasm.model.dispose();
      expect(wasm.grads).toHaveLength(cpu.grads.length);
      const globalMax = Math.max(
        ...cpu.grads.map((g) => g.reduce((m, v) => Math.max(m, Math.abs(v)), 0)),
      );
      wasm.grads.forEach((g, i) =>
        expect(relError(g, cpu.grads[i]!, 1e-2 * globalMax), `weight ${i}`).toBeLessThan(1e-4),
      );
    });
  }
});

describe('every shipped template file trains one step on every Node backend', () => {
  const files = import.meta.glob('../../assets/templates/*.layerlab', {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>;
  const templates = Object.entries(files).filter(([file]) => !file.endsWith('empty.layerlab'));

  it('finds the templates', () => {
    expect(templates.length).toBeGreaterThanOrEqual(4);
  });

  for (const [file, text] of templates) {
    for (const backend of ['cpu', 'wasm'] as const) {
      it(`${file.split('/').pop()} on ${backend}`, async () => {
        const parsed = parseProject(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        await initBackend(backend, { wasmPaths });
        const inference = { datasetClassCount: 3, vocabularySize: 50, sequenceLength: 16 };
        const model = compileGraph(parsed.value.graph, { diagnostics: [], inference });
        const input = model.inputs[0]!;
        const shape = [4, ...(input.shape.slice(1) as number[])];
        const size = shape.reduce((a, d) => a * d, 1);
        const x =
          input.dtype === 'int32'
            ? tf.tensor(
                Int32Array.from({ length: size }, (_, i) => (i * 7) % 50),
                shape,
                'int32',
              )
            : tf.tensor(seeded(size, 3), shape);
        // One target per output: class rows one-hot, a box head's rows four numbers in 0…1.
        const heads = headsOfModel(model);
        const targetFor = (units: number, box: boolean): tf.Tensor =>
          box
            ? tf.tensor(
                seeded(4 * units, 5).map((v) => Math.abs(v) % 1),
                [4, units],
              )
            : tf
                .oneHot(
                  tf.tensor1d(
                    [0, 1, 2, 0].map((c) => c % units),
                    'int32',
                  ),
                  units,
                )
                .toFloat();
        const ys = model.outputs.map((output, i) =>
          targetFor(output.shape[1] as number, heads?.[i]?.target === 'box'),
        );
        const y = ys.length === 1 ? ys[0]! : ys;
        model.compile({
          optimizer: tf.train.adam(0.01),
          // A model with heads trains each on its own loss, as LayerLab's heads runner does.
          loss: heads
            ? heads.map((h) => (t: tf.Tensor, p: tf.Tensor) => headLoss(h.loss, t, p))
            : parsed.value.training.loss,
        });
        const before = model.getWeights().map((w) => w.dataSync().slice());
        const loss = await model.trainOnBatch(x, y);
        expect(Number.isFinite(Array.isArray(loss) ? loss[0] : loss)).toBe(true);
        const after = model.getWeights().map((w) => w.dataSync());
        expect(after.some((w, i) => w.some((v, j) => v !== before[i]![j]))).toBe(true);
        tf.dispose([x, ...ys]);
        model.dispose();
      });
    }
  }
});
