import { readFile, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { ImageOptions, TextOptions } from '../../core/data/config';
import { discoverClasses, type DatasetKind } from '../../core/data/class-discovery';
import { inspectTextBytes } from '../../core/data/inspect-file';
import { planDataset, type DatasetPlan, type FileCheck } from '../../core/data/plan';
import { buildVocabulary, tokenize } from '../../core/data/tokenize';
import { imageSampleSource, textSampleSource } from '../../core/data/train-samples';
import type { SampleSource } from '../../core/train/sample-source';
import { loadImageFolder as loadFolder } from '../data/load-folder';
import { listFolder } from '../host/services/dataset-listing';

/** A dataset folder decoded for training in Node, with its health report. */
export interface LoadedDataset {
  readonly plan: DatasetPlan;
  readonly samples: SampleSource;
  /** Text only: the vocabulary built from the training split. */
  readonly vocabulary: readonly string[] | null;
}

async function listCandidates(folder: string, kind: DatasetKind) {
  const root = await realpath(folder);
  const listing = await listFolder(root);
  const discovery = discoverClasses(listing.files, kind, listing.folders);
  const ignored = listing.skipped.map((s) => ({ path: s.path, reason: s.reason }));
  return { root, discovery, ignored };
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
 * Lists, checks and decodes an image folder (one subfolder per class) with
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
  const { plan, store } = loaded;
  const samples = imageSampleSource({
    store,
    labels: plan.labels,
    classCount: plan.classNames.length,
    options,
    seed: split.seed,
  });
  return { plan, samples, vocabulary: null };
}

/**
 * Lists and decodes a text folder; the vocabulary is built from the training
 * split only (validation and test words count as unknown, as in the app),
 * unless `vocabulary` is given (a test set uses the training vocabulary).
 */
export async function loadTextFolder(
  folder: string,
  options: TextOptions,
  split: { seed: number; validationShare: number },
  vocabulary?: readonly string[],
): Promise<LoadedDataset> {
  const { root, discovery, ignored } = await listCandidates(folder, 'text');
  const checks = new Map<string, FileCheck>();
  for (const c of discovery.candidates) {
    try {
      const bytes = await readFile(path.join(root, ...c.path.split('/')));
      checks.set(c.path, inspectTextBytes(bytes, options.sampleUnit));
    } catch (error) {
      checks.set(c.path, {
        ok: false,
        reason: 'unreadable',
        detail: (error as NodeJS.ErrnoException).code ?? 'read failed',
      });
    }
  }
  const plan = planDataset({
    kind: 'text',
    discovery,
    checks,
    ignored,
    split,
    linesMode: options.sampleUnit === 'lines',
    countTokens: (t) => tokenize(t, options).length,
  });
  const texts = plan.samples.map((s) => s.text ?? '');
  const vocab =
    vocabulary ??
    buildVocabulary(
      plan.split.train.map((i) => tokenize(texts[i] as string, options)),
      options.vocabularySize,
    );
  const samples = textSampleSource({
    texts,
    labels: plan.labels,
    classCount: plan.classNames.length,
    options,
    vocabulary: vocab,
  });
  return { plan, samples, vocabulary: vocab };
}
