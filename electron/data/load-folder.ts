import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

import {
  channelCount,
  discoverClasses,
  inspectTextBytes,
  maxTextFileBytes,
  planDataset,
  planTextDataset,
  type DatasetPlan,
  type FileCheck,
  type ImageOptions,
  type SampleStore,
  type SplitSettings,
  type TextOptions,
  type TextPlan,
} from '../../core/data/index';
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

export type LoadedTextFolder = TextPlan;

/**
 * Lists, reads, checks and splits a text folder (the command line and the
 * benchmark; the app's twin is renderer/data/load-dataset.ts). A file above
 * `maxTextFileBytes` by its listed size is `too-large` without being read; one
 * that vanished since the scan is `missing`; any other read error is
 * `unreadable` (with the error code). With `chooseDefaults` (a project without
 * a dataset) the tokeniser and sequence length come from the texts
 * (core/data `planTextDataset`). The vocabulary is built from the training
 * split only (validation and test words count as unknown), unless
 * `vocabulary` is given (a test set uses the training folder's).
 */
export async function loadTextFolder(
  root: string,
  options: LoadOptions & {
    text: TextOptions;
    chooseDefaults?: boolean;
    vocabulary?: readonly string[];
  },
): Promise<LoadedTextFolder> {
  const rootReal = await realpath(root);
  const listing = await listFolder(rootReal, withSignal({}, options.signal));
  const discovery = discoverClasses(listing.files, 'text', listing.folders);
  const checks = new Map<string, FileCheck>();
  let done = 0;
  for (const c of discovery.candidates) {
    options.signal?.throwIfAborted();
    checks.set(c.path, await checkTextFile(rootReal, c, options.text));
    options.onProgress?.('read', ++done, discovery.candidates.length);
  }
  return planTextDataset({
    discovery,
    checks,
    ignored: listing.skipped.map((s) => ({ path: s.path, reason: s.reason })),
    split: options.split,
    text: options.text,
    ...(options.chooseDefaults === undefined ? {} : { chooseDefaults: options.chooseDefaults }),
    ...(options.vocabulary === undefined ? {} : { vocabulary: options.vocabulary }),
  });
}

async function checkTextFile(
  root: string,
  file: { readonly path: string; readonly size: number },
  text: TextOptions,
): Promise<FileCheck> {
  if (file.size > maxTextFileBytes)
    return { ok: false, reason: 'too-large', detail: `${file.size} bytes` };
  try {
    const bytes = await readFile(path.join(root, ...file.path.split('/')));
    return inspectTextBytes(bytes, text.sampleUnit, maxTextFileBytes, text.encoding);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing' };
    return { ok: false, reason: 'unreadable', ...(code === undefined ? {} : { detail: code }) };
  }
}

function withSignal<T extends object>(
  base: T,
  signal: AbortSignal | undefined,
): T & { signal?: AbortSignal } {
  return signal === undefined ? base : { ...base, signal };
}
