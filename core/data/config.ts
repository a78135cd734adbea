import { z } from 'zod';

import { textEncodingChoices } from './text-decoding';

/**
 * The dataset attached to a project, as stored in the project file. Owned by
 * core/data; the project schema (core/io) embeds `datasetConfigSchema`.
 * Folder locations are stored for display and re-granting only: the host
 * re-asks the user for access when a project is reopened.
 */
export const imageOptionsSchema = z.object({
  width: z.number().int().min(1).max(1024),
  height: z.number().int().min(1).max(1024),
  colorMode: z.enum(['grayscale', 'rgb']),
  resizeMode: z.enum(['stretch', 'crop', 'pad']),
  normalization: z.enum(['zeroToOne', 'minusOneToOne']),
  augmentation: z.object({
    enabled: z.boolean(),
    flipHorizontal: z.boolean(),
    flipVertical: z.boolean(),
    /** Max shift as a share of width/height. */
    maxShift: z.number().min(0).max(0.5),
    /** Max rotation in degrees. */
    maxRotation: z.number().min(0).max(45),
    /** Max brightness change, ±share. */
    maxBrightness: z.number().min(0).max(1),
  }),
});
export type ImageOptions = z.infer<typeof imageOptionsSchema>;

export const textOptionsSchema = z.object({
  /** `files`: one .txt file per sample; `lines`: one sample per line. */
  sampleUnit: z.enum(['files', 'lines']),
  lowercase: z.boolean(),
  stripPunctuation: z.boolean(),
  split: z.enum(['whitespace', 'word', 'character']),
  /** Includes index 0 (padding) and 1 (unknown), as Keras `max_tokens`. */
  vocabularySize: z.number().int().min(3).max(1_000_000),
  sequenceLength: z.number().int().min(1).max(100_000),
  /**
   * Which end of a longer text is cut (Keras `pad_sequences(truncating=…)`):
   * `pre` keeps the end (a mail's body and signature), `post` keeps the start.
   * Saved projects from before this option keep `post`, as they were trained.
   */
  truncating: z.enum(['pre', 'post']).default('post'),
  /**
   * Where a shorter text gets its 0s (Keras `pad_sequences(padding=…)`): `pre`
   * puts the words last, right before an LSTM's output, so padding cannot
   * wash them out (our Embedding has no mask).
   */
  padding: z.enum(['pre', 'post']).default('post'),
  /** `auto` detects each file's encoding and says what it assumed; otherwise every file is read as this. */
  encoding: z.enum(textEncodingChoices).default('auto'),
});
export type TextOptions = z.infer<typeof textOptionsSchema>;

export const folderRefSchema = z.object({
  name: z.string().max(1000),
  displayPath: z.string().max(10_000),
});

export const datasetConfigSchema = z.object({
  kind: z.enum(['image', 'text']),
  folder: folderRefSchema,
  testFolder: folderRefSchema.nullable(),
  /** Class names in index order (code-point sorted, NFC) — the class→index map. */
  classNames: z.array(z.string().max(1000)).max(10_000),
  split: z.object({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    validationShare: z.number().min(0).max(0.9),
    /** Relative paths of the validation samples, so a run can be repeated exactly. */
    validationPaths: z.array(z.string()).optional(),
  }),
  image: imageOptionsSchema.nullable(),
  text: textOptionsSchema.nullable(),
  /** Token list in index order (0 = '', 1 = '[UNK]'), for text datasets. */
  vocabulary: z.array(z.string()).nullable(),
});
export type DatasetConfig = z.infer<typeof datasetConfigSchema>;

/** Image options for a new dataset; width/height follow the graph's Input node when it has one. */
export const defaultImageOptions: ImageOptions = {
  width: 28,
  height: 28,
  colorMode: 'grayscale',
  resizeMode: 'stretch',
  normalization: 'zeroToOne',
  augmentation: {
    enabled: false,
    flipHorizontal: true,
    flipVertical: false,
    maxShift: 0.1,
    maxRotation: 10,
    maxBrightness: 0.1,
  },
};

/**
 * Text options before a folder is seen. On a new folder the loaders replace
 * `split` and `sequenceLength` with what the texts call for
 * (`chooseTextDefaults`: the tokeniser by script, a length covering 90% of the
 * texts); padding and truncation at the start follow Keras `pad_sequences`.
 */
export const defaultTextOptions: TextOptions = {
  sampleUnit: 'files',
  lowercase: true,
  stripPunctuation: true,
  split: 'word',
  vocabularySize: 10_000,
  sequenceLength: 64,
  truncating: 'pre',
  padding: 'pre',
  encoding: 'auto',
};
