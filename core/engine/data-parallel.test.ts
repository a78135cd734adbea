import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { defaultTrainingConfig, type TrainingConfig } from '../train/config';
import { samplesFromArrays } from '../train/sample-source';
import { minParallelFlops, sliceSizes } from './data-parallel';
import { trainingFlopsPerExample } from './model-flops';
import { trainWithEngine } from './engine-runner';
import { planEngineModel } from './plan-model';
import { engineWasmForTests } from './testing/engine-wasm';
import { inProcessParallel } from './testing/in-process-peers';
import { chainModel, relativeError, seedWeights } from './testing/reference';
import { quadrantImages, smallLeNet } from './testing/tiny-tasks';
import { TrainingEngine } from './training-engine';

beforeAll(() => tf.setBackend('cpu'));

async function lenetEngine(model: tf.LayersModel, maxBatch: number): Promise<TrainingEngine> {
  const planned = planEngineModel(model, 'categoricalCrossentropy');
  if (!planned.ok) throw new Error(planned.reason);
  const engine = await TrainingEngine.create(engineWasmForTests(), planned.plan, {
    loss: 'categoricalCrossentropy',
    optimizer: { kind: 'adam', learningRate: 0.003 },
    maxBatch,
    seed: 1,
  });
  engine.loadWeightsFrom(model);
  return engine;
}

describe('data-parallel steps (computeGradients + applyGradients)', () => {
  it('two engines on a 10 + 6 split of each batch train like one engine on the whole batch', async () => {
    const model = smallLeNet(16, 4);
    seedWeights(model, 5, 0.3);
    const whole = await lenetEngine(model, 16);
    const left = await lenetEngine(model, 10);
    const right = await lenetEngine(model, 6);
    const data = quadrantImages(16 * 10, 16, 4, 8);
    const size = 16 * 16;
    const setBatch = (engine: TrainingEngine, from: number, n: number): void => {
      engine.inputs(n).set(data.x.subarray(from * size, (from + n) * size));
      const t = engine.targets(n).fill(0);
      for (let r = 0; r < n; r++) t[r * 4 + data.labels[from + r]!] = 1;
    };
    for (let step = 0; step < 10; step++) {
      const start = step * 16;
      setBatch(whole, start, 16);
      const reference = whole.trainBatch(16);
      setBatch(left, start, 10);
      setBatch(right, start + 10, 6);
      const a = left.computeGradients(10);
      const b = right.computeGradients(6);
      expect((a.loss * 10 + b.loss * 6) / 16).toBeCloseTo(reference.loss, 5);
      const g = left.gradients();
      const h = right.gradients();
      for (let i = 0; i < g.length; i++) g[i] = (g[i]! * 10 + h[i]! * 6) / 16; // weighted mean of the parts
      left.applyGradients();
      right.weights().set(left.weights()); // share the new weights (right's optimizer state stays unused)
      expect(relativeError(left.weights(), whole.weights())).toBeLessThan(1e-5);
    }
    model.dispose();
  });
});

const size = 12;
const classes = 4;
const config: TrainingConfig = {
  ...defaultTrainingConfig,
  batchSize: 16,
  epochs: 2,
  optimizer: { kind: 'adam', learningRate: 0.003 },
  seed: 7,
};

function samples(count = 160) {
  const data = quadrantImages(count, size, classes, 3);
  return samplesFromArrays({
    values: data.x,
    sampleShape: [size, size, 1],
    labels: data.labels,
    numClasses: classes,
  });
}

function lenetWithWeights(): tf.LayersModel {
  const model = smallLeNet(size, classes);
  seedWeights(model, 5, 0.3);
  return model;
}

describe('sliceSizes', () => {
  it('splits a batch as evenly as possible, the main slice never empty', () => {
    expect(sliceSizes(64, 2)).toEqual([32, 32]);
    expect(sliceSizes(7, 3)).toEqual([3, 2, 2]);
    expect(sliceSizes(1, 2)).toEqual([1, 0]);
  });
});

describe('trainWithEngine on data-parallel workers', () => {
  const wasm = engineWasmForTests();

  it('tracks one engine for 50 steps, and terminates its peers', async () => {
    const run = async (workers: number) => {
      const model = lenetWithWeights();
      const parallel = inProcessParallel(workers);
      const losses: number[] = [];
      let reported = 0;
      await trainWithEngine(
        model,
        { samples: samples(400) },
        { ...config, epochs: 3, validationShare: 0 },
        { onBatchEnd: (m) => losses.push(m.loss) },
        { wasm, parallel, onWorkers: (k) => (reported = k) },
      );
      const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      return { losses, weights: weights.flat(), reported, open: parallel.open() };
    };
    const one = await run(1);
    const two = await run(2);
    expect(one.losses.length).toBeGreaterThanOrEqual(50);
    expect(two.reported).toBe(2);
    expect(two.open).toBe(0);
    two.losses.forEach((loss, i) => expect(Math.abs(loss - one.losses[i]!)).toBeLessThan(1e-3));
    expect(relativeError(two.weights, one.weights)).toBeLessThan(1e-3);
  });

  it('trains a graph with a branch and an Add on two workers like one engine', async () => {
    // No batch normalization here: its statistics are per slice, so it would not track exactly.
    const residual = (): tf.LayersModel => {
      const L = tf.layers;
      const input = tf.input({ shape: [size, size, 1] });
      const stem = L.conv2d({
        filters: 4,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
      }).apply(input) as tf.SymbolicTensor;
      const branch = L.conv2d({ filters: 4, kernelSize: 3, padding: 'same' }).apply(stem);
      const sum = L.add().apply([branch as tf.SymbolicTensor, stem]);
      const pooled = L.flatten().apply(L.maxPooling2d({ poolSize: 2 }).apply(sum));
      const out = L.dense({ units: classes, activation: 'softmax' }).apply(pooled);
      const model = tf.model({ inputs: input, outputs: out as tf.SymbolicTensor });
      seedWeights(model, 6, 0.3);
      return model;
    };
    const run = async (workers: number) => {
      const model = residual();
      const parallel = inProcessParallel(workers);
      const losses: number[] = [];
      let reported = 0;
      await trainWithEngine(
        model,
        { samples: samples(320) },
        { ...config, validationShare: 0 },
        { onBatchEnd: (m) => losses.push(m.loss) },
        { wasm, parallel, onWorkers: (k) => (reported = k) },
      );
      const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
      model.dispose();
      return { losses, weights, reported, open: parallel.open() };
    };
    const one = await run(1);
    const two = await run(2);
    expect(two.reported).toBe(2);
    expect(two.open).toBe(0);
    expect(one.losses.at(-1)!).toBeLessThan(one.losses[0]!);
    two.losses.forEach((loss, i) => expect(Math.abs(loss - one.losses[i]!)).toBeLessThan(1e-3));
    expect(relativeError(two.weights, one.weights)).toBeLessThan(1e-3);
  });

  it('is bitwise deterministic for a fixed seed and worker count', async () => {
    const run = async () => {
      const model = lenetWithWeights();
      const result = await trainWithEngine(
        model,
        { samples: samples() },
        config,
        {},
        { wasm, parallel: inProcessParallel(3) },
      );
      const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
      model.dispose();
      return { epochs: result.epochs.map((e) => [e.loss, e.valLoss]), weights };
    };
    const a = await run();
    const b = await run();
    expect(b).toEqual(a);
  });

  it('stops within one batch and terminates its peers', async () => {
    const model = lenetWithWeights();
    const parallel = inProcessParallel(2);
    const signal = { aborted: false };
    let last: { epoch: number; batch: number } | null = null;
    const result = await trainWithEngine(
      model,
      { samples: samples() },
      config,
      {
        signal,
        onBatchEnd: (m) => {
          last = { epoch: m.epoch, batch: m.batch };
          if (m.epoch === 0 && m.batch === 2) signal.aborted = true;
        },
      },
      { wasm, parallel },
    );
    expect(result.outcome).toBe('stopped');
    expect(last).toEqual({ epoch: 0, batch: 2 });
    expect(parallel.open()).toBe(0);
    model.dispose();
  });

  it('terminates its peers when a batch fails', async () => {
    const model = lenetWithWeights();
    const parallel = inProcessParallel(2);
    const broken = samples();
    const failing = {
      ...broken,
      gather: () => Promise.reject(new Error('disk gone')),
    };
    await expect(
      trainWithEngine(model, { samples: failing }, config, {}, { wasm, parallel }),
    ).rejects.toThrow('disk gone');
    expect(parallel.open()).toBe(0);
    model.dispose();
  });

  it('trains alone, without starting peers, when a slice is too little work to split', async () => {
    const model = lenetWithWeights();
    const { minFlopsPerSlice: _, ...defaults } = inProcessParallel(2); // the product's threshold
    let started = 0;
    let workers = 0;
    const result = await trainWithEngine(
      model,
      { samples: samples() },
      { ...config, epochs: 1 },
      {},
      {
        wasm,
        parallel: { ...defaults, connect: (init, i) => (started++, defaults.connect(init, i)) },
        onWorkers: (k) => (workers = k),
      },
    );
    expect(result.outcome).toBe('completed');
    expect(trainingFlopsPerExample(model) * config.batchSize).toBeLessThan(minParallelFlops);
    expect(workers).toBe(1);
    expect(started).toBe(0);
    model.dispose();
  });

  it('counts the training FLOPs of conv, dense and recurrent layers', () => {
    const mlp = chainModel(
      [784],
      [
        tf.layers.dense({ units: 128, activation: 'relu' }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    );
    expect(trainingFlopsPerExample(mlp)).toBe(3 * 2 * (784 * 128 + 128 * 10));
    const lenet = chainModel(
      [28, 28, 1],
      [
        tf.layers.conv2d({ filters: 16, kernelSize: 5 }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 32, kernelSize: 5 }),
      ],
    );
    expect(trainingFlopsPerExample(lenet)).toBe(
      3 * 2 * (24 * 24 * 16 * 25 + 8 * 8 * 32 * 5 * 5 * 16),
    );
    const lstm = chainModel([20, 8], [tf.layers.lstm({ units: 4 })]);
    expect(trainingFlopsPerExample(lstm)).toBe(3 * 2 * 20 * 4 * 4 * (8 + 4));
    for (const m of [mlp, lenet, lstm]) m.dispose();
  });

  it('goes on with one engine when a peer cannot start, closing the ones that did', async () => {
    const model = lenetWithWeights();
    const working = inProcessParallel(3);
    const failures: string[] = [];
    let workers = 0;
    const result = await trainWithEngine(
      model,
      { samples: samples() },
      { ...config, epochs: 1 },
      {},
      {
        wasm,
        parallel: {
          workers: 3,
          minFlopsPerSlice: 0,
          connect: (init, index) =>
            index === 2
              ? Promise.reject(new Error('no nested workers'))
              : working.connect(init, index),
          onPeersFailed: (error) => failures.push(error.message),
        },
        onWorkers: (k) => (workers = k),
      },
    );
    expect(result.outcome).toBe('completed');
    expect(workers).toBe(1);
    expect(failures).toEqual(['no nested workers']);
    expect(working.open()).toBe(0);
    model.dispose();
  });

  it('trains a model with Dropout (each engine draws its own masks)', async () => {
    const L = tf.layers;
    const model = chainModel(
      [size, size, 1],
      [
        L.flatten({ name: 'flatten_1' }),
        L.dense({ units: 32, activation: 'relu', name: 'dense_1' }),
        L.dropout({ rate: 0.3, name: 'dropout_1' }),
        L.dense({ units: classes, activation: 'softmax', name: 'dense_2' }),
      ],
    );
    seedWeights(model, 9, 0.2);
    const result = await trainWithEngine(
      model,
      { samples: samples() },
      { ...config, epochs: 4 },
      {},
      { wasm, parallel: inProcessParallel(2) },
    );
    expect(result.epochs[3]!.loss).toBeLessThan(result.epochs[0]!.loss * 0.8);
    expect(result.epochs[3]!.valAccuracy).toBeGreaterThan(0.9);
    model.dispose();
  });
});
