import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createPixelCacheStore } from './pixel-cache-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'layerlab-pixel-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const key = (n: number): string => `${n.toString(16).padStart(16, '0')}-${n}`;

describe('pixel cache store (app, on disk)', () => {
  it('gives back what was written, and null for an entry never written', async () => {
    const store = createPixelCacheStore(dir);
    await store.write(key(1), Uint8Array.from([1, 2, 3]));
    expect([...((await store.read(key(1))) ?? [])]).toEqual([1, 2, 3]);
    expect(await store.read(key(2))).toBeNull();
    expect(await readdir(dir)).toEqual([`${key(1)}.bin`]); // no temp file left
  });

  it('assembles an entry sent in parts, visible only once the last part lands; refuses parts out of order', async () => {
    const store = createPixelCacheStore(dir);
    await store.write(key(4), Uint8Array.from([1, 2]), 0, 5);
    expect(await store.read(key(4))).toBeNull();
    await expect(store.write(key(4), Uint8Array.from([9]), 3, 5)).rejects.toThrow(/order/);
    await store.write(key(4), Uint8Array.from([3, 4]), 2, 5);
    await store.write(key(4), Uint8Array.from([5]), 4, 5);
    expect([...((await store.read(key(4))) ?? [])]).toEqual([1, 2, 3, 4, 5]);
    await expect(store.write(key(5), Uint8Array.from([1, 2, 3]), 0, 2)).rejects.toThrow(/fit/);
  });

  it('refuses names that are not hash keys (no path ever comes from the renderer)', async () => {
    const store = createPixelCacheStore(dir);
    await expect(store.write('../escape', Uint8Array.from([1]))).rejects.toThrow(/key/);
    await expect(store.read('../../etc/passwd')).rejects.toThrow(/key/);
  });

  it('evicts the least recently used entries above its budget, and reading counts as use', async () => {
    const store = createPixelCacheStore(dir, 250);
    await store.write(key(1), new Uint8Array(100));
    await store.write(key(2), new Uint8Array(100));
    // Make entry 1 older than 2, then read it: it becomes the most recent.
    const old = new Date(Date.now() - 60_000);
    await utimes(path.join(dir, `${key(1)}.bin`), old, old);
    await utimes(
      path.join(dir, `${key(2)}.bin`),
      new Date(Date.now() - 30_000),
      new Date(Date.now() - 30_000),
    );
    expect(await store.read(key(1))).not.toBeNull();
    await store.write(key(3), new Uint8Array(100));
    expect((await readdir(dir)).sort()).toEqual([`${key(1)}.bin`, `${key(3)}.bin`]);
  });

  it('keeps a new entry larger than the budget until the next write, and removes stale temp files', async () => {
    await writeFile(path.join(dir, `.${key(9)}.1.1.tmp`), 'half');
    const stale = new Date(Date.now() - 2 * 3_600_000);
    await utimes(path.join(dir, `.${key(9)}.1.1.tmp`), stale, stale);
    const store = createPixelCacheStore(dir, 50);
    await store.write(key(1), new Uint8Array(100));
    expect(await readdir(dir)).toEqual([`${key(1)}.bin`]);
  });

  it('counts unfinished parts in the budget: evicts for them, and refuses parts of more entries than fit', async () => {
    const store = createPixelCacheStore(dir, 100);
    await store.write(key(1), new Uint8Array(40));
    await store.write(key(2), new Uint8Array(60), 0, 200); // unfinished
    await store.write(key(3), new Uint8Array(30));
    // 60 unfinished + 30 + 40 = 130 > 100: the oldest entry goes.
    expect((await readdir(dir)).filter((n) => n.endsWith('.bin'))).toEqual([`${key(3)}.bin`]);
    // Another unfinished entry would take parts on disk past the budget.
    await expect(store.write(key(4), new Uint8Array(60), 0, 200)).rejects.toThrow(/unfinished/);
    expect(await readdir(dir)).not.toContain(`.${key(4)}.part`);
  });
});
