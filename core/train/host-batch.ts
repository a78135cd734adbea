import * as tf from '@tensorflow/tfjs';

import type { FillBatch } from './runner';
import { sampleSizeOf, type SampleSource } from './sample-source';

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

/** Chunks TF.js validates at once: at least 256 examples (fewer `evaluate` calls). */
export const tfjsEvaluationChunk = (batchSize: number): number => Math.max(batchSize, 256);
