import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type * as tf from '@tensorflow/tfjs';

import { compileGraph } from '../../core/compile/index';
import { defaultImageOptions, type DatasetConfig } from '../../core/data/index';
import {
  applyTorchWeights,
  defaultShardBytes,
  graphFingerprint,
  parseTorchRun,
  saveToArtifacts,
  tfjsModelFiles,
  type ProjectDoc,
  type TorchRun,
  type TrainedModelRecord,
} from '../../core/io/index';
import { inferenceContextOf, validateGraph, type DatasetFacts } from '../../core/validate/index';

/** Why weights trained elsewhere were not loaded; `message` is English and names the cause. */
export class LoadWeightsFailure extends Error {}

/** The parts of an export's metadata.json a cluster-trained folder needs. */
interface ExportMetadata {
  readonly task: 'image' | 'text' | 'vector';
  readonly labels: readonly string[];
  readonly preprocessing: {
    readonly image: Pick<
      NonNullable<DatasetConfig['image']>,
      'width' | 'height' | 'colorMode' | 'resizeMode' | 'normalization'
    > | null;
    readonly text: NonNullable<DatasetConfig['text']> | null;
  };
}

async function readOptional(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readRequired(dir: string, name: string): Promise<Buffer> {
  const bytes = await readOptional(path.join(dir, name));
  if (bytes === null)
    throw new LoadWeightsFailure(
      `${path.join(dir, name)} is missing: pass the --out folder of train.py`,
    );
  return bytes;
}

/**
 * The dataset the weights were trained on: the project's when its classes are
 * the same, else one made from the metadata.json train.py copied beside them
 * (classes, preprocessing, vocabulary), with no folder attached.
 */
function datasetFor(
  project: ProjectDoc,
  meta: ExportMetadata,
  vocabulary: readonly string[] | null,
): DatasetConfig {
  const own = project.dataset;
  const same =
    own !== null &&
    own.classNames.length === meta.labels.length &&
    own.classNames.every((name, i) => name === meta.labels[i]);
  if (same) return own;
  const image = meta.preprocessing.image;
  return {
    kind: meta.task === 'text' ? 'text' : 'image',
    folder: { name: '', displayPath: '' },
    testFolder: null,
    classNames: [...meta.labels],
    split: { seed: project.training.seed, validationShare: project.training.validationShare },
    image: image === null ? null : { ...defaultImageOptions, ...image },
    text: meta.preprocessing.text,
    vocabulary: vocabulary === null ? null : [...vocabulary],
  };
}

/** The validation files train.py used (its train-config.json, copied beside the weights), kept for the next export. */
function withValidationFiles(dataset: DatasetConfig, configBytes: Buffer | null): DatasetConfig {
  if (configBytes === null) return dataset;
  const keys = (
    JSON.parse(configBytes.toString('utf8')) as { split?: { validationKeys?: unknown } }
  ).split?.validationKeys;
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return dataset;
  return { ...dataset, split: { ...dataset.split, validationPaths: keys as string[] } };
}

/**
 * Loads the output folder of the exported train.py (weights.npz,
 * train-metrics.json, metadata.json, vocab.json) into a network compiled
 * from the project's graph: checked entry by entry (same layers, same
 * shapes), with the run record as a LayerLab run and the trained-model record
 * the project file keeps. Throws `LoadWeightsFailure` with the reason.
 */
export async function loadTorchTraining(
  project: ProjectDoc,
  dir: string,
  runLabel: (processes: number) => string,
): Promise<{ model: tf.LayersModel; torchRun: TorchRun; record: TrainedModelRecord }> {
  const npz = new Uint8Array(await readRequired(dir, 'weights.npz'));
  const run = parseTorchRun(
    (await readRequired(dir, 'train-metrics.json')).toString('utf8'),
    runLabel,
  );
  if (!run.ok) throw new LoadWeightsFailure(run.error);
  const meta = JSON.parse(
    (await readRequired(dir, 'metadata.json')).toString('utf8'),
  ) as ExportMetadata;
  const vocabBytes = await readOptional(path.join(dir, 'vocab.json'));
  const vocabulary =
    vocabBytes === null ? null : (JSON.parse(vocabBytes.toString('utf8')) as string[]);
  const facts: DatasetFacts = {
    classCount: meta.labels.length,
    vocabularySize: vocabulary?.length ?? null,
    sequenceLength: meta.preprocessing.text?.sequenceLength ?? null,
  };
  const diagnostics = validateGraph(project.graph, { training: project.training, dataset: facts });
  const model = compileGraph(project.graph, { diagnostics, inference: inferenceContextOf(facts) });
  const applied = await applyTorchWeights(model, npz);
  if (!applied.ok) {
    model.dispose();
    throw new LoadWeightsFailure(
      `The weights do not fit this project (${applied.error.code}): ${applied.error.message}`,
    );
  }
  const dataset = withValidationFiles(
    datasetFor(project, meta, vocabulary),
    await readOptional(path.join(dir, 'train-config.json')),
  );
  const files = tfjsModelFiles(
    await saveToArtifacts(model),
    { labels: [...meta.labels] },
    defaultShardBytes,
  );
  const record: TrainedModelRecord = {
    fingerprint: graphFingerprint(project.graph),
    trainedAt: run.value.finishedAt,
    dataset,
    runs: [run.value.run],
    files,
  };
  return { model, torchRun: run.value, record };
}
