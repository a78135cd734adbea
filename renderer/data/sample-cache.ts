import { contentHash } from '@core';
import type { FileCheck, ListingEntry } from '@core';

import type { DecodeTarget } from './decode-protocol';

/**
 * Decoded samples kept in memory for the session, so reopening the Dataset
 * panel, changing an unrelated option or training again does not decode the
 * folder again. Keyed by folder, every file's (path, size, mtime) and the
 * decode target: any change to a file or to the size/mode gives a new key.
 * Least recently used entries are evicted above the budget. The on-disk
 * tier behind it (persistent-sample-cache.ts) keeps entries across restarts.
 */
export interface CachedDecode {
  /** Candidate-indexed pixels: file i at `i × sampleBytes`. */
  readonly pixels: Uint8Array;
  readonly checks: readonly FileCheck[];
}

export const defaultCacheBudgetBytes = 512 * 1024 * 1024;

export interface SampleCache {
  get(key: string): CachedDecode | undefined;
  put(key: string, entry: CachedDecode): void;
  readonly usedBytes: number;
}

export function createSampleCache(budgetBytes: number = defaultCacheBudgetBytes): SampleCache {
  const entries = new Map<string, CachedDecode>();
  let used = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry !== undefined) {
        entries.delete(key); // re-insert: Map order is the LRU order
        entries.set(key, entry);
      }
      return entry;
    },
    put(key, entry) {
      if (entry.pixels.byteLength > budgetBytes) return;
      const old = entries.get(key);
      if (old !== undefined) used -= old.pixels.byteLength;
      entries.delete(key);
      entries.set(key, entry);
      used += entry.pixels.byteLength;
      for (const [k, e] of entries) {
        if (used <= budgetBytes) break;
        entries.delete(k);
        used -= e.pixels.byteLength;
      }
    },
    get usedBytes() {
      return used;
    },
  };
}

/** The cache key of a decode: folder id + file list (path, size, mtime) + target. */
export function decodeCacheKey(
  folderId: string,
  files: readonly ListingEntry[],
  target: DecodeTarget,
): string {
  const text = JSON.stringify([folderId, target, files.map((f) => [f.path, f.size, f.mtimeMs])]);
  return contentHash(new TextEncoder().encode(text));
}

/** The app's session cache. */
export const sessionSampleCache: SampleCache = createSampleCache();
