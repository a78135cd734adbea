import type { ImageOptions } from '../../data/config';
import { createMemorySampleStore } from '../../data/sample-store';
import type { SplitIndices } from '../../data/split';
import { imageSampleSource } from '../../data/train-samples';
import type { DatasetFacts } from '../../validate/dataset-facts';
import { samplesFromArrays, type SampleSource } from '../sample-source';

/**
 * A dataset decoded into memory: packed uint8 pixels or token ids, as the
 * app's training worker receives it (renderer/workers' `DatasetPayload` has
 * this shape).
 */
export type DecodedDataset =
  | {
      readonly kind: 'image';
      readonly count: number;
      /** `count × height × width × channels` bytes, as the data store holds them. */
      readonly pixels: Uint8Array;
      readonly options: ImageOptions;
      readonly labels: Int32Array;
      readonly classNames: readonly string[];
      readonly split: SplitIndices;
    }
  | {
      readonly kind: 'text';
      readonly count: number;
      /** `count × sequenceLength` token ids. */
      readonly tokens: Int32Array;
      readonly sequenceLength: number;
      readonly vocabularySize: number;
      readonly labels: Int32Array;
      readonly classNames: readonly string[];
      readonly split: SplitIndices;
    };

/** Samples ready to train on, with what validation needs to know (the CLI's folder loaders make these). */
export interface ResolvedDataset {
  readonly samples: SampleSource;
  readonly split: SplitIndices;
  readonly classNames: readonly string[];
  /** Text: the vocabulary size (padding and unknown included); null for images. */
  readonly vocabularySize: number | null;
}

/** What a training job accepts as its dataset. */
export type JobDataset = DecodedDataset | ResolvedDataset;

/**
 * The samples of a job's dataset (the image source normalises and augments
 * per batch, seeded by `seed`). A resolved dataset is returned as it is.
 */
export function resolveDataset(dataset: JobDataset, seed: number): ResolvedDataset {
  if ('samples' in dataset) return dataset;
  const { labels, classNames, split } = dataset;
  if (dataset.kind === 'image') {
    const { options } = dataset;
    const channels = options.colorMode === 'grayscale' ? 1 : 3;
    const store = createMemorySampleStore(
      dataset.count,
      options.width * options.height * channels,
      dataset.pixels,
    );
    const samples = imageSampleSource({
      store,
      labels,
      classCount: classNames.length,
      options,
      seed,
    });
    return { samples, split, classNames, vocabularySize: null };
  }
  const samples = samplesFromArrays({
    values: dataset.tokens,
    sampleShape: [dataset.sequenceLength],
    labels,
    numClasses: classNames.length,
    dtype: 'int32',
  });
  return { samples, split, classNames, vocabularySize: dataset.vocabularySize };
}

/**
 * What the graph is validated and compiled against: class count, vocabulary
 * size and sequence length (token-id samples), the same for every caller.
 */
export function jobDatasetFacts(dataset: ResolvedDataset): DatasetFacts {
  const { samples } = dataset;
  return {
    classCount: dataset.classNames.length,
    vocabularySize: dataset.vocabularySize,
    sequenceLength: samples.dtype === 'int32' ? (samples.sampleShape[0] ?? null) : null,
  };
}
