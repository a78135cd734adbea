import type * as tf from '@tensorflow/tfjs';

import { makeOutput, readValues } from './kernel-io';

/**
 * `UnsortedSegmentSum` as one pass over the data: out[segmentIds[i]] += x[i].
 *
 * It is the gradient of `gather`, so every Embedding layer needs it in
 * training. TF.js 4.22's wasm backend lacks it, and the cpu backend's stock
 * kernel runs five tensor ops per segment, i.e. per vocabulary entry (one
 * batch with a 10,000-word vocabulary took over five minutes).
 * Ids outside [0, numSegments) are dropped, as TensorFlow does.
 */
export const unsortedSegmentSumKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
  const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs;
  const idCount = segmentIds.shape.reduce((a, d) => a * d, 1);
  const xSize = x.shape.reduce((a, d) => a * d, 1);
  // Each id addresses a slab of the trailing dimensions of x.
  const slab = idCount === 0 ? 0 : xSize / idCount;
  const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
  const ids = Int32Array.from(readValues(backend, segmentIds) as ArrayLike<number>);
  const dtype = x.dtype === 'int32' ? 'int32' : 'float32';
  return makeOutput(backend, outShape, dtype, (out) => {
    // Read x after allocating: on wasm an allocation may grow (and move) the heap.
    const values = readValues(backend, x);
    out.fill(0);
    for (let i = 0; i < idCount; i++) {
      const id = ids[i] as number;
      if (id < 0 || id >= numSegments) continue;
      const src = i * slab;
      const dst = id * slab;
      for (let j = 0; j < slab; j++)
        out[dst + j] = (out[dst + j] as number) + (values[src + j] as number);
    }
  });
};
