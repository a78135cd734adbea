import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

import writeFileAtomic from 'write-file-atomic';

import { errnoOf } from './host-error';

/** Rename failures Windows reports while antivirus or the indexer holds the file. */
const transientErrnos = new Set(['EPERM', 'EBUSY', 'EACCES']);

export interface AtomicWriteOptions {
  /** Keep the previous contents as `<file>.bak` before replacing it. Default true. */
  readonly keepBackup?: boolean;
  /** Extra attempts after a transient rename failure. Default 5. */
  readonly retries?: number;
  /** First back-off delay; doubles per attempt. Default 50 ms. */
  readonly retryDelayMs?: number;
  /** File mode of the written file (the app's own files: 0o600); default: the old file's, or 0o666 less umask. */
  readonly mode?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Writes to one file are queued so a second save never cleans up the temp
// file of a first one still in flight.
const queues = new Map<string, Promise<unknown>>();

/**
 * Replaces `file` atomically: temp file in the same folder → fsync → rename
 * (write-file-atomic 7), with bounded retry when the rename hits
 * EPERM/EBUSY/EACCES (npm/write-file-atomic#227), the previous version kept
 * as `<file>.bak`, and stale temp files of earlier crashed writes removed.
 * On failure the original file is untouched.
 */
export function writeFileAtomically(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const key = path.resolve(file);
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => writeNow(key, data, options));
  queues.set(key, next);
  const forget = (): void => {
    if (queues.get(key) === next) queues.delete(key);
  };
  next.then(forget, forget);
  return next;
}

async function writeNow(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions,
): Promise<void> {
  const { keepBackup = true, retries = 5, retryDelayMs = 50, mode } = options;
  await removeStaleTemps(file);
  if (keepBackup) await backUp(file);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const payload =
        typeof data === 'string'
          ? data
          : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      await writeFileAtomic(
        file,
        payload,
        mode === undefined ? { fsync: true } : { fsync: true, mode },
      );
      break;
    } catch (error) {
      const errno = errnoOf(error);
      if (errno === undefined || !transientErrnos.has(errno) || attempt >= retries) throw error;
      await sleep(retryDelayMs * 2 ** attempt);
    }
  }
  await syncFolder(path.dirname(file));
}

/**
 * Copies `file` to `<file>.bak` without ever opening `.bak` itself: the copy
 * goes to a fresh random temp name created exclusively (O_CREAT|O_EXCL, so a
 * planted symlink there makes it fail instead of being followed), then is
 * renamed over `.bak`. Rename replaces a symlink at `.bak`, never its target,
 * and a crash leaves either the old or the new backup complete.
 */
async function backUp(file: string): Promise<void> {
  const temp = `${file}.bak.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await copyFile(file, temp, constants.COPYFILE_EXCL);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return; // first save: nothing to keep
    throw error;
  }
  try {
    await rename(temp, `${file}.bak`);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** write-file-atomic names its temp files `<file>.<uint32>`; backups are copied to `<file>.bak.<hex>.tmp` first. */
function isTempOf(baseName: string, candidate: string): boolean {
  if (!candidate.startsWith(`${baseName}.`)) return false;
  return /^(\d{1,10}|bak\.[0-9a-f]{12}\.tmp)$/.test(candidate.slice(baseName.length + 1));
}

/** Deletes temp files left by a write that crashed between temp write and rename. */
export async function removeStaleTemps(file: string): Promise<string[]> {
  const folder = path.dirname(file);
  const baseName = path.basename(file);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!isTempOf(baseName, name)) continue;
    try {
      await unlink(path.join(folder, name));
      removed.push(name);
    } catch {
      // Someone else removed it, or it is locked: harmless, try next time.
    }
  }
  return removed;
}

/** Makes the rename durable on POSIX; Windows cannot open folders for fsync. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on folders; the data itself is synced.
  }
}
