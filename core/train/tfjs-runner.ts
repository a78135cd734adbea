import * as tf from '@tensorflow/tfjs';

import { setLearningRate } from '../compile/training-setup';
import type { BatchLoss, FillBatch, RunnerFactory } from './runner';
import { sampleSizeOf, type SampleSource } from './sample-source';
import { restoreWeights, snapshotWeights } from './weight-snapshot';

/**
 * Host buffers for up to `capacity` examples, filled per batch and handed to
 * TF.js as tensors (the caller disposes them).
 */
export class HostBatch {
  private readonly inputs: Float32Array | Int32Array;
  private readonly targets: Float32Array;
  private readonly size: number;

  constructor(
    private readonly samples: Pick<SampleSource, 'sampleShape' | 'dtype'>,
    capacity: number,
    private readonly width: number,
  ) {
    this.size = sampleSizeOf(samples);
    this.inputs =
      samples.dtype === 'int32'
        ? new Int32Array(capacity * this.size)
        : new Float32Array(capacity * this.size);
    this.targets = new Float32Array(capacity * width);
  }

  async tensors(indices: readonly number[], fill: FillBatch): Promise<[tf.Tensor, tf.Tensor]> {
    const n = indices.length;
    await fill(indices, this.inputs, this.targets);
    return [
      tf.tensor(
        this.inputs.subarray(0, n * this.size),
        [n, ...this.samples.sampleShape],
        this.samples.dtype,
      ),
      tf.tensor2d(this.targets.subarray(0, n * this.width), [n, this.width]),
    ];
  }
}

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

/** Chunks TF.js validates at once: at least 256 examples (fewer `evaluate` calls). */
export const tfjsEvaluationChunk = (batchSize: number): number => Math.max(batchSize, 256);

/**
 * TF.js trains the model of record in place: one awaited `trainOnBatch` per
 * batch on the optimizer `compileForTraining` made; `model.evaluate` validates.
 */
export const tfjsRunner: RunnerFactory = async ({
  model,
  samples,
  batchSize,
  outputUnits,
  encoding,
  optimizer,
}) => {
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
