import type { LossKind } from './config';

/** How class labels become the model's target tensor. */
export type TargetEncoding = 'one-hot' | 'index';

/**
 * Sparse cross-entropy and single-unit outputs (binary classification,
 * regression onto the label value) take the class index; every other
 * combination takes a one-hot row of `outputUnits`.
 */
export function targetEncodingFor(loss: LossKind, outputUnits: number): TargetEncoding {
  return loss === 'sparseCategoricalCrossentropy' || outputUnits === 1 ? 'index' : 'one-hot';
}

/**
 * Writes the targets of the samples at `indices` into `out`
 * (`indices.length × width`, width = outputUnits for one-hot, else 1).
 */
export function encodeTargets(
  labels: ArrayLike<number>,
  indices: ArrayLike<number>,
  encoding: TargetEncoding,
  outputUnits: number,
  out: Float32Array,
): void {
  if (encoding === 'index') {
    for (let k = 0; k < indices.length; k++) out[k] = labels[indices[k] as number] as number;
    return;
  }
  out.fill(0, 0, indices.length * outputUnits);
  for (let k = 0; k < indices.length; k++) {
    const c = labels[indices[k] as number] as number;
    if (c >= 0 && c < outputUnits) out[k * outputUnits + c] = 1;
  }
}
