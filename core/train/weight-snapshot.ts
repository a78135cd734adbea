import * as tf from '@tensorflow/tfjs';

/**
 * A copy of every weight of a model in CPU memory. Taken each epoch, it is
 * what early stopping restores and what a run resumes from after a lost
 * WebGL context (GPU textures are gone by then).
 */
export interface WeightSnapshot {
  readonly epoch: number;
  readonly weights: readonly { readonly shape: readonly number[]; readonly values: Float32Array }[];
}

/** Reads all weights back to the CPU (async: no pipeline stall on webgl). */
export async function snapshotWeights(
  model: tf.LayersModel,
  epoch: number,
): Promise<WeightSnapshot> {
  const tensors = model.getWeights();
  const values = await Promise.all(tensors.map((t) => t.data()));
  return {
    epoch,
    weights: tensors.map((t, i) => ({
      shape: [...t.shape],
      values: Float32Array.from(values[i] as ArrayLike<number>),
    })),
  };
}

/** Loads a snapshot into a model of the same architecture; creates no lasting tensors. */
export function restoreWeights(model: tf.LayersModel, snapshot: WeightSnapshot): void {
  tf.tidy(() => {
    model.setWeights(snapshot.weights.map((w) => tf.tensor(w.values, [...w.shape])));
  });
}
