import { z } from 'zod';

import { labIds } from '../labs/lab-file';
import { packLimits } from './pack-limits';

/** Current package format version; a package from a newer LayerLab is refused, not guessed at. */
export const PACK_FORMAT_VERSION = 1;
/** The `format` marker of `manifest.json`. */
export const PACK_FORMAT = 'layerlab-pack';
/** The package file extension, without the dot. */
export const packFileExtension = 'layerlab-pack';

const shortText = z.string().max(300);
const markdown = z.string().max(200_000);
/** A path inside the package (checked again against the zip's own safe paths). */
const packPath = z.string().min(1).max(512);
const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'letters, digits, _ or -');

/** Text in both UI languages; a package must carry both. */
export const bilingualSchema = z.strictObject({ en: shortText, 'zh-CN': shortText });
export const bilingualMarkdownSchema = z.strictObject({ en: markdown, 'zh-CN': markdown });

/** A target a student must reach; `hint` is shown when it is not met. */
const hint = bilingualSchema.optional();

export const expectationSchema = z.discriminatedUnion('kind', [
  /** A training metric of the project's trained model (its last run, at its best epoch). */
  z.strictObject({
    id,
    kind: z.literal('metric'),
    metric: z.enum(['valAccuracy', 'accuracy', 'valLoss', 'loss']),
    op: z.enum(['>=', '<=']),
    value: z.number().finite(),
    hint,
  }),
  /** The network's total parameter count (Keras `summary()`). */
  z.strictObject({
    id,
    kind: z.literal('param-count'),
    op: z.enum(['>=', '<=']),
    value: z.number().int().min(0),
    hint,
  }),
  /**
   * A number the student works out and types (e.g. ∂L/∂w5), compared with a
   * key kept in `answers.json` (never in the manifest), within `tolerance`.
   */
  z.strictObject({
    id,
    kind: z.literal('lab-answer'),
    quantity: z.string().min(1).max(64),
    tolerance: z.number().finite().min(0),
    hint,
  }),
]);

/** What cannot be changed in a step. */
export const locksSchema = z.strictObject({
  /** Project steps: node ids that cannot be deleted (nor their kind changed). */
  layers: z.array(z.string().max(200)).max(500).default([]),
  /** Project steps: parameters that cannot be edited. */
  params: z
    .array(z.strictObject({ node: z.string().max(200), param: z.string().max(200) }))
    .max(2000)
    .default([]),
  /** Lab steps: top-level fields of the lab state that must keep their starting values. */
  labFields: z.array(z.string().max(64)).max(50).default([]),
});

/** A dataset the step's project trains on: embedded in the package, or a folder the student chooses. */
export const datasetRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('embedded'),
    /** Folder inside the package, one subfolder per class (as the Dataset panel expects). */
    folder: packPath,
    /** The licence text of the data, inside the package; required. */
    licence: packPath,
  }),
  z.strictObject({
    kind: z.literal('folder'),
    /** What folder to choose, for the student. */
    description: bilingualSchema,
  }),
]);

const stepBase = {
  id,
  title: bilingualSchema,
  instructions: bilingualMarkdownSchema,
  /** A required step cannot be skipped: later steps open only once its checks pass. */
  required: z.boolean().default(false),
  locks: locksSchema.default({ layers: [], params: [], labFields: [] }),
  expectations: z.array(expectationSchema).max(50).default([]),
};

export const stepSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...stepBase,
    kind: z.literal('lab'),
    lab: z.enum(labIds as [string, ...string[]]),
    /** A `layerlab-lab` file inside the package: the lab's starting numbers. */
    file: packPath,
  }),
  z.strictObject({
    ...stepBase,
    kind: z.literal('project'),
    /** A `.layerlab` project inside the package: the starting network (may be partial). */
    file: packPath,
    dataset: datasetRefSchema.optional(),
  }),
  z.strictObject({ ...stepBase, kind: z.literal('reading') }),
]);

export const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  version: z.number().int().min(1),
  /** A random id, so a submission is matched to the package it was made for. */
  packId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  title: bilingualSchema,
  instructions: bilingualMarkdownSchema,
  /** LayerLab version that wrote the package, for support only. */
  appVersion: z.string().max(100).default(''),
  steps: z.array(stepSchema).min(1).max(packLimits.maxSteps),
});

/** The answer keys: expectation id → value. Kept apart from the manifest the UI shows. */
export const answersSchema = z.strictObject({
  format: z.literal('layerlab-pack-answers'),
  keys: z.record(z.string().max(64), z.number().finite()),
});

export type Bilingual = z.infer<typeof bilingualSchema>;
export type Expectation = z.infer<typeof expectationSchema>;
export type StepLocks = z.infer<typeof locksSchema>;
export type DatasetRef = z.infer<typeof datasetRefSchema>;
export type PackStep = z.infer<typeof stepSchema>;
export type PackManifest = z.infer<typeof manifestSchema>;
export type AnswerKeys = Readonly<Record<string, number>>;
