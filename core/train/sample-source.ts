/**
 * Labelled samples as training reads them: a class label per sample and a way
 * to copy any subset into a batch buffer. The dataset code (core/data +
 * its renderer/Node decoders) implements this over decoded images or token
 * ids; `samplesFromArrays` wraps data already in memory.
 */
export interface SampleSource {
  readonly count: number;
  /** Shape of one sample, without the batch axis (e.g. [28, 28, 1]). */
  readonly sampleShape: readonly number[];
  /** `int32` for token ids (Embedding inputs), else `float32`. */
  readonly dtype: 'float32' | 'int32';
  readonly numClasses: number;
  /** Class index of every sample: drives the stratified split and the targets. */
  readonly labels: ArrayLike<number>;
  /**
   * One object box per sample, `[x, y, width, height]` normalised to [0, 1]
   * (`count × 4` values), for box heads; absent for plain classification.
   */
  readonly boxes?: Float32Array;
  /**
   * Copies the samples at `indices`, in that order, into `out`
   * (`indices.length × sampleSize` values). `augment` is true for training
   * batches only. May be async (decoding on demand).
   */
  gather(
    indices: ArrayLike<number>,
    out: Float32Array | Int32Array,
    options: { readonly augment: boolean; readonly epoch: number },
  ): void | Promise<void>;
}

/** Number of values in one sample. */
export function sampleSizeOf(source: Pick<SampleSource, 'sampleShape'>): number {
  return source.sampleShape.reduce((a, d) => a * d, 1);
}

/**
 * A `SampleSource` over arrays already in memory: `values` holds `count`
 * samples back to back (uint8 pixels are scaled by `scale`, e.g. 1/255).
 */
export function samplesFromArrays(input: {
  readonly values: Float32Array | Int32Array | Uint8Array;
  readonly sampleShape: readonly number[];
  readonly labels: ArrayLike<number>;
  readonly numClasses: number;
  readonly dtype?: 'float32' | 'int32';
  readonly scale?: number;
}): SampleSource {
  const size = input.sampleShape.reduce((a, d) => a * d, 1);
  const count = input.labels.length;
  if (input.values.length !== count * size) {
    throw new Error(
      `samplesFromArrays: ${input.values.length} values for ${count} samples of ${size}`,
    );
  }
  const scale = input.scale ?? 1;
  return {
    count,
    sampleShape: input.sampleShape,
    dtype: input.dtype ?? 'float32',
    numClasses: input.numClasses,
    labels: input.labels,
    gather(indices, out) {
      for (let k = 0; k < indices.length; k++) {
        const src = (indices[k] as number) * size;
        const dst = k * size;
        if (scale === 1 && !(input.values instanceof Uint8Array)) {
          out.set(input.values.subarray(src, src + size), dst);
        } else {
          for (let j = 0; j < size; j++) out[dst + j] = (input.values[src + j] as number) * scale;
        }
      }
    },
  };
}
