import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

import type { ImageOptions, TextOptions } from '../../core/data/config';
import { discoverClasses, type DatasetKind } from '../../core/data/class-discovery';
import { inspectTextBytes } from '../../core/data/inspect-file';
import { planDataset, type DatasetPlan, type FileCheck } from '../../core/data/plan';
import { createMemorySampleStore, type SampleStore } from '../../core/data/sample-store';
import { buildVocabulary, tokenize } from '../../core/data/tokenize';
import { imageSampleSource, textSampleSource } from '../../core/data/train-samples';
import type { SampleSource } from '../../core/train/sample-source';
import { decodeAll } from '../data/decode-pool';
import { listFolder } from '../services/dataset-listing';

/** A dataset folder decoded for training in Node, with its health report. */
export interface LoadedDataset {
  readonly plan: DatasetPlan;
  readonly samples: SampleSource;
  /** Text only: the vocabulary built from the training split. */
  readonly vocabulary: readonly string[] | null;
}

/** Store view that reads plan sample i from decoded candidate `candidateOf[i]`. */
function remappedStore(store: SampleStore, candidateOf: readonly number[]): SampleStore {
  return {
    count: candidateOf.length,
    sampleBytes: store.sampleBytes,
    read: (indices, out) =>
      store.read(
        indices.map((i) => candidateOf[i] as number),
        out,
      ),
  };
}

async function listCandidates(folder: string, kind: DatasetKind) {
  const root = await realpath(folder);
  const listing = await listFolder(root);
  const discovery = discoverClasses(listing.files, kind, listing.folders);
  const ignored = listing.skipped.map((s) => ({ path: s.path, reason: s.reason }));
  return { root, discovery, ignored };
}

/**
 * Lists, checks and decodes an image folder (one subfolder per class) with
 * the same core planning the app uses; decoding runs in worker threads.
 */
export async function loadImageFolder(
  folder: string,
  options: ImageOptions,
  split: { seed: number; validationShare: number },
  onProgress?: (done: number, total: number) => void,
): Promise<LoadedDataset> {
  const { root, discovery, ignored } = await listCandidates(folder, 'image');
  const channels = options.colorMode === 'grayscale' ? 1 : 3;
  const sampleBytes = options.width * options.height * channels;
  const paths = discovery.candidates.map((c) => c.path);
  const store = createMemorySampleStore(paths.length, sampleBytes);
  const outcomes = await decodeAll(root, paths, options, {
    onSample: (index, pixels) => store.write(index, pixels),
    ...(onProgress ? { onProgress } : {}),
  });
  const checks = new Map<string, FileCheck>();
  outcomes.forEach((o, i) => {
    const p = paths[i] as string;
    const check: FileCheck = o.ok
      ? { ok: true, width: o.width, height: o.height, hash: o.hash }
      : o.detail === undefined
        ? { ok: false, reason: o.reason }
        : { ok: false, reason: o.reason, detail: o.detail };
    checks.set(p, check);
  });
  const plan = planDataset({ kind: 'image', discovery, checks, ignored, split });
  const indexOfPath = new Map(paths.map((p, i) => [p, i]));
  const candidateOf = plan.samples.map((s) => indexOfPath.get(s.path) as number);
  const samples = imageSampleSource({
    store: remappedStore(store, candidateOf),
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
