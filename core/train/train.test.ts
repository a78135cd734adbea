import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { initBackend } from '../backend/init-backend';
import { compileGraph } from '../compile/compile-graph';
import { engineRunner } from '../engine/engine-runner';
import { engineWasmForTests } from '../engine/testing/engine-wasm';
import { defaultTrainingConfig, type TrainingConfig } from './config';
import type { BatchMetrics, EpochMetrics } from './metrics';
import { createPauseGate } from './pause-gate';
import type { RunnerFactory } from './runner';
import { samplesFromArrays } from './sample-source';
import { blobs, graphOf } from './testing/tiny-graphs';
import { tfjsRunner } from './tfjs-runner';
import { train as trainWith, type TrainData, type TrainHooks } from './train';
import { TrainingError } from './training-error';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function tinyMlp(): tf.LayersModel {
  const graph = graphOf([
    { name: 'x', kind: 'VectorInput', params: { size: 6 } },
    { name: 'hidden', kind: 'Dense', params: { units: 12, activation: 'relu' } },
    { name: 'out', kind: 'Dense', params: { units: 3, activation: 'softmax' } },
  ]);
  return compileGraph(graph, { diagnostics: [] });
}

function tinyData(count = 150) {
  const { values, labels } = blobs(count, 6, 3, 7);
  return { samples: samplesFromArrays({ values, sampleShape: [6], labels, numClasses: 3 }) };
}

const config = (over: Partial<TrainingConfig> = {}): TrainingConfig => ({
  ...defaultTrainingConfig,
  optimizer: { kind: 'adam', learningRate: 0.02 },
  batchSize: 16,
  epochs: 6,
  validationShare: 0.2,
  ...over,
});

beforeAll(async () => {
  await initBackend('cpu');
});

/**
 * The loop's behaviour, whatever trains the batches: every test runs with
 * TF.js and with LayerLab's engine (one engine; data-parallel engines are
 * core/engine/data-parallel.test.ts's).
 */
const runners: readonly { readonly name: string; readonly runner: () => RunnerFactory }[] = [
  { name: 'TF.js', runner: () => tfjsRunner },
  { name: "LayerLab's engine", runner: () => engineRunner({ wasm: engineWasmForTests() }) },
];

describe.each(runners)('train on $name', ({ runner }) => {
  const train = (
    model: tf.LayersModel,
    data: TrainData,
    settings: TrainingConfig,
    hooks: TrainHooks = {},
  ) => trainWith(model, data, settings, hooks, runner());

  it('lowers the loss and fires batch callbacks before each epoch callback', async () => {
    const model = tinyMlp();
    const events: string[] = [];
    const epochs: EpochMetrics[] = [];
    const result = await train(model, tinyData(), config(), {
      onBatchEnd: (m) => events.push(`b${m.epoch}.${m.batch}`),
      onEpochEnd: (m) => {
        events.push(`e${m.epoch}`);
        epochs.push(m);
      },
    });
    expect(result.outcome).toBe('completed');
    expect(result.epochs).toHaveLength(6);
    // 150 samples, 20 % validation per class → 120 train → 8 batches of 16 (last 8).
    expect(events.slice(0, 9)).toEqual([
      'b0.0',
      'b0.1',
      'b0.2',
      'b0.3',
      'b0.4',
      'b0.5',
      'b0.6',
      'b0.7',
      'e0',
    ]);
    expect(epochs[5]!.loss).toBeLessThan(epochs[0]!.loss * 0.7);
    expect(epochs[5]!.valLoss).not.toBeNull();
    expect(epochs[5]!.valAccuracy).toBeGreaterThan(0.8);
    model.dispose();
  });

  it('keeps the tensor count constant from epoch 2 on and frees everything at the end', async () => {
    const before = tf.memory().numTensors;
    const model = tinyMlp();
    const counts: number[] = [];
    await train(model, tinyData(), config({ epochs: 5 }), {
      onEpochEnd: () => counts.push(tf.memory().numTensors),
    });
    expect(counts).toHaveLength(5);
    expect(new Set(counts.slice(1)).size).toBe(1);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops within one batch of an abort, the model holding the weights trained so far', async () => {
    const model = tinyMlp();
    const initial = Array.from(model.getWeights()[0]!.dataSync());
    const signal = { aborted: false };
    const seen: BatchMetrics[] = [];
    const result = await train(model, tinyData(), config(), {
      signal,
      onBatchEnd: (m) => {
        seen.push(m);
        if (m.batch === 2) signal.aborted = true;
      },
    });
    expect(result.outcome).toBe('stopped');
    expect(seen).toHaveLength(3);
    expect(result.epochs).toHaveLength(0);
    expect(Array.from(model.getWeights()[0]!.dataSync())).not.toEqual(initial);
    model.dispose();
  });

  it('pauses between batches and resumes where it left off', async () => {
    const model = tinyMlp();
    const gate = createPauseGate();
    const seen: string[] = [];
    const run = train(model, tinyData(), config({ epochs: 1 }), {
      waitIfPaused: () => gate.wait(),
      yieldToEventLoop: macrotask,
      onBatchEnd: (m) => {
        seen.push(`${m.epoch}.${m.batch}`);
        if (m.batch === 1) gate.pause();
      },
    });
    for (let i = 0; i < 20; i++) await macrotask();
    expect(seen).toEqual(['0.0', '0.1']);
    expect(gate.paused).toBe(true);
    gate.resume();
    const result = await run;
    expect(result.outcome).toBe('completed');
    expect(seen).toHaveLength(8);
    model.dispose();
  });

  it('stops on a non-finite loss with a coded error that suggests what to try', async () => {
    const model = tinyMlp();
    const { values, labels } = blobs(60, 6, 3, 3);
    values[7] = Number.NaN;
    const samples = samplesFromArrays({ values, sampleShape: [6], labels, numClasses: 3 });
    const error = await train(model, { samples }, config({ validationShare: 0 }), {}).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TrainingError);
    expect((error as TrainingError).code).toBe('non-finite-loss');
    expect((error as TrainingError).message).toMatch(/lower learning rate/);
    expect((error as TrainingError).message).toMatch(/normalised/);
    model.dispose();
  });

  it('stops early when validation stops improving and restores the best weights', async () => {
    const model = tinyMlp();
    // A learning rate of ~0 keeps the validation loss flat: never better than epoch 1.
    const snapshots: Float32Array[] = [];
    const result = await train(
      model,
      tinyData(),
      config({
        optimizer: { kind: 'sgd', learningRate: 1e-12 },
        epochs: 20,
        earlyStopping: { enabled: true, patience: 2, restoreBestWeights: true },
      }),
      { onEpochEnd: (_m, snap) => snapshots.push(snap.weights[0]!.values) },
    );
    expect(result.outcome).toBe('early-stopped');
    expect(result.epochs.length).toBeLessThanOrEqual(4);
    expect(result.restoredBest).toBe(true);
    const restored = model.getWeights()[0]!.dataSync();
    expect(Array.from(restored)).toEqual(Array.from(snapshots[result.bestEpoch!]!));
    model.dispose();
  });

  it('decays the learning rate per epoch and resumes from a given epoch', async () => {
    const model = tinyMlp();
    const result = await train(
      model,
      tinyData(),
      config({
        epochs: 4,
        optimizer: { kind: 'sgd', learningRate: 0.1 },
        learningRateDecay: { kind: 'exponential', factor: 0.5, everyEpochs: 1 },
      }),
      { initialEpoch: 2 },
    );
    expect(result.epochs.map((e) => e.epoch)).toEqual([2, 3]);
    expect(result.epochs.map((e) => e.learningRate)).toEqual([0.025, 0.0125]);
    model.dispose();
  });

  it('hands the scheduled learning rate to the runner (a decayed rate of ~0 freezes the weights)', async () => {
    const model = tinyMlp();
    const initial = model.getWeights()[0]!.dataSync().slice();
    const snapshots: Float32Array[] = [];
    const result = await train(
      model,
      tinyData(),
      config({
        epochs: 2,
        optimizer: { kind: 'sgd', learningRate: 0.5 },
        learningRateDecay: { kind: 'exponential', factor: 1e-9, everyEpochs: 1 },
      }),
      { onEpochEnd: (_m, snap) => snapshots.push(snap.weights[0]!.values) },
    );
    expect(result.epochs.map((e) => e.learningRate)).toEqual([0.5, 0.5e-9]);
    const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      let d = 0;
      for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
      return d;
    };
    expect(maxDiff(snapshots[0]!, initial)).toBeGreaterThan(1e-3);
    expect(maxDiff(snapshots[1]!, snapshots[0]!)).toBeLessThan(1e-6);
    model.dispose();
  });

  it('holds out a stratified validation set (every class represented)', async () => {
    const model = tinyMlp();
    const { values, labels } = blobs(30, 6, 3, 5);
    const samples = samplesFromArrays({ values, sampleShape: [6], labels, numClasses: 3 });
    const gathered: number[] = [];
    const spying = {
      ...samples,
      gather: (
        idx: ArrayLike<number>,
        out: Float32Array | Int32Array,
        o: { augment: boolean; epoch: number },
      ) => {
        if (!o.augment) gathered.push(...Array.from(idx));
        return samples.gather(idx, out, o);
      },
    };
    await train(model, { samples: spying }, config({ epochs: 1, validationShare: 0.2 }));
    expect(gathered).toHaveLength(6);
    expect(new Set(gathered.map((i) => labels[i])).size).toBe(3);
    model.dispose();
  });

  it('trains with sparse labels and with a single sigmoid output', async () => {
    for (const [loss, units, activation] of [
      ['sparseCategoricalCrossentropy', 3, 'softmax'],
      ['binaryCrossentropy', 1, 'sigmoid'],
    ] as const) {
      const model = compileGraph(
        graphOf([
          { name: 'x', kind: 'VectorInput', params: { size: 6 } },
          { name: 'out', kind: 'Dense', params: { units, activation } },
        ]),
        { diagnostics: [] },
      );
      const classes = units === 1 ? 2 : 3;
      const { values, labels } = blobs(60, 6, classes, 9);
      const samples = samplesFromArrays({ values, sampleShape: [6], labels, numClasses: classes });
      const result = await train(model, { samples }, config({ loss, epochs: 3 }));
      expect(result.epochs[2]!.loss).toBeLessThan(result.epochs[0]!.loss);
      model.dispose();
    }
  });
});
