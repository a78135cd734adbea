import { createHash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { ListedFile } from '../../core/contract/host';
import type { TargetOptions } from './decode-image-node';
import type { DecodeOutcome } from './decode-protocol';

/**
 * On-disk cache of decoded, resized uint8 samples for the command line, so
 * the second load of a folder skips decoding. One entry per (folder, target
 * options), so editing a folder replaces its entry instead of piling up new
 * ones: `<key>.bin` (packed pixels) and `<key>.json` (an index: a digest of
 * every file's path, size and mtime, and the per-file outcomes). An entry is
 * used only when the digest matches today's listing: any added, removed,
 * resized or touched file means decoding again. Each file is written to a
 * temp name then renamed, the index last, and the index records the pixel
 * byte count, so a crash between the two never yields a mismatched entry.
 */
export const pixelCacheVersion = 2;

/** Names the entry of a folder + target options. */
export function pixelCacheKey(root: string, target: TargetOptions): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ v: pixelCacheVersion, root, target }));
  return h.digest('hex').slice(0, 32);
}

/** Digest of the listing the entry was decoded from (order matters: outcomes are indexed by it). */
export function listingDigest(files: readonly ListedFile[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.path}\t${f.size}\t${f.mtimeMs}\n`);
  return h.digest('hex');
}

export interface CachedPixels {
  pixels: Uint8Array;
  outcomes: DecodeOutcome[];
}

interface Index {
  v: number;
  listing: string;
  pixelBytes: number;
  outcomes: DecodeOutcome[];
}

export async function readPixelCache(
  cacheDir: string,
  key: string,
  listing: string,
  expectedBytes: number,
): Promise<CachedPixels | null> {
  try {
    const index = JSON.parse(await readFile(path.join(cacheDir, `${key}.json`), 'utf8')) as Index;
    if (
      index.v !== pixelCacheVersion ||
      index.listing !== listing ||
      index.pixelBytes !== expectedBytes ||
      !Array.isArray(index.outcomes)
    )
      return null;
    const bin = await readFile(path.join(cacheDir, `${key}.bin`));
    if (bin.length !== expectedBytes) return null;
    return {
      pixels: new Uint8Array(bin.buffer, bin.byteOffset, bin.byteLength),
      outcomes: index.outcomes,
    };
  } catch {
    return null; // missing or unreadable cache: decode again
  }
}

export async function writePixelCache(
  cacheDir: string,
  key: string,
  listing: string,
  entry: CachedPixels,
): Promise<void> {
  // The user's only (0700/0600); temp names are random and created exclusively (O_EXCL), so a
  // symlink planted in a shared cache folder is never written through.
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  const tmp = `.${key}.${randomBytes(8).toString('hex')}.tmp`;
  const index: Index = {
    v: pixelCacheVersion,
    listing,
    pixelBytes: entry.pixels.byteLength,
    outcomes: entry.outcomes,
  };
  await writeFile(path.join(cacheDir, `${tmp}.bin`), entry.pixels, { flag: 'wx', mode: 0o600 });
  await writeFile(path.join(cacheDir, `${tmp}.json`), JSON.stringify(index), {
    flag: 'wx',
    mode: 0o600,
  });
  await rename(path.join(cacheDir, `${tmp}.bin`), path.join(cacheDir, `${key}.bin`));
  await rename(path.join(cacheDir, `${tmp}.json`), path.join(cacheDir, `${key}.json`));
}
