import * as tf from '@tensorflow/tfjs';

import { weightedMean } from './metrics';
import { sampleSizeOf, type SampleSource } from './sample-source';
import { encodeTargets, type TargetEncoding } from './targets';

/**
 * Loss and accuracy of a compiled model on the samples at `indices`, in
 * chunks so memory stays bounded however large the set is.
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
): Promise<{ loss: number; accuracy: number }> {
  const chunk = Math.max(options.batchSize, 256);
  const size = sampleSizeOf(source);
  const width = options.encoding === 'index' ? 1 : options.outputUnits;
  const xBuf =
    source.dtype === 'int32' ? new Int32Array(chunk * size) : new Float32Array(chunk * size);
  const yBuf = new Float32Array(chunk * width);
  const losses: number[] = [];
  const accuracies: number[] = [];
  const counts: number[] = [];
  const all = Array.from(indices);
  for (let start = 0; start < all.length; start += chunk) {
    const idx = all.slice(start, start + chunk);
    await source.gather(idx, xBuf, { augment: false, epoch: 0 });
    encodeTargets(source.labels, idx, options.encoding, options.outputUnits, yBuf);
    const xs = tf.tensor(
      xBuf.subarray(0, idx.length * size),
      [idx.length, ...source.sampleShape],
      source.dtype,
    );
    const ys = tf.tensor2d(yBuf.subarray(0, idx.length * width), [idx.length, width]);
    try {
      const out = model.evaluate(xs, ys, { batchSize: options.batchSize });
      const [lossT, accT] = Array.isArray(out) ? out : [out];
      const [loss, acc] = await Promise.all([
        lossT!.data(),
        accT ? accT.data() : Promise.resolve(new Float32Array([Number.NaN])),
      ]);
      tf.dispose(out);
      losses.push(loss[0] as number);
      accuracies.push(acc[0] as number);
      counts.push(idx.length);
    } finally {
      tf.dispose([xs, ys]);
    }
  }
  return { loss: weightedMean(losses, counts), accuracy: weightedMean(accuracies, counts) };
}
