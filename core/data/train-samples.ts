/**
 * Adapters from decoded datasets to core/train's `SampleSource` (what
 * `train()` reads): uint8 pixels become normalised float32 per batch, training
 * batches are augmented (seeded by seed, epoch and sample), tokens are copied
 * as int32. Pass `plan.split` as `TrainData.split` so the stored split is used.
 */
import type { SampleSource } from '../train/sample-source';
import { augmentSample, isAugmentationActive } from './augment';
import type { ImageOptions, TextOptions } from './config';
import { channelCount } from './image-preprocess';
import { createRng, deriveSeed } from './random';
import type { SampleStore } from './sample-store';
import { vectorizeText, vocabularyIndex } from './tokenize';

/**
 * A `SampleSource` over decoded images in `store` (sample i ↔ `labels[i]`).
 * @example train(model, { samples: imageSampleSource({ store, labels: plan.labels, classCount: plan.classNames.length, options, seed }), split: plan.split }, config, hooks)
 */
export function imageSampleSource(input: {
  store: SampleStore;
  labels: Int32Array;
  classCount: number;
  options: ImageOptions;
  seed: number;
}): SampleSource {
  const { store, options } = input;
  const channels = channelCount(options.colorMode);
  const augmenting = isAugmentationActive(options.augmentation);
  const toFloat =
    options.normalization === 'zeroToOne' ? (v: number) => v / 255 : (v: number) => v / 127.5 - 1;
  return {
    count: store.count,
    sampleShape: [options.height, options.width, channels],
    dtype: 'float32',
    numClasses: input.classCount,
    labels: input.labels,
    async gather(indices, out, { augment, epoch }) {
      const list = Array.from(indices);
      const bytes = new Uint8Array(list.length * store.sampleBytes);
      await store.read(list, bytes);
      for (let k = 0; k < list.length; k++) {
        let sample: Uint8Array = bytes.subarray(k * store.sampleBytes, (k + 1) * store.sampleBytes);
        if (augment && augmenting) {
          const rng = createRng(
            deriveSeed(deriveSeed(input.seed, 2000 + epoch), list[k] as number),
          );
          sample = augmentSample(
            sample,
            options.width,
            options.height,
            channels,
            options.augmentation,
            rng,
          );
        }
        const base = k * store.sampleBytes;
        for (let j = 0; j < sample.length; j++) out[base + j] = toFloat(sample[j] as number);
      }
    },
  };
}

/** A `SampleSource` of token ids `[sequenceLength]` (int32) for text samples, vectorised once with `vocabulary`. */
export function textSampleSource(input: {
  texts: readonly string[];
  labels: Int32Array;
  classCount: number;
  options: TextOptions;
  vocabulary: readonly string[];
}): SampleSource {
  const L = input.options.sequenceLength;
  const index = vocabularyIndex(input.vocabulary);
  const matrix = new Int32Array(input.texts.length * L);
  input.texts.forEach((t, i) => matrix.set(vectorizeText(t, input.options, index), i * L));
  return {
    count: input.texts.length,
    sampleShape: [L],
    dtype: 'int32',
    numClasses: input.classCount,
    labels: input.labels,
    gather(indices, out) {
      for (let k = 0; k < indices.length; k++) {
        const s = indices[k] as number;
        out.set(matrix.subarray(s * L, (s + 1) * L), k * L);
      }
    },
  };
}
