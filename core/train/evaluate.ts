import type * as tf from '@tensorflow/tfjs';

import { fillHeadTargets } from './head-targets';
import { headsOfModel, headTargetWidth } from './heads';
import { evaluateHeadsChunk } from './heads-runner';
import { fillFromSamples, type BatchLoss } from './runner';
import type { SampleSource } from './sample-source';
import type { TargetEncoding } from './targets';
import { HostBatch, tfjsEvaluationChunk } from './host-batch';
import { evaluateChunk } from './tfjs-runner';

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
  const sums = new BatchLossSum();
  for (let start = 0; start < all.length; start += chunk) {
    const idx = all.slice(start, start + chunk);
    sums.add(await evaluate(idx), idx.length);
  }
  return sums.mean();
}

/** Sums batch results weighted by their example counts; `mean` gives the weighted means (heads included). */
export class BatchLossSum {
  private loss = 0;
  private accuracy = 0;
  private count = 0;
  private heads: { loss: number; metric: number }[] | null = null;

  add(result: BatchLoss, examples: number): void {
    this.loss += result.loss * examples;
    this.accuracy += result.accuracy * examples;
    this.count += examples;
    if (!result.heads) return;
    this.heads ??= result.heads.map(() => ({ loss: 0, metric: 0 }));
    result.heads.forEach((h, i) => {
      const sum = this.heads?.[i];
      if (!sum) return;
      sum.loss += h.loss * examples;
      sum.metric += h.metric * examples;
    });
  }

  mean(): BatchLoss {
    const n = this.count;
    const base = { loss: this.loss / n, accuracy: this.accuracy / n };
    if (!this.heads) return base;
    return { ...base, heads: this.heads.map((h) => ({ loss: h.loss / n, metric: h.metric / n })) };
  }
}

/**
 * Loss and accuracy of a compiled model on the samples at `indices` (a test
 * set, say), with TF.js, in chunks so memory stays bounded. A model with
 * output heads gets every head's loss and metric too (`encoding` and
 * `outputUnits` are then not used).
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
  const heads = headsOfModel(model);
  if (heads) {
    // A model with output heads: every head is scored against its own targets.
    const batch = new HostBatch(source, chunk, headTargetWidth(heads));
    const fill = fillHeadTargets(source, heads, { augment: false, epoch: 0 });
    return evaluateInChunks(indices, chunk, (idx) =>
      evaluateHeadsChunk(model, heads, batch, idx, fill, options.batchSize),
    );
  }
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
