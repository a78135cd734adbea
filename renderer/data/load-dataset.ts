import {
  channelCount,
  discoverClasses,
  inspectTextBytes,
  maxTextFileBytes,
  planDataset,
  planTextDataset,
} from '@core';
import type {
  DatasetPlan,
  FileCheck,
  IgnoredEntry,
  ImageOptions,
  ListingEntry,
  SampleStore,
  SplitSettings,
  TextOptions,
  TextPlan,
} from '@core';

import { decodeFiles } from './decode-pool';
import type { ReadFiles } from './decode-pool';
import { persistentSampleCache } from './persistent-sample-cache';
import type { PersistentSampleCache } from './persistent-sample-cache';
import { decodeCacheKey, sessionSampleCache } from './sample-cache';
import type { SampleCache } from './sample-cache';

/**
 * Loading a dataset in the app, from a folder listing to a checked, split
 * dataset: images are read through the host and decoded in workers at the
 * target size (the health report comes from the same pass), text is decoded
 * and tokenised on the page (it is small).
 */
export interface FolderContents {
  /** Stable id of the folder for caching (the grant's display path). */
  readonly folderId: string;
  readonly files: readonly ListingEntry[];
  readonly folders?: readonly string[];
  readonly ignored: readonly IgnoredEntry[];
}

export interface LoadProgress {
  readonly phase: 'read' | 'decode';
  readonly done: number;
  readonly total: number;
}

export interface LoadCommon {
  readonly contents: FolderContents;
  readonly readFiles: ReadFiles;
  readonly split: SplitSettings;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: LoadProgress) => void;
}

export interface LoadedImages {
  readonly plan: DatasetPlan;
  /** Decoded samples, indexed like `plan.samples`. */
  readonly store: SampleStore;
  readonly fromCache: boolean;
}

export async function loadImageDataset(
  input: LoadCommon & {
    readonly image: ImageOptions;
    readonly cache?: SampleCache;
    /** The on-disk tier; defaults to the app's (set at startup), `null` for none. */
    readonly diskCache?: PersistentSampleCache | null;
    readonly workers?: number;
  },
): Promise<LoadedImages> {
  const { contents } = input;
  const discovery = discoverClasses(contents.files, 'image', contents.folders ?? []);
  const target = {
    width: input.image.width,
    height: input.image.height,
    resizeMode: input.image.resizeMode,
    colorMode: input.image.colorMode,
  };
  const sampleBytes = target.width * target.height * channelCount(target.colorMode);
  const paths = discovery.candidates.map((c) => c.path);
  const cache = input.cache ?? sessionSampleCache;
  const key = decodeCacheKey(contents.folderId, discovery.candidates, target);
  let entry = cache.get(key);
  const disk = input.diskCache === undefined ? persistentSampleCache() : input.diskCache;
  if (entry === undefined && disk !== null) {
    entry = await disk.get(key, paths.length, sampleBytes).catch(() => undefined);
    if (entry !== undefined) cache.put(key, entry);
  }
  const fromCache = entry !== undefined;
  if (entry === undefined) {
    const pixels = new Uint8Array(paths.length * sampleBytes);
    const checks = await decodeFiles(paths, input.readFiles, target, {
      ...(input.signal === undefined ? {} : { signal: input.signal }),
      ...(input.workers === undefined ? {} : { workers: input.workers }),
      sizes: discovery.candidates.map((c) => c.size),
      onSample: (i, p) => pixels.set(p, i * sampleBytes),
      onProgress: (done, total) => input.onProgress?.({ phase: 'decode', done, total }),
    });
    entry = { pixels, checks };
    cache.put(key, entry);
    // Not awaited: the dataset is ready now; a failed write only costs a decode next launch.
    void disk?.put(key, entry).catch(() => undefined);
  }
  const { pixels, checks } = entry;
  const checkMap = new Map<string, FileCheck>(
    paths.map((p, i) => [p, checks[i] ?? { ok: false, reason: 'unreadable' }]),
  );
  const plan = planDataset({
    kind: 'image',
    discovery,
    checks: checkMap,
    ignored: contents.ignored,
    split: input.split,
  });
  const slotOf = new Map(paths.map((p, i) => [p, i]));
  const slots = Int32Array.from(plan.samples, (s) => slotOf.get(s.path) as number);
  const store: SampleStore = {
    count: plan.samples.length,
    sampleBytes,
    read(indices, out) {
      indices.forEach((s, k) => {
        const c = slots[s] as number;
        out.set(pixels.subarray(c * sampleBytes, (c + 1) * sampleBytes), k * sampleBytes);
      });
      return Promise.resolve();
    },
  };
  return { plan, store, fromCache };
}

export type LoadedTexts = TextPlan;

/**
 * Reads, decodes (in `text.encoding`, or detected) and plans a text folder.
 * With `chooseDefaults` (a folder new to the project) the tokeniser and
 * sequence length come from the texts; `options` in the result says which.
 */
export async function loadTextDataset(
  input: LoadCommon & { readonly text: TextOptions; readonly chooseDefaults?: boolean },
): Promise<LoadedTexts> {
  const discovery = discoverClasses(input.contents.files, 'text', input.contents.folders ?? []);
  const checks = new Map<string, FileCheck>();
  // Oversized files are refused from their listed size, without reading them.
  for (const c of discovery.candidates)
    if (c.size > maxTextFileBytes)
      checks.set(c.path, { ok: false, reason: 'too-large', detail: `${c.size} bytes` });
  const paths = discovery.candidates.filter((c) => !checks.has(c.path)).map((c) => c.path);
  for (let start = 0; start < paths.length; start += 64) {
    input.signal?.throwIfAborted();
    const read = await input.readFiles(paths.slice(start, start + 64));
    for (const f of read) {
      checks.set(
        f.path,
        f.ok
          ? inspectTextBytes(f.bytes, input.text.sampleUnit, maxTextFileBytes, input.text.encoding)
          : {
              ok: false,
              reason:
                f.error.code === 'not-found'
                  ? 'missing'
                  : f.error.code === 'too-large'
                    ? 'too-large'
                    : 'unreadable',
            },
      );
    }
    input.onProgress?.({
      phase: 'read',
      done: Math.min(paths.length, start + 64),
      total: paths.length,
    });
  }
  return planTextDataset({
    discovery,
    checks,
    ignored: input.contents.ignored,
    split: input.split,
    text: input.text,
    chooseDefaults: input.chooseDefaults ?? false,
  });
}
