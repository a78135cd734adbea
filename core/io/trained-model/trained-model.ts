import { z } from 'zod';

import { datasetConfigSchema } from '../../data/config';
import type { DatasetConfig } from '../../data/config';
import type { GraphDoc } from '../../graph/types';
import { trainingConfigSchema } from '../../train/config';
import type { TrainingConfig } from '../../train/config';
import type { EpochMetrics, TrainOutcome } from '../../train/metrics';
import { readModelFolder } from '../import/model-folder';
import { decodeUtf8 } from '../import/text-codec';
import type { ModelFiles } from '../import/model-folder';
import { base64ToBytes, bytesToBase64 } from './base64';
import { graphFingerprint } from './graph-fingerprint';

/**
 * A trained model saved inside its project file (key `trainedModel`), so that
 * reopening the project brings back Inspect, Predict and Export without
 * retraining. It holds the TF.js model folder the training worker produced
 * (model.json + weight bytes, base64), the fingerprint of the graph it was
 * trained for, the dataset settings it was trained on, and the record of the
 * runs (settings, curves, outcome).
 *
 * It lives in the same JSON as the document so one atomic write saves both:
 * there is never a project whose weights belong to another save.
 */
export interface SavedRun {
  /** "2 · 14:05": the run's label in the Training panel. */
  readonly label: string;
  readonly settings: TrainingConfig;
  readonly epochs: readonly EpochMetrics[];
  readonly bestEpoch: number | null;
  readonly outcome: TrainOutcome | 'failed' | null;
}

export interface TrainedModelRecord {
  /** `graphFingerprint` of the graph the weights were trained for. */
  readonly fingerprint: string;
  /** ISO 8601 time the model finished training. */
  readonly trainedAt: string;
  /** The dataset as it was when training started: class names, options, vocabulary. */
  readonly dataset: DatasetConfig;
  readonly runs: readonly SavedRun[];
  /** The TF.js layers model folder: `model.json` and its weight shards. */
  readonly files: ModelFiles;
}

/** Why a saved model could not be restored (each code has a message in core/validate/messages.ts). */
export type TrainedModelErrorCode =
  | 'trained-model-damaged'
  | 'trained-model-weights-missing'
  | 'trained-model-weights-truncated'
  | 'trained-model-other-graph'
  | 'trained-model-wrong-shape';

export interface TrainedModelError {
  readonly code: TrainedModelErrorCode;
  readonly args: Readonly<Record<string, string | number>>;
  /** English, for logs. */
  readonly message: string;
}

/** What a project file says about its trained model. */
export type TrainedModelLoad =
  | { readonly status: 'none' }
  | { readonly status: 'restored'; readonly record: TrainedModelRecord }
  | { readonly status: 'failed'; readonly error: TrainedModelError };

export const trainedModelFormat = 'layerlab-trained-model';
export const trainedModelVersion = 1;

const finite = z.number().refine(Number.isFinite);
const epochSchema = z.object({
  epoch: z.number().int().min(0),
  loss: z.number(),
  accuracy: z.number(),
  valLoss: z.number().nullable(),
  valAccuracy: z.number().nullable(),
  learningRate: z.number(),
  seconds: finite,
});
export const savedRunSchema = z.object({
  label: z.string().max(200),
  settings: trainingConfigSchema,
  epochs: z.array(epochSchema).max(100_000),
  bestEpoch: z.number().int().min(0).nullable(),
  outcome: z.enum(['completed', 'stopped', 'early-stopped', 'failed']).nullable(),
});
const sectionSchema = z.object({
  format: z.literal(trainedModelFormat),
  version: z.literal(trainedModelVersion),
  fingerprint: z.string().max(200),
  trainedAt: z.string().max(100),
  dataset: datasetConfigSchema,
  runs: z.array(savedRunSchema).max(1000),
  modelJson: z.string(),
  /** Shard path (as model.json names it) → base64 bytes. */
  weights: z.record(z.string().max(200), z.string()),
});

/** The `trainedModel` section of a project file, as plain JSON. */
export function encodeTrainedModel(record: TrainedModelRecord): Record<string, unknown> {
  const weights: Record<string, string> = {};
  let modelJson = '';
  for (const [path, value] of Object.entries(record.files)) {
    if (path === 'model.json') modelJson = typeof value === 'string' ? value : decodeUtf8(value);
    else if (typeof value !== 'string') weights[path] = bytesToBase64(value);
  }
  return {
    format: trainedModelFormat,
    version: trainedModelVersion,
    fingerprint: record.fingerprint,
    trainedAt: record.trainedAt,
    dataset: record.dataset,
    runs: record.runs,
    modelJson,
    weights,
  };
}

function failure(
  code: TrainedModelErrorCode,
  args: Readonly<Record<string, string | number>>,
  message: string,
): TrainedModelLoad {
  return { status: 'failed', error: { code, args, message } };
}

/**
 * Reads the `trainedModel` section (already JSON-parsed) for the project's
 * graph. Never throws. Damaged or truncated weights, missing shards and a
 * section written for another network are refused with a coded reason; the
 * weight shapes are checked once more against the compiled model when the
 * worker restores it (`trained-model-wrong-shape`).
 */
export function decodeTrainedModel(section: unknown, graph: GraphDoc): TrainedModelLoad {
  if (section === undefined || section === null) return { status: 'none' };
  const parsed = sectionSchema.safeParse(section);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failure(
      'trained-model-damaged',
      { detail: `${issue?.path.map(String).join('.') ?? ''} ${issue?.message ?? ''}`.trim() },
      'the trainedModel section does not have the expected structure',
    );
  }
  const data = parsed.data;
  if (data.fingerprint !== graphFingerprint(graph))
    return failure(
      'trained-model-other-graph',
      {},
      'the saved model was trained for a different network than the one in the file',
    );
  const files: Record<string, Uint8Array | string> = { 'model.json': data.modelJson };
  for (const [path, text] of Object.entries(data.weights)) {
    const bytes = base64ToBytes(text);
    if (bytes === null)
      return failure('trained-model-damaged', { detail: path }, `${path} is not valid base64`);
    files[path] = bytes;
  }
  const folder = readModelFolder(files);
  if (!folder.ok) {
    const { code, subject, message } = folder.error;
    const args = { detail: subject ?? '' };
    if (code === 'import-missing-shard')
      return failure('trained-model-weights-missing', args, message);
    if (code === 'import-weights-short' || code === 'import-weights-long')
      return failure('trained-model-weights-truncated', args, message);
    return failure('trained-model-damaged', args, message);
  }
  return {
    status: 'restored',
    record: {
      fingerprint: data.fingerprint,
      trainedAt: data.trainedAt,
      dataset: data.dataset,
      runs: data.runs,
      files,
    },
  };
}

/**
 * The trained model of a project file's text, if it has one. Parses the JSON
 * again (the document parser ignores the section); a project file is at most
 * a few megabytes.
 */
export function readTrainedModel(text: string, graph: GraphDoc): TrainedModelLoad {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { status: 'none' };
  }
  if (typeof json !== 'object' || json === null) return { status: 'none' };
  return decodeTrainedModel((json as Record<string, unknown>)['trainedModel'], graph);
}

/** Whether a trained model (by its fingerprint) still fits the graph. */
export function isModelStale(fingerprint: string, graph: GraphDoc): boolean {
  return fingerprint !== graphFingerprint(graph);
}
