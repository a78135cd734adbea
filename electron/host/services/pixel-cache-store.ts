import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

import {
  maxPixelCacheEntryBytes,
  pixelCacheKeyPattern,
} from '../../../core/contract/request-schemas';
import { HostFailure } from './host-error';

/**
 * The app's on-disk cache of decoded dataset pixels (issue 4, item 7), so
 * that loading the same folder after a restart skips decoding. The renderer
 * packs an entry (pixels + per-file checks) into one opaque blob and names it
 * by a hash of the folder, every file's path/size/mtime and the decode
 * options; the host only stores blobs under those hash names, never at a path
 * the renderer chose. Writes go to a part file then rename (a crash never
 * leaves half an entry); the total size, unfinished parts included, is
 * capped and the least recently used entries (by mtime, refreshed on every
 * read) are evicted first.
 */
/** Total size kept on disk before the least recently used entries go. */
export const defaultPixelCacheBudgetBytes = 2 * 1024 * 1024 * 1024;

export interface PixelCacheStore {
  read(key: string): Promise<Uint8Array | null>;
  /**
   * Writes part of an entry: `bytes` at `offset` of a blob of `total` bytes.
   * Parts arrive in order (a part at offset 0 starts over); the entry appears,
   * atomically, when the last part lands. Transports send large entries in
   * parts so that no single message holds the whole blob.
   */
  write(key: string, bytes: Uint8Array, offset?: number, total?: number): Promise<void>;
}

export function createPixelCacheStore(
  dir: string,
  budgetBytes: number = defaultPixelCacheBudgetBytes,
): PixelCacheStore {
  const fileOf = (key: string): string => {
    // Checked again here (not only by the request schema): this is what keeps names inside `dir`.
    if (!pixelCacheKeyPattern.test(key)) throw new Error(`bad pixel cache key ${key.slice(0, 40)}`);
    return path.join(dir, `${key}.bin`);
  };
  let pending: Promise<unknown> = Promise.resolve();
  return {
    async read(key) {
      const file = fileOf(key);
      try {
        const bytes = await readFile(file);
        const now = new Date();
        await utimes(file, now, now).catch(() => undefined); // most recently used
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch {
        return null; // absent or unreadable: the renderer decodes again
      }
    },
    async write(key, bytes, offset = 0, total = bytes.byteLength) {
      const file = fileOf(key);
      if (offset + bytes.byteLength > total || total > maxPixelCacheEntryBytes)
        throw new HostFailure('invalid-argument', 'The pixel cache part does not fit its entry.');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // One part file per key; parts append in order.
      const part = path.join(dir, `.${key}.part`);
      const have =
        offset === 0
          ? 0
          : await stat(part).then(
              (i) => i.size,
              () => -1,
            );
      if (have !== offset)
        throw new HostFailure('invalid-argument', 'Pixel cache parts arrived out of order.');
      // Unfinished parts of other entries count against the budget too (one entry alone may exceed it).
      const others = await unfinishedBytes(dir, part);
      if (others > 0 && others + offset + bytes.byteLength > budgetBytes)
        throw new HostFailure(
          'too-large',
          'The pixel cache is full of unfinished entries; this one is not kept.',
        );
      await writeFile(part, bytes, { flag: offset === 0 ? 'w' : 'a', mode: 0o600 });
      if (offset + bytes.byteLength < total) return;
      await rename(part, file);
      // Evictions one at a time, so two writes never delete each other's files twice.
      pending = pending.then(() => evict(dir, budgetBytes, file)).catch(() => undefined);
      await pending;
    },
  };
}

/** Bytes of the part files in `dir` other than `except` that are still being written (less than an hour old). */
async function unfinishedBytes(dir: string, except: string): Promise<number> {
  const hourAgo = Date.now() - 3_600_000;
  let total = 0;
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    if (!name.startsWith('.') || file === except) continue;
    const info = await stat(file).catch(() => null);
    if (info !== null && info.mtimeMs >= hourAgo) total += info.size;
  }
  return total;
}

/** Deletes the least recently used entries (and stale temp files) until the total fits the budget; `keep` stays. */
async function evict(dir: string, budgetBytes: number, keep: string): Promise<void> {
  const entries = await Promise.all(
    (await readdir(dir)).map(async (name) => {
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => null);
      return info === null ? null : { file, name, size: info.size, used: info.mtimeMs };
    }),
  );
  const hourAgo = Date.now() - 3_600_000;
  let total = 0;
  const blobs: { file: string; size: number; used: number }[] = [];
  for (const e of entries) {
    if (e === null) continue;
    if (e.name.startsWith('.')) {
      if (e.used < hourAgo)
        await rm(e.file, { force: true }); // a part left by a crash or a closed window
      else total += e.size; // a write in progress: it takes disk too, so older entries make room
      continue;
    }
    total += e.size;
    blobs.push(e);
  }
  blobs.sort((a, b) => a.used - b.used);
  for (const blob of blobs) {
    if (total <= budgetBytes) break;
    if (blob.file === keep) continue;
    await rm(blob.file, { force: true });
    total -= blob.size;
  }
}
