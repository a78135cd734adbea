import * as tf from '@tensorflow/tfjs';

import { createRng } from '../../data/random';
import type { LossKind } from '../../train/config';

/** A functional chain model (InputLayer first, as compileGraph builds them). */
export function chainModel(
  inputShape: number[],
  layers: tf.layers.Layer[],
  dtype: 'float32' | 'int32' = 'float32',
): tf.LayersModel {
  const input = tf.input({ shape: inputShape, dtype });
  let x: tf.SymbolicTensor = input;
  for (const layer of layers) x = layer.apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: x });
}

/** Seeded values uniform in [lo, hi). */
export function seededValues(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => lo + (hi - lo) * rng.next());
}

/** Gives every weight (biases too, away from 0: no ReLU/pool kinks) seeded values. */
export function seedWeights(model: tf.LayersModel, seed: number, scale = 0.5): void {
  tf.tidy(() => {
    model.setWeights(
      model
        .getWeights()
        .map((w, i) => tf.tensor(seededValues(w.size, seed + i, -scale, scale), w.shape)),
    );
  });
}

/** Targets for `n` examples: one-hot rows (or indices when `sparse`) of `units` classes, or values for MSE. */
export function seededTargets(
  loss: LossKind,
  n: number,
  units: number,
  seed: number,
): Float32Array {
  const rng = createRng(seed);
  if (loss === 'meanSquaredError')
    return Float32Array.from({ length: n * units }, () => rng.next() * 2 - 1);
  if (loss === 'binaryCrossentropy')
    return Float32Array.from({ length: n * units }, () => (rng.next() < 0.5 ? 0 : 1));
  if (loss === 'sparseCategoricalCrossentropy')
    return Float32Array.from({ length: n }, () => rng.nextInt(units));
  const out = new Float32Array(n * units);
  for (let r = 0; r < n; r++) out[r * units + rng.nextInt(units)] = 1;
  return out;
}

function lossTensor(loss: LossKind, yTrue: tf.Tensor, yPred: tf.Tensor, units: number): tf.Scalar {
  switch (loss) {
    case 'meanSquaredError':
      return tf.mean(tf.metrics.meanSquaredError(yTrue, yPred));
    case 'binaryCrossentropy':
      return tf.mean(tf.metrics.binaryCrossentropy(yTrue, yPred));
    case 'sparseCategoricalCrossentropy':
      return tf.mean(
        tf.metrics.categoricalCrossentropy(
          tf.oneHot(tf.cast(tf.reshape(yTrue, [-1]), 'int32'), units),
          yPred,
        ),
      );
    case 'categoricalCrossentropy':
      return tf.mean(tf.metrics.categoricalCrossentropy(yTrue, yPred));
  }
}

/** TF.js's loss and trainable-weight gradients (in `getWeights` order) on one batch. */
export function referenceGradients(
  model: tf.LayersModel,
  loss: LossKind,
  x: Float32Array,
  y: Float32Array,
  n: number,
): { loss: number; grads: Float32Array[] } {
  const units = (model.outputs[0]!.shape[1] as number) ?? 1;
  return tf.tidy(() => {
    const xs = tf.tensor(
      x,
      [n, ...(model.inputs[0]!.shape.slice(1) as number[])],
      model.inputs[0]!.dtype === 'int32' ? 'int32' : 'float32',
    );
    const ys = tf.tensor(y, [n, y.length / n]);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(
      () => lossTensor(loss, ys, model.apply(xs, { training: true }) as tf.Tensor, units),
      variables,
    );
    return {
      loss: value.dataSync()[0]!,
      grads: variables.map((v) => grads[v.name]!.dataSync() as Float32Array),
    };
  });
}

/** max|a − b| / max|b|: the normwise relative error used throughout the engine's tests. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return diff / Math.max(scale, 1e-12);
}

/**
 * The worst normwise relative error over a model's gradients. A gradient that
 * is analytically 0 (a bias feeding BatchNormalization) is compared on the
 * model's overall gradient scale instead of its own: its norm is taken as at
 * least `floor` × the largest gradient (float32 leaves ~1e-7 × that as noise).
 */
export function worstGradientError(
  actual: readonly Float32Array[],
  expected: readonly Float32Array[],
  floor = 1e-3,
): { worst: number; errors: number[] } {
  const overall = Math.max(...expected.map((g) => Math.max(...Array.from(g, Math.abs))));
  const errors = actual.map((g, i) => {
    const own = Math.max(...Array.from(expected[i]!, Math.abs));
    return relativeError(g, expected[i]!) * (own / Math.max(own, floor * overall));
  });
  return { worst: Math.max(...errors), errors };
}
