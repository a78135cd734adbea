/** The benchmark's models (scripts/bench-engine.ts). */
import * as tf from '@tensorflow/tfjs';

/** LeNet-style CNN: conv 16@5×5 → pool → conv 32@5×5 → pool → dense 128 → dense 10. */
export function lenet(): tf.LayersModel {
  const L = tf.layers;
  const input = tf.input({ shape: [28, 28, 1] });
  let x: tf.SymbolicTensor = input;
  for (const layer of [
    L.conv2d({ filters: 16, kernelSize: 5, activation: 'relu', name: 'conv2d_1' }),
    L.maxPooling2d({ poolSize: 2, name: 'pool_1' }),
    L.conv2d({ filters: 32, kernelSize: 5, activation: 'relu', name: 'conv2d_2' }),
    L.maxPooling2d({ poolSize: 2, name: 'pool_2' }),
    L.flatten({ name: 'flatten_1' }),
    L.dense({ units: 128, activation: 'relu', name: 'dense_1' }),
    L.dense({ units: 10, activation: 'softmax', name: 'dense_2' }),
  ])
    x = layer.apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: x });
}

/** The 784-128-10 MLP. */
export function mlp(): tf.LayersModel {
  const L = tf.layers;
  const input = tf.input({ shape: [28, 28, 1] });
  const h = L.dense({ units: 128, activation: 'relu', name: 'dense_1' }).apply(
    L.flatten({ name: 'flatten_1' }).apply(input),
  );
  return tf.model({
    inputs: input,
    outputs: L.dense({ units: 10, activation: 'softmax', name: 'dense_2' }).apply(
      h,
    ) as tf.SymbolicTensor,
  });
}

/** The lstm-text template's shape: Embedding(10000, 32) over 200 tokens → LSTM 32 → dense 2. */
export function lstmText(): tf.LayersModel {
  const L = tf.layers;
  const input = tf.input({ shape: [200], dtype: 'int32' });
  const h = L.lstm({ units: 32, name: 'lstm_1' }).apply(
    L.embedding({ inputDim: 10000, outputDim: 32, name: 'embedding_1' }).apply(input),
  );
  return tf.model({
    inputs: input,
    outputs: L.dense({ units: 2, activation: 'softmax', name: 'dense_1' }).apply(
      h,
    ) as tf.SymbolicTensor,
  });
}

/**
 * The residual-cnn template's shape: conv 16@3×3 relu → pool → residual block →
 * pool → residual block → flatten → dense 10; a block is conv → batch norm →
 * relu → conv → batch norm, added to its input, then relu.
 */
export function residualCnn(): tf.LayersModel {
  const L = tf.layers;
  const input = tf.input({ shape: [28, 28, 1] });
  const block = (x: tf.SymbolicTensor): tf.SymbolicTensor => {
    let y = L.conv2d({ filters: 16, kernelSize: 3, padding: 'same' }).apply(x);
    y = L.batchNormalization({}).apply(y);
    y = L.activation({ activation: 'relu' }).apply(y);
    y = L.conv2d({ filters: 16, kernelSize: 3, padding: 'same' }).apply(y);
    y = L.batchNormalization({}).apply(y);
    y = L.add().apply([y as tf.SymbolicTensor, x]);
    return L.activation({ activation: 'relu' }).apply(y) as tf.SymbolicTensor;
  };
  let x = L.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }).apply(
    input,
  ) as tf.SymbolicTensor;
  x = block(L.maxPooling2d({ poolSize: 2 }).apply(x) as tf.SymbolicTensor);
  x = block(L.maxPooling2d({ poolSize: 2 }).apply(x) as tf.SymbolicTensor);
  const output = L.dense({ units: 10, activation: 'softmax' }).apply(L.flatten().apply(x));
  return tf.model({ inputs: input, outputs: output as tf.SymbolicTensor });
}

export const benchModels = { lenet, mlp, lstmText, residualCnn } as const;
export type BenchModelName = keyof typeof benchModels;

export { trainingFlopsPerExample } from '../core/engine/model-flops';
