import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

import { discoverClasses } from '../../core/data/class-discovery';
import type { ImageOptions, TextOptions } from '../../core/data/config';
import { channelCount } from '../../core/data/image-preprocess';
import { inspectTextBytes } from '../../core/data/inspect-file';
import { planDataset } from '../../core/data/plan';
import type { DatasetPlan, FileCheck, SplitSettings } from '../../core/data/plan';
import type { SampleStore } from '../../core/data/sample-store';
import { buildVocabulary, tokenize } from '../../core/data/tokenize';
import { listFolder } from '../host/services/dataset-listing';
import { decodeAll } from './decode-pool';
import type { DecodeOutcome } from './decode-protocol';
import { listingDigest, pixelCacheKey, readPixelCache, writePixelCache } from './pixel-cache';

/**
 * Loading a dataset folder in Node (the command line and the benchmark): the
 * same listing policy, core planning and split as the app, with Node decoders.
 */
export type LoadPhase = 'scan' | 'decode' | 'read';

export interface LoadOptions {
  split: SplitSettings;
  signal?: AbortSignal;
  onProgress?: (phase: LoadPhase, done: number, total: number) => void;
}

export interface LoadedImageFolder {
  plan: DatasetPlan;
  /** Decoded samples indexed like `plan.samples` / `plan.labels`. */
  store: SampleStore;
  timings: { scanMs: number; decodeMs: number; fromCache: boolean };
}

/** Lists, decodes (or reads the pixel cache), checks and splits an image folder. */
export async function loadImageFolder(
  root: string,
  options: LoadOptions & { image: ImageOptions; cacheDir?: string; workers?: number },
): Promise<LoadedImageFolder> {
  const t0 = performance.now();
  const rootReal = await realpath(root);
  const listing = await listFolder(
    rootReal,
    withSignal({ onProgress: (n: number) => options.onProgress?.('scan', n, n) }, options.signal),
  );
  const discovery = discoverClasses(listing.files, 'image', listing.folders);
  const t1 = performance.now();

  const target = {
    width: options.image.width,
    height: options.image.height,
    resizeMode: options.image.resizeMode,
    colorMode: options.image.colorMode,
  };
  const sampleBytes = target.width * target.height * channelCount(target.colorMode);
  const candidatePaths = discovery.candidates.map((c) => c.path);
  const key = pixelCacheKey(rootReal, target);
  const listed = listingDigest(discovery.candidates);
  const cached =
    options.cacheDir === undefined
      ? null
      : await readPixelCache(options.cacheDir, key, listed, candidatePaths.length * sampleBytes);
  let pixels: Uint8Array;
  let outcomes: DecodeOutcome[];
  if (cached !== null) {
    ({ pixels, outcomes } = cached);
  } else {
    pixels = new Uint8Array(candidatePaths.length * sampleBytes);
    outcomes = await decodeAll(rootReal, candidatePaths, target, {
      ...withSignal({}, options.signal),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      onSample: (i, p) => pixels.set(p, i * sampleBytes),
      onProgress: (done, total) => options.onProgress?.('decode', done, total),
    });
    if (options.cacheDir !== undefined)
      await writePixelCache(options.cacheDir, key, listed, { pixels, outcomes });
  }
  const t2 = performance.now();

  const checks = new Map<string, FileCheck>(
    candidatePaths.map((p, i) => [p, outcomes[i] ?? { ok: false, reason: 'unreadable' }]),
  );
  const ignored = listing.skipped.map((s) => ({ path: s.path, reason: s.reason }));
  const plan = planDataset({ kind: 'image', discovery, checks, ignored, split: options.split });
  const candidateIndex = new Map(candidatePaths.map((p, i) => [p, i]));
  const slot = Int32Array.from(plan.samples, (s) => candidateIndex.get(s.path) as number);
  const store: SampleStore = {
    count: plan.samples.length,
    sampleBytes,
    read(indices, out) {
      indices.forEach((s, k) => {
        const c = slot[s] as number;
        out.set(pixels.subarray(c * sampleBytes, (c + 1) * sampleBytes), k * sampleBytes);
      });
      return Promise.resolve();
    },
  };
  return {
    plan,
    store,
    timings: { scanMs: t1 - t0, decodeMs: t2 - t1, fromCache: cached !== null },
  };
}

export interface LoadedTextFolder {
  plan: DatasetPlan;
  /** `texts[i]` is the text of `plan.samples[i]`. */
  texts: string[];
  /** Built from the training split only (0 = '', 1 = '[UNK]'). */
  vocabulary: string[];
}

/** Lists, decodes, checks and splits a text folder; builds the vocabulary from the training split. */
export async function loadTextFolder(
  root: string,
  options: LoadOptions & { text: TextOptions },
): Promise<LoadedTextFolder> {
  const rootReal = await realpath(root);
  const listing = await listFolder(rootReal, withSignal({}, options.signal));
  const discovery = discoverClasses(listing.files, 'text', listing.folders);
  const checks = new Map<string, FileCheck>();
  let done = 0;
  for (const c of discovery.candidates) {
    options.signal?.throwIfAborted();
    try {
      const bytes =
        c.size > 10 * 1024 * 1024
          ? null
          : await readFile(path.join(rootReal, ...c.path.split('/')));
      checks.set(
        c.path,
        bytes === null
          ? { ok: false, reason: 'too-large', detail: `${c.size} bytes` }
          : inspectTextBytes(bytes, options.text.sampleUnit),
      );
    } catch (error) {
      checks.set(c.path, {
        ok: false,
        reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable',
      });
    }
    options.onProgress?.('read', ++done, discovery.candidates.length);
  }
  const countTokens = (t: string): number => tokenize(t, options.text).length;
  const ignored = listing.skipped.map((s) => ({ path: s.path, reason: s.reason }));
  const plan = planDataset({
    kind: 'text',
    discovery,
    checks,
    ignored,
    split: options.split,
    countTokens,
    linesMode: options.text.sampleUnit === 'lines',
  });
  const texts = plan.samples.map((s) => s.text ?? '');
  const vocabulary = buildVocabulary(
    plan.split.train.map((i) => tokenize(texts[i] as string, options.text)),
    options.text.vocabularySize,
  );
  return { plan, texts, vocabulary };
}

function withSignal<T extends object>(
  base: T,
  signal: AbortSignal | undefined,
): T & { signal?: AbortSignal } {
  return signal === undefined ? base : { ...base, signal };
}
