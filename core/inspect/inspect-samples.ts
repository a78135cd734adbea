import type { ImageOptions, TextOptions } from '../data/config';
import type { DatasetSource } from '../data/dataset-source';
import { batchToFloat32 } from '../data/dataset-source';
import { pixelsToFloat32, preprocessRgba } from '../data/image-preprocess';
import { tokenize, vectorizeTokens } from '../data/tokenize';
import type { EvaluationSource } from './evaluate';
import type { ArrayND } from './sample';

/**
 * The validation (or test) split held in memory for inspection: the model
 * inputs (`xs`, exactly as training preprocesses them) and the raw samples
 * (`raw`: uint8 pixels or token ids) to show the student what the model saw.
 * 10,000 28×28 images take ~39 MB as float32 + uint8, a fair price for
 * random access (click a confusion cell, pick sample 4,213).
 */
export interface InspectSamples {
  readonly kind: 'image' | 'text';
  readonly classNames: readonly string[];
  /** Per-sample model input shape: [h, w, c] or [sequenceLength]. */
  readonly sampleShape: readonly number[];
  readonly count: number;
  readonly labels: Int32Array;
  readonly xs: Float32Array | Int32Array;
  readonly raw: Uint8Array | Int32Array;
  readonly vocabulary: readonly string[] | null;
}

/** One sample as the UI shows it: an image (uint8, h×w×c) or a text. */
export interface SampleView {
  readonly index: number;
  readonly label: number;
  readonly image: { readonly pixels: Uint8Array; readonly width: number; readonly height: number; readonly channels: number } | null;
  readonly text: string | null;
}

/** Reads a split of a dataset source into memory (at most `limit` samples, in split order). */
export async function collectSamples(source: DatasetSource, subset: 'validation' | 'train' = 'validation', limit = Infinity): Promise<InspectSamples> {
  const total = Math.min(limit, subset === 'validation' ? source.validationCount : source.trainCount);
  const sampleSize = source.inputShape.reduce((a, b) => a * b, 1);
  const text = source.kind === 'text';
  const xs = text ? new Int32Array(total * sampleSize) : new Float32Array(total * sampleSize);
  const raw = text ? (xs as Int32Array) : new Uint8Array(total * sampleSize);
  const labels = new Int32Array(total);
  let n = 0;
  // Epoch 0 of the validation split is its fixed order; training batches would be shuffled and augmented.
  for await (const batch of source.epochBatches(subset, 256, 0)) {
    const take = Math.min(batch.size, total - n);
    if (take <= 0) break;
    const values = batchToFloat32(batch, source.image);
    xs.set(values.subarray(0, take * sampleSize) as never, n * sampleSize);
    if (!text) raw.set((batch.xs as Uint8Array).subarray(0, take * sampleSize), n * sampleSize);
    labels.set(batch.labels.subarray(0, take), n);
    n += take;
    if (n >= total) break;
  }
  return { kind: source.kind, classNames: source.classNames, sampleShape: source.inputShape, count: n, labels: labels.subarray(0, n), xs, raw, vocabulary: source.vocabulary };
}

/** Evaluation reads batches straight out of the in-memory split. */
export function samplesSource(samples: InspectSamples): EvaluationSource {
  const size = samples.sampleShape.reduce((a, b) => a * b, 1);
  return {
    count: samples.count,
    readBatch: (start, end) => ({ xs: samples.xs.subarray(start * size, end * size), labels: samples.labels.subarray(start, end) }),
  };
}

/** The model input of sample `index` (a copy, safe to post to the UI). */
export function sampleInput(samples: InspectSamples, index: number): ArrayND {
  const size = samples.sampleShape.reduce((a, b) => a * b, 1);
  return { values: Float32Array.from(samples.xs.subarray(index * size, (index + 1) * size)), shape: samples.sampleShape };
}

/** Sample `index` as the student sees it: pixels for images, words for texts. */
export function sampleView(samples: InspectSamples, index: number): SampleView {
  const size = samples.sampleShape.reduce((a, b) => a * b, 1);
  const label = samples.labels[index] ?? -1;
  if (samples.kind === 'text') {
    const ids = samples.raw.subarray(index * size, (index + 1) * size);
    const words = Array.from(ids, (id) => samples.vocabulary?.[id] ?? '').filter((w) => w !== '');
    return { index, label, image: null, text: words.join(' ') };
  }
  const [height = 1, width = 1, channels = 1] = samples.sampleShape;
  return { index, label, image: { pixels: Uint8Array.from(samples.raw.subarray(index * size, (index + 1) * size) as Uint8Array), width, height, channels }, text: null };
}

/**
 * A dropped or drawn image (decoded RGBA) turned into a model input with the
 * same resize, colour mode and normalisation as training.
 */
export function imageInput(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, options: ImageOptions): { input: ArrayND; pixels: Uint8Array } {
  const pixels = preprocessRgba(rgba, width, height, options);
  const channels = options.colorMode === 'grayscale' ? 1 : 3;
  return { input: { values: pixelsToFloat32(pixels, options.normalization), shape: [options.height, options.width, channels] }, pixels };
}

/** Typed text turned into token ids with the training vocabulary and options. */
export function textInput(text: string, options: TextOptions, vocabulary: readonly string[]): ArrayND {
  const ids = vectorizeTokens(tokenize(text, options), vocabulary, options.sequenceLength);
  return { values: Float32Array.from(ids), shape: [options.sequenceLength] };
}
