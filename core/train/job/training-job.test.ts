import type * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { initBackend } from '../../backend/init-backend';
import { CompileError } from '../../compile/compile-error';
import { defaultImageOptions } from '../../data/config';
import { defaultParams } from '../../layers/catalog';
import type { EngineChoice } from '../../engine/choose-engine';
import { engineWasmForTests } from '../../engine/testing/engine-wasm';
import { defaultTrainingConfig, type TrainingConfig } from '../config';
import { graphOf } from '../testing/tiny-graphs';
import type { WeightSnapshot } from '../weight-snapshot';
import { resolveDataset, type DecodedDataset } from './job-dataset';
import { runTrainingJob, type TrainingJob } from './training-job';

beforeAll(async () => {
  await initBackend('cpu');
});

const config = (over: Partial<TrainingConfig> = {}): TrainingConfig => ({
  ...defaultTrainingConfig,
  batchSize: 8,
  epochs: 2,
  backend: 'cpu',
  optimizer: { kind: 'adam', learningRate: 0.05 },
  ...over,
});

const halves = (count: number) => {
  const all = Array.from({ length: count }, (_, i) => i);
  return { train: all.filter((i) => i % 5 !== 0), validation: all.filter((i) => i % 5 === 0) };
};

/** 2 classes of 4×4 grayscale images: bright top half vs bright bottom half. */
function images(count = 40): DecodedDataset {
  const pixels = new Uint8Array(count * 16);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    for (let p = 0; p < 16; p++) pixels[i * 16 + p] = p < 8 === (i % 2 === 0) ? 220 : 20;
  }
  return {
    kind: 'image',
    count,
    pixels,
    labels,
    classNames: ['top', 'bottom'],
    split: halves(count),
    // Augmentation is off by default: every epoch sees the same pixels.
    options: { ...defaultImageOptions, width: 4, height: 4 },
  };
}

const imageGraph = (units: number | 'dataset' = 'dataset') =>
  graphOf([
    { name: 'img', kind: 'ImageInput', params: { height: 4, width: 4, channels: 1 } },
    { name: 'flat', kind: 'Flatten' },
    {
      name: 'out',
      kind: 'Dense',
      params: {
        ...defaultParams('Dense'),
        units: units === 'dataset' ? 7 : units,
        activation: 'softmax',
        unitsFromDataset: units === 'dataset',
      },
    },
  ]);

function job(over: Partial<TrainingJob> = {}): TrainingJob {
  return {
    graph: imageGraph(),
    config: config(),
    dataset: images(),
    backend: () => Promise.resolve('cpu'),
    engine: { wasmFor: () => engineWasmForTests() },
    ...over,
  };
}

describe('runTrainingJob', () => {
  it('validates and compiles against the dataset: class count, vocabulary size, sequence length', async () => {
    const count = 40;
    const sequenceLength = 6;
    const vocabularySize = 12;
    const tokens = new Int32Array(count * sequenceLength);
    const labels = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      labels[i] = i % 2;
      tokens.fill(2 + (i % 2) * 5 + (i % 3), i * sequenceLength, (i + 1) * sequenceLength);
    }
    const graph = graphOf([
      { name: 'tokens', kind: 'SequenceInput', params: defaultParams('SequenceInput') },
      { name: 'embed', kind: 'Embedding', params: { ...defaultParams('Embedding'), outputDim: 4 } },
      { name: 'flat', kind: 'Flatten' },
      {
        name: 'out',
        kind: 'Dense',
        params: {
          ...defaultParams('Dense'),
          units: 9,
          activation: 'softmax',
          unitsFromDataset: true,
        },
      },
    ]);
    let model: tf.LayersModel | null = null;
    const report = await runTrainingJob(
      job({
        graph,
        dataset: {
          kind: 'text',
          count,
          tokens,
          sequenceLength,
          vocabularySize,
          labels,
          classNames: ['a', 'b'],
          split: halves(count),
        },
      }),
      { onModel: (m) => (model = m) },
    );
    expect(report.model).toBe(model);
    expect(report.model.inputs[0]!.shape).toEqual([null, sequenceLength]);
    // Embedding 12 × 4, then Dense (6·4 → 2 classes) with bias.
    expect(report.model.countParams()).toBe(vocabularySize * 4 + (sequenceLength * 4 * 2 + 2));
    expect(report.result.outcome).toBe('completed');
    report.model.dispose();
  });

  it('refuses a blocking graph before the backend starts or a model exists', async () => {
    const steps: string[] = [];
    const error = await runTrainingJob(
      job({
        graph: imageGraph(1), // 1 softmax unit cannot hold 2 classes
        backend: () => {
          steps.push('backend');
          return Promise.resolve('cpu');
        },
      }),
      { onModel: () => steps.push('model') },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompileError);
    expect(error).toMatchObject({ code: 'graph-has-errors' });
    expect((error as CompileError).diagnostic).toMatchObject({
      severity: 'error',
      args: { units: 1 },
    });
    expect(steps).toEqual([]);
  });

  it('chooses the runner in one place: the engine on a CPU backend, TF.js when asked or on a GPU', async () => {
    const cases: [Partial<TrainingJob>, Partial<EngineChoice>][] = [
      [{}, { engine: 'layerlab', workers: 1 }],
      [
        { engine: { wasmFor: () => engineWasmForTests(), requested: 'tfjs' } },
        { engine: 'tfjs', code: 'requested' },
      ],
      [{ backend: () => Promise.resolve('webgl') }, { engine: 'tfjs', code: 'gpu-backend' }],
      [{ engine: { wasmFor: () => null } }, { engine: 'tfjs', code: 'no-kernels' }],
    ];
    for (const [over, expected] of cases) {
      const chosen: EngineChoice[] = [];
      const report = await runTrainingJob(job(over), { onEngineChosen: (c) => chosen.push(c) });
      expect(chosen).toHaveLength(1);
      expect(chosen[0]).toMatchObject(expected);
      expect(report.result.epochs).toHaveLength(2);
      report.model.dispose();
    }
  });

  it('reports the trained summary, then resolves and scores the test set', async () => {
    const steps: string[] = [];
    const report = await runTrainingJob(
      job({
        config: config({ epochs: 4 }),
        test: () => {
          steps.push('test');
          return Promise.resolve({
            samples: resolveDataset(images(20), 1).samples,
            indices: [0, 1, 2, 3, 4, 5, 6, 7],
          });
        },
      }),
      {
        onEpochEnd: (m) => steps.push(`epoch ${m.epoch}`),
        onTrained: ({ result, validationAccuracy }) => {
          steps.push(`trained ${result.outcome}`);
          expect(validationAccuracy).toBe(result.epochs[3]!.valAccuracy);
        },
      },
    );
    expect(steps).toEqual([
      'epoch 0',
      'epoch 1',
      'epoch 2',
      'epoch 3',
      'trained completed',
      'test',
    ]);
    expect(report.validationAccuracy).toBeGreaterThan(0.9);
    expect(report.test?.accuracy).toBeGreaterThan(0.9);
    expect(report.test?.loss).toBeLessThan(report.result.epochs[0]!.loss);
    report.model.dispose();
  });

  it('resumes from given weights at a given epoch, on the engine and on TF.js', async () => {
    for (const requested of ['auto', 'tfjs'] as const) {
      const snapshot: WeightSnapshot = {
        epoch: 1,
        weights: [
          { shape: [16, 2], values: new Float32Array(32).fill(0.25) },
          { shape: [2], values: new Float32Array([0.5, -0.5]) },
        ],
      };
      const epochs: number[] = [];
      const report = await runTrainingJob(
        job({
          config: config({ epochs: 4, optimizer: { kind: 'sgd', learningRate: 1e-12 } }),
          engine: { wasmFor: () => engineWasmForTests(), requested },
          initialWeights: snapshot,
        }),
        { initialEpoch: 2, onEpochEnd: (m) => epochs.push(m.epoch) },
      );
      expect(epochs).toEqual([2, 3]);
      // A rate of ~0 leaves the weights where the snapshot put them.
      const [kernel, bias] = report.model.getWeights().map((w) => Array.from(w.dataSync()));
      for (const v of kernel!) expect(v).toBeCloseTo(0.25, 6);
      expect(bias![0]).toBeCloseTo(0.5, 6);
      expect(bias![1]).toBeCloseTo(-0.5, 6);
      report.model.dispose();
    }
  });
});
