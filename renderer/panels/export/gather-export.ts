import {
  defaultImageOptions,
  tfjsVersion,
  type ExportInfo,
  type ImagePreprocessing,
  type ProjectDoc,
  type TrainingSummary,
  type TrainScriptSetup,
} from '@core';

import type { SessionInspectClient } from '../../inspect/training-inspect-client';
import { modelAvailability } from '../../session/model-store';
import type { ProjectSession } from '../../session/project-session';
import { inferenceContextOf } from '../../state/analysis';
import type { TrainingDataset } from '../training/training-dataset';
import type { TrainingStoreState } from '../training/training-store';
import type { ExportJob, ExportSource, FileMap } from './export-protocol';

/** How many validation samples the parity check runs on (fewer if the split is smaller). */
export const paritySampleCount = 32;

/**
 * TF.js's browser bundle, served by Vite as an asset of the app (never
 * fetched from the network): copied into every export as `tf.min.js`.
 * A URL, not an import, so the renderer still never imports TF.js code.
 */
export const tfjsBundleUrl = new URL(
  '../../../node_modules/@tensorflow/tfjs/dist/tf.min.js',
  import.meta.url,
).href;

interface InspectLikeResult {
  readonly ok: boolean;
  readonly value?: unknown;
}

/**
 * The session's trained model as a model folder, from the training worker
 * (which holds this project's model only: it is reset when a project closes).
 */
async function trainedModelFiles(client: SessionInspectClient): Promise<FileMap | null> {
  const reply = await client.request({ type: 'modelFiles' });
  const files = reply.ok ? reply.value : null;
  return files !== null && 'model.json' in files ? (files as FileMap) : null;
}

/** Validation samples as model inputs with the live model's probabilities, through the inspect channel. */
async function validationCheck(
  client: SessionInspectClient,
  count: number,
): Promise<ExportJob['check']> {
  const rows: Float32Array[] = [];
  const reference: number[][] = [];
  let shape: readonly number[] = [];
  for (let index = 0; index < count; index++) {
    const reply = (await client.request({
      type: 'predict',
      sample: { source: 'validation', index },
    })) as InspectLikeResult;
    const value = reply.value as
      | {
          sample: { input: { values: Float32Array; shape: readonly number[] } };
          prediction: { probabilities: Float32Array };
        }
      | undefined;
    if (!reply.ok || value === undefined) break;
    rows.push(value.sample.input.values);
    shape = value.sample.input.shape;
    reference.push(Array.from(value.prediction.probabilities));
  }
  if (rows.length === 0) return null;
  const size = rows[0]?.length ?? 0;
  const values = new Float32Array(rows.length * size);
  rows.forEach((row, i) => values.set(row, i * size));
  return { samples: { values, shape: [rows.length, ...shape] }, reference };
}

function trainingSummary(state: TrainingStoreState): TrainingSummary | null {
  // The current run, or the last saved run of a restored model.
  const run = state.runs.find((r) => r.runId === state.runId) ?? state.runs[state.runs.length - 1];
  const last = run?.epochs[run.epochs.length - 1];
  if (!run || !last) return null;
  const finalMetrics: Record<string, number> = { loss: last.loss, accuracy: last.accuracy };
  if (last.valLoss !== null) finalMetrics['val_loss'] = last.valLoss;
  if (last.valAccuracy !== null) finalMetrics['val_accuracy'] = last.valAccuracy;
  return { epochs: run.epochs.length, finalMetrics, finishedAt: new Date().toISOString() };
}

function pickImage(o: ImagePreprocessing): ImagePreprocessing {
  return {
    width: o.width,
    height: o.height,
    colorMode: o.colorMode,
    resizeMode: o.resizeMode,
    normalization: o.normalization,
  };
}

/**
 * Class names and text preprocessing: those the model was trained with when
 * there is one, else the dataset loaded for training, else the project's.
 */
function datasetFacts(
  doc: ProjectDoc,
  loaded: TrainingDataset | null,
): { labels: readonly string[]; text: ExportInfo['text'] } {
  if (loaded)
    return {
      labels: loaded.plan.classNames,
      text:
        loaded.kind === 'text'
          ? { tokenizer: loaded.options, vocabulary: loaded.vocabulary }
          : null,
    };
  const dataset = doc.dataset;
  const text =
    dataset?.kind === 'text' && dataset.text && dataset.vocabulary
      ? { tokenizer: dataset.text, vocabulary: dataset.vocabulary }
      : null;
  return { labels: dataset?.classNames ?? [], text };
}

/**
 * How images reach the model: the dataset's settings, or, without a dataset,
 * LayerLab's defaults at the size of the graph's ImageInput (so predict.html
 * still knows it is an image model and how big the picture must be).
 */
function imagePreprocessing(
  doc: ProjectDoc,
  loaded: TrainingDataset | null,
): ImagePreprocessing | null {
  if (loaded) return loaded.kind === 'image' ? pickImage(loaded.options) : null;
  const options = doc.dataset?.kind === 'image' ? doc.dataset.image : null;
  if (options) return pickImage(options);
  if (doc.dataset) return null;
  const input = Object.values(doc.graph.nodes).find((n) => n.kind === 'ImageInput');
  if (!input) return null;
  const size = (key: string, fallback: number) =>
    typeof input.params[key] === 'number' ? (input.params[key] as number) : fallback;
  const { resizeMode, normalization } = defaultImageOptions;
  return {
    width: size('width', 28),
    height: size('height', 28),
    colorMode: size('channels', 1) === 1 ? 'grayscale' : 'rgb',
    resizeMode,
    normalization,
  };
}

/**
 * What the exported train.py reproduces: the project's training settings, the
 * validation files of the split it trained on, and the image augmentation.
 */
function trainScriptSetup(doc: ProjectDoc, loaded: TrainingDataset | null): TrainScriptSetup {
  const validationKeys = loaded?.plan.validationKeys ?? doc.dataset?.split.validationPaths ?? null;
  const image = loaded ? (loaded.kind === 'image' ? loaded.options : null) : doc.dataset?.image;
  return {
    training: doc.training,
    validationKeys: validationKeys === null ? null : [...validationKeys],
    augmentation: image?.augmentation ?? null,
  };
}

/**
 * Everything the export worker needs, from the project session: its trained
 * model when it has one that fits the network (never another project's: the
 * worker only holds this session's), else the graph with initial weights,
 * which the panel offers only when asked for explicitly. Null when the
 * project has a trained model that could not be read (the project closed).
 */
export async function gatherExportJob(
  session: ProjectSession,
  modelName: string,
  appVersion: string,
): Promise<ExportJob | null> {
  const doc = session.editor.getState().doc;
  const model = session.model.getState();
  const trained = modelAvailability(model, doc.graph) === 'ready';
  const files = trained ? await trainedModelFiles(session.inspect) : null;
  // A model that should be there but cannot be read is a failure, never a silent untrained export.
  if (trained && files === null) return null;
  const source: ExportSource =
    files !== null
      ? { kind: 'trained', modelFiles: files }
      : { kind: 'graph', graph: doc.graph, inference: inferenceContextOf(doc) };
  // A trained model's classes and preprocessing are those it was trained with.
  const factsDoc =
    files !== null && model.status === 'ready' && model.dataset !== null
      ? { ...doc, dataset: model.dataset }
      : doc;
  const loaded =
    files !== null && model.status === 'ready' && model.origin === 'restored'
      ? null
      : session.dataset.loaded.getState().dataset;
  const image = imagePreprocessing(factsDoc, loaded);
  const { labels, text } = datasetFacts(factsDoc, loaded);
  const info: ExportInfo = {
    modelName,
    labels,
    // The worker replaces this with the model's own input shape.
    inputShape: [],
    image,
    text,
    versions: { layerlab: appVersion, tfjs: tfjsVersion },
    training: files !== null ? trainingSummary(session.training.store.getState()) : null,
    exportedAt: new Date().toISOString(),
    trainScript: trainScriptSetup(factsDoc, loaded),
  };
  const check = files !== null ? await validationCheck(session.inspect, paritySampleCount) : null;
  return { source, info, check, tfjsBundleUrl };
}
