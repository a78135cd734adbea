import { open } from 'node:fs/promises';

import type { FileBytes } from '../../renderer/host/Host';
import { HostFailure, toHostError } from './host-error';
import { resolveExistingInside } from './safe-path';

/** Largest single dataset file we read (a bigger "image" is a mistake or a bomb). */
export const maxDatasetFileBytes = 64 * 1024 * 1024;

/**
 * Reads files of a granted folder. Each path is checked and read on its own:
 * a missing, unreadable, too large or out-of-folder file gives a failed entry
 * and the rest of the batch still arrives (one bad image must not stop a run).
 */
export async function readFilesInside(
  rootReal: string,
  relPaths: readonly string[],
): Promise<FileBytes[]> {
  const results = new Array<FileBytes>(relPaths.length);
  // A few reads in flight at once: per-file latency (realpath, open, stat)
  // dominates for small images, and the order of results is kept by index.
  let next = 0;
  async function worker(): Promise<void> {
    while (next < relPaths.length) {
      const index = next++;
      const rel = relPaths[index] as string;
      results[index] = await readOne(rootReal, rel);
    }
  }
  await Promise.all(Array.from({ length: Math.min(readConcurrency, relPaths.length) }, worker));
  return results;
}

/** Reads in flight at once per batch. */
const readConcurrency = 16;

async function readOne(rootReal: string, rel: string): Promise<FileBytes> {
  try {
    const real = await resolveExistingInside(rootReal, rel);
    return { path: rel, ok: true, bytes: await readCapped(real, rel) };
  } catch (error) {
    return { path: rel, ok: false, error: toHostError(error, rel) };
  }
}

async function readCapped(file: string, rel: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new HostFailure('invalid-argument', 'This is not a file.', rel);
    if (info.size > maxDatasetFileBytes)
      throw new HostFailure(
        'too-large',
        `The file is larger than ${maxDatasetFileBytes / 1024 / 1024} MB.`,
        rel,
      );
    const bytes = await handle.readFile();
    // Copy into a plain Uint8Array (Node's Buffer pool slices would leak neighbours over IPC).
    return new Uint8Array(bytes);
  } finally {
    await handle.close();
  }
}
