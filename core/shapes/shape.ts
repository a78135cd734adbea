/**
 * A tensor shape as TF.js and Keras write it: the first entry is the batch
 * dimension (`null`); `null` elsewhere means "unknown or variable size".
 * Example: a 28×28 grayscale image batch is `[null, 28, 28, 1]`.
 */
export type Shape = readonly (number | null)[];

/** `[null, 28, 28, 1]` → `"(None, 28, 28, 1)"`, as Keras `summary()` prints it. */
export function formatShape(shape: Shape): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

/** Number of elements per sample (batch dimension excluded); null if any dimension is unknown. */
export function sampleSize(shape: Shape): number | null {
  let n = 1;
  for (const d of shape.slice(1)) {
    if (d === null) return null;
    n *= d;
  }
  return n;
}
