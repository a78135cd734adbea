/**
 * Where decoded samples live between decoding and batching: fixed-size uint8
 * records addressed by sample index. The in-memory store below is one packed
 * buffer (60,000 × 28×28 = 47 MB); the Node CLI adds a file-backed store for
 * sets above the memory budget. Float32 copies are made per batch only.
 */

/** Read access to decoded samples, all `sampleBytes` long. */
export interface SampleStore {
  readonly count: number;
  readonly sampleBytes: number;
  /** Copies the samples at `indices`, in that order, into `out` (length ≥ indices.length × sampleBytes). */
  read(indices: readonly number[], out: Uint8Array): Promise<void>;
}

/** A store that is being filled by decoders. */
export interface WritableSampleStore extends SampleStore {
  write(index: number, sample: Uint8Array): void;
  /** The packed buffer, sample i at `i × sampleBytes` (for caching to disk). */
  readonly buffer: Uint8Array;
}

/** Default budget for decoded samples held in memory (ecosystem-notes §3.2). */
export const defaultMemoryBudgetBytes = 512 * 1024 * 1024;

/** Thrown (as data, via `fitsInMemory`) when a dataset would not fit the budget. */
export function fitsInMemory(
  count: number,
  sampleBytes: number,
  budgetBytes: number = defaultMemoryBudgetBytes,
): boolean {
  return count * sampleBytes <= budgetBytes;
}

/** Creates a packed in-memory store; check `fitsInMemory` first. Unwritten samples read as zeros. */
export function createMemorySampleStore(
  count: number,
  sampleBytes: number,
  buffer?: Uint8Array,
): WritableSampleStore {
  const data = buffer ?? new Uint8Array(count * sampleBytes);
  if (data.length < count * sampleBytes)
    throw new RangeError(`sample buffer holds ${data.length} bytes, needs ${count * sampleBytes}`);
  return {
    count,
    sampleBytes,
    buffer: data,
    write(index, sample) {
      data.set(sample.subarray(0, sampleBytes), index * sampleBytes);
    },
    read(indices, out) {
      indices.forEach((s, k) =>
        out.set(data.subarray(s * sampleBytes, (s + 1) * sampleBytes), k * sampleBytes),
      );
      return Promise.resolve();
    },
  };
}
