import { describe, expect, it } from 'vitest';

import { createSampleCache, decodeCacheKey } from './sample-cache';

const entry = (bytes: number) => ({ pixels: new Uint8Array(bytes), checks: [] });
const target = {
  width: 28,
  height: 28,
  resizeMode: 'stretch' as const,
  colorMode: 'grayscale' as const,
};

describe('sample cache', () => {
  it('keys by folder, file size/mtime and target', () => {
    const files = [{ path: 'a/1.png', size: 10, mtimeMs: 1 }];
    const key = decodeCacheKey('/data', files, target);
    expect(decodeCacheKey('/data', files, target)).toBe(key);
    expect(decodeCacheKey('/data', [{ ...files[0]!, mtimeMs: 2 }], target)).not.toBe(key);
    expect(decodeCacheKey('/data', files, { ...target, width: 32 })).not.toBe(key);
    expect(decodeCacheKey('/other', files, target)).not.toBe(key);
  });
  it('evicts the least recently used entries above the budget', () => {
    const cache = createSampleCache(100);
    cache.put('a', entry(40));
    cache.put('b', entry(40));
    cache.get('a');
    cache.put('c', entry(40));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.usedBytes).toBe(80);
    cache.put('huge', entry(1000));
    expect(cache.get('huge')).toBeUndefined();
  });
});
