import * as tf from '@tensorflow/tfjs';

import { createRng } from '../../data/random';
import { chainModel } from './reference';

/**
 * A learnable image task: each class lights a different quadrant pattern,
 * plus seeded noise. Pixel values in [0, 1], labels 0..classes−1.
 */
export function quadrantImages(
  count: number,
  size: number,
  classes: number,
  seed: number,
): { x: Float32Array; labels: Int32Array } {
  const rng = createRng(seed);
  const x = new Float32Array(count * size * size);
  const labels = new Int32Array(count);
  for (let s = 0; s < count; s++) {
    const cls = s % classes;
    labels[s] = cls;
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const lit = ((r * 2 < size ? 0 : 1) + (c * 2 < size ? 0 : 2)) % classes === cls;
        x[(s * size + r) * size + c] = (lit ? 0.7 : 0.1) + 0.3 * rng.next();
      }
    }
  }
  return { x, labels };
}

/** The course's LeNet shape, shrunk for tests: conv 4@5×5 → pool → conv 6@3×3 → pool → dense 16 → dense `classes`. */
export function smallLeNet(size: number, classes: number): tf.LayersModel {
  const L = tf.layers;
  return chainModel(
    [size, size, 1],
    [
      L.conv2d({ filters: 4, kernelSize: 5, activation: 'relu', name: 'conv2d_1' }),
      L.maxPooling2d({ poolSize: 2, name: 'pool_1' }),
      L.conv2d({ filters: 6, kernelSize: 3, activation: 'relu', name: 'conv2d_2' }),
      L.maxPooling2d({ poolSize: 2, name: 'pool_2' }),
      L.flatten({ name: 'flatten_1' }),
      L.dense({ units: 16, activation: 'relu', name: 'dense_1' }),
      L.dense({ units: classes, activation: 'softmax', name: 'dense_2' }),
    ],
  );
}

/** The 784-128-10 MLP's shape, shrunk: flatten → dense 32 relu → dense `classes` softmax. */
export function smallMlp(size: number, classes: number): tf.LayersModel {
  const L = tf.layers;
  return chainModel(
    [size, size, 1],
    [
      L.flatten({ name: 'flatten_1' }),
      L.dense({ units: 32, activation: 'relu', name: 'dense_1' }),
      L.dense({ units: classes, activation: 'softmax', name: 'dense_2' }),
    ],
  );
}

/**
 * The residual CNN's shape, shrunk: conv 4@3×3 → pool → one residual block
 * (conv → batch norm → relu → conv → batch norm, Add with the block's input,
 * relu) → flatten → dense `classes` softmax.
 */
export function smallResidualCnn(size: number, classes: number): tf.LayersModel {
  const L = tf.layers;
  const input = tf.input({ shape: [size, size, 1] });
  const stem = L.maxPooling2d({ poolSize: 2 }).apply(
    L.conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }).apply(input),
  ) as tf.SymbolicTensor;
  let x = L.conv2d({ filters: 4, kernelSize: 3, padding: 'same' }).apply(stem);
  x = L.batchNormalization({}).apply(x);
  x = L.activation({ activation: 'relu' }).apply(x);
  x = L.conv2d({ filters: 4, kernelSize: 3, padding: 'same' }).apply(x);
  x = L.batchNormalization({}).apply(x);
  x = L.add().apply([x as tf.SymbolicTensor, stem]);
  x = L.activation({ activation: 'relu' }).apply(x);
  x = L.flatten().apply(x);
  const output = L.dense({ units: classes, activation: 'softmax' }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}
