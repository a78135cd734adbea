import { defaultImageOptions } from '@core';
import type { FileCheck, ListingEntry } from '@core';
import { describe, expect, it } from 'vitest';

import { createMemoryHost } from '../host/memory-host';
import { loadImageDataset } from './load-dataset';
import { hostPixelCache } from './persistent-sample-cache';
import { createSampleCache, decodeCacheKey } from './sample-cache';

const image = { ...defaultImageOptions, width: 2, height: 2, colorMode: 'grayscale' as const };
const target = {
  width: 2,
  height: 2,
  resizeMode: image.resizeMode,
  colorMode: 'grayscale' as const,
};
const files: ListingEntry[] = [
  { path: 'a/1.png', size: 10, mtimeMs: 1 },
  { path: 'a/2.png', size: 10, mtimeMs: 1 },
  { path: 'b/1.png', size: 10, mtimeMs: 1 },
  { path: 'b/2.png', size: 10, mtimeMs: 1 },
];
const checks: FileCheck[] = files.map((_, i) => ({ ok: true, hash: `h${i}`, width: 2, height: 2 }));
const pixels = Uint8Array.from({ length: 16 }, (_, i) => i * 10);

describe('persistent sample cache (through the host)', () => {
  it('gives back the pixels and checks it stored, and ignores an entry of another shape', async () => {
    const cache = hostPixelCache(createMemoryHost());
    const key = decodeCacheKey('/data', files, target);
    expect(await cache.get(key, 4, 4)).toBeUndefined();
    await cache.put(key, { pixels, checks });
    const entry = await cache.get(key, 4, 4);
    expect([...(entry?.pixels ?? [])]).toEqual([...pixels]);
    expect(entry?.checks).toEqual(checks);
    expect(await cache.get(key, 5, 4)).toBeUndefined();
    expect(await cache.get(key, 4, 3)).toBeUndefined();
  });

  it('ignores a damaged entry', async () => {
    const host = createMemoryHost();
    const key = decodeCacheKey('/data', files, target);
    await host.writePixelCache({ key, bytes: Uint8Array.from([200, 0, 0, 0, 1, 2]) });
    expect(await hostPixelCache(host).get(key, 4, 4)).toBeUndefined();
  });

  it('lets a new session (empty memory cache) load the folder without reading or decoding a file', async () => {
    const disk = hostPixelCache(createMemoryHost());
    await disk.put(decodeCacheKey('/data', files, target), { pixels, checks });
    const loaded = await loadImageDataset({
      contents: { folderId: '/data', files, ignored: [] },
      readFiles: () => Promise.reject(new Error('must not read files')),
      split: { seed: 1, validationShare: 0.25 },
      image,
      cache: createSampleCache(),
      diskCache: disk,
    });
    expect(loaded.fromCache).toBe(true);
    expect(loaded.plan.samples).toHaveLength(4);
    const out = new Uint8Array(16);
    await loaded.store.read([0, 1, 2, 3], out);
    expect([...out].sort((a, b) => a - b)).toEqual([...pixels]);
  });
});
