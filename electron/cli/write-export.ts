import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';

import type { ImageOptions } from '../../core/data/index';
import {
  buildExportFolder,
  type ExportInfo,
  type OnnxStatus,
  type PytorchStatus,
  type TrainingSummary,
  type TrainScriptSetup,
} from '../../core/io/index';

import type { DatasetReading, EpochMetrics } from '../../core/train/index';
import { writeExportFolder } from '../host/services/export-writer';

/** What the CLI knows after training, turned into the export folder's `ExportInfo`. */
export interface CliExportFacts {
  readonly modelName: string;
  readonly layerlabVersion: string;
  readonly classNames: readonly string[];
  readonly reading: DatasetReading;
  readonly vocabulary: readonly string[] | null;
  readonly epochs: readonly EpochMetrics[];
  /** Held-out test metrics, when `--test` was given. */
  readonly test: { readonly loss: number; readonly accuracy: number } | null;
  /** The settings and validation files train.py reproduces (core's `TrainScriptSetup`). */
  readonly trainScript?: TrainScriptSetup;
}

function pickImage(o: ImageOptions): NonNullable<ExportInfo['image']> {
  return {
    width: o.width,
    height: o.height,
    colorMode: o.colorMode,
    resizeMode: o.resizeMode,
    normalization: o.normalization,
  };
}

function summary(facts: CliExportFacts, finishedAt: string): TrainingSummary | null {
  const last = facts.epochs[facts.epochs.length - 1];
  if (!last) return null;
  const finalMetrics: Record<string, number> = {};
  const put = (key: string, v: number | null | undefined) => {
    if (v !== null && v !== undefined && Number.isFinite(v)) finalMetrics[key] = v;
  };
  put('loss', last.loss);
  put('accuracy', last.accuracy);
  put('val_loss', last.valLoss);
  put('val_accuracy', last.valAccuracy);
  put('test_loss', facts.test?.loss);
  put('test_accuracy', facts.test?.accuracy);
  return { epochs: facts.epochs.length, finalMetrics, finishedAt };
}

/** `ExportInfo` from the project and the dataset plan (labels in the model's output order). */
export function cliExportInfo(model: tf.LayersModel, facts: CliExportFacts): ExportInfo {
  const now = new Date().toISOString();
  const inputShape = [...(model.inputs[0]?.shape ?? [])];
  return {
    modelName: facts.modelName,
    labels: facts.classNames,
    inputShape,
    image: facts.reading.kind === 'image' ? pickImage(facts.reading.image) : null,
    text:
      facts.reading.kind === 'text' && facts.vocabulary !== null
        ? { tokenizer: facts.reading.text, vocabulary: facts.vocabulary }
        : null,
    versions: { layerlab: facts.layerlabVersion, tfjs: tf.version.tfjs },
    training: summary(facts, now),
    exportedAt: now,
    trainScript: facts.trainScript ?? null,
  };
}

/**
 * Builds the full export folder (the one the Export panel writes) and writes
 * it atomically as `outDir` itself (its parent is created if missing); an earlier
 * export at `outDir` is replaced only once every new file is written.
 */
export async function writeCliExport(
  model: tf.LayersModel,
  facts: CliExportFacts,
  outDir: string,
): Promise<{
  folder: string;
  files: readonly string[];
  pytorch: PytorchStatus;
  onnx: OnnxStatus;
}> {
  const tfjsBundle = new Uint8Array(
    await readFile(createRequire(import.meta.url).resolve('@tensorflow/tfjs/dist/tf.min.js')),
  );
  const built = await buildExportFolder(model, cliExportInfo(model, facts), { tfjsBundle });
  if (!built.ok) throw new Error(built.error.message);
  const target = path.resolve(outDir);
  await mkdir(path.dirname(target), { recursive: true });
  const written = await writeExportFolder({
    parentDir: path.dirname(target),
    suggestedName: path.basename(target),
    files: built.value.files,
    overwrite: true,
  });
  return {
    folder: written.displayPath,
    files: written.files,
    pytorch: built.value.pytorch,
    onnx: built.value.onnx,
  };
}
