import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import type { FileBytes } from '../../../core/contract/host';
import { HostFailure, toHostError } from './host-error';
import { checkRelativePath, isInside, resolveExistingInside } from './safe-path';

/** Largest single dataset file we read (a bigger "image" is a mistake or a bomb). */
export const maxDatasetFileBytes = 64 * 1024 * 1024;

/** Most bytes one batch returns (the renderer asks for at most 16 MB of images at a time). */
export const maxBatchBytes = 64 * 1024 * 1024;

/** Returned in place of a file that would take the batch past `maxBatchBytes`. */
const batchFull = Symbol('batch full');
type Read = FileBytes | typeof batchFull;

/**
 * Reads files of a granted folder. Each path is checked and read on its own:
 * a missing, unreadable, too large or out-of-folder file gives a failed entry
 * and the rest of the batch still arrives (one bad image must not stop a run).
 * Only regular files are opened: FIFOs, sockets and devices are refused
 * before open, and opens are non-blocking where the platform allows.
 *
 * At most `maxBatchBytes` are returned per call (the first file always is):
 * when the next file would pass that, the answer is shorter than `relPaths`
 * and the caller asks again for the rest (`readAllDatasetFiles` in the
 * renderer does).
 *
 * Fast path (the app's 60k-image load is dominated by per-file overhead, not
 * bytes): each parent folder is resolved with `realpath` once per batch and
 * checked to be inside the root, then the file is opened with O_NOFOLLOW (a
 * symlinked file fails to open and takes the slow path, which follows it and
 * checks where it leads) and read synchronously. The event loop is yielded
 * every few megabytes or milliseconds, so a batch of large photos never
 * blocks the host for long. Where O_NOFOLLOW does not exist (Windows), every
 * file takes the slow path.
 */
export async function readFilesInside(
  rootReal: string,
  relPaths: readonly string[],
): Promise<FileBytes[]> {
  if (constants.O_NOFOLLOW === undefined) return readAllSlowly(rootReal, relPaths);
  const results: FileBytes[] = [];
  let total = 0;
  const parents = new Map<string, string | null>();
  let sliceStart = performance.now();
  let sliceBytes = 0;
  for (const [index, rel] of relPaths.entries()) {
    if (sliceBytes > yieldEveryBytes || performance.now() - sliceStart > yieldEveryMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
      sliceBytes = 0;
    }
    let parentReal: string | null;
    let name: string;
    try {
      const segments = checkRelativePath(rel);
      name = segments.pop() as string;
      const parentRel = segments.join('/');
      if (!parents.has(parentRel)) {
        const real = await realpath(path.join(rootReal, ...segments)).catch(() => null);
        parents.set(parentRel, real !== null && isInside(rootReal, real) ? real : null);
      }
      parentReal = parents.get(parentRel) ?? null;
    } catch (error) {
      results[index] = { path: rel, ok: false, error: toHostError(error, rel) };
      continue;
    }
    const room = total === 0 ? Infinity : maxBatchBytes - total;
    const direct =
      parentReal === null ? null : readDirectly(path.join(parentReal, name), rel, room);
    // Anything unusual (a symlink, a missing or escaping parent, an error) gets the careful path and its exact error.
    const read = direct ?? (await readOne(rootReal, rel, () => room));
    if (read === batchFull) return results;
    results[index] = read;
    if (read.ok) {
      sliceBytes += read.bytes.byteLength;
      total += read.bytes.byteLength;
    }
  }
  return results;
}

const yieldEveryBytes = 8 * 1024 * 1024;
const yieldEveryMs = 8;

/** A regular, non-symlinked file read synchronously, or null when the careful path should decide. */
function readDirectly(file: string, rel: string, room: number): Read | null {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then refused as not a file).
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    // Answered here, not by the careful path: it would open a FIFO again, blocking until a writer comes.
    if (!info.isFile()) return notAFile(rel);
    if (info.size > maxDatasetFileBytes) return tooLarge(rel);
    if (info.size > room) return batchFull;
    const bytes = new Uint8Array(info.size);
    let length = 0;
    while (length < bytes.length) {
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { path: rel, ok: true, bytes: length === bytes.length ? bytes : bytes.slice(0, length) };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function notAFile(rel: string): FileBytes {
  return {
    path: rel,
    ok: false,
    error: toHostError(new HostFailure('invalid-argument', 'This is not a file.', rel), rel),
  };
}

function tooLarge(rel: string): FileBytes {
  const message = `The file is larger than ${maxDatasetFileBytes / 1024 / 1024} MB.`;
  return {
    path: rel,
    ok: false,
    error: toHostError(new HostFailure('too-large', message, rel), rel),
  };
}

/**
 * Reads every file on the careful path, a few in flight at once, within
 * `maxBatchBytes` plus the first path, which always comes (reads reserve bytes
 * as they learn sizes, in any order). Used where O_NOFOLLOW does not exist
 * (Windows); exported for its tests on other systems.
 */
export async function readAllSlowly(
  rootReal: string,
  relPaths: readonly string[],
): Promise<FileBytes[]> {
  const results = new Array<FileBytes>(relPaths.length);
  let next = 0;
  let reserved = 0;
  let stopAt = relPaths.length;
  // Bytes are reserved synchronously once a file's size is known, so the answer is a prefix within the cap.
  const reserve = (index: number) => (size: number) => {
    if (index >= stopAt) return false;
    if (index > 0 && reserved + size > maxBatchBytes) {
      stopAt = index;
      return false;
    }
    reserved += size;
    return true;
  };
  async function worker(): Promise<void> {
    while (next < relPaths.length && next < stopAt) {
      const index = next++;
      const rel = relPaths[index] as string;
      const read = await readOne(rootReal, rel, reserve(index));
      if (read === batchFull) stopAt = Math.min(stopAt, index);
      else results[index] = read;
    }
  }
  await Promise.all(Array.from({ length: Math.min(readConcurrency, relPaths.length) }, worker));
  return results.slice(0, stopAt);
}

/** Reads in flight at once per batch on the careful path. */
const readConcurrency = 16;

/** Whether a file of `size` bytes still fits the batch (a number: the room left; a function: reserves it). */
type Room = (size: number) => boolean | number;

async function readOne(rootReal: string, rel: string, room: Room): Promise<Read> {
  try {
    const real = await resolveExistingInside(rootReal, rel);
    const bytes = await readCapped(real, rel, room);
    return bytes === batchFull ? bytes : { path: rel, ok: true, bytes };
  } catch (error) {
    return { path: rel, ok: false, error: toHostError(error, rel) };
  }
}

function fits(room: Room, size: number): boolean {
  const answer = room(size);
  return typeof answer === 'number' ? size <= answer : answer;
}

async function readCapped(
  file: string,
  rel: string,
  room: Room,
): Promise<Uint8Array | typeof batchFull> {
  // Refused before open: opening a FIFO for reading waits for a writer (a blocked file-system thread).
  if (!(await stat(file)).isFile())
    throw new HostFailure('invalid-argument', 'This is not a file.', rel);
  // Non-blocking where it exists, should the file have been swapped for a FIFO since.
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new HostFailure('invalid-argument', 'This is not a file.', rel);
    if (info.size > maxDatasetFileBytes)
      throw new HostFailure(
        'too-large',
        `The file is larger than ${maxDatasetFileBytes / 1024 / 1024} MB.`,
        rel,
      );
    if (!fits(room, info.size)) return batchFull;
    const bytes = await handle.readFile();
    // Copy into a plain Uint8Array (Node's Buffer pool slices would leak neighbours over IPC).
    return new Uint8Array(bytes);
  } finally {
    await handle.close();
  }
}
