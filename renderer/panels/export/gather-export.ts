import {
  defaultImageOptions,
  tfjsVersion,
  type ExportInfo,
  type ImagePreprocessing,
  type ProjectDoc,
  type TrainingSummary,
} from '@core';

import { inferenceContextOf } from '../../state/analysis';
import { getTrainingClient } from '../../workers/training-client';
import { useTrainingDatasetStore } from '../training/training-dataset';
import { useTrainingStore } from '../training/training-store';
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
 * Asks the training worker for its trained model as a model folder. The
 * worker answers `{type: 'modelFiles'}` once the training area wires it
 * (see the export README); until then, or before any run, this is null and
 * the panel exports the graph with untrained weights, saying so.
 */
async function trainedModelFiles(): Promise<FileMap | null> {
  try {
    const reply = (await getTrainingClient().request({ type: 'modelFiles' })) as InspectLikeResult;
    const files = reply.ok ? reply.value : null;
    return typeof files === 'object' && files !== null && 'model.json' in files
      ? (files as FileMap)
      : null;
  } catch {
    return null;
  }
}

/** Validation samples as model inputs with the live model's probabilities, through the inspect channel. */
async function validationCheck(count: number): Promise<ExportJob['check']> {
  const client = getTrainingClient();
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

function trainingSummary(): TrainingSummary | null {
  const state = useTrainingStore.getState();
  const run = state.runs.find((r) => r.runId === state.runId);
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

/** Class names and text preprocessing: from the dataset loaded for training, else the project's dataset. */
function datasetFacts(doc: ProjectDoc): { labels: readonly string[]; text: ExportInfo['text'] } {
  const loaded = useTrainingDatasetStore.getState().dataset;
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
function imagePreprocessing(doc: ProjectDoc): ImagePreprocessing | null {
  const loaded = useTrainingDatasetStore.getState().dataset;
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

/** Everything the export worker needs, from the project, the dataset and (if trained) the training worker. */
export async function gatherExportJob(
  doc: ProjectDoc,
  modelName: string,
  appVersion: string,
): Promise<ExportJob> {
  const files = await trainedModelFiles();
  const source: ExportSource =
    files !== null
      ? { kind: 'trained', modelFiles: files }
      : { kind: 'graph', graph: doc.graph, inference: inferenceContextOf(doc) };
  const image = imagePreprocessing(doc);
  const { labels, text } = datasetFacts(doc);
  const info: ExportInfo = {
    modelName,
    labels,
    // The worker replaces this with the model's own input shape.
    inputShape: [],
    image,
    text,
    versions: { layerlab: appVersion, tfjs: tfjsVersion },
    training: files !== null ? trainingSummary() : null,
    exportedAt: new Date().toISOString(),
  };
  const check = files !== null ? await validationCheck(paritySampleCount) : null;
  return { source, info, check, tfjsBundleUrl };
}
