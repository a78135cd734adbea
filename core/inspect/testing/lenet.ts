import * as tf from '@tensorflow/tfjs';

/**
 * The course's LeNet-5 as TF.js layers (the same stack as the `lenet`
 * template): 5×5 conv (6, relu) → 2×2 max pool → 5×5 conv (16, relu) →
 * 2×2 max pool → Flatten → Dense 120 relu → Dense 84 relu → Dense softmax.
 * For tests and benchmarks; dispose the model after use.
 */
export function buildLeNet(
  inputShape: readonly number[] = [28, 28, 1],
  classes = 10,
): tf.LayersModel {
  const input = tf.input({ shape: [...inputShape], name: 'image' });
  let x = tf.layers
    .conv2d({ name: 'conv1', filters: 6, kernelSize: 5, activation: 'relu' })
    .apply(input) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers
    .conv2d({ name: 'conv2', filters: 16, kernelSize: 5, activation: 'relu' })
    .apply(x) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ name: 'pool2', poolSize: 2 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.flatten({ name: 'flatten' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers
    .dense({ name: 'dense1', units: 120, activation: 'relu' })
    .apply(x) as tf.SymbolicTensor;
  x = tf.layers
    .dense({ name: 'dense2', units: 84, activation: 'relu' })
    .apply(x) as tf.SymbolicTensor;
  const output = tf.layers
    .dense({ name: 'output', units: classes, activation: 'softmax' })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

/** Deterministic pseudo-random values in [0, 1) (for samples that must not depend on Math.random). */
export function seededValues(count: number, seed = 1): Float32Array {
  const out = new Float32Array(count);
  let a = seed >>> 0;
  for (let i = 0; i < count; i++) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    out[i] = a / 4294967296;
  }
  return out;
}
