/**
 * Reorders the axes of a dense row-major array: `permuteAxes(values, [kh, kw, in, out], [3, 2, 0, 1])`
 * turns a TF.js HWIO conv kernel into PyTorch's OIHW. Output axis `k` is input axis `perm[k]`.
 */
export function permuteAxes(
  values: Float32Array,
  shape: readonly number[],
  perm: readonly number[],
): { values: Float32Array; shape: number[] } {
  const rank = shape.length;
  const outShape = perm.map((p) => shape[p] ?? 1);
  const inStrides = new Array<number>(rank).fill(1);
  for (let i = rank - 2; i >= 0; i--) inStrides[i] = (inStrides[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  const strideForOut = perm.map((p) => inStrides[p] ?? 0);
  const out = new Float32Array(values.length);
  const index = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let k = 0; k < rank; k++) src += (index[k] ?? 0) * (strideForOut[k] ?? 0);
    out[o] = values[src] as number;
    // Advance the output multi-index (last axis fastest).
    for (let k = rank - 1; k >= 0; k--) {
      const next = (index[k] ?? 0) + 1;
      if (next < (outShape[k] ?? 1)) {
        index[k] = next;
        break;
      }
      index[k] = 0;
    }
  }
  return { values: out, shape: outShape };
}

/** A 2-D transpose: TF.js Dense kernels are `[in, out]`, `nn.Linear.weight` is `[out, in]`. */
export function transpose2d(
  values: Float32Array,
  shape: readonly number[],
): { values: Float32Array; shape: number[] } {
  return permuteAxes(values, shape, [1, 0]);
}
