import { lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { readPixelCache, writePixelCache } from './pixel-cache';

describe('CLI pixel cache files', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'layerlab-cli-cache-'));
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  const key = '0123456789abcdef';
  const entry = { pixels: Uint8Array.from([1, 2, 3, 4]), outcomes: [] };

  it('never writes through a symlink planted at a temp name (a shared LAYERLAB_CACHE_DIR)', async () => {
    const cacheDir = path.join(base, 'cache');
    mkdirSync(cacheDir);
    const victim = path.join(base, 'victim');
    writeFileSync(victim, 'precious');
    // The temp names used to be predictable: `.<key>.<pid>.tmp.bin` / `.json`.
    for (const ext of ['bin', 'json'])
      symlinkSync(victim, path.join(cacheDir, `.${key}.${process.pid}.tmp.${ext}`));
    await writePixelCache(cacheDir, key, 'listing', entry);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(path.join(cacheDir, `${key}.bin`)).isFile()).toBe(true);
    expect(await readPixelCache(cacheDir, key, 'listing', 4)).toMatchObject({ outcomes: [] });
  });

  it('creates its folder 0700 and its files 0600', async () => {
    const cacheDir = path.join(base, 'new', 'cache');
    await writePixelCache(cacheDir, key, 'listing', entry);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    for (const name of await readdir(cacheDir))
      expect(statSync(path.join(cacheDir, name)).mode & 0o777, name).toBe(0o600);
  });
});
