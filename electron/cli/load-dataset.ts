import os from 'node:os';
import path from 'node:path';

import {
  imageSampleSource,
  textSampleSource,
  type DatasetPlan,
  type ImageOptions,
  type TextOptions,
} from '../../core/data/index';
import type { SampleSource } from '../../core/train/index';
import {
  loadImageFolder as loadFolder,
  loadTextFolder as loadTextFiles,
} from '../data/load-folder';
import { readDatasetBoxes } from './load-boxes';

/** A dataset folder decoded for training in Node, with its health report. */
export interface LoadedDataset {
  readonly plan: DatasetPlan;
  readonly samples: SampleSource;
  /** Text only: the vocabulary built from the training split. */
  readonly vocabulary: readonly string[] | null;
  /** Text only: the options the texts were shaped with (chosen from the texts for a new folder). */
  readonly textOptions: TextOptions | null;
}

/**
 * The on-disk pixel cache the CLI shares between runs (a second run on the
 * same, unchanged folder skips decoding): `$LAYERLAB_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/layerlab/pixels`, else `~/.cache/layerlab/pixels`.
 */
export function cliPixelCacheDir(): string {
  const explicit = process.env['LAYERLAB_CACHE_DIR'];
  if (explicit) return explicit;
  const base = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(base, 'layerlab', 'pixels');
}

/**
 * Lists, checks and decodes an image folder (one subfolder per class; with a
 * boxes file, one object box per image, see `readDatasetBoxes`) with
 * the same core planning the app uses, through the datasets loader: decoding
 * runs in worker threads and the pixels are cached on disk for the next run.
 */
export async function loadImageFolder(
  folder: string,
  options: ImageOptions,
  split: { seed: number; validationShare: number },
  onProgress?: (done: number, total: number) => void,
): Promise<LoadedDataset> {
  const loaded = await loadFolder(folder, {
    image: options,
    split,
    cacheDir: cliPixelCacheDir(),
    ...(onProgress
      ? {
          onProgress: (phase, done, total) =>
            phase === 'decode' ? onProgress(done, total) : undefined,
        }
      : {}),
  });
  const { store } = loaded;
  const images = imageSampleSource({
    store,
    labels: loaded.plan.labels,
    classCount: loaded.plan.classNames.length,
    options,
    seed: split.seed,
  });
  // A localisation dataset: its boxes become the box heads' targets, their checks join the report.
  const boxed = await readDatasetBoxes(folder, loaded.plan.samples);
  if (boxed === null)
    return { plan: loaded.plan, samples: images, vocabulary: null, textOptions: null };
  const { report } = loaded.plan;
  const plan = {
    ...loaded.plan,
    report: { ...report, issues: [...report.issues, ...boxed.issues] },
  };
  const samples: SampleSource = {
    ...images,
    gather: images.gather.bind(images),
    boxes: boxed.boxes,
  };
  return { plan, samples, vocabulary: null, textOptions: null };
}

/**
 * Lists and decodes a text folder (electron/data's `loadTextFolder`). With
 * `chooseDefaults` (a project without a dataset) the tokeniser and sequence
 * length come from the texts, as in the app. The vocabulary is built from the
 * training split only (validation and test words count as unknown, as in the
 * app), unless `vocabulary` is given (a test set uses the training
 * vocabulary and options).
 */
export async function loadTextFolder(
  folder: string,
  options: TextOptions,
  split: { seed: number; validationShare: number },
  from: { vocabulary?: readonly string[]; chooseDefaults?: boolean } = {},
): Promise<LoadedDataset> {
  const loaded = await loadTextFiles(folder, {
    text: options,
    split,
    ...(from.chooseDefaults === undefined ? {} : { chooseDefaults: from.chooseDefaults }),
    ...(from.vocabulary === undefined ? {} : { vocabulary: from.vocabulary }),
  });
  const samples = textSampleSource({
    texts: loaded.texts,
    labels: loaded.plan.labels,
    classCount: loaded.plan.classNames.length,
    options: loaded.options,
    vocabulary: loaded.vocabulary,
  });
  return {
    plan: loaded.plan,
    samples,
    vocabulary: loaded.vocabulary,
    textOptions: loaded.options,
  };
}
