import * as tf from '@tensorflow/tfjs';

/**
 * The two benchmark models written directly with tf.layers ("raw TF.js"),
 * identical to the lenet and mlp-digits templates LayerLab compiles:
 * CNN = conv 16@5×5 → pool → conv 32@5×5 → pool → dense 128 → dense 10;
 * MLP = 784-128-10. Adam 1e-3, categorical cross-entropy, batch 64.
 */
export type BenchModel = 'cnn' | 'mlp';

export function rawModel(kind: BenchModel): tf.LayersModel {
  const model = tf.sequential();
  if (kind === 'cnn') {
    model.add(
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 5, activation: 'relu' }),
    );
    model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
    model.add(tf.layers.conv2d({ filters: 32, kernelSize: 5, activation: 'relu' }));
    model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
    model.add(tf.layers.flatten());
  } else {
    model.add(tf.layers.flatten({ inputShape: [28, 28, 1] }));
  }
  model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({
    optimizer: tf.train.adam(0.001),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

/**
 * Raw TF.js loop: one awaited `trainOnBatch` per batch with the loss read back
 * (what any UI plotting the loss does). Returns each batch's end time (ms).
 */
export async function rawTrainLoop(
  model: tf.LayersModel,
  pixels: Uint8Array,
  labels: Uint8Array,
  batches: number,
  now: () => number,
): Promise<number[]> {
  const times: number[] = [];
  const xBuf = new Float32Array(64 * 784);
  for (let b = 0; b < batches; b++) {
    const offset = (b * 64) % Math.max(64, labels.length - 64);
    for (let i = 0; i < 64 * 784; i++) xBuf[i] = (pixels[offset * 784 + i] as number) / 255;
    const xs = tf.tensor4d(xBuf, [64, 28, 28, 1]);
    const ys = tf.tidy(() =>
      tf
        .oneHot(tf.tensor1d(Array.from(labels.subarray(offset, offset + 64)), 'int32'), 10)
        .toFloat(),
    );
    await model.trainOnBatch(xs, ys);
    tf.dispose([xs, ys]);
    times.push(now());
  }
  return times;
}

/** Examples per second between batch `warmup` and the last one. */
export function examplesPerSecond(
  times: readonly number[],
  warmup: number,
  batchSize = 64,
): number {
  const start = times[warmup - 1] ?? times[0] ?? 0;
  const end = times[times.length - 1] ?? start;
  const n = times.length - warmup;
  return end > start ? (n * batchSize) / ((end - start) / 1000) : 0;
}
