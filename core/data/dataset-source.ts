/**
 * The batch source the trainer consumes: plain typed arrays, no tensors.
 * Images come out as uint8 pixels (augmented for training batches) and are
 * turned into float32 per batch by `batchToFloat32`; text comes out as token
 * indices. Convert to tensors with `batchToTensors` (to-tensors.ts).
 */
import { augmentSample, isAugmentationActive } from './augment';
import type { ImageOptions, TextOptions } from './config';
import { channelCount, pixelsToFloat32 } from './image-preprocess';
import { createRng, deriveSeed, shuffleInPlace } from './random';
import type { SampleStore } from './sample-store';
import type { SplitIndices } from './split';
import { buildVocabulary, tokenize, vectorizeTokens, vocabularyIndex } from './tokenize';

export type Subset = 'train' | 'validation';

/** One batch. `xs` is `Uint8Array` pixels (`[n, h, w, c]`) or `Int32Array` tokens (`[n, sequenceLength]`). */
export interface DataBatch {
  readonly size: number;
  readonly xs: Uint8Array | Int32Array;
  /** Shape of `xs`, batch first. */
  readonly shape: readonly number[];
  /** Class index per sample. */
  readonly labels: Int32Array;
}

export interface DatasetSource {
  readonly kind: 'image' | 'text';
  readonly classNames: readonly string[];
  /** Model input shape without the batch dimension: `[h, w, c]` or `[sequenceLength]`. */
  readonly inputShape: readonly number[];
  readonly trainCount: number;
  readonly validationCount: number;
  /** Image options (normalisation for `batchToFloat32`), or null for text. */
  readonly image: ImageOptions | null;
  /** Text only: token list in index order (0 = '', 1 = '[UNK]'). */
  readonly vocabulary: readonly string[] | null;
  /**
   * The next batch of `subset`, or null at the end of an epoch; the call after
   * null starts the next epoch. Training batches are reshuffled every epoch
   * (seeded by seed + epoch) and augmented; validation keeps its order.
   */
  nextBatch(subset: Subset, batchSize: number): Promise<DataBatch | null>;
  /** All batches of one epoch; independent of `nextBatch`'s cursor. */
  epochBatches(subset: Subset, batchSize: number, epoch: number): AsyncGenerator<DataBatch>;
}

interface Common {
  readonly classNames: readonly string[];
  readonly labels: Int32Array;
  readonly split: SplitIndices;
  readonly seed: number;
}

/** Order of one epoch's samples: shuffled for training, as-is for validation. */
function epochOrder(split: SplitIndices, subset: Subset, seed: number, epoch: number): number[] {
  const order = [...(subset === 'train' ? split.train : split.validation)];
  return subset === 'train'
    ? shuffleInPlace(order, createRng(deriveSeed(seed, 1000 + epoch)))
    : order;
}

function makeSource(
  base: Omit<DatasetSource, 'nextBatch' | 'epochBatches' | 'trainCount' | 'validationCount'>,
  c: Common,
  load: (
    indices: readonly number[],
    subset: Subset,
    epoch: number,
    batchIndex: number,
  ) => Promise<Uint8Array | Int32Array>,
): DatasetSource {
  async function* epochBatches(
    subset: Subset,
    batchSize: number,
    epoch: number,
  ): AsyncGenerator<DataBatch> {
    const order = epochOrder(c.split, subset, c.seed, epoch);
    for (let start = 0, b = 0; start < order.length; start += batchSize, b++) {
      const indices = order.slice(start, start + batchSize);
      const xs = await load(indices, subset, epoch, b);
      yield {
        size: indices.length,
        xs,
        shape: [indices.length, ...base.inputShape],
        labels: Int32Array.from(indices, (i) => c.labels[i] as number),
      };
    }
  }
  const cursors = new Map<Subset, { epoch: number; it: AsyncGenerator<DataBatch> | null }>();
  return {
    ...base,
    trainCount: c.split.train.length,
    validationCount: c.split.validation.length,
    epochBatches,
    async nextBatch(subset, batchSize) {
      const cursor = cursors.get(subset) ?? { epoch: -1, it: null };
      cursors.set(subset, cursor);
      if (cursor.it === null) {
        cursor.epoch++;
        cursor.it = epochBatches(subset, batchSize, cursor.epoch);
      }
      const next = await cursor.it.next();
      if (next.done === true) {
        cursor.it = null;
        return null;
      }
      return next.value;
    },
  };
}

/** Creates the image batch source over decoded samples in `store` (indexed like `labels`). */
export function createImageDataset(
  input: Common & { readonly store: SampleStore; readonly options: ImageOptions },
): DatasetSource {
  const { options, store } = input;
  const channels = channelCount(options.colorMode);
  const augmenting = isAugmentationActive(options.augmentation);
  return makeSource(
    {
      kind: 'image',
      classNames: input.classNames,
      inputShape: [options.height, options.width, channels],
      image: options,
      vocabulary: null,
    },
    input,
    async (indices, subset, epoch, batchIndex) => {
      const out = new Uint8Array(indices.length * store.sampleBytes);
      await store.read(indices, out);
      if (subset === 'train' && augmenting) {
        const rng = createRng(deriveSeed(deriveSeed(input.seed, 2000 + epoch), batchIndex));
        for (let k = 0; k < indices.length; k++) {
          const view = out.subarray(k * store.sampleBytes, (k + 1) * store.sampleBytes);
          view.set(
            augmentSample(view, options.width, options.height, channels, options.augmentation, rng),
          );
        }
      }
      return out;
    },
  );
}

/**
 * Creates the text batch source. The vocabulary is built from the training
 * samples only (validation words must not leak into it) unless one is given,
 * e.g. the vocabulary stored in the project.
 */
export function createTextDataset(
  input: Common & {
    readonly texts: readonly string[];
    readonly options: TextOptions;
    readonly vocabulary?: readonly string[] | null;
  },
): DatasetSource {
  const { options } = input;
  const tokens = input.texts.map((t) => tokenize(t, options));
  const vocabulary =
    input.vocabulary ??
    buildVocabulary(
      input.split.train.map((i) => tokens[i] as string[]),
      options.vocabularySize,
    );
  const index = vocabularyIndex(vocabulary);
  const L = options.sequenceLength;
  const matrix = new Int32Array(tokens.length * L);
  tokens.forEach((t, i) => matrix.set(vectorizeTokens(t, index, options), i * L));
  return makeSource(
    { kind: 'text', classNames: input.classNames, inputShape: [L], image: null, vocabulary },
    input,
    (indices) => {
      const out = new Int32Array(indices.length * L);
      indices.forEach((s, k) => out.set(matrix.subarray(s * L, (s + 1) * L), k * L));
      return Promise.resolve(out);
    },
  );
}

/** Normalised float32 pixels of an image batch (per the dataset's normalisation); text batches are returned as-is. */
export function batchToFloat32(
  batch: DataBatch,
  image: ImageOptions | null,
): Float32Array | Int32Array {
  if (batch.xs instanceof Int32Array || image === null) return batch.xs as Int32Array;
  return pixelsToFloat32(batch.xs, image.normalization);
}
