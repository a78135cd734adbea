import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { ListedFile } from '../../renderer/host/Host';
import type { TargetOptions } from './decode-image-node';
import type { DecodeOutcome } from './decode-protocol';

/**
 * On-disk cache of decoded, resized uint8 samples for the command line, so
 * the second load of a folder skips decoding. One entry per (folder, file
 * list with size and mtime, target options): any added, removed, resized or
 * touched file, or a different target size/mode, gives a new key. An entry is
 * two files: `<key>.bin` (packed pixels) and `<key>.json` (per-file outcomes).
 * Written to a temp name then renamed, so a crash never leaves half an entry.
 */
export const pixelCacheVersion = 1;

export function pixelCacheKey(
  root: string,
  files: readonly ListedFile[],
  target: TargetOptions,
): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ v: pixelCacheVersion, root, target }));
  for (const f of files) h.update(`\n${f.path}\t${f.size}\t${f.mtimeMs}`);
  return h.digest('hex').slice(0, 32);
}

export interface CachedPixels {
  pixels: Uint8Array;
  outcomes: DecodeOutcome[];
}

export async function readPixelCache(
  cacheDir: string,
  key: string,
  expectedBytes: number,
): Promise<CachedPixels | null> {
  try {
    const [json, bin] = await Promise.all([
      readFile(path.join(cacheDir, `${key}.json`), 'utf8'),
      readFile(path.join(cacheDir, `${key}.bin`)),
    ]);
    const outcomes = JSON.parse(json) as DecodeOutcome[];
    if (!Array.isArray(outcomes) || bin.length !== expectedBytes) return null;
    return { pixels: new Uint8Array(bin.buffer, bin.byteOffset, bin.byteLength), outcomes };
  } catch {
    return null; // missing or unreadable cache: decode again
  }
}

export async function writePixelCache(
  cacheDir: string,
  key: string,
  entry: CachedPixels,
): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const tmp = `.${key}.${process.pid}.tmp`;
  await writeFile(path.join(cacheDir, `${tmp}.bin`), entry.pixels);
  await writeFile(path.join(cacheDir, `${tmp}.json`), JSON.stringify(entry.outcomes));
  await rename(path.join(cacheDir, `${tmp}.bin`), path.join(cacheDir, `${key}.bin`));
  await rename(path.join(cacheDir, `${tmp}.json`), path.join(cacheDir, `${key}.json`));
}
