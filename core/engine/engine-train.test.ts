import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import type { TrainingConfig } from '../train/config';
import { defaultTrainingConfig } from '../train/config';
import type { BatchMetrics, EpochMetrics } from '../train/metrics';
import { samplesFromArrays } from '../train/sample-source';
import { train } from '../train/train';
import { trainWithEngine } from './engine-runner';
import { planEngineModel } from './plan-model';
import { engineWasmForTests } from './testing/engine-wasm';
import { seedWeights } from './testing/reference';
import { quadrantImages, smallMlp } from './testing/tiny-tasks';
import { TrainingEngine } from './training-engine';

const size = 12;
const classes = 4;
const config: TrainingConfig = {
  ...defaultTrainingConfig,
  batchSize: 16,
  epochs: 3,
  optimizer: { kind: 'adam', learningRate: 0.003 },
  seed: 7,
};

beforeAll(() => tf.setBackend('cpu'));

function samples() {
  const data = quadrantImages(160, size, classes, 3);
  return samplesFromArrays({
    values: data.x,
    sampleShape: [size, size, 1],
    labels: data.labels,
    numClasses: classes,
  });
}

function modelWithWeights(): tf.LayersModel {
  const model = smallMlp(size, classes);
  seedWeights(model, 9, 0.2);
  return model;
}

describe('trainWithEngine', () => {
  const wasm = engineWasmForTests();

  it('follows core/train on the same split, shuffles and epochs, and writes the weights back', async () => {
    const reference = modelWithWeights();
    const viaTfjs = await train(reference, { samples: samples() }, config);
    const model = modelWithWeights();
    const viaEngine = await trainWithEngine(model, { samples: samples() }, config, {}, { wasm });
    expect(viaEngine.outcome).toBe('completed');
    expect(viaEngine.epochs).toHaveLength(3);
    viaEngine.epochs.forEach((e, i) => {
      const t = viaTfjs.epochs[i]!;
      expect(Math.abs(e.loss - t.loss) / t.loss).toBeLessThan(1e-3);
      expect(Math.abs(e.valLoss! - t.valLoss!) / t.valLoss!).toBeLessThan(1e-3);
      expect(e.valAccuracy).toBeCloseTo(t.valAccuracy!, 5);
    });
    expect(viaEngine.epochs[2]!.loss).toBeLessThan(viaEngine.epochs[0]!.loss);
    // The model holds the trained weights: TF.js evaluates it to the engine's validation loss.
    const trained = model.getWeights().map((w) => w.dataSync());
    const expected = reference.getWeights().map((w) => w.dataSync());
    trained.forEach((w, i) => {
      let diff = 0;
      for (let j = 0; j < w.length; j++) diff = Math.max(diff, Math.abs(w[j]! - expected[i]![j]!));
      expect(diff).toBeLessThan(1e-3);
    });
    reference.dispose();
    model.dispose();
  });

  it('reports every batch and epoch, and stops within one batch', async () => {
    const model = modelWithWeights();
    const batches: BatchMetrics[] = [];
    const epochs: EpochMetrics[] = [];
    const signal = { aborted: false };
    const result = await trainWithEngine(
      model,
      { samples: samples() },
      config,
      {
        signal,
        onBatchEnd: (m) => {
          batches.push(m);
          if (m.epoch === 1 && m.batch === 2) signal.aborted = true;
        },
        onEpochEnd: (m) => epochs.push(m),
      },
      { wasm },
    );
    expect(result.outcome).toBe('stopped');
    expect(epochs).toHaveLength(1);
    expect(batches.at(-1)).toMatchObject({ epoch: 1, batch: 2 });
    expect(batches[0]!.batchesPerEpoch).toBe(Math.ceil(128 / 16));
    model.dispose();
  });

  it('is deterministic for a fixed seed', async () => {
    const runs = [];
    for (let r = 0; r < 2; r++) {
      const model = modelWithWeights();
      runs.push(
        (
          await trainWithEngine(
            model,
            { samples: samples() },
            { ...config, epochs: 2 },
            {},
            { wasm },
          )
        ).epochs.map((e) => [e.loss, e.valLoss]),
      );
      model.dispose();
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it('refuses a model it cannot run with engine-unsupported', async () => {
    // As many units as classes: the loop checks labels against the output before any runner starts.
    const input = tf.input({ shape: [4] });
    const model = tf.model({
      inputs: input,
      outputs: tf.layers.dense({ units: classes }).apply(input) as tf.SymbolicTensor,
    });
    await expect(
      trainWithEngine(model, { samples: samples() }, config, {}, { wasm }),
    ).rejects.toMatchObject({ code: 'engine-unsupported' });
    model.dispose();
  });
});

describe('engine memory', () => {
  it('does not grow across batches and epochs', async () => {
    const model = modelWithWeights();
    const planned = planEngineModel(model, 'categoricalCrossentropy');
    if (!planned.ok) throw new Error(planned.reason);
    const engine = await TrainingEngine.create(engineWasmForTests(), planned.plan, {
      loss: 'categoricalCrossentropy',
      optimizer: { kind: 'adam', learningRate: 1e-3 },
      maxBatch: 32,
      seed: 1,
    });
    const before = engine.memoryBytes;
    const data = quadrantImages(32, size, classes, 1);
    for (let epoch = 0; epoch < 5; epoch++) {
      for (let b = 0; b < 20; b++) {
        const n = b % 2 === 0 ? 32 : 7;
        engine.inputs(n).set(data.x.subarray(0, n * size * size));
        engine.targets(n).fill(0.25);
        engine.trainBatch(n);
      }
      engine.evaluateBatch(32);
      engine.writeWeightsTo(model);
      expect(engine.memoryBytes).toBe(before);
    }
    model.dispose();
  });
});
