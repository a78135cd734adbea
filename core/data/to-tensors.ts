/**
 * The one place where dataset batches become TF.js tensors. The caller owns
 * (and must dispose) the returned tensors; wrap training steps in `tf.tidy`.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageOptions } from './config';
import { batchToFloat32 } from './dataset-source';
import type { DataBatch } from './dataset-source';

/**
 * `xs`: float32 normalised images `[n, h, w, c]` or int32 tokens `[n, L]`.
 * `ys`: one-hot float32 `[n, classCount]` (categorical cross-entropy), or the
 * int32 class indices `[n]` when `oneHot` is false (sparse cross-entropy).
 */
export function batchToTensors(
  batch: DataBatch,
  image: ImageOptions | null,
  classCount: number,
  oneHot = true,
): { xs: tf.Tensor; ys: tf.Tensor } {
  const values = batchToFloat32(batch, image);
  const xs =
    values instanceof Int32Array
      ? tf.tensor(values, [...batch.shape], 'int32')
      : tf.tensor(values, [...batch.shape], 'float32');
  const ys = oneHot
    ? tf.tidy(() => tf.oneHot(tf.tensor1d(batch.labels, 'int32'), classCount).toFloat())
    : tf.tensor1d(batch.labels, 'int32');
  return { xs, ys };
}
