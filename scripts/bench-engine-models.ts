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

export const benchModels = { lenet, mlp, lstmText } as const;
export type BenchModelName = keyof typeof benchModels;

/**
 * FLOPs of one training example (forward + backward ≈ 3 × the forward
 * multiply-adds × 2) of the conv, dense and LSTM layers: the work GFLOP/s
 * figures are measured against (pooling, activations and the optimizer excluded).
 */
export function trainingFlopsPerExample(model: tf.LayersModel): number {
  let forward = 0;
  for (const layer of model.layers) {
    const config = layer.getConfig() as Record<string, unknown>;
    const out = layer.outputShape as number[];
    const inShape = (layer.input as tf.SymbolicTensor).shape;
    const cin = Number(inShape[inShape.length - 1]);
    const name = layer.getClassName();
    if (name === 'Conv2D') {
      const [kh, kw] = config.kernelSize as number[];
      forward += 2 * out[1]! * out[2]! * out[3]! * kh! * kw! * cin;
    } else if (name === 'Dense') {
      forward += 2 * cin * out[out.length - 1]!;
    } else if (name === 'LSTM') {
      const units = Number(config.units);
      const steps = Number(inShape[1]);
      forward += 2 * steps * 4 * units * (cin + units);
    }
  }
  return 3 * forward;
}
