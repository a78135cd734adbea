import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { trainWithEngine } from '../../core/engine/index';
import { engineWasmForTests } from '../../core/engine/testing/engine-wasm';
import { inProcessParallel } from '../../core/engine/testing/in-process-peers';
import { seedWeights } from '../../core/engine/testing/reference';
import { quadrantImages, smallLeNet } from '../../core/engine/testing/tiny-tasks';
import { defaultTrainingConfig, type TrainingConfig } from '../../core/train/index';
import { samplesFromArrays } from '../../core/train/index';
import { nodeEngineParallel } from './engine-peers';

beforeAll(() => tf.setBackend('cpu'));

const config: TrainingConfig = {
  ...defaultTrainingConfig,
  batchSize: 16,
  epochs: 2,
  optimizer: { kind: 'adam', learningRate: 0.003 },
  seed: 7,
};

async function trainLeNet(parallel: Parameters<typeof trainWithEngine>[4]['parallel']) {
  const data = quadrantImages(160, 12, 4, 3);
  const samples = samplesFromArrays({
    values: data.x,
    sampleShape: [12, 12, 1],
    labels: data.labels,
    numClasses: 4,
  });
  const model = smallLeNet(12, 4);
  seedWeights(model, 5, 0.3);
  let workers = 0;
  const result = await trainWithEngine(
    model,
    { samples },
    config,
    {},
    {
      wasm: engineWasmForTests(),
      ...(parallel ? { parallel } : {}),
      onWorkers: (k) => (workers = k),
    },
  );
  const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
  model.dispose();
  return { losses: result.epochs.map((e) => [e.loss, e.valLoss]), weights, workers };
}

describe('engine peers on worker threads', () => {
  it('train bitwise like in-process peers, over shared memory and over messages', async () => {
    const reference = await trainLeNet(inProcessParallel(2));
    const shared = await trainLeNet({
      ...nodeEngineParallel(2, { transport: 'shared' }),
      minFlopsPerSlice: 0,
    });
    const message = await trainLeNet({
      ...nodeEngineParallel(2, { transport: 'message' }),
      minFlopsPerSlice: 0,
    });
    expect(shared.workers).toBe(2);
    expect(shared).toEqual(reference);
    expect(message).toEqual(reference);
  }, 60_000);
});
