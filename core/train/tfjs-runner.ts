import * as tf from '@tensorflow/tfjs';

import { setLearningRate } from '../compile/training-setup';
import { headsRunner } from './heads-runner';
import { HostBatch, tfjsEvaluationChunk } from './host-batch';
import type { BatchLoss, FillBatch, RunnerFactory } from './runner';
import { restoreWeights, snapshotWeights } from './weight-snapshot';

/** Loss and accuracy of a compiled model on one chunk (TF.js splits it into `batchSize` batches). */
export async function evaluateChunk(
  model: tf.LayersModel,
  batch: HostBatch,
  indices: readonly number[],
  fill: FillBatch,
  batchSize: number,
): Promise<BatchLoss> {
  const [xs, ys] = await batch.tensors(indices, fill);
  try {
    const out = model.evaluate(xs, ys, { batchSize });
    const [lossT, accT] = Array.isArray(out) ? out : [out];
    const [loss, acc] = await Promise.all([
      lossT!.data(),
      accT ? accT.data() : Promise.resolve(new Float32Array([Number.NaN])),
    ]);
    tf.dispose(out);
    return { loss: loss[0] as number, accuracy: acc[0] as number };
  } finally {
    tf.dispose([xs, ys]);
  }
}

function readBatchResult(result: number | number[]): BatchLoss {
  const [loss, accuracy] = Array.isArray(result) ? result : [result, Number.NaN];
  return { loss: loss ?? Number.NaN, accuracy: accuracy ?? Number.NaN };
}

/**
 * TF.js trains the model of record in place: one awaited `trainOnBatch` per
 * batch on the optimizer `compileForTraining` made; `model.evaluate` validates.
 * A model with output heads trains through `headsRunner` (one step on the
 * weighted sum of the heads' losses).
 */
export const tfjsRunner: RunnerFactory = async (setup) => {
  if (setup.heads) return headsRunner(setup.heads)(setup);
  const { model, samples, batchSize, outputUnits, encoding, optimizer } = setup;
  const width = encoding === 'index' ? 1 : outputUnits;
  const evaluationBatch = tfjsEvaluationChunk(batchSize);
  const training = new HostBatch(samples, batchSize, width);
  // Made on first use: a run without validation never holds a chunk-sized buffer.
  let validation: HostBatch | null = null;
  return {
    evaluationBatch,
    setLearningRate: (rate) => setLearningRate(optimizer, rate),
    async trainBatch(indices, fill) {
      const [xs, ys] = await training.tensors(indices, fill);
      try {
        return readBatchResult(await model.trainOnBatch(xs, ys));
      } finally {
        tf.dispose([xs, ys]);
      }
    },
    evaluateBatch: (indices, fill) => {
      validation ??= new HostBatch(samples, evaluationBatch, width);
      return evaluateChunk(model, validation, indices, fill, batchSize);
    },
    syncModel: () => undefined,
    snapshot: (epoch) => snapshotWeights(model, epoch),
    restore: (snapshot) => restoreWeights(model, snapshot),
    dispose: () => Promise.resolve(),
  };
};
