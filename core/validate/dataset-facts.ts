import type { DatasetConfig } from '../data/config';
import type { InferenceContext } from '../shapes/inference-context';

/**
 * What the editor core needs to know about the attached dataset: enough to
 * resolve params that follow it and to check the graph fits it.
 */
export interface DatasetFacts {
  readonly classCount: number;
  readonly kind?: 'image' | 'text';
  /** Decoded image size (channels: 1 grayscale, 3 RGB), for image datasets. */
  readonly imageSize?: {
    readonly height: number;
    readonly width: number;
    readonly channels: number;
  } | null;
  readonly vocabularySize?: number | null;
  readonly sequenceLength?: number | null;
}

/** Facts from the project's dataset settings, or null when none is attached. */
export function datasetFacts(config: DatasetConfig | null): DatasetFacts | null {
  if (!config) return null;
  const image = config.image;
  const text = config.text;
  return {
    classCount: config.classNames.length,
    kind: config.kind,
    imageSize:
      config.kind === 'image' && image
        ? { height: image.height, width: image.width, channels: image.colorMode === 'rgb' ? 3 : 1 }
        : null,
    // The built vocabulary can be smaller than the allowed maximum; the Embedding only needs the real one.
    vocabularySize:
      config.kind === 'text' ? (config.vocabulary?.length ?? text?.vocabularySize ?? null) : null,
    sequenceLength: config.kind === 'text' ? (text?.sequenceLength ?? null) : null,
  };
}

/** The shape-inference context these facts imply (class count, vocabulary, sequence length). */
export function inferenceContextOf(facts: DatasetFacts | null | undefined): InferenceContext {
  return {
    datasetClassCount: facts?.classCount ?? null,
    vocabularySize: facts?.vocabularySize ?? null,
    sequenceLength: facts?.sequenceLength ?? null,
  };
}
