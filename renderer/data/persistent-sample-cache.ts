import type { FileCheck, Host } from '@core';
import { decodeFrame, encodeFrame } from '@core';

import type { CachedDecode } from './sample-cache';

/**
 * The second tier of the app's sample cache: decoded pixels kept on disk by
 * the host (issue 4, item 7), so that loading the same folder after a restart
 * skips decoding. An entry is one blob, a binary frame: a JSON header with
 * the per-file checks, then the candidate-indexed pixels. The key is the
 * session cache's key (folder, every file's path/size/mtime, decode target),
 * so any change to the folder or the options misses. An entry that does not
 * match what the caller expects (count, size, version) is ignored.
 */
export interface PersistentSampleCache {
  /** The entry for `key` when it holds exactly `count` samples of `sampleBytes` each. */
  get(key: string, count: number, sampleBytes: number): Promise<CachedDecode | undefined>;
  put(key: string, entry: CachedDecode): Promise<void>;
}

const formatVersion = 1;

interface Header {
  readonly v: number;
  readonly count: number;
  readonly checks: readonly FileCheck[];
}

export function hostPixelCache(
  host: Pick<Host, 'readPixelCache' | 'writePixelCache'>,
): PersistentSampleCache {
  return {
    async get(key, count, sampleBytes) {
      const read = await host.readPixelCache({ key });
      if (!read.ok || read.value === null) return undefined;
      try {
        const { header, payload } = decodeFrame(read.value);
        const h = header as Partial<Header> | null;
        if (
          h?.v !== formatVersion ||
          h.count !== count ||
          !Array.isArray(h.checks) ||
          h.checks.length !== count ||
          payload.byteLength !== count * sampleBytes
        )
          return undefined;
        return { pixels: payload, checks: h.checks };
      } catch {
        return undefined; // damaged entry: decode again (the next write replaces it)
      }
    },
    async put(key, entry) {
      const header: Header = {
        v: formatVersion,
        count: entry.checks.length,
        checks: entry.checks,
      };
      await host.writePixelCache({ key, bytes: encodeFrame(header, [entry.pixels]) });
    },
  };
}

let appCache: PersistentSampleCache | null = null;

/** Set once at startup with the window's host; loaders use it unless given another. */
export function setPersistentSampleCache(cache: PersistentSampleCache | null): void {
  appCache = cache;
}

export function persistentSampleCache(): PersistentSampleCache | null {
  return appCache;
}
