import type { ImageOptions, TextOptions } from '../data/config';
import { pixelsToFloat32, preprocessRgba } from '../data/image-preprocess';
import { vectorizeText } from '../data/tokenize';
import type { SampleSource } from '../train/sample-source';
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
  readonly image: {
    readonly pixels: Uint8Array;
    readonly width: number;
    readonly height: number;
    readonly channels: number;
  } | null;
  readonly text: string | null;
}

/** What the trainer's sample source cannot tell: names, the validation split, how pixels were normalised. */
export interface InspectContext {
  readonly classNames: readonly string[];
  /** Indices (into the source) of the validation samples; null means "unknown: use every sample". */
  readonly validation: readonly number[] | null;
  /** Image preprocessing (for dropped images and to show samples as pixels), null for text. */
  readonly image: ImageOptions | null;
  /** Text preprocessing and vocabulary (for typed text and to show samples as words), null for images. */
  readonly text: { readonly options: TextOptions; readonly vocabulary: readonly string[] } | null;
}

/** Turns a normalised float back into a 0..255 pixel for display. */
function toPixel(
  v: number,
  normalization: ImageOptions['normalization'] | null,
  lo: number,
  hi: number,
): number {
  const x =
    normalization === 'zeroToOne'
      ? v * 255
      : normalization === 'minusOneToOne'
        ? (v + 1) * 127.5
        : ((v - lo) / (hi - lo || 1)) * 255;
  return Math.max(0, Math.min(255, Math.round(x)));
}

/**
 * Reads the validation samples of a training `SampleSource` into memory
 * (no augmentation), in split order. Sample i of the result is source sample
 * `context.validation[i]`.
 */
export async function gatherSamples(
  source: SampleSource,
  context: InspectContext,
): Promise<InspectSamples & { readonly sourceIndices: readonly number[] }> {
  const indices = context.validation ?? Array.from({ length: source.count }, (_, i) => i);
  const size = source.sampleShape.reduce((a, b) => a * b, 1);
  const text = source.dtype === 'int32';
  const xs = text ? new Int32Array(indices.length * size) : new Float32Array(indices.length * size);
  // Chunks keep the temporary buffers of async stores small.
  for (let start = 0; start < indices.length; start += 512) {
    const chunk = indices.slice(start, start + 512);
    const out = text ? new Int32Array(chunk.length * size) : new Float32Array(chunk.length * size);
    await source.gather(chunk, out, { augment: false, epoch: 0 });
    xs.set(out as never, start * size);
  }
  let raw: Uint8Array | Int32Array;
  if (text) raw = xs as Int32Array;
  else {
    let lo = Infinity;
    let hi = -Infinity;
    if (!context.image) for (const v of xs) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    raw = Uint8Array.from(xs, (v) => toPixel(v, context.image?.normalization ?? null, lo, hi));
  }
  const classNames =
    context.classNames.length > 0
      ? context.classNames
      : Array.from({ length: source.numClasses }, (_, i) => String(i));
  return {
    kind: text ? 'text' : 'image',
    classNames,
    sampleShape: source.sampleShape,
    count: indices.length,
    labels: Int32Array.from(indices, (i) => source.labels[i] as number),
    xs,
    raw,
    vocabulary: context.text?.vocabulary ?? null,
    sourceIndices: indices,
  };
}

/** Evaluation reads batches straight out of the in-memory split. */
export function samplesSource(samples: InspectSamples): EvaluationSource {
  const size = samples.sampleShape.reduce((a, b) => a * b, 1);
  return {
    count: samples.count,
    readBatch: (start, end) => ({
      xs: samples.xs.subarray(start * size, end * size),
      labels: samples.labels.subarray(start, end),
    }),
  };
}

/** The model input of sample `index` (a copy, safe to post to the UI). */
export function sampleInput(samples: InspectSamples, index: number): ArrayND {
  const size = samples.sampleShape.reduce((a, b) => a * b, 1);
  return {
    values: Float32Array.from(samples.xs.subarray(index * size, (index + 1) * size)),
    shape: samples.sampleShape,
  };
}

/** Sample `index` as the student sees it: pixels for images, words for texts. */
export function sampleView(samples: InspectSamples, index: number): SampleView {
  const size = samples.sampleShape.reduce((a, b) => a * b, 1);
  const label = samples.labels[index] ?? -1;
  if (samples.kind === 'text') {
    const ids = samples.raw.subarray(index * size, (index + 1) * size);
    // Without the vocabulary the token ids are all we can show (padding 0 left out).
    const words = Array.from(ids, (id) =>
      samples.vocabulary ? (samples.vocabulary[id] ?? '') : id === 0 ? '' : `#${id}`,
    ).filter((w) => w !== '');
    return { index, label, image: null, text: words.join(' ') };
  }
  const [height = 1, width = 1, channels = 1] = samples.sampleShape;
  return {
    index,
    label,
    image: {
      pixels: Uint8Array.from(samples.raw.subarray(index * size, (index + 1) * size) as Uint8Array),
      width,
      height,
      channels,
    },
    text: null,
  };
}

/**
 * A dropped or drawn image (decoded RGBA) turned into a model input with the
 * same resize, colour mode and normalisation as training.
 */
export function imageInput(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  options: ImageOptions,
): { input: ArrayND; pixels: Uint8Array } {
  const pixels = preprocessRgba(rgba, width, height, options);
  const channels = options.colorMode === 'grayscale' ? 1 : 3;
  return {
    input: {
      values: pixelsToFloat32(pixels, options.normalization),
      shape: [options.height, options.width, channels],
    },
    pixels,
  };
}

/** Typed text turned into token ids with the training vocabulary and options. */
export function textInput(
  text: string,
  options: TextOptions,
  vocabulary: readonly string[],
): ArrayND {
  const ids = vectorizeText(text, options, vocabulary);
  return { values: Float32Array.from(ids), shape: [options.sequenceLength] };
}
