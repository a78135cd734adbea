import type * as tf from '@tensorflow/tfjs';

import { fillFromSamples, type BatchLoss } from './runner';
import type { SampleSource } from './sample-source';
import type { TargetEncoding } from './targets';
import { evaluateChunk, HostBatch, tfjsEvaluationChunk } from './tfjs-runner';

/**
 * Loss and accuracy over `indices`, evaluated `chunk` examples at a time
 * (memory stays bounded however large the set is) and weighted by chunk size.
 */
export async function evaluateInChunks(
  indices: ArrayLike<number>,
  chunk: number,
  evaluate: (indices: readonly number[]) => Promise<BatchLoss>,
): Promise<BatchLoss> {
  const all = Array.from(indices);
  let loss = 0;
  let accuracy = 0;
  for (let start = 0; start < all.length; start += chunk) {
    const idx = all.slice(start, start + chunk);
    const r = await evaluate(idx);
    loss += r.loss * idx.length;
    accuracy += r.accuracy * idx.length;
  }
  return { loss: loss / all.length, accuracy: accuracy / all.length };
}

/**
 * Loss and accuracy of a compiled model on the samples at `indices` (a test
 * set, say), with TF.js, in chunks so memory stays bounded.
 */
export async function evaluateSamples(
  model: tf.LayersModel,
  source: SampleSource,
  indices: ArrayLike<number>,
  options: {
    readonly batchSize: number;
    readonly encoding: TargetEncoding;
    readonly outputUnits: number;
  },
): Promise<BatchLoss> {
  const chunk = tfjsEvaluationChunk(options.batchSize);
  const width = options.encoding === 'index' ? 1 : options.outputUnits;
  const batch = new HostBatch(source, chunk, width);
  const fill = fillFromSamples(source, options.encoding, options.outputUnits, {
    augment: false,
    epoch: 0,
  });
  return evaluateInChunks(indices, chunk, (idx) =>
    evaluateChunk(model, batch, idx, fill, options.batchSize),
  );
}
